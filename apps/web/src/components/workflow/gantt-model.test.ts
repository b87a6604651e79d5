import { describe, expect, it } from 'vitest';
import { executionProgress, type StepRunLike, stepStates } from './execution-model';
import {
  axisTicks,
  eventsByRun,
  ganttRows,
  segmentsOf,
  tickLabel,
  timeWindow,
} from './gantt-model';
import { layoutSteps } from './dag-layout';

const t0 = Date.parse('2026-12-01T10:00:00Z');
const at = (ms: number) => new Date(t0 + ms);

function run(p: Partial<StepRunLike> & { id: string; stepId: string }): StepRunLike {
  return { type: 'notify', status: 'pending', attempt: 1, maxAttempts: 1, ...p };
}

const definition = {
  steps: [
    { id: 'scan', type: 'scan.run' },
    { id: 'each', type: 'forEach', dependsOn: ['scan'] },
    { id: 'ok', type: 'approval', dependsOn: ['each'] },
    { id: 'tell', type: 'notify', dependsOn: ['ok'] },
  ],
};

const runs: StepRunLike[] = [
  run({
    id: 'r1',
    stepId: 'scan',
    type: 'scan.run',
    status: 'succeeded',
    readyAt: at(0),
    startedAt: at(200),
    finishedAt: at(5_000),
  }),
  run({
    id: 'r2',
    stepId: 'each',
    type: 'forEach',
    status: 'running',
    readyAt: at(5_000),
    startedAt: at(5_010),
  }),
  run({
    id: 'c0',
    stepId: 'each',
    parentId: 'r2',
    itemIndex: 1,
    status: 'failed',
    startedAt: at(5_100),
    finishedAt: at(6_000),
  }),
  run({
    id: 'c1',
    stepId: 'each',
    parentId: 'r2',
    itemIndex: 0,
    status: 'succeeded',
    startedAt: at(5_100),
    finishedAt: at(5_900),
  }),
  run({
    id: 'c2',
    stepId: 'each',
    parentId: 'r2',
    itemIndex: 2,
    status: 'retrying',
    attempt: 2,
    maxAttempts: 3,
    startedAt: at(5_200),
    nextAttemptAt: at(9_000),
  }),
];

describe('step states', () => {
  it('pairs each definition step with its top-level run and sorted forEach children', () => {
    const states = stepStates(definition, runs);
    expect(states.map((s) => s.status)).toEqual(['succeeded', 'running', 'pending', 'pending']);
    expect(states[1]!.children.map((c) => c.id)).toEqual(['c1', 'c0', 'c2']);
    expect(states[1]!.childProgress).toEqual({
      total: 3,
      done: 2,
      succeeded: 1,
      failed: 1,
      running: 1,
    });
    expect(states[0]!.childProgress).toBeNull();
  });

  it('counts finished top-level steps for the progress bar, children excluded', () => {
    expect(executionProgress(definition, runs)).toEqual({ done: 1, total: 4, percent: 25 });
  });
});

describe('gantt geometry', () => {
  const now = t0 + 7_000;

  it('gives a finished run a queue lead-in and a run bar', () => {
    expect(segmentsOf(runs[0]!, now)).toEqual([
      { kind: 'queued', start: t0, end: t0 + 200, open: false },
      { kind: 'run', start: t0 + 200, end: t0 + 5_000, open: false },
    ]);
  });

  it('draws a retrying run up to now, then its backoff to the next attempt', () => {
    const segs = segmentsOf(runs[4]!, now);
    expect(segs.map((s) => s.kind)).toEqual(['retry', 'backoff']);
    expect(segs[0]).toMatchObject({ end: now, open: true });
    expect(segs[1]).toMatchObject({ start: now, end: t0 + 9_000 });
  });

  it('draws a waiting step striped, and an approval as waiting even once finished', () => {
    const waiting = run({ id: 'w', stepId: 'ok', status: 'waiting', startedAt: at(6_000) });
    expect(segmentsOf(waiting, now).map((s) => s.kind)).toEqual(['wait']);
    const approved = run({
      id: 'a',
      stepId: 'ok',
      type: 'approval',
      status: 'succeeded',
      startedAt: at(1),
      finishedAt: at(2),
    });
    expect(segmentsOf(approved, now).map((s) => s.kind)).toEqual(['wait']);
  });

  it('shows a dispatched, not started run as an open queue segment', () => {
    const ready = run({ id: 'x', stepId: 'tell', status: 'ready', readyAt: at(6_500) });
    expect(segmentsOf(ready, now)).toEqual([
      { kind: 'queued', start: t0 + 6_500, end: now, open: true },
    ]);
  });

  it('lists children under their forEach only when expanded', () => {
    const states = stepStates(definition, runs);
    expect(ganttRows(states, now, new Set()).map((r) => r.key)).toEqual([
      'scan',
      'each',
      'ok',
      'tell',
    ]);
    expect(ganttRows(states, now, new Set(['each'])).map((r) => r.label)).toEqual([
      'scan',
      'each',
      '#1',
      '#2',
      '#3',
      'ok',
      'tell',
    ]);
  });

  it('spans every segment, and falls back to the execution start before any run', () => {
    const states = stepStates(definition, runs);
    const rows = ganttRows(states, now, new Set(['each']));
    expect(timeWindow(rows, null, now)).toEqual({ start: t0, end: t0 + 9_000 });
    expect(timeWindow([], t0, t0 + 10)).toEqual({ start: t0, end: t0 + 1000 });
    expect(timeWindow([], null, now)).toBeNull();
  });

  it('picks round tick intervals', () => {
    expect(axisTicks(9_000).step).toBe(2_000);
    expect(axisTicks(9_000).ticks).toEqual([0, 2_000, 4_000, 6_000, 8_000]);
    expect(axisTicks(45 * 60_000).step).toBe(600_000);
    expect(tickLabel(90_000)).toBe('1 min 30 s');
    expect(tickLabel(3_600_000)).toBe('1 h');
  });
});

