'use client';
import * as React from 'react';
import { ChevronDown, ChevronRight, GanttChart } from 'lucide-react';
import { EmptyState, Tooltip, cn } from '@racine/ui';
import { formatDateTime } from '~/lib/format';
import { formatMs, formatSpan, type LogLike, type StepState, toTime } from './execution-model';
import {
  axisTicks,
  eventsByRun,
  type GanttRow,
  ganttRows,
  type Segment,
  type SegmentKind,
  tickLabel,
  timeWindow,
} from './gantt-model';
import { StepStatusIcon } from './status-badge';
import { stepStyle } from './status-style';

const kindLabel: Record<SegmentKind, string> = {
  queued: 'queued for a worker',
  run: 'running',
  wait: 'waiting',
  retry: 'attempt failed, retrying',
  backoff: 'backoff before the next attempt',
};

/** Stripes in the status colour: parked (wait) or failed-and-retrying time. */
const stripes = (color: string) =>
  `repeating-linear-gradient(135deg, color-mix(in oklab, ${color} 75%, transparent) 0 5px, color-mix(in oklab, ${color} 25%, transparent) 5px 9px)`;

function SegmentBar({
  seg,
  status,
  left,
  width,
}: {
  seg: Segment;
  status: string;
  left: number;
  width: number;
}) {
  const style = stepStyle(status);
  const common = { left: `${left}%`, width: `max(${width}%, 3px)` };
  const label = kindLabel[seg.kind];
  if (seg.kind === 'queued')
    return (
      <div
        data-segment="queued"
        aria-label={label}
        className="absolute top-1/2 h-1.5 -translate-y-1/2 rounded-full bg-muted-foreground/30"
        style={common}
      />
    );
  if (seg.kind === 'backoff')
    return (
      <div
        data-segment="backoff"
        aria-label={label}
        className="absolute top-1/2 h-4 -translate-y-1/2 rounded-sm border border-dashed border-warning"
        style={common}
      />
    );
  const striped = seg.kind === 'wait' || seg.kind === 'retry';
  return (
    <div
      data-segment={seg.kind}
      aria-label={label}
      className={cn(
        'absolute top-1/2 h-4 -translate-y-1/2 rounded-sm',
        !striped && style.fill,
        seg.kind === 'retry' && 'outline outline-1 outline-dashed outline-warning',
        seg.open && 'animate-pulse',
      )}
      style={{
        ...common,
        ...(striped
          ? { backgroundImage: stripes(seg.kind === 'retry' ? 'var(--warning)' : style.color) }
          : {}),
      }}
    />
  );
}

function RowDetails({ row, now }: { row: GanttRow; now: number }) {
  const run = row.run;
  const style = stepStyle(row.status);
  if (!run) return <span>{row.label}: not started</span>;
  const total = (kind: SegmentKind) =>
    row.segments.filter((seg) => seg.kind === kind).reduce((n, seg) => n + seg.end - seg.start, 0);
  const queuedMs = total('queued');
  const waitedMs = total('wait');
  const backoffMs = total('backoff');
  const first = row.segments.find((seg) => seg.kind !== 'queued');
  return (
    <div className="grid gap-0.5">
      <div className="font-medium">
        {row.label} · {style.label}
      </div>
      <div className="opacity-80">{run.type}</div>
      {run.readyAt ? <div>Ready {formatDateTime(run.readyAt)}</div> : null}
      {run.startedAt ? <div>Started {formatDateTime(run.startedAt)}</div> : null}
      {run.finishedAt ? <div>Finished {formatDateTime(run.finishedAt)}</div> : null}
      {queuedMs ? <div>Queued {formatMs(queuedMs)}</div> : null}
      <div>
        Took {first ? formatSpan(new Date(first.start), run.finishedAt, now) : '—'}
        {waitedMs ? `, of which waiting ${formatMs(waitedMs)}` : ''}
        {backoffMs ? `, backoff ${formatMs(backoffMs)}` : ''}
      </div>
      {run.maxAttempts > 1 || run.attempt > 1 ? (
        <div>
          Attempt {run.attempt} of {run.maxAttempts}
          {run.nextAttemptAt && row.status === 'retrying'
            ? ` · next ${formatDateTime(run.nextAttemptAt)}`
            : ''}
        </div>
      ) : null}
      {run.error ? (
        <div className="line-clamp-3 text-destructive-foreground">{run.error}</div>
      ) : null}
    </div>
  );
}

/**
 * The execution as a timeline: one row per step (forEach children under their step when
 * expanded), a bar from start to finish coloured by status, queue time as a thin lead-in,
 * waiting and retrying time striped, the backoff to a next attempt dashed. Hover a row for
 * its times; click it to select the step.
 */
