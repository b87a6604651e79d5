import { type LogLike, type StepRunLike, type StepState, toTime } from './execution-model';

/*
 * The timeline's geometry, separate from its rendering so it can be tested: which bars
 * each step run gets, the time window they share, and a readable axis.
 */

/** Step types whose run is mostly parked, not working: their bar is drawn as waiting. */
export const WAITING_STEP_TYPES = new Set(['approval', 'delay']);

export type SegmentKind =
  /** ready → started: dispatched, waiting for a worker. */
  | 'queued'
  /** started → finished (or now): working. */
  | 'run'
  /** parked: an approval, a delay, a scan to finish. */
  | 'wait'
  /** a failed attempt that will be retried: started → now. */
  | 'retry'
  /** now → next attempt: the backoff still to go. */
  | 'backoff';

export interface Segment {
  kind: SegmentKind;
  start: number;
  end: number;
  /** The end is "now": the bar grows while the run is live. */
  open: boolean;
}

export interface GanttRow {
  key: string;
  label: string;
  stepId: string;
  depth: 0 | 1;
  status: string;
  run: StepRunLike | null;
  segments: Segment[];
  /** forEach: children rows exist (shown when expanded). */
  childCount: number;
}

/*
 * A step run's row keeps only its latest start (a parked step starts again when it wakes),
 * so the full story comes from the engine's status log lines: each attempt's start, each
 * wait and wake-up, each failed attempt and its backoff. These patterns follow the engine's
 * messages (engine/run-step.ts); when none match, the row's own times are used instead.
 */
