import { describe, expect, it } from 'vitest';
import { addStep, autoLayout, connect, freshStepId, removeSteps, renameStep, stepIdProblem, wouldCycle } from './builder-graph';
import type { DraftStep } from './builder-types';

const step = (id: string, dependsOn: string[] = [], extra: Partial<DraftStep> = {}): DraftStep => ({ id, type: 'delay', config: {}, dependsOn, ...extra });

describe('builder graph edits', () => {
  it('gives each added step a free id made from its type', () => {
    expect(freshStepId('scan.run', [])).toBe('scan_run');
    expect(freshStepId('scan.run', ['scan_run', 'scan_run_2'])).toBe('scan_run_3');
    expect(freshStepId('9lives', [])).toBe('step_9lives');
    const a = addStep([], 'notify');
    const b = addStep(a.steps, 'notify');
    expect(b.id).toBe('notify_2');
    expect(b.steps[1]!.position!.y).toBeGreaterThan(b.steps[0]!.position!.y);
  });

  it('connects a step after another, refusing self-loops, duplicates and cycles', () => {
    const steps = [step('a'), step('b', ['a']), step('c', ['b'])];
    const ok = connect(steps, 'a', 'c');
    expect(ok.ok && ok.steps.find((s) => s.id === 'c')!.dependsOn).toEqual(['b', 'a']);
    expect(connect(steps, 'a', 'a')).toMatchObject({ ok: false, reason: 'A step cannot depend on itself' });
    expect(connect(steps, 'a', 'b')).toMatchObject({ ok: false, reason: 'b already depends on a' });
    const cycle = connect(steps, 'c', 'a');
    expect(cycle.ok).toBe(false);
    expect(!cycle.ok && cycle.reason).toMatch(/cycle/);
    expect(wouldCycle(steps, 'c', 'a')).toBe(true);
    expect(wouldCycle(steps, 'a', 'c')).toBe(false);
  });

  it('removes steps with every dependency on them', () => {
    const steps = [step('a'), step('b', ['a']), step('c', ['a', 'b'])];
    expect(removeSteps(steps, ['a']).map((s) => [s.id, s.dependsOn])).toEqual([
      ['b', []],
      ['c', ['b']],
    ]);
  });

  it('renames a step in dependencies, templates and conditions', () => {
    const steps = [
      step('scan'),
      step('notify', ['scan'], {
        config: { body: 'Found {{ steps.scan.labelsSuggested }} labels', list: ['{{ steps.scan.runId }}'], other: '{{ steps.scanner.x }}' },
        condition: 'steps.scan.labelsSuggested > 0',
      }),
    ];
    const renamed = renameStep(steps, 'scan', 'discover');
    expect(renamed.map((s) => s.id)).toEqual(['discover', 'notify']);
    expect(renamed[1]!.dependsOn).toEqual(['discover']);
    expect(renamed[1]!.config).toEqual({ body: 'Found {{ steps.discover.labelsSuggested }} labels', list: ['{{ steps.discover.runId }}'], other: '{{ steps.scanner.x }}' });
    expect(renamed[1]!.condition).toBe('steps.discover.labelsSuggested > 0');
  });

  it('says why a step id is not acceptable', () => {
    const steps = [step('a'), step('b')];
    expect(stepIdProblem(steps, 'a', 'a')).toBeNull();
    expect(stepIdProblem(steps, 'a', 'b')).toMatch(/already called b/);
    expect(stepIdProblem(steps, 'a', 'Bad-Id')).toMatch(/lowercase/);
  });

  it('lays steps out top to bottom in dependency order', () => {
    const laid = autoLayout([step('c', ['b']), step('a'), step('b', ['a'])]);
    const y = Object.fromEntries(laid.map((s) => [s.id, s.position!.y]));
    expect(y.a).toBeLessThan(y.b!);
    expect(y.b).toBeLessThan(y.c!);
  });
});
