'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ChartColumn } from 'lucide-react';
import {
  BarChartView,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  DataTable,
  type DataTableColumn,
  EmptyState,
  ErrorState,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatMs, formatRate, percent } from './bits';
import { stageKindLabel } from './stage-kinds';
import type { StageMetrics } from './types';

const columns: DataTableColumn<StageMetrics>[] = [
  {
    id: 'stage',
    header: 'Stage',
    cell: (s) => (
      <div>
        <div className="font-mono text-xs font-medium">{s.stage}</div>
        <div className="text-xs text-muted-foreground">{stageKindLabel(s.kind)}</div>
      </div>
    ),
  },
  { id: 'processed', header: 'Processed', className: 'tabular-nums', cell: (s) => s.processed },
  {
    id: 'outcome',
    header: 'Succeeded · failed · dead',
    className: 'tabular-nums whitespace-nowrap',
    cell: (s) => (
      <span>
        <span className="text-success">{s.succeeded}</span> ·{' '}
        <span className={s.failed ? 'text-amber-600 dark:text-amber-400' : ''}>{s.failed}</span> ·{' '}
        <span className={s.dead ? 'font-medium text-destructive' : ''}>{s.dead}</span>
      </span>
    ),
  },
  {
    id: 'inflight',
    header: 'In flight',
    className: 'tabular-nums hidden md:table-cell',
    cell: (s) => s.inFlight,
  },
  {
    id: 'tp',
    header: 'Throughput',
    className: 'tabular-nums whitespace-nowrap',
    cell: (s) => formatRate(s.throughputPerSec),
  },
  {
    id: 'latency',
    header: 'p50 · p95',
    className: 'tabular-nums whitespace-nowrap',
    cell: (s) => `${formatMs(s.p50Ms)} · ${formatMs(s.p95Ms)}`,
  },
  {
    id: 'errors',
    header: 'Error rate',
    className: 'tabular-nums',
    cell: (s) => (
      <span className={s.errorRate ? 'font-medium text-destructive' : 'text-muted-foreground'}>
        {percent(s.errorRate)}
      </span>
    ),
  },
];

const round = (v: number | null, digits = 2) => (v == null ? 0 : +v.toFixed(digits));

/** Per-stage throughput, latency and errors of one run (the latest unless `runId`). */
export function MetricsPanel({
  pipelineId,
  runId,
  live,
}: {
  pipelineId: string;
  runId?: string;
  /** Refetch while the run is in progress. */
  live?: boolean;
}) {
  const trpc = useTRPC();
  const metrics = useQuery({
    ...trpc.pipeline.metrics.queryOptions({ id: pipelineId, ...(runId ? { runId } : {}) }),
    refetchInterval: live ? 2000 : false,
  });
  if (metrics.isPending)
    return (
      <div className="grid gap-4 md:grid-cols-3" aria-busy="true">
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
        <Skeleton className="h-64" />
      </div>
    );
  if (metrics.isError)
    return <ErrorState error={metrics.error} onRetry={() => void metrics.refetch()} />;
  const { stages } = metrics.data;
  if (!metrics.data.runId || stages.length === 0)
    return (
      <EmptyState
        icon={<ChartColumn />}
        title="No metrics yet"
        description="Metrics come from a run’s items: run the pipeline to see each stage’s throughput, latency and errors."
      />
    );
  const data = stages.map((s) => ({
    stage: s.stage,
    throughput: round(s.throughputPerSec),
    p50: Math.round(s.p50Ms ?? 0),
    p95: Math.round(s.p95Ms ?? 0),
    errorRate: round((s.errorRate ?? 0) * 100, 1),
    succeeded: s.succeeded,
    failed: s.failed,
    dead: s.dead,
  }));
  return (
    <div className="grid gap-4" data-testid="pipeline-metrics" data-run-id={metrics.data.runId}>
      {!runId ? (
        <p className="text-sm text-muted-foreground">
          From the latest run (
          <Link
            href={`/pipelines/runs/${metrics.data.runId}`}
            className="text-primary hover:underline"
          >
            open it
          </Link>
          ).
        </p>
      ) : null}
      <div className="grid gap-4 lg:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>Throughput</CardTitle>
            <CardDescription>Succeeded items per second</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data}
              x="stage"
              series={[{ key: 'throughput', label: 'items/s' }]}
              height={200}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Latency</CardTitle>
            <CardDescription>Per item, p50 and p95 (ms)</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data}
              x="stage"
              series={[
                { key: 'p50', label: 'p50 ms' },
                { key: 'p95', label: 'p95 ms' },
              ]}
              height={200}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Error rate</CardTitle>
            <CardDescription>Dead items of those finished (%)</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data}
              x="stage"
              series={[{ key: 'errorRate', label: 'error %', color: 'var(--destructive)' }]}
              height={200}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Outcomes</CardTitle>
            <CardDescription>Items per stage: succeeded, failed (to retry), dead</CardDescription>
          </CardHeader>
          <CardContent>
            <BarChartView
              data={data}
              x="stage"
              stacked
              series={[
                { key: 'succeeded', label: 'succeeded', color: 'var(--success)' },
                { key: 'failed', label: 'failed', color: 'var(--warning)' },
                { key: 'dead', label: 'dead', color: 'var(--destructive)' },
              ]}
              height={200}
            />
          </CardContent>
        </Card>
      </div>
      <DataTable
        label="Stage metrics"
        columns={columns}
        data={stages}
        getRowId={(s) => s.stage}
        rowTestId="stage-metrics-row"
      />
    </div>
  );
}
