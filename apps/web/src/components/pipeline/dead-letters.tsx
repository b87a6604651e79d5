'use client';
import * as React from 'react';
import Link from 'next/link';
import {
  keepPreviousData,
  useInfiniteQuery,
  useMutation,
  useQuery,
  useQueryClient,
} from '@tanstack/react-query';
import { Inbox, RotateCw } from 'lucide-react';
import {
  Button,
  Checkbox,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatDateTime, formatRelative } from '~/lib/format';
import type { DeadLetter, PipelineDetail } from './types';

/**
 * Items that used up their attempts at a stage: what they were, why they
 * failed, and a way to give them another set of attempts (selected ones, or
 * every dead item of a stage in a run).
 */
export function DeadLetters({
  pipeline,
  initialRunId,
  initialStage,
}: {
  pipeline: PipelineDetail;
  initialRunId?: string | null;
  initialStage?: string | null;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [runId, setRunId] = React.useState<string | null>(
    initialRunId ?? pipeline.lastRun?.id ?? null,
  );
  const [stage, setStage] = React.useState<string | null>(initialStage ?? null);
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  React.useEffect(() => setSelected(new Set()), [runId, stage]);

  const runs = useQuery(trpc.pipeline.runs.queryOptions({ id: pipeline.id, limit: 20 }));
  const list = useInfiniteQuery({
    ...trpc.pipeline.deadLetters.infiniteQueryOptions(
      {
        id: pipeline.id,
        limit: 50,
        ...(runId ? { runId } : {}),
        ...(stage ? { stage } : {}),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items);
  const stages = pipeline.definition.stages;

  const afterRetry = async (retried: number) => {
    toast.success(
      retried
        ? `${retried} item${retried === 1 ? '' : 's'} sent back for another try`
        : 'Nothing to retry: those items are no longer dead',
    );
    setSelected(new Set());
    await Promise.all([
      queryClient.invalidateQueries(trpc.pipeline.deadLetters.pathFilter()),
      queryClient.invalidateQueries(trpc.pipeline.runs.pathFilter()),
      queryClient.invalidateQueries(trpc.pipeline.get.queryFilter({ id: pipeline.id })),
      queryClient.invalidateQueries(trpc.pipeline.metrics.pathFilter()),
    ]);
  };
  const retry = useMutation(trpc.pipeline.retryDeadLetters.mutationOptions());
  const retrySelected = async () => {
    // The API retries within one run: one call per run the selection spans.
    const byRun = new Map<string, string[]>();
    for (const item of rows ?? [])
      if (selected.has(item.id)) byRun.set(item.runId, [...(byRun.get(item.runId) ?? []), item.id]);
    try {
      let total = 0;
      for (const [run, itemIds] of byRun)
        total += (await retry.mutateAsync({ runId: run, itemIds })).retried;
      await afterRetry(total);
    } catch (error) {
      toast.fromError(error, 'Could not retry the items');
    }
  };
  const retryStage = async () => {
    try {
      if (!runId || !stage) return;
      const { retried } = await retry.mutateAsync({ runId, stage });
      await afterRetry(retried);
    } catch (error) {
      toast.fromError(error, 'Could not retry the stage');
    }
  };

  const pageIds = rows?.map((r) => r.id) ?? [];
  const allSelected = pageIds.length > 0 && pageIds.every((id) => selected.has(id));
  const toggle = (id: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });

  const columns: DataTableColumn<DeadLetter>[] = [
    {
      id: 'select',
      header: (
        <Checkbox
          aria-label="Select every dead item shown"
          checked={allSelected ? true : selected.size ? 'indeterminate' : false}
          disabled={!pipeline.canExecute || !pageIds.length}
          onCheckedChange={(v) => setSelected(v === true ? new Set(pageIds) : new Set())}
        />
      ),
      className: 'w-8',
      cell: (d) => (
        <Checkbox
          aria-label={`Select ${d.itemKey}`}
          checked={selected.has(d.id)}
          disabled={!pipeline.canExecute}
          onClick={(e) => e.stopPropagation()}
          onCheckedChange={(v) => toggle(d.id, v === true)}
        />
      ),
    },
    {
      id: 'stage',
      header: 'Stage',
      cell: (d) => <code className="font-mono text-xs">{d.stage}</code>,
    },
    {
      id: 'item',
      header: 'Item',
      cell: (d) => (
        <code className="whitespace-nowrap font-mono text-xs font-medium">{d.itemKey}</code>
      ),
    },
    {
      id: 'attempts',
      header: 'Attempts',
      className: 'tabular-nums',
      cell: (d) => d.attempts,
    },
    {
      id: 'error',
      header: 'Error',
      cell: (d) => (
        <span className="line-clamp-2 max-w-xl text-xs text-destructive" title={d.error ?? ''}>
          {d.error ?? '—'}
        </span>
      ),
    },
    {
      id: 'when',
      header: 'Dead since',
      className: 'hidden md:table-cell whitespace-nowrap text-muted-foreground',
      cell: (d) => <span title={formatDateTime(d.finishedAt)}>{formatRelative(d.finishedAt)}</span>,
    },
  ];

  const runLabel = (r: { createdAt: Date | string; status: string }) =>
    `${formatDateTime(r.createdAt)} · ${r.status}`;

  return (
    <DataTable
      label="Dead letters"
      columns={columns}
      data={rows}
      getRowId={(d) => d.id}
      rowTestId="dead-letter-row"
      rowData={(d) => ({ 'data-stage': d.stage, 'data-item': d.itemKey })}
      isLoading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      renderExpanded={(d) => (
        <div className="grid gap-2 text-xs">
          <p className="whitespace-pre-wrap text-destructive">{d.error}</p>
          <pre className="max-h-64 overflow-auto rounded-md bg-muted p-2 font-mono">
            {JSON.stringify(d.item, null, 2)}
          </pre>
          <Link href={`/pipelines/runs/${d.runId}`} className="text-primary hover:underline">
            Open its run
          </Link>
        </div>
      )}
      toolbar={
        <>
          <FilterSelect
            value={runId}
            onChange={setRunId}
            options={[
              // A run given in the URL but older than the listed ones still shows as chosen.
              ...(runId && !runs.data?.items.some((r) => r.id === runId)
                ? [{ value: runId, label: 'This run' }]
                : []),
              ...(runs.data?.items ?? []).map((r) => ({ value: r.id, label: runLabel(r) })),
            ]}
            allLabel="All runs"
            label="Run filter"
            className="w-72"
          />
          <FilterSelect
            value={stage}
            onChange={setStage}
            options={stages.map((s) => ({ value: s.id, label: s.name || s.id }))}
            allLabel="All stages"
            label="Stage filter"
            className="w-44"
          />
          {pipeline.canExecute ? (
            <div className="ml-auto flex gap-2">
              <Button
                size="sm"
                variant="outline"
                disabled={!selected.size || retry.isPending}
                onClick={() => void retrySelected()}
                data-testid="retry-selected"
              >
                {retry.isPending ? <Spinner /> : <RotateCw />}
                Retry selected{selected.size ? ` (${selected.size})` : ''}
              </Button>
              <Button
                size="sm"
                variant="outline"
                disabled={!runId || !stage || retry.isPending || !rows?.length}
                title={
                  !runId || !stage
                    ? 'Choose a run and a stage first'
                    : `Every dead item of ${stage} in this run`
                }
                onClick={() => void retryStage()}
                data-testid="retry-stage"
              >
                <RotateCw />
                Retry all in stage
              </Button>
            </div>
          ) : null}
        </>
      }
      empty={
        <EmptyState
          icon={<Inbox />}
          title="No dead letters"
          description={
            !runId && !stage
              ? 'No item has used up its attempts at any stage.'
              : 'None for this run and stage.'
          }
        />
      }
      footer={
        rows?.length ? (
          <DataTableLoadMore
            count={rows.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        ) : null
      }
    />
  );
}
