'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, Inbox, Waypoints } from 'lucide-react';
import { Card, CardContent, ErrorState, PageHeader, Skeleton, StatusDot } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { formatDateTime } from '~/lib/format';
import { formatDuration } from '~/features/scans/bits';
import { useNow } from '~/features/scans/use-scans';
import { formatMs, formatRate, isRunActive, PipelineRunStatusBadge, stageDone } from './bits';
import { StageBar } from './stage-bar';
import { stageKindLabel } from './stage-kinds';
import type { RunDetail, StageCounts, StageMetrics } from './types';
import { usePipelineRun } from './use-run-watch';

const countLabels = [
  ['pending', 'pending', 'text-muted-foreground'],
  ['running', 'running', 'text-info'],
  ['succeeded', 'succeeded', 'text-success'],
  ['failed', 'failed', 'text-amber-600 dark:text-amber-400'],
  ['dead', 'dead', 'text-destructive'],
] as const;

function StageColumn({
  run,
  stage,
  index,
  metrics,
}: {
  run: RunDetail;
  stage: StageCounts;
  index: number;
  metrics: StageMetrics | undefined;
}) {
  const total = run.itemsTotal;
  const done = stageDone(stage);
  const pct = total
    ? Math.round((Math.min(done, total) / total) * 100)
    : isRunActive(run.status)
      ? 0
      : 100;
  const def = run.definition.stages.find((s) => s.id === stage.stage);
  return (
    <Card
      className="min-w-0"
      data-testid="run-stage"
      data-stage={stage.stage}
      data-done={done}
      data-total={total}
      data-dead={stage.dead}
    >
      <CardContent className="grid gap-3 pt-4">
        <div className="flex items-start justify-between gap-2">
          <div className="min-w-0">
            <div className="flex items-center gap-2">
              <span className="flex size-5 shrink-0 items-center justify-center rounded-full bg-primary/12 text-[11px] font-semibold text-primary tabular-nums">
                {index + 1}
              </span>
              <span className="truncate font-medium">{def?.name || stage.stage}</span>
            </div>
            <div className="mt-0.5 pl-7 text-xs text-muted-foreground">
              {def?.name && def.name !== stageKindLabel(stage.kind)
                ? `${stageKindLabel(stage.kind)} · `
                : ''}
              {def ? `${def.concurrency} at once · batches of ${def.batchSize}` : ''}
            </div>
          </div>
          <span className="text-sm font-semibold tabular-nums" data-testid="run-stage-percent">
            {pct}%
          </span>
        </div>
        <StageBar stage={stage} total={total} className="h-2.5" />
        <ul className="flex flex-wrap gap-x-3 gap-y-1 text-xs" aria-label="Items by status">
          {countLabels.map(([key, label, tone]) => (
            <li key={key} data-testid={`run-stage-${key}`} data-count={stage[key]}>
              <span
                className={`font-semibold tabular-nums ${stage[key] ? tone : 'text-muted-foreground/70'}`}
              >
                {stage[key]}
              </span>{' '}
              <span className="text-muted-foreground">{label}</span>
            </li>
          ))}
        </ul>
        <dl className="grid gap-1 border-t pt-2 text-xs">
          {(
            [
              ['In flight', metrics?.inFlight ?? stage.running, 'run-stage-inflight'],
              ['Throughput', formatRate(metrics?.throughputPerSec), 'run-stage-throughput'],
              [
                'Latency p50 · p95',
                `${formatMs(metrics?.p50Ms)} · ${formatMs(metrics?.p95Ms)}`,
                'run-stage-latency',
              ],
            ] as const
          ).map(([label, value, testId]) => (
            <div key={label} className="flex items-baseline justify-between gap-2">
              <dt className="text-muted-foreground">{label}</dt>
              <dd className="tabular-nums" data-testid={testId}>
                {value}
              </dd>
            </div>
          ))}
        </dl>
        {stage.dead ? (
          <Link
            href={`/pipelines/${run.pipelineId}?tab=dead-letters&run=${run.id}&stage=${encodeURIComponent(stage.stage)}`}
            className="inline-flex items-center gap-1.5 text-xs font-medium text-destructive hover:underline"
            data-testid="run-stage-dead-letters"
          >
            <Inbox className="size-3.5" />
            {stage.dead} dead letter{stage.dead === 1 ? '' : 's'}
            <ArrowRight className="size-3" />
          </Link>
        ) : null}
      </CardContent>
    </Card>
  );
}

