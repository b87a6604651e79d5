'use client';
import { useRouter } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { DataTable, type DataTableColumn, DataTableLoadMore, EmptyState } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatDateTime, formatRelative } from '~/lib/format';
import { formatDuration } from '~/features/scans/bits';
import { isRunActive, PipelineRunStatusBadge, stageDone } from './bits';
import { StageBar } from './stage-bar';
import type { RunSummary } from './types';

const columns: DataTableColumn<RunSummary>[] = [
  {
    id: 'status',
    header: 'Status',
    className: 'w-32',
    cell: (r) => <PipelineRunStatusBadge status={r.status} />,
  },
  {
    id: 'when',
    header: 'Started',
    className: 'whitespace-nowrap',
    cell: (r) => (
      <span className="text-muted-foreground" title={formatDateTime(r.startedAt ?? r.createdAt)}>
        {formatRelative(r.startedAt ?? r.createdAt)}
        <span className="ml-1 text-xs">· {r.trigger}</span>
      </span>
    ),
  },
  {
    id: 'duration',
    header: 'Duration',
    className: 'hidden md:table-cell whitespace-nowrap tabular-nums',
    cell: (r) => formatDuration(r.startedAt, r.finishedAt),
  },
  {
    id: 'items',
    header: 'Items',
    className: 'tabular-nums',
    cell: (r) => r.itemsTotal.toLocaleString(),
  },
  {
    id: 'stages',
    header: 'Stages',
    className: 'hidden lg:table-cell min-w-64',
    cell: (r) => (
      <div className="flex gap-1.5">
        {r.stages.map((s) => (
          <div
            key={s.stage}
            className="min-w-0 flex-1"
            title={`${s.stage}: ${stageDone(s)} / ${r.itemsTotal}`}
          >
            <StageBar stage={s} total={r.itemsTotal} />
          </div>
        ))}
      </div>
    ),
  },
  {
    id: 'dead',
    header: 'Dead',
    className: 'whitespace-nowrap tabular-nums',
    cell: (r) => {
      const dead = r.stages.reduce((n, s) => n + s.dead, 0);
      return dead ? (
        <span className="font-medium text-destructive">{dead}</span>
      ) : (
        <span className="text-muted-foreground">0</span>
      );
    },
  },
];

/** The pipeline's runs, newest first; a row opens the live run view. */
export function PipelineRunsTable({ pipelineId }: { pipelineId: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const runs = useInfiniteQuery({
    ...trpc.pipeline.runs.infiniteQueryOptions(
      { id: pipelineId, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    // While a run is in progress its row's bars move.
    refetchInterval: (q) =>
      q.state.data?.pages[0]?.items.some((r) => isRunActive(r.status)) ? 2000 : false,
  });
  const rows = runs.data?.pages.flatMap((p) => p.items);
  return (
    <DataTable
      label="Pipeline runs"
      columns={columns}
      data={rows}
      getRowId={(r) => r.id}
      rowTestId="pipeline-run-row"
      isLoading={runs.isPending}
      error={runs.error}
      onRetry={() => void runs.refetch()}
      onRowClick={(r) => router.push(`/pipelines/runs/${r.id}`)}
      empty={
        <EmptyState
          icon={<History />}
          title="No run yet"
          description="Run the pipeline to process the source’s tables; each run appears here."
        />
      }
      footer={
        rows?.length ? (
          <DataTableLoadMore
            count={rows.length}
            hasMore={!!runs.hasNextPage}
            loading={runs.isFetchingNextPage}
            onLoadMore={() => void runs.fetchNextPage()}
          />
        ) : null
      }
    />
  );
}