describe('replaying the engine status lines', () => {
  const log = (id: number, stepRunId: string, ms: number, message: string) => ({
    id: String(id),
    stepRunId,
    stepId: 'x',
    at: at(ms),
    level: 'info',
    message,
  });

  it('splits a parked step into run, wait and run again (the row keeps only its last start)', () => {
    const delay = run({
      id: 'd',
      stepId: 'pause',
      type: 'delay',
      status: 'succeeded',
      readyAt: at(0),
      startedAt: at(3_000),
      finishedAt: at(3_400),
    });
    const events = eventsByRun([
      log(1, 'd', 100, 'Started (attempt 1 of 1)'),
      log(2, 'd', 300, 'Waiting until 2026-12-01T10:00:03.000Z'),
      log(3, 'd', 3_000, 'Woke up (attempt 1 of 1)'),
      log(4, 'd', 3_400, 'Succeeded in 400 ms'),
      log(5, 'other', 50, 'Started (attempt 1 of 1)'),
    ]);
    expect(segmentsOf(delay, t0 + 9_000, events.get('d'))).toEqual([
      { kind: 'queued', start: t0, end: t0 + 100, open: false },
      { kind: 'run', start: t0 + 100, end: t0 + 300, open: false },
      { kind: 'wait', start: t0 + 300, end: t0 + 3_000, open: false },
      { kind: 'run', start: t0 + 3_000, end: t0 + 3_400, open: false },
    ]);
  });

  it('draws each failed attempt, its backoff, and the attempt still running', () => {
    const flaky = run({
      id: 'f',
      stepId: 'scan',
      status: 'running',
      attempt: 2,
      maxAttempts: 3,
      readyAt: at(0),
      startedAt: at(2_000),
    });
    const events = eventsByRun([
      log(1, 'f', 0, 'Started (attempt 1 of 3)'),
      log(2, 'f', 500, 'Attempt 1 of 3 failed: boom; retrying in 1500 ms'),
      log(3, 'f', 2_000, 'Started (attempt 2 of 3)'),
    ]);
    expect(
      segmentsOf(flaky, t0 + 2_500, events.get('f')).map((s) => [
        s.kind,
        s.start - t0,
        s.end - t0,
        s.open,
      ]),
    ).toEqual([
      ['retry', 0, 500, false],
      ['backoff', 500, 2_000, false],
      ['run', 2_000, 2_500, true],
    ]);
  });

  it('falls back to the row times when no line says it started', () => {
    const r = run({
      id: 'n',
      stepId: 'tell',
      status: 'succeeded',
      startedAt: at(10),
      finishedAt: at(20),
    });
    expect(segmentsOf(r, t0 + 30, eventsByRun([log(1, 'n', 20, 'Completed')]).get('n'))).toEqual([
      { kind: 'run', start: t0 + 10, end: t0 + 20, open: false },
    ]);
  });
});

describe('dag layout', () => {
  it('puts a step right of what it depends on and ignores unknown dependencies', () => {
    const pos = layoutSteps([...definition.steps, { id: 'lost', dependsOn: ['nope'] }]);
    expect(pos.get('scan')!.x).toBeLessThan(pos.get('each')!.x);
    expect(pos.get('ok')!.x).toBeLessThan(pos.get('tell')!.x);
    expect(pos.has('lost')).toBe(true);
  });
});
