'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { Check, History, Inbox, X } from 'lucide-react';
import {
  Button,
  CountTabs,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  PageHeader,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { type Decision, DecideRequestDialog } from './decide-request-dialog';
import { formatDuration, RequestStatusBadge } from './request-status';
import { RequestSheet } from './request-sheet';

type Request = RouterOutputs['accessRequest']['list']['items'][number];
type View = 'pending' | 'history';

/**
 * /admin/access-requests: for approvers. "To decide" lists pending requests
 * at the scopes where the caller holds access.approve; "History" the decided
 * ones. `?request=<id>` (the task's and the notification's link) opens one.
 */
export function AccessRequestsPage() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const patch = useSearchParamsPatch();
  const view: View = searchParams.get('view') === 'history' ? 'history' : 'pending';
  const openId = searchParams.get('request');
  const [deciding, setDeciding] = React.useState<{ request: Request; decision: Decision } | null>(
    null,
  );

  const pending = useInfiniteQuery({
    ...trpc.accessRequest.list.infiniteQueryOptions(
      { view: 'toDecide', status: 'pending', limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchInterval: 15_000,
  });
  const all = useInfiniteQuery(
    trpc.accessRequest.list.infiniteQueryOptions(
      { view: 'toDecide', limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
  );
  const pendingRows = pending.data?.pages.flatMap((p) => p.items);
  const historyRows = all.data?.pages.flatMap((p) => p.items).filter((r) => r.status !== 'pending');
  const query = view === 'pending' ? pending : all;
  const rows = view === 'pending' ? pendingRows : historyRows;

  const columns: DataTableColumn<Request>[] = [
    {
      id: 'who',
      header: 'Requester',
      cell: (r) => (
        <div className="grid min-w-0">
          <span className="truncate font-medium">{r.requesterName}</span>
          <span className="truncate text-xs text-muted-foreground">{r.requesterEmail}</span>
        </div>
      ),
    },
    {
      id: 'access',
      header: 'Asks for',
      cell: (r) => (
        <div className="grid min-w-0">
          <span className="truncate">
            {r.roleName} on {r.scopeName}
          </span>
          <span className="text-xs text-muted-foreground">
            for {formatDuration(r.durationMinutes)}
          </span>
        </div>
      ),
    },
    {
      id: 'why',
      header: 'Justification',
      className: 'hidden md:table-cell',
      cell: (r) => (
        <span className="line-clamp-2 max-w-sm text-sm text-muted-foreground">
          {r.justification}
        </span>
      ),
    },
    view === 'pending'
      ? {
          id: 'actions',
          header: <span className="sr-only">Decide</span>,
          className: 'w-48 text-right',
          cell: (r: Request) => (
            <div className="flex justify-end gap-1.5" onClick={(e) => e.stopPropagation()}>
              <Button
                size="sm"
                onClick={() => setDeciding({ request: r, decision: 'approve' })}
                data-testid="approve-request"
              >
                <Check />
                Approve
              </Button>
              <Button
                size="sm"
                variant="outline"
                className="text-destructive"
                onClick={() => setDeciding({ request: r, decision: 'reject' })}
                data-testid="reject-request"
              >
                <X />
                Reject
              </Button>
            </div>
          ),
        }
      : {
          id: 'decision',
          header: 'Decision',
          className: 'whitespace-nowrap',
          cell: (r: Request) => (
            <div className="grid gap-0.5">
              <RequestStatusBadge status={r.status} expiresAt={r.expiresAt} />
              <span className="text-xs text-muted-foreground" title={formatDateTime(r.decidedAt)}>
                {r.decidedByName && r.status !== 'cancelled' ? `by ${r.decidedByName} · ` : ''}
                {formatRelative(r.decidedAt)}
              </span>
            </div>
          ),
        },
  ];

  return (
    <>
      <PageHeader
        title="Access requests"
        description="People asking for a role at a workspace or data source you administer. Approved access ends on its own."
      />
      <CountTabs
        className="mb-4"
        label="Access request state"
        testIdPrefix="requests-tab"
        value={view}
        onChange={(v) => patch({ view: v === 'pending' ? null : v })}
        tabs={[
          { value: 'pending', label: 'To decide', count: pendingRows?.length },
          { value: 'history', label: 'History', count: historyRows?.length },
        ]}
      />
      <DataTable
        label={view === 'pending' ? 'Requests to decide' : 'Decided requests'}
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        highlightIds={openId ? new Set([openId]) : undefined}
        rowTestId="access-request-row"
        rowData={(r) => ({ 'data-requester': r.requesterEmail ?? '', 'data-status': r.status })}
        isLoading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(r) => patch({ request: r.id })}
        empty={
          view === 'pending' ? (
            <EmptyState
              icon={<Inbox />}
              title="Nothing to decide"
              description="When someone asks for access to a workspace or data source you administer, it appears here and in your notifications."
            />
          ) : (
            <EmptyState
              icon={<History />}
              title="No decided request yet"
              description="Approved, rejected, cancelled and expired requests stay here with who decided and why."
            />
          )
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
            />
          ) : null
        }
      />
      <RequestSheet
        requestId={openId}
        onOpenChange={(o) => !o && patch({ request: null })}
        onDecide={(request, decision) => setDeciding({ request, decision })}
      />
      <DecideRequestDialog
        request={deciding?.request ?? null}
        decision={deciding?.decision ?? 'approve'}
        onOpenChange={(o) => !o && setDeciding(null)}
      />
    </>
  );
}
