'use client';
import * as React from 'react';
import { useInfiniteQuery, useMutation, useQueryClient } from '@tanstack/react-query';
import { KeyRound, Plus } from 'lucide-react';
import {
  Button,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  PageHeader,
  toast,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { RequestAccessDialog } from './request-access-dialog';
import { ExpiryCountdown, formatDuration, RequestStatusBadge } from './request-status';

type Request = RouterOutputs['accessRequest']['list']['items'][number];

/** /settings/access: my requests, the time left on active grants, and a way to ask for more. */
export function MyAccessPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [requestOpen, setRequestOpen] = React.useState(false);
  const [cancelling, setCancelling] = React.useState<Request | null>(null);
  const list = useInfiniteQuery({
    ...trpc.accessRequest.list.infiniteQueryOptions(
      { view: 'mine', limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    // A decision arrives while the page is open; so does an expiry.
    refetchInterval: 15_000,
  });
  const cancel = useMutation(
    trpc.accessRequest.cancel.mutationOptions({
      onSuccess: () => {
        toast.success('Request cancelled');
        setCancelling(null);
        void queryClient.invalidateQueries(trpc.accessRequest.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not cancel the request'),
    }),
  );
  const rows = list.data?.pages.flatMap((p) => p.items);

  const columns: DataTableColumn<Request>[] = [
    {
      id: 'access',
      header: 'Access',
      cell: (r) => (
        <div className="grid min-w-0">
          <span className="truncate font-medium">
            {r.roleName} on {r.scopeName}
          </span>
          <span className="text-xs text-muted-foreground">
            {r.scopeType === 'workspace' ? 'workspace' : 'data source'} · for{' '}
            {formatDuration(r.durationMinutes)}
          </span>
        </div>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <div className="grid gap-0.5">
          <RequestStatusBadge status={r.status} expiresAt={r.expiresAt} />
          {r.active && r.expiresAt ? <ExpiryCountdown expiresAt={r.expiresAt} /> : null}
        </div>
      ),
    },
    {
      id: 'why',
      header: 'Justification',
      className: 'hidden md:table-cell',
      cell: (r) => (
        <span className="line-clamp-2 text-sm text-muted-foreground">{r.justification}</span>
      ),
    },
    {
      id: 'decision',
      header: 'Decision',
      className: 'hidden lg:table-cell',
      cell: (r) =>
        r.decidedByName ? (
          <div className="grid text-sm">
            <span title={formatDateTime(r.decidedAt)}>
              by {r.decidedByName} · {formatRelative(r.decidedAt)}
            </span>
            {r.decisionComment ? (
              <span className="line-clamp-2 text-xs text-muted-foreground">
                “{r.decisionComment}”
              </span>
            ) : null}
          </div>
        ) : (
          <span className="text-sm text-muted-foreground" title={formatDateTime(r.createdAt)}>
            asked {formatRelative(r.createdAt)}
          </span>
        ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Actions</span>,
      className: 'w-24 text-right',
      cell: (r) =>
        r.status === 'pending' ? (
          <Button
            size="sm"
            variant="outline"
            onClick={() => setCancelling(r)}
            data-testid="cancel-request"
          >
            Cancel
          </Button>
        ) : null,
    },
  ];

  return (
    <>
      <PageHeader
        title="My access"
        description="Roles you asked for at a workspace or data source, and how long they last."
        actions={
          <Button onClick={() => setRequestOpen(true)} data-testid="request-access">
            <Plus />
            Request access
          </Button>
        }
      />
      <DataTable
        label="My access requests"
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        rowTestId="my-request-row"
        rowData={(r) => ({ 'data-scope': r.scopeName, 'data-status': r.status })}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={
          <EmptyState
            icon={<KeyRound />}
            title="No access requests yet"
            description="Need a workspace or a data source you cannot open? Ask for a role there, for as long as you need it."
            action={
              <Button onClick={() => setRequestOpen(true)}>
                <Plus />
                Request access
              </Button>
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
      <RequestAccessDialog open={requestOpen} onOpenChange={setRequestOpen} />
      <ConfirmDialog
        open={!!cancelling}
        onOpenChange={(o) => !o && setCancelling(null)}
        title="Cancel this request?"
        description={
          cancelling
            ? `${cancelling.roleName} on ${cancelling.scopeName}: the approvers’ task closes.`
            : undefined
        }
        confirmLabel="Cancel request"
        cancelLabel="Keep it"
        destructive
        pending={cancel.isPending}
        onConfirm={() => cancelling && cancel.mutate({ id: cancelling.id })}
      />
    </>
  );
}
