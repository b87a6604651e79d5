'use client';
import * as React from 'react';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { History } from 'lucide-react';
import { Badge, DataTable, type DataTableColumn, DataTableLoadMore, DataTableSearch, EmptyState, PageHeader } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';

type Event = RouterOutputs['user']['activity']['items'][number];

export function OwnActivityPage() {
  const trpc = useTRPC();
  const [type, setType] = React.useState('');
  const typeFilter = useDebounced(type.trim(), 250);
  const activity = useInfiniteQuery({
    ...trpc.user.activity.infiniteQueryOptions(
      { limit: 25, ...(typeFilter ? { type: typeFilter } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = activity.data?.pages.flatMap((p) => p.items);

  const columns: DataTableColumn<Event>[] = [
    {
      id: 'type',
      header: 'What',
      cell: (e) => (
        <div>
          <code className="font-mono text-xs font-medium">{e.type}</code>
          {e.actorType === 'token' ? <span className="ml-2 text-xs text-muted-foreground">(API token)</span> : null}
        </div>
      ),
    },
    {
      id: 'resource',
      header: 'Resource',
      className: 'hidden md:table-cell',
      cell: (e) =>
        e.resourceType ? (
          <span className="text-muted-foreground">
            {e.resourceType} <span className="font-mono text-xs">{e.resourceId?.slice(0, 8)}</span>
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'status',
      header: 'Status',
      cell: (e) => <Badge variant={e.status === 'success' ? 'success' : 'destructive'}>{e.status}</Badge>,
    },
    {
      id: 'when',
      header: 'When',
      cell: (e) => <span title={formatDateTime(e.occurredAt)} className="text-muted-foreground">{formatRelative(e.occurredAt)}</span>,
    },
  ];

  return (
    <>
      <PageHeader breadcrumb="Settings" title="My activity" description="Everything you did in Racine, from the browser or with your API tokens, newest first." />
      <DataTable
        label="My activity"
        columns={columns}
        data={rows}
        getRowId={(e) => e.id}
        rowTestId="own-activity-row"
        rowData={(e) => ({ 'data-type': e.type })}
        isLoading={activity.isPending}
        error={activity.error}
        onRetry={() => void activity.refetch()}
        toolbar={<DataTableSearch value={type} onChange={setType} placeholder="Event type, e.g. user." label="Filter by event type" />}
        empty={
          <EmptyState
            icon={<History />}
            title={typeFilter ? `Nothing of type “${typeFilter}”` : 'Nothing yet'}
            description={typeFilter ? 'End the type with a dot to match a family, e.g. “user.”.' : undefined}
          />
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore count={rows.length} hasMore={!!activity.hasNextPage} loading={activity.isFetchingNextPage} onLoadMore={() => void activity.fetchNextPage()} />
          ) : null
        }
      />
    </>
  );
}
