'use client';
import * as React from 'react';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Plus, ScanSearch } from 'lucide-react';
import { Button, EmptyState, ErrorState, Skeleton, Card } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { RunSheet } from './run-sheet';
import { RunsTable } from './runs-table';
import { ScanCard } from './scan-card';
import { ScanDialog } from './scan-dialog';
import { useRunParam } from './use-run-param';

/** A source's scans (with Run now and live progress) and its run history. */
export function ScansTab({ source }: { source: { id: string; name: string } }) {
  const trpc = useTRPC();
  const [creating, setCreating] = React.useState(false);
  const [runId, setRunId] = useRunParam();
  const scans = useQuery(trpc.scan.list.queryOptions({ dataSourceId: source.id, limit: 100 }));
  const runs = useInfiniteQuery(
    trpc.scan.listRuns.infiniteQueryOptions(
      { dataSourceId: source.id, limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const runRows = runs.data?.pages.flatMap((p) => p.items);

  return (
    <div className="grid gap-6">
      <section className="grid gap-3" aria-labelledby="scans-heading">
        <div className="flex items-center justify-between">
          <h2 id="scans-heading" className="text-base font-semibold">
            Scans
          </h2>
          <Button size="sm" onClick={() => setCreating(true)} data-testid="new-scan">
            <Plus />
            New scan
          </Button>
        </div>
        {scans.isPending ? (
          <Skeleton className="h-36" />
        ) : scans.isError ? (
          <Card>
            <ErrorState error={scans.error} onRetry={() => void scans.refetch()} />
          </Card>
        ) : scans.data.items.length === 0 ? (
          <Card>
            <EmptyState
              icon={<ScanSearch />}
              title="No scan yet"
              description="A scan catalogues the tables and columns and suggests labels for the sensitive ones."
              action={
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus />
                  New scan
                </Button>
              }
            />
          </Card>
        ) : (
          <div className="grid gap-3">
            {scans.data.items.map((scan) => (
              <ScanCard key={scan.id} scan={scan} onOpenRun={setRunId} />
            ))}
          </div>
        )}
      </section>
      <section className="grid gap-3" aria-labelledby="runs-heading">
        <h2 id="runs-heading" className="text-base font-semibold">
          Run history
        </h2>
        <RunsTable
          runs={runRows}
          isLoading={runs.isPending}
          error={runs.error}
          onRetry={() => void runs.refetch()}
          onOpenRun={setRunId}
          hasMore={runs.hasNextPage}
          loadingMore={runs.isFetchingNextPage}
          onLoadMore={() => void runs.fetchNextPage()}
        />
      </section>
      <ScanDialog open={creating} onOpenChange={setCreating} source={source} />
      <RunSheet runId={runId} onOpenChange={(open) => !open && setRunId(null)} />
    </div>
  );
}
