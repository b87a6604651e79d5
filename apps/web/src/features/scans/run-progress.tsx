'use client';
import { Progress, StatusDot, cn } from '@racine/ui';
import { formatDuration, isActive, type RunStatus, RunStatusBadge } from './bits';
import { useNow } from './use-scans';

export interface RunProgressState {
  id: string;
  status: RunStatus;
  queuedAt: Date | string;
  startedAt?: Date | string | null;
  finishedAt?: Date | string | null;
  tablesDone: number;
  tablesTotal: number;
  columnsClassified?: number;
  labelsSuggested?: number;
  labelsAutoAccepted?: number;
  cancelRequested?: boolean;
  error?: string | null;
}

/** A run's progress: bar (tables done / total), counts, status and elapsed time. */
export function RunProgress({
  run,
  live,
  className,
}: {
  run: RunProgressState;
  /** True while updates arrive over the live stream. */
  live?: boolean;
  className?: string;
}) {
  const active = isActive(run.status);
  const now = useNow(active);
  const total = run.tablesTotal;
  const done = run.status === 'succeeded' && total === 0 ? 1 : run.tablesDone;
  const max = run.status === 'succeeded' && total === 0 ? 1 : Math.max(total, 1);
  const percent = Math.round((Math.min(done, max) / max) * 100);
  const phase =
    run.status === 'queued'
      ? 'Waiting for a worker…'
      : run.status === 'running' && total === 0
        ? 'Discovering the schema…'
        : run.status === 'running'
          ? `Table ${Math.min(run.tablesDone + 1, total)} of ${total}`
          : null;
  return (
    <div
      className={cn('grid gap-2', className)}
      data-testid="run-progress"
      data-run-id={run.id}
      data-status={run.status}
      data-percent={percent}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-1 text-sm">
        <RunStatusBadge status={run.status} />
        {phase ? <span className="text-muted-foreground">{phase}</span> : null}
        {run.cancelRequested && active ? (
          <span className="text-xs text-amber-600 dark:text-amber-400">
            cancelling after the current table…
          </span>
        ) : null}
        <span className="ml-auto flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
          {live && active ? (
            <span className="inline-flex items-center gap-1.5" title="Live updates">
              <StatusDot status="healthy" pulse />
              live
            </span>
          ) : null}
          {formatDuration(run.startedAt ?? run.queuedAt, run.finishedAt, now)}
        </span>
      </div>
      <Progress
        value={done}
        max={max}
        aria-label={`Scan progress: ${percent}%`}
        className={cn('h-2.5', run.status === 'failed' && '[&>div]:bg-destructive')}
      />
      <div className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground tabular-nums">
        <span data-testid="run-tables">
          <span className="font-medium text-foreground">{run.tablesDone}</span> / {total} tables
        </span>
        {run.columnsClassified !== undefined ? (
          <span>
            <span className="font-medium text-foreground">{run.columnsClassified}</span> columns
            classified
          </span>
        ) : null}
        {run.labelsSuggested !== undefined ? (
          <span>
            <span className="font-medium text-foreground">{run.labelsSuggested}</span> labels
            suggested
            {run.labelsAutoAccepted ? ` · ${run.labelsAutoAccepted} auto-accepted` : ''}
          </span>
        ) : null}
        <span className="ml-auto">{percent}%</span>
      </div>
      {run.error ? <p className="text-xs text-destructive">{run.error}</p> : null}
    </div>
  );
}