export function Gantt({
  states,
  logs,
  executionStartedAt,
  live,
  now,
  selectedStepId,
  onSelect,
  className,
}: {
  states: readonly StepState[];
  /** The execution's logs: each attempt, wait and backoff is replayed from the engine's status lines. */
  logs?: readonly LogLike[];
  executionStartedAt?: Date | string | null;
  /** The execution is still moving: open bars grow to `now` and a now-line is drawn. */
  live: boolean;
  now: number;
  selectedStepId?: string | null;
  onSelect?: (stepId: string, stepRunId?: string) => void;
  className?: string;
}) {
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(new Set());
  const events = React.useMemo(() => eventsByRun(logs ?? []), [logs]);
  const rows = React.useMemo(
    () => ganttRows(states, now, expanded, events),
    [states, now, expanded, events],
  );
  const range = timeWindow(rows, toTime(executionStartedAt), now);
  if (!range)
    return (
      <EmptyState
        icon={<GanttChart />}
        title="Nothing has started yet"
        description="Bars appear as steps are dispatched and run."
        className={className}
      />
    );
  const span = range.end - range.start;
  const pct = (t: number) => ((t - range.start) / span) * 100;
  const { ticks } = axisTicks(span);
  const toggle = (stepId: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(stepId)) next.delete(stepId);
      else next.add(stepId);
      return next;
    });

  return (
    <div className={cn('grid gap-2 text-sm', className)} data-testid="gantt">
      <div className="grid grid-cols-[minmax(8rem,14rem)_1fr] gap-x-3">
        <div />
        <div className="relative h-5 border-b text-[11px] text-muted-foreground tabular-nums">
          {ticks.map((t) => (
            <span
              key={t}
              className="absolute bottom-1 -translate-x-1/2 whitespace-nowrap first:translate-x-0"
              style={{ left: `${(t / span) * 100}%` }}
            >
              {tickLabel(t)}
            </span>
          ))}
        </div>
        {rows.map((row) => (
          <React.Fragment key={row.key}>
            <div
              className={cn(
                'flex h-8 min-w-0 items-center gap-1.5',
                row.depth === 1 && 'pl-6 text-xs text-muted-foreground',
              )}
            >
              {row.childCount ? (
                <button
                  type="button"
                  className="rounded p-0.5 hover:bg-accent cursor-pointer"
                  aria-label={`${expanded.has(row.stepId) ? 'Hide' : 'Show'} the ${row.childCount} items`}
                  aria-expanded={expanded.has(row.stepId)}
                  onClick={() => toggle(row.stepId)}
                >
                  {expanded.has(row.stepId) ? (
                    <ChevronDown className="size-3.5" />
                  ) : (
                    <ChevronRight className="size-3.5" />
                  )}
                </button>
              ) : null}
              <StepStatusIcon status={row.status} />
              <span className="truncate" title={row.label}>
                {row.label}
              </span>
              {row.run && row.run.attempt > 1 ? (
                <span
                  className="shrink-0 rounded bg-warning/20 px-1 text-[10px] font-medium tabular-nums"
                  title={`${row.run.attempt} attempts`}
                >
                  ×{row.run.attempt}
                </span>
              ) : null}
            </div>
            <Tooltip content={<RowDetails row={row} now={now} />} side="top">
              <div
                role="button"
                tabIndex={0}
                data-testid="gantt-row"
                data-step-id={row.stepId}
                data-status={row.status}
                aria-label={`${row.label}: ${stepStyle(row.status).label}`}
                onClick={() => onSelect?.(row.stepId, row.run?.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter' || e.key === ' ') {
                    e.preventDefault();
                    onSelect?.(row.stepId, row.run?.id);
                  }
                }}
                className={cn(
                  'relative h-8 cursor-pointer rounded-sm outline-none hover:bg-accent/50 focus-visible:ring-2 focus-visible:ring-ring/40',
                  selectedStepId === row.stepId && row.depth === 0 && 'bg-accent/60',
                )}
              >
                {ticks.map((t) => (
                  <span
                    key={t}
                    aria-hidden
                    className="absolute inset-y-0 border-l border-border/60"
                    style={{ left: `${(t / span) * 100}%` }}
                  />
                ))}
                {row.segments.map((seg, i) => (
                  <SegmentBar
                    key={i}
                    seg={seg}
                    status={row.status}
                    left={pct(seg.start)}
                    width={pct(seg.end) - pct(seg.start)}
                  />
                ))}
                {live ? (
                  <span
                    aria-hidden
                    className="absolute inset-y-0 border-l-2 border-primary/60"
                    style={{ left: `${Math.min(100, pct(now))}%` }}
                  />
                ) : null}
              </div>
            </Tooltip>
          </React.Fragment>
        ))}
      </div>
      <GanttLegend />
    </div>
  );
}

function GanttLegend() {
  const item = (swatch: React.ReactNode, label: string) => (
    <span className="inline-flex items-center gap-1.5">
      {swatch}
      {label}
    </span>
  );
  return (
    <div className="flex flex-wrap gap-x-4 gap-y-1 pl-1 text-xs text-muted-foreground">
      {item(<span className="h-1.5 w-5 rounded-full bg-muted-foreground/30" />, 'queued')}
      {item(<span className="h-3 w-5 rounded-sm bg-success" />, 'ran (status colour)')}
      {item(
        <span
          className="h-3 w-5 rounded-sm"
          style={{ backgroundImage: stripes('var(--warning)') }}
        />,
        'waiting / retrying',
      )}
      {item(
        <span className="h-3 w-5 rounded-sm border border-dashed border-warning" />,
        'backoff to next attempt',
      )}
    </div>
  );
}