/** One run, live: a column per stage with its progress, counts, in-flight items and throughput. */
export function PipelineRunPage({ runId }: { runId: string }) {
  const trpc = useTRPC();
  const { run, query, watching, subscriptionStatus, subscriptionError } = usePipelineRun(runId);
  const metrics = useQuery({
    ...trpc.pipeline.metrics.queryOptions({ id: run?.pipelineId ?? '', runId }),
    enabled: !!run,
    refetchInterval: watching ? 1500 : false,
  });
  const now = useNow(watching);

  const breadcrumb = (
    <Link href="/pipelines" className="hover:underline">
      Pipelines
    </Link>
  );
  if (query.isPending && !run)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-8 h-8 w-72" />
        <div className="grid gap-3 md:grid-cols-3">
          <Skeleton className="h-56" />
          <Skeleton className="h-56" />
          <Skeleton className="h-56" />
        </div>
      </div>
    );
  if (!run)
    return (
      <PageLoadError
        error={query.error}
        onRetry={() => void query.refetch()}
        title="Pipeline run"
        breadcrumb={breadcrumb}
        icon={<Waypoints />}
        notFound="Run not found"
        forbidden="You cannot open this run"
        back={{ href: '/pipelines', label: 'Back to pipelines' }}
      />
    );

  const metricsByStage = new Map(metrics.data?.stages.map((s) => [s.stage, s]));
  const deadTotal = run.stages.reduce((n, s) => n + s.dead, 0);
  const finishedAll = run.stages.at(-1);
  return (
    <>
      <PageHeader
        breadcrumb={
          <span>
            {breadcrumb} /{' '}
            <Link href={`/pipelines/${run.pipelineId}`} className="hover:underline">
              {run.pipelineName}
            </Link>
          </span>
        }
        title={
          <span className="flex items-center gap-3" data-testid="run-title">
            Run of {run.pipelineName}
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span data-testid="run-status" data-status={run.status}>
              <PipelineRunStatusBadge status={run.status} />
            </span>
            {watching ? (
              <span
                className="inline-flex items-center gap-1.5 text-xs"
                title={
                  subscriptionStatus === 'pending' ? 'Live updates' : `Live: ${subscriptionStatus}`
                }
              >
                <StatusDot status={subscriptionStatus === 'error' ? 'degraded' : 'healthy'} pulse />
                live
              </span>
            ) : null}
            <span className="tabular-nums">
              {run.itemsTotal.toLocaleString()} item{run.itemsTotal === 1 ? '' : 's'} ·{' '}
              {formatDuration(run.startedAt ?? run.createdAt, run.finishedAt, now)}
            </span>
            <span>
              {run.trigger} · queued {formatDateTime(run.createdAt)}
            </span>
            {finishedAll ? (
              <span className="tabular-nums">
                {finishedAll.succeeded} / {run.itemsTotal} through every stage
              </span>
            ) : null}
            {deadTotal ? (
              <Link
                href={`/pipelines/${run.pipelineId}?tab=dead-letters&run=${run.id}`}
                className="font-medium text-destructive hover:underline"
              >
                {deadTotal} dead letter{deadTotal === 1 ? '' : 's'}
              </Link>
            ) : null}
          </span>
        }
      />
      {run.error ? (
        <p className="mb-4 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive">
          {run.error}
        </p>
      ) : null}
      {subscriptionError ? <ErrorState className="mb-4" error={subscriptionError} /> : null}
      <div
        className="grid gap-3"
        style={{ gridTemplateColumns: `repeat(auto-fit, minmax(12.5rem, 1fr))` }}
        data-testid="run-stages"
      >
        {run.stages.map((stage, i) => (
          <StageColumn
            key={stage.stage}
            run={run}
            stage={stage}
            index={i}
            metrics={metricsByStage.get(stage.stage)}
          />
        ))}
      </div>
      {run.itemsTotal === 0 && !isRunActive(run.status) ? (
        <p className="mt-4 text-sm text-muted-foreground" data-testid="run-no-items">
          The run had no item: the source has no catalogued table
          {run.definition.source.tableGlob
            ? ` matching ${run.definition.source.tableGlob}`
            : ''}.{' '}
          <Link
            href={`/datasources/${run.definition.source.dataSourceId}?tab=scans`}
            className="text-primary hover:underline"
          >
            Scan the source
          </Link>{' '}
          to catalogue its tables, then run the pipeline again.
        </p>
      ) : null}
      {run.status === 'queued' ? (
        <p className="mt-4 text-sm text-muted-foreground">
          Waiting for a worker to pick the run up…
        </p>
      ) : null}
    </>
  );
}
