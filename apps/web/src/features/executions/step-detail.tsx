'use client';
import * as React from 'react';
import { X } from 'lucide-react';
import { Button, Card, CardContent, CopyButton, cn } from '@racine/ui';
import { formatSpan, type LogLike, type StepState } from '~/components/workflow/execution-model';
import { StepStatusBadge, StepStatusIcon } from '~/components/workflow/status-badge';
import { eventsByRun } from '~/components/workflow/gantt-model';
import { StepLogs } from '~/components/workflow/step-logs';
import { formatDateTime } from '~/lib/format';
import type { StepRunView } from './bits';

function Json({ label, value }: { label: string; value: unknown }) {
  const empty =
    value === null ||
    value === undefined ||
    (typeof value === 'object' && Object.keys(value as object).length === 0);
  const text = empty ? '' : JSON.stringify(value, null, 2);
  return (
    <div className="grid min-w-0 gap-1">
      <div className="flex h-7 items-center justify-between text-xs font-medium text-muted-foreground">
        {label}
        {text ? <CopyButton value={text} /> : null}
      </div>
      {empty ? (
        <p className="text-xs text-muted-foreground">None</p>
      ) : (
        <pre
          className="max-h-64 overflow-auto rounded-md border bg-muted/40 p-2 font-mono text-xs"
          data-testid={`step-${label.toLowerCase()}`}
        >
          {text}
        </pre>
      )}
    </div>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm tabular-nums">{children}</dd>
    </div>
  );
}

/**
 * One step of an execution: its status and attempts, times, input and output, error, its
 * forEach items, and the log lines of this step only. A forEach item can be picked to see
 * that item's input, output and error instead.
 */
export function StepDetail({
  state,
  logs,
  live,
  now,
  onClose,
  children,
}: {
  state: StepState;
  logs: readonly LogLike[];
  live: boolean;
  now: number;
  onClose: () => void;
  /** Extra actions for this step (an approval's decision). */
  children?: React.ReactNode;
}) {
  const [childId, setChildId] = React.useState<string | null>(null);
  React.useEffect(() => setChildId(null), [state.step.id]);
  const child = state.children.find((c) => c.id === childId) ?? null;
  const run = (child ?? state.run) as StepRunView | null;
  const stepLogs = React.useMemo(
    () => logs.filter((l) => (child ? l.stepRunId === child.id : l.stepId === state.step.id)),
    [logs, child, state.step.id],
  );

  // A parked step's row keeps its last start; its first start comes from the status lines.
  const firstStart = React.useMemo(() => {
    const start = run
      ? eventsByRun(stepLogs)
          .get(run.id)
          ?.find((e) => e.kind === 'start')
      : null;
    return start ? new Date(start.at) : (run?.startedAt ?? null);
  }, [stepLogs, run]);

  return (
    <Card data-testid="step-detail" data-step-id={state.step.id}>
      <CardContent className="grid gap-4 pt-4">
        <div className="flex flex-wrap items-start gap-2">
          <div className="min-w-0 flex-1">
            <h3 className="truncate text-base font-semibold">
              {state.step.name || state.step.id}
              {child ? (
                <span className="text-muted-foreground"> · item #{(child.itemIndex ?? 0) + 1}</span>
              ) : null}
            </h3>
            <p className="font-mono text-xs text-muted-foreground">
              {state.step.id} · {state.step.type}
            </p>
          </div>
          <StepStatusBadge status={run?.status ?? state.status} />
          <Button variant="ghost" size="icon-sm" aria-label="Close step details" onClick={onClose}>
            <X />
          </Button>
        </div>
        {children}
        <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
          <Fact label="Attempt">{run ? `${run.attempt} of ${run.maxAttempts}` : '—'}</Fact>
          <Fact label="Ready">{formatDateTime(run?.readyAt)}</Fact>
          <Fact label="Started">{formatDateTime(firstStart)}</Fact>
          <Fact label="Finished">{formatDateTime(run?.finishedAt)}</Fact>
          <Fact label="Duration">{formatSpan(firstStart, run?.finishedAt, now)}</Fact>
          <Fact label={run?.status === 'retrying' ? 'Next attempt' : 'Depends on'}>
            {run?.status === 'retrying'
              ? formatDateTime(run.nextAttemptAt)
              : (state.step.dependsOn ?? []).join(', ') || '—'}
          </Fact>
        </dl>
        {state.step.condition ? (
          <p className="text-xs text-muted-foreground">
            Runs only if{' '}
            <code className="rounded bg-muted px-1 font-mono">{state.step.condition}</code>
          </p>
        ) : null}
        {run?.error ? (
          <div
            className="rounded-md border border-destructive/40 bg-destructive/10 p-2.5 text-sm text-destructive"
            data-testid="step-error"
          >
            {run.error}
          </div>
        ) : null}
        {state.children.length ? (
          <div className="grid gap-1.5">
            <div className="text-xs font-medium text-muted-foreground">
              Items ({state.childProgress?.done ?? 0} of {state.children.length} finished)
            </div>
            <div className="flex flex-wrap gap-1" data-testid="foreach-items">
              <button
                type="button"
                onClick={() => setChildId(null)}
                className={cn(
                  'rounded border px-1.5 py-0.5 text-xs cursor-pointer hover:bg-accent',
                  !child && 'border-primary bg-primary/10',
                )}
              >
                The step
              </button>
              {state.children.map((c) => (
                <button
                  key={c.id}
                  type="button"
                  title={`Item #${(c.itemIndex ?? 0) + 1}: ${c.status}${c.error ? ` — ${c.error}` : ''}`}
                  onClick={() => setChildId(c.id)}
                  className={cn(
                    'inline-flex items-center gap-1 rounded border px-1.5 py-0.5 text-xs tabular-nums cursor-pointer hover:bg-accent',
                    childId === c.id && 'border-primary bg-primary/10',
                  )}
                >
                  <StepStatusIcon status={c.status} className="size-3" />#{(c.itemIndex ?? 0) + 1}
                </button>
              ))}
            </div>
          </div>
        ) : null}
        <div className="grid gap-3 md:grid-cols-2">
          <Json label="Input" value={run?.input} />
          <Json label="Output" value={run?.output} />
        </div>
        <StepLogs
          logs={stepLogs}
          live={live}
          showStep={false}
          emptyText="This step has written no log line yet."
        />
      </CardContent>
    </Card>
  );
}
