/*
 * The shapes the monitoring components read, structurally (they accept the router's
 * ExecutionView / StepRunView and anything with these fields), plus the pure helpers that
 * group step runs by step and compute progress. No React here, so it is unit-tested.
 */

export type DateLike = Date | string | null | undefined;

export interface StepRunLike {
  /** The step run's id. */
  id: string;
  stepId: string;
  name?: string | null;
  type: string;
  itemIndex?: number | null;
  parentId?: string | null;
  status: string;
  attempt: number;
  maxAttempts: number;
  input?: unknown;
  output?: unknown;
  error?: string | null;
  readyAt?: DateLike;
  startedAt?: DateLike;
  finishedAt?: DateLike;
  nextAttemptAt?: DateLike;
  dependsOn?: string[];
}

export interface StepDefinitionLike {
  id: string;
  name?: string;
  type: string;
  dependsOn?: string[];
  condition?: string;
}

export interface DefinitionLike {
  steps: StepDefinitionLike[];
}

export interface LogLike {
  id: string;
  stepRunId: string | null;
  stepId: string | null;
  at: Date | string;
  level: string;
  message: string;
  data?: unknown;
}

export const toTime = (d: DateLike): number | null => (d ? new Date(d).getTime() : null);

const TERMINAL = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
export const isTerminalStep = (status: string) => TERMINAL.has(status);

export interface ChildProgress {
  total: number;
  done: number;
  succeeded: number;
  failed: number;
  running: number;
}

export interface StepState {
  step: StepDefinitionLike;
  /** The step's own run (top level, not a forEach child); null before it is created. */
  run: StepRunLike | null;
  /** forEach children, by item index. */
  children: StepRunLike[];
  childProgress: ChildProgress | null;
  /** What the graph colours it by: the run's status, or pending before a run exists. */
  status: string;
}

function childProgressOf(children: StepRunLike[]): ChildProgress | null {
  if (!children.length) return null;
  let done = 0;
  let succeeded = 0;
  let failed = 0;
  let running = 0;
  for (const c of children) {
    if (isTerminalStep(c.status)) done++;
    if (c.status === 'succeeded') succeeded++;
    if (c.status === 'failed') failed++;
    if (c.status === 'running' || c.status === 'waiting' || c.status === 'retrying') running++;
  }
  return { total: children.length, done, succeeded, failed, running };
}

/** One entry per definition step, in definition order, with its run and forEach children. */
export function stepStates(definition: DefinitionLike, runs: readonly StepRunLike[]): StepState[] {
  const topByStep = new Map<string, StepRunLike>();
  const childrenByParent = new Map<string, StepRunLike[]>();
  for (const r of runs) {
    if (r.parentId) {
      const list = childrenByParent.get(r.parentId) ?? [];
      list.push(r);
      childrenByParent.set(r.parentId, list);
    } else {
      topByStep.set(r.stepId, r);
    }
  }
  return definition.steps.map((step) => {
    const run = topByStep.get(step.id) ?? null;
    const children = run
      ? (childrenByParent.get(run.id) ?? []).sort((a, b) => (a.itemIndex ?? 0) - (b.itemIndex ?? 0))
      : [];
    return {
      step,
      run,
      children,
      childProgress: childProgressOf(children),
      status: run?.status ?? 'pending',
    };
  });
}

/** Finished top-level steps / all top-level steps (the header's progress bar). */
export function executionProgress(definition: DefinitionLike, runs: readonly StepRunLike[]) {
  const states = stepStates(definition, runs);
  const total = states.length;
  const done = states.filter((s) => isTerminalStep(s.status)).length;
  return { done, total, percent: total ? Math.round((done / total) * 100) : 0 };
}

/** "850 ms", "1.2 s", "3 min 4 s", "2 h 5 min". */
export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.round(ms))} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  const h = Math.floor(m / 60);
  if (h < 48) return `${h} h ${m % 60} min`;
  return `${Math.floor(h / 24)} d ${h % 24} h`;
}

/** Elapsed between two instants; an open end counts up to `now`; "—" before it started. */
export function formatSpan(start: DateLike, end: DateLike, now = Date.now()): string {
  const from = toTime(start);
  if (from === null) return '—';
  return formatMs((toTime(end) ?? now) - from);
}
