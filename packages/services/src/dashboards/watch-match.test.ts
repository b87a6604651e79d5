import { describe, expect, it } from 'vitest';
import { builtInDashboards } from './builtins';
import { widgetsHitBy } from './watch';

describe('which widgets an activity type wakes', () => {
  const ops = builtInDashboards.operations.widgets;

  it('matches by the metric catalogue’s invalidatedBy prefixes', () => {
    // scan.runs, scan.success_rate and freshness listen to "scan."; runs.failures to "scan.run."; the heatmap to everything.
    expect(widgetsHitBy(ops, 'scan.run.completed').sort()).toEqual(['failures', 'freshness', 'heatmap', 'recent-failures', 'scan-runs', 'scan-success']);
    expect(widgetsHitBy(ops, 'workflow.execution.failed').sort()).toEqual(['failures', 'heatmap', 'recent-failures', 'wf-p95', 'wf-success']);
    expect(widgetsHitBy(builtInDashboards['my-work'].widgets, 'glossary.term.created')).toEqual(['my-activity']);
  });

  it('wakes nothing for a metric the catalogue does not know, or one no activity changes', () => {
    const w = { ...ops[0]!, id: 'x', metric: 'no.such.metric' };
    expect(widgetsHitBy([w, { ...w, id: 'q', metric: 'queue.depth' }], 'scan.run.completed')).toEqual([]);
  });

  it('takes the invalidators it is given', () => {
    expect(widgetsHitBy(ops.slice(0, 2), 'kb.article.created', (m) => (m === 'runs.failures' ? ['kb.'] : []))).toEqual(['failures']);
  });
});
