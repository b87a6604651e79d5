import { describe, expect, it } from 'vitest';
import { placeIssues } from './builder-issues';
import type { DraftStep } from './builder-types';

const steps: DraftStep[] = [
  { id: 'scan', type: 'scan.run', config: {}, dependsOn: [] },
  { id: 'notify', type: 'notify', config: {}, dependsOn: ['scan'] },
];

describe('placing validation problems', () => {
  it('puts each problem on its step and field, whatever the path style', () => {
    const placed = placeIssues(
      [
        { path: 'steps.0.config.dataSourceId', message: 'Pick a data source' },
        { path: 'steps[1].condition', message: 'Unknown field steps.x.y' },
        { path: 'steps.notify.config.title', stepId: 'notify', message: 'Give it a title' },
        { path: 'steps.1', stepId: 'notify', message: 'Depends on a missing step' },
        { path: 'triggers.cron', message: 'Not a cron expression' },
        { path: 'steps', message: 'The steps form a cycle' },
      ],
      steps,
    );
    expect(placed.byStep.get('scan')!.config.get('dataSourceId')).toEqual(['Pick a data source']);
    const notify = placed.byStep.get('notify')!;
    expect(notify.fields.get('condition')).toEqual(['Unknown field steps.x.y']);
    expect(notify.config.get('title')).toEqual(['Give it a title']);
    expect(notify.general).toEqual(['Depends on a missing step']);
    expect(notify.all).toHaveLength(3);
    expect(placed.workflow).toEqual([
      { section: 'triggers', path: 'triggers.cron', message: 'Not a cron expression' },
      { section: '', path: 'steps', message: 'The steps form a cycle' },
    ]);
  });
});
