'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Lightbulb } from 'lucide-react';
import { DataTableLoadMore, EmptyState, ErrorState, FilterSelect, PageHeader, Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { InsightCard } from './insight-card';
import type { InsightSeverity, InsightStatus } from './types';

type StatusFilter = 'open' | InsightStatus;
const statusOptions = [
  { value: 'open', label: 'Open (new & acknowledged)' },
  { value: 'new', label: 'New' },
  { value: 'acknowledged', label: 'Acknowledged' },
  { value: 'dismissed', label: 'Dismissed' },
  { value: 'actioned', label: 'Actioned' },
] as const;
const kindOptions = [
  { value: 'anomaly', label: 'Anomalies' },
  { value: 'forecast', label: 'Forecasts' },
] as const;
const severityOptions = [
  { value: 'critical', label: 'Critical' },
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
] as const;

const statusesOf = (f: StatusFilter | null): InsightStatus[] | undefined => (f === null ? undefined : f === 'open' ? ['new', 'acknowledged'] : [f]);

/** Insights: anomalies and forecasts with their evidence, filtered by status, kind and severity. */
export function InsightsPage() {
  const trpc = useTRPC();
  const focus = useSearchParams().get('focus');
  const [status, setStatus] = React.useState<StatusFilter | null>('open');
  const [kind, setKind] = React.useState<'anomaly' | 'forecast' | null>(null);
  const [severity, setSeverity] = React.useState<InsightSeverity | null>(null);
  const statuses = statusesOf(status);
  const list = useInfiniteQuery({
    ...trpc.insight.list.infiniteQueryOptions(
      { ...(statuses ? { status: statuses } : {}), ...(kind ? { kind } : {}), ...(severity ? { severity } : {}), limit: 20 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const items = list.data?.pages.flatMap((p) => p.items);
  const canManage = list.data?.pages[0]?.canManage ?? false;
  const filtered = status !== 'open' || Boolean(kind || severity);

  React.useEffect(() => {
    if (focus && items?.some((i) => i.id === focus)) document.getElementById(`insight-${focus}`)?.scrollIntoView({ block: 'center' });
  }, [focus, items]);

  return (
    <>
      <PageHeader
        title="Insights"
        description="What is unusual, and where trends are heading: robust z-scores and EWMA bands against each series' own baseline, Holt forecasts with their band. Each insight shows its evidence and what to do."
      />
      <div className="mb-4 flex flex-wrap items-center gap-2">
        <FilterSelect value={status} onChange={setStatus} options={statusOptions} allLabel="Any status" label="Status filter" className="w-56" data-testid="insight-status-filter" />
        <FilterSelect value={kind} onChange={setKind} options={kindOptions} allLabel="Anomalies & forecasts" label="Kind filter" className="w-52" data-testid="insight-kind-filter" />
        <FilterSelect value={severity} onChange={setSeverity} options={severityOptions} allLabel="Any severity" label="Severity filter" className="w-40" data-testid="insight-severity-filter" />
      </div>
      {list.isPending ? (
        <div className="grid gap-4" aria-busy="true" aria-label="Loading insights">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} className="h-72 w-full" />
          ))}
        </div>
      ) : list.error ? (
        <ErrorState title="Could not load insights" error={list.error} onRetry={() => void list.refetch()} />
      ) : !items?.length ? (
        <EmptyState
          icon={<Lightbulb />}
          title={filtered ? 'No insight matches' : 'Nothing unusual'}
          description={
            filtered
              ? 'Try another status, kind or severity.'
              : 'Detectors run every 15 minutes over activity, scans, sensitive columns and posture. When something departs from its usual, or a trend is heading past a threshold, it shows here.'
          }
        />
      ) : (
        <div className="grid gap-4" data-testid="insight-list">
          {items.map((i) => (
            <InsightCard key={i.id} insight={i} canManage={canManage} focused={i.id === focus} />
          ))}
          <DataTableLoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} count={items.length} />
        </div>
      )}
    </>
  );
}
