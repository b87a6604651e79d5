import { describe, expect, it } from 'vitest';
import { metricCatalog } from '../src/metrics/catalog';
import { metricCatalogList } from '../src/metrics/query';
import { metricBetterDirections } from '../src/metrics/types';

// KPI tiles colour a delta green or red from this field alone, so a wrong
// value shows good news as bad; these pin the ones a reader would notice.
describe('which way each metric should move', () => {
  it('is declared by every catalogue entry, with a known value', () => {
    for (const m of metricCatalog) expect(metricBetterDirections, m.key).toContain(m.better);
  });

  it('says rises are good for scores, coverage and success rates, falls for findings, failures and durations', () => {
    const better = Object.fromEntries(metricCatalog.map((m) => [m.key, m.better]));
    expect(better).toMatchObject({
      'posture.score': 'up',
      'classification.coverage': 'up',
      'scan.success_rate': 'up',
      'workflow.success_rate': 'up',
      'findings.open': 'down',
      'findings.sla_breaches': 'down',
      'runs.failures': 'down',
      'pipeline.duration_p95': 'down',
      'scan.freshness': 'down',
    });
  });

  it('calls volumes neither, where the old name-based guess called some of them bad', () => {
    const better = Object.fromEntries(metricCatalog.map((m) => [m.key, m.better]));
    expect(better).toMatchObject({ 'sensitive.columns': 'neither', 'activity.volume': 'neither', 'queue.depth': 'neither', 'scan.runs': 'neither' });
  });

  it('reaches the public catalogue list the dashboard editor and the assistant read', () => {
    const listed = new Map(metricCatalogList().map((m) => [m.key, m.better]));
    for (const m of metricCatalog) expect(listed.get(m.key), m.key).toBe(m.better);
  });
});
