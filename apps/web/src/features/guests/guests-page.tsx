'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Ban, TriangleAlert, UserPlus } from 'lucide-react';
import {
  Button,
  ConfirmDialog,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  DataTableSearch,
  EmptyState,
  FilterSelect,
  PageHeader,
  toast,
} from '@racine/ui';
import { formatDate, formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { type GuestStatus, GuestStatusBadge, guestStatusOptions } from './guest-status-badge';
import { InviteGuestDialog } from './invite-guest-dialog';

type Invite = RouterOutputs['guest']['list']['items'][number];
const statuses = new Set<string>(guestStatusOptions.map((o) => o.value));

/**
 * /admin/guests: external collaborators of the workspaces the caller
 * administers (guest.manage), with their status, when access ends and what
 * they have done. Invite and revoke from here.
 */
export function GuestsPage() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const searchParams = useSearchParams();
  const patch = useSearchParamsPatch();
  const statusParam = searchParams.get('status');
  const status = statusParam && statuses.has(statusParam) ? (statusParam as GuestStatus) : null;
  const workspaceId = searchParams.get('workspace');
  const [search, setSearch] = React.useState('');
  const q = useDebounced(search.trim(), 250);
  const [inviteOpen, setInviteOpen] = React.useState(false);
  const [revoking, setRevoking] = React.useState<Invite | null>(null);

  const invites = useInfiniteQuery({
    ...trpc.guest.list.infiniteQueryOptions(
      { limit: 50, ...(status ? { status } : {}), ...(workspaceId ? { workspaceId } : {}), ...(q ? { q } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchInterval: 30_000,
  });
  const manageable = useQueryWorkspaces();
  const rows = invites.data?.pages.flatMap((p) => p.items);

  const revoke = useMutation(
    trpc.guest.revoke.mutationOptions({
      onSuccess: async (invite) => {
        toast.success(
          invite.guest ? `${invite.guest.name}'s access has ended` : `The invitation to ${invite.email} was withdrawn`,
        );
        setRevoking(null);
        await queryClient.invalidateQueries(trpc.guest.list.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not revoke the guest'),
    }),
  );

  const columns: DataTableColumn<Invite>[] = [
    {
      id: 'guest',
      header: 'Guest',
      cell: (r) => (
        <div className="grid min-w-0">
          <span className="truncate font-medium">{r.guest?.name ?? r.email}</span>
          {r.guest ? <span className="truncate text-xs text-muted-foreground">{r.email}</span> : null}
        </div>
      ),
    },
    {
      id: 'workspace',
      header: 'Workspace',
      cell: (r) => (
        <div className="grid min-w-0">
          <span className="truncate">{r.workspaceName}</span>
          <span className="text-xs text-muted-foreground">{r.roleName}</span>
        </div>
      ),
    },
    { id: 'status', header: 'Status', cell: (r) => <GuestStatusBadge status={r.status} /> },
    {
      id: 'ends',
      header: 'Access ends',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <div className="grid">
          <span title={formatDateTime(r.accessEndsAt)}>{formatDate(r.accessEndsAt)}</span>
          <span className="text-xs text-muted-foreground">
            {r.status === 'pending'
              ? `link until ${formatDateTime(r.linkExpiresAt)}`
              : r.status === 'revoked'
                ? `revoked ${formatRelative(r.revokedAt)}${r.revokedBy ? ` by ${r.revokedBy.name}` : ''}`
                : r.acceptedAt
                  ? `joined ${formatRelative(r.acceptedAt)}`
                  : 'never accepted'}
          </span>
        </div>
      ),
    },
    {
      id: 'activity',
      header: 'Activity',
      className: 'hidden md:table-cell whitespace-nowrap',
      cell: (r) =>
        r.guest ? (
          <div className="grid">
            <span data-testid="guest-activity-count">
              {r.activityCount} action{r.activityCount === 1 ? '' : 's'}
            </span>
            <span className="text-xs text-muted-foreground" title={formatDateTime(r.lastActivityAt)}>
              {r.lastActivityAt ? `last ${formatRelative(r.lastActivityAt)}` : 'nothing yet'}
            </span>
          </div>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'invitedBy',
      header: 'Invited by',
      className: 'hidden lg:table-cell',
      cell: (r) => (
        <span className="text-sm text-muted-foreground" title={formatDateTime(r.createdAt)}>
          {r.invitedBy?.name ?? '—'}
        </span>
      ),
    },
    {
      id: 'actions',
      header: <span className="sr-only">Revoke</span>,
      className: 'w-28 text-right',
      cell: (r) =>
        r.status === 'pending' || r.status === 'active' ? (
          <Button
            size="sm"
            variant="outline"
            className="text-destructive"
            onClick={() => setRevoking(r)}
            data-testid="revoke-guest"
          >
            <Ban />
            Revoke
          </Button>
        ) : null,
    },
  ];

  const filtered = !!(status || workspaceId || q);
  return (
    <>
      <PageHeader
        title="Guests"
        description="External collaborators: invited by email with a single-use link, limited to one workspace and a time window. Everything they do is flagged in the activity log."
        actions={
          <Button onClick={() => setInviteOpen(true)} data-testid="invite-guest" disabled={manageable.length === 0}>
            <UserPlus />
            Invite guest
          </Button>
        }
      />
      <DataTable
        label="Guests"
        columns={columns}
        data={rows}
        getRowId={(r) => r.id}
        rowTestId="guest-row"
        rowData={(r) => ({ 'data-email': r.email, 'data-status': r.status })}
        isLoading={invites.isPending}
        error={invites.error}
        onRetry={() => void invites.refetch()}
        toolbar={
          <>
            <DataTableSearch value={search} onChange={setSearch} placeholder="Search by email" label="Search guests" />
            <FilterSelect
              value={status}
              onChange={(v) => patch({ status: v })}
              options={guestStatusOptions}
              allLabel="Any status"
              label="Status filter"
              className="w-36"
              data-testid="guest-status-filter"
            />
            <FilterSelect
              value={workspaceId}
              onChange={(v) => patch({ workspace: v })}
              options={manageable.map((w) => ({ value: w.id, label: w.name }))}
              allLabel="All workspaces"
              label="Workspace filter"
              className="w-44"
            />
          </>
        }
        empty={
          <EmptyState
            icon={<UserPlus />}
            title={filtered ? 'No guest matches these filters' : 'No guests yet'}
            description={
              filtered
                ? 'Try another status, workspace or email.'
                : manageable.length
                  ? 'Invite an auditor or a partner to one workspace for a limited time.'
                  : 'Guests are invited by the owners and admins of a workspace.'
            }
            action={
              !filtered && manageable.length ? (
                <Button onClick={() => setInviteOpen(true)}>
                  <UserPlus />
                  Invite guest
                </Button>
              ) : undefined
            }
          />
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!invites.hasNextPage}
              loading={invites.isFetchingNextPage}
              onLoadMore={() => void invites.fetchNextPage()}
            />
          ) : null
        }
      />
      <InviteGuestDialog open={inviteOpen} onOpenChange={setInviteOpen} workspaces={manageable} />
      <ConfirmDialog
        open={revoking !== null}
        onOpenChange={(open) => !open && setRevoking(null)}
        title={revoking?.guest ? `End ${revoking.guest.name}'s access?` : `Withdraw the invitation to ${revoking?.email ?? ''}?`}
        description={
          <span className="flex gap-2">
            <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" />
            {revoking?.guest
              ? `They lose access to ${revoking.workspaceName} at once and are signed out everywhere. This cannot be undone; invite them again if needed.`
              : 'The link stops working at once. You can send a new invitation afterwards.'}
          </span>
        }
        confirmLabel={revoking?.guest ? 'Revoke access' : 'Withdraw invitation'}
        destructive
        pending={revoke.isPending}
        onConfirm={() => revoking && revoke.mutate({ inviteId: revoking.id })}
      />
    </>
  );
}

/** The workspaces the caller may invite guests to (and filter by). */
function useQueryWorkspaces() {
  const trpc = useTRPC();
  const { data } = useQuery(trpc.guest.workspaces.queryOptions(undefined, { staleTime: 60_000 }));
  return data?.items ?? [];
}