const EVENT_PATTERNS: [RegExp, LogEvent['kind']][] = [
  [/^Started \(attempt/, 'start'],
  [/^Waiting (until|for)/, 'wait'],
  [/^Woke up/, 'wake'],
  [/^Attempt \d+ of \d+ failed/, 'retry'],
  [/^(Succeeded|Failed|Completed|Skipped|Cancelled)/, 'end'],
];

export interface LogEvent {
  kind: 'start' | 'wait' | 'wake' | 'retry' | 'end';
  at: number;
}

/** The status events of each step run, oldest first, from the execution's logs. */
export function eventsByRun(logs: readonly LogLike[]): Map<string, LogEvent[]> {
  const out = new Map<string, LogEvent[]>();
  for (const l of logs) {
    if (!l.stepRunId) continue;
    const kind = EVENT_PATTERNS.find(([re]) => re.test(l.message))?.[1];
    if (!kind) continue;
    const list = out.get(l.stepRunId) ?? [];
    list.push({ kind, at: new Date(l.at).getTime() });
    out.set(l.stepRunId, list);
  }
  for (const list of out.values()) list.sort((a, b) => a.at - b.at);
  return out;
}

/** Segments replayed from a run's status events; null when they do not include a start. */
export function segmentsFromEvents(
  run: StepRunLike,
  events: readonly LogEvent[],
  now: number,
): Segment[] | null {
  const firstStart = events.find((e) => e.kind === 'start');
  if (!firstStart) return null;
  const out: Segment[] = [];
  const ready = toTime(run.readyAt);
  if (ready !== null && firstStart.at > ready)
    out.push({ kind: 'queued', start: ready, end: firstStart.at, open: false });
  let open: { kind: SegmentKind; start: number } | null = null;
  const close = (at: number, kind?: SegmentKind) => {
    if (open && at >= open.start)
      out.push({ kind: kind ?? open.kind, start: open.start, end: at, open: false });
    open = null;
  };
  const waitKind: SegmentKind = 'wait';
  for (const e of events) {
    if (e.at < firstStart.at) continue;
    if (e.kind === 'start' || e.kind === 'wake') {
      close(e.at);
      open = { kind: 'run', start: e.at };
    } else if (e.kind === 'wait') {
      close(e.at);
      open = { kind: waitKind, start: e.at };
    } else if (e.kind === 'retry') {
      // The failed attempt is drawn as a retry; the pause until the next start as a backoff.
      close(e.at, 'retry');
      open = { kind: 'backoff', start: e.at };
    } else {
      close(e.at);
    }
  }
  const finished = toTime(run.finishedAt);
  if (open) {
    const still = open as { kind: SegmentKind; start: number };
    if (still.kind === 'backoff') {
      const next = toTime(run.nextAttemptAt);
      out.push({
        kind: 'backoff',
        start: still.start,
        end: Math.max(next ?? now, still.start),
        open: false,
      });
    } else {
      out.push({
        kind: still.kind,
        start: still.start,
        end: Math.max(finished ?? now, still.start),
        open: finished === null,
      });
    }
  }
  return out;
}

export function segmentsOf(run: StepRunLike, now: number, events?: readonly LogEvent[]): Segment[] {
  const replayed = events ? segmentsFromEvents(run, events, now) : null;
  if (replayed) return replayed;
  const ready = toTime(run.readyAt);
  const started = toTime(run.startedAt);
  const finished = toTime(run.finishedAt);
  const next = toTime(run.nextAttemptAt);
  const out: Segment[] = [];
  if (ready !== null && (started === null || started > ready)) {
    const end = started ?? finished ?? now;
    if (end > ready || started === null)
      out.push({
        kind: 'queued',
        start: ready,
        end: Math.max(end, ready),
        open: started === null && finished === null,
      });
  }
  if (started !== null) {
    const end = finished ?? now;
    const kind: SegmentKind =
      run.status === 'retrying'
        ? 'retry'
        : run.status === 'waiting' || WAITING_STEP_TYPES.has(run.type)
          ? 'wait'
          : 'run';
    out.push({ kind, start: started, end: Math.max(end, started), open: finished === null });
  }
  if (run.status === 'retrying' && next !== null && next > now)
    out.push({ kind: 'backoff', start: now, end: next, open: false });
  return out;
}

/** Rows in definition order; a forEach's children follow it when `expanded` has its step id. */
export function ganttRows(
  states: readonly StepState[],
  now: number,
  expanded: ReadonlySet<string>,
  events: ReadonlyMap<string, readonly LogEvent[]> = new Map(),
): GanttRow[] {
  const rows: GanttRow[] = [];
  for (const s of states) {
    rows.push({
      key: s.step.id,
      label: s.step.name || s.step.id,
      stepId: s.step.id,
      depth: 0,
      status: s.status,
      run: s.run,
      segments: s.run ? segmentsOf(s.run, now, events.get(s.run.id)) : [],
      childCount: s.children.length,
    });
    if (expanded.has(s.step.id))
      for (const c of s.children)
        rows.push({
          key: c.id,
          label: `#${(c.itemIndex ?? 0) + 1}`,
          stepId: s.step.id,
          depth: 1,
          status: c.status,
          run: c,
          segments: segmentsOf(c, now, events.get(c.id)),
          childCount: 0,
        });
  }
  return rows;
}

/** The window every bar fits in (at least a second wide, so a fast run is not a sliver). */
export function timeWindow(
  rows: readonly GanttRow[],
  fallbackStart: number | null,
  now: number,
): { start: number; end: number } | null {
  let start = Infinity;
  let end = -Infinity;
  for (const r of rows)
    for (const seg of r.segments) {
      start = Math.min(start, seg.start);
      end = Math.max(end, seg.end);
    }
  if (start === Infinity) {
    if (fallbackStart === null) return null;
    start = fallbackStart;
    end = now;
  }
  return { start, end: Math.max(end, start + 1000) };
}

const NICE_STEPS_MS = [
  100, 200, 500, 1_000, 2_000, 5_000, 10_000, 15_000, 30_000, 60_000, 120_000, 300_000, 600_000,
  900_000, 1_800_000, 3_600_000, 7_200_000, 14_400_000, 21_600_000, 43_200_000, 86_400_000,
];

/** Tick offsets (ms from the window start) at a round interval, about `target` of them. */
export function axisTicks(spanMs: number, target = 6): { step: number; ticks: number[] } {
  const want = spanMs / Math.max(1, target);
  const step = NICE_STEPS_MS.find((s) => s >= want) ?? Math.ceil(want / 86_400_000) * 86_400_000;
  const ticks: number[] = [];
  for (let t = 0; t <= spanMs + 1e-6; t += step) ticks.push(t);
  return { step, ticks };
}

/** "0", "500 ms", "30 s", "2 min", "1 min 30 s", "1 h", "1 h 30 min" for an axis label. */
export function tickLabel(ms: number): string {
  if (ms === 0) return '0';
  if (ms < 1000) return `${ms} ms`;
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m} min ${s % 60} s` : `${m} min`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
}
