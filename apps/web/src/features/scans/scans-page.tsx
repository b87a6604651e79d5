'use client';
import * as React from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { History, Plus, ScanSearch, X } from 'lucide-react';
import {
  Button,
  Card,
  DataTableLoadMore,
  EmptyState,
  ErrorState,
  FilterSelect,
  PageHeader,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useTRPC } from '~/trpc/react';
import { runStatuses, type RunStatus } from './bits';
import { RunSheet } from './run-sheet';
import { RunsTable } from './runs-table';
import { ScanCard } from './scan-card';
import { ScanDialog } from './scan-dialog';
import { useRunParam } from './use-run-param';

export function ScansPage() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const [runId, setRunId] = useRunParam();
  const [creating, setCreating] = React.useState(false);
  const tab = searchParams.get('tab') === 'runs' ? 'runs' : 'scans';
  const status = (searchParams.get('status') as RunStatus | null) ?? null;
  const sourceId = searchParams.get('source');

  const setParams = useSearchParamsPatch();

  // The command palette opens the create dialog with ?new=1.
  React.useEffect(() => {
    if (searchParams.get('new') === '1') {
      setCreating(true);
      setParams({ new: null });
    }
  }, [searchParams, setParams]);

  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    staleTime: 60_000,
  });
  const scans = useInfiniteQuery(
    trpc.scan.list.infiniteQueryOptions(
      { limit: 25, ...(sourceId ? { dataSourceId: sourceId } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const runs = useInfiniteQuery({
    ...trpc.scan.listRuns.infiniteQueryOptions(
      {
        limit: 25,
        ...(sourceId ? { dataSourceId: sourceId } : {}),
        ...(status ? { status } : {}),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const scanRows = scans.data?.pages.flatMap((p) => p.items);
  const runRows = runs.data?.pages.flatMap((p) => p.items);
  const filtered = !!status || !!sourceId;

  const sourceFilter = (
    <FilterSelect
      value={sourceId}
      onChange={(v) => setParams({ source: v })}
      options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
      allLabel="All sources"
      label="Source filter"
      className="w-52"
    />
  );

  return (
    <>
      <PageHeader
        title="Scans"
        description="What is scanned, with which rule set and when — and every run, across all sources."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-scan">
            <Plus />
            New scan
          </Button>
        }
      />
      <Tabs value={tab} onValueChange={(v) => setParams({ tab: v === 'scans' ? null : v })}>
        <TabsList>
          <TabsTrigger value="scans">Scans</TabsTrigger>
          <TabsTrigger value="runs">Run history</TabsTrigger>
        </TabsList>
        <TabsContent value="scans" className="grid gap-3">
          <div className="flex flex-wrap items-center gap-2">
            {sourceFilter}
            {sourceId ? (
              <Button variant="ghost" size="sm" onClick={() => setParams({ source: null })}>
                <X />
                Clear
              </Button>
            ) : null}
          </div>
          {scans.isPending ? (
            <div className="grid gap-3">
              <Skeleton className="h-36" />
              <Skeleton className="h-36" />
            </div>
          ) : scans.isError ? (
            <Card>
              <ErrorState error={scans.error} onRetry={() => void scans.refetch()} />
            </Card>
          ) : !scanRows?.length ? (
            <Card>
              <EmptyState
                icon={<ScanSearch />}
                title={sourceId ? 'No scan of this source' : 'No scan yet'}
                description="Create a scan for a data source, then run it to catalogue and classify its columns."
                action={
                  <div className="flex gap-2">
                    <Button size="sm" onClick={() => setCreating(true)}>
                      <Plus />
                      New scan
                    </Button>
                    <Button size="sm" variant="outline" asChild>
                      <Link href="/datasources">Data sources</Link>
                    </Button>
                  </div>
                }
              />
            </Card>
          ) : (
            <>
              {scanRows.map((scan) => (
                <ScanCard key={scan.id} scan={scan} showSource onOpenRun={setRunId} />
              ))}
              <DataTableLoadMore
                count={scanRows.length}
                hasMore={!!scans.hasNextPage}
                loading={scans.isFetchingNextPage}
                onLoadMore={() => void scans.fetchNextPage()}
              />
            </>
          )}
        </TabsContent>
        <TabsContent value="runs">
          <RunsTable
            runs={runRows}
            isLoading={runs.isPending}
            error={runs.error}
            onRetry={() => void runs.refetch()}
            onOpenRun={setRunId}
            showSource
            hasMore={runs.hasNextPage}
            loadingMore={runs.isFetchingNextPage}
            onLoadMore={() => void runs.fetchNextPage()}
            toolbar={
              <>
                <FilterSelect
                  value={status}
                  onChange={(v) => setParams({ status: v })}
                  options={runStatuses.map((s) => ({
                    value: s,
                    label: s,
                    className: 'capitalize',
                  }))}
                  allLabel="Any status"
                  label="Status filter"
                  className="w-40"
                />
                {sourceFilter}
                {filtered ? (
                  <Button
                    variant="ghost"
                    size="sm"
                    onClick={() => setParams({ status: null, source: null })}
                  >
                    <X />
                    Clear
                  </Button>
                ) : null}
              </>
            }
            empty={
              <EmptyState
                icon={<History />}
                title={filtered ? 'No run matches these filters' : 'No run yet'}
                description={
                  filtered
                    ? 'Try another status or source.'
                    : 'Press Run now on a scan to start one.'
                }
              />
            }
          />
        </TabsContent>
      </Tabs>
      <ScanDialog open={creating} onOpenChange={setCreating} />
      <RunSheet runId={runId} onOpenChange={(open) => !open && setRunId(null)} />
    </>
  );
}
