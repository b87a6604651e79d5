'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery, useMutation, useQuery } from '@tanstack/react-query';
import { Activity, Pause, Play, ShieldCheck } from 'lucide-react';
import {
  Button,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  PageHeader,
  Spinner,
  StatusDot,
  toast,
  Tooltip,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { verifyToast } from '~/components/verify-toast';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import type { RouterOutputs } from '~/trpc/types';
import { ActivityDetails } from './activity-details';
import { ActivityToolbar } from './activity-toolbar';
import {
  actorLabel,
  type ActivityEvent,
  CategoryBadge,
  failureMessage,
  GuestBadge,
  resourceLabel,
  StatusBadge,
} from './event-bits';
import {
  type ActivityFilterState,
  emptyFilters,
  isFiltered,
  isGuestEvent,
  matchesFilters,
  toApiFilters,
} from './filters';
import { compareIdsDesc, useLiveActivity } from './use-live-activity';
import { VerifyPanel } from './verify-panel';

const PAGE_SIZE = 50;

export function ActivityPage() {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const { isAdmin } = useCurrentUser();
  const { workspaces } = useWorkspaces();
  const [filters, setFilters] = React.useState<ActivityFilterState>(() => ({
    ...emptyFilters,
    workspaceId: searchParams.get('workspace'),
    guestOnly: searchParams.get('guests') === '1',
    // Links from elsewhere (an insight's "review what they read") open the log filtered to one person and type.
    actorId: searchParams.get('actor'),
    type: searchParams.get('type') ?? '',
  }));
  const [search, setSearch] = React.useState('');
  const [livePaused, setLivePaused] = React.useState(false);
  const [verifyResult, setVerifyResult] = React.useState<
    RouterOutputs['activity']['verifyChain'] | null
  >(null);
  const query = useDebounced(search.trim(), 300);
  const debouncedFilters = useDebounced(filters, 250);

  // A relative range ("last hour") is anchored when the filters change, so the query key stays stable.
  const api = React.useMemo(() => toApiFilters(debouncedFilters, Date.now()), [debouncedFilters]);
  const filterKey = JSON.stringify([api, query]);

  const list = useInfiniteQuery({
    ...trpc.activity.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...api },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: query === '',
    placeholderData: keepPreviousData,
  });
  const searchResults = useInfiniteQuery({
    ...trpc.activity.search.infiniteQueryOptions(
      { query, limit: PAGE_SIZE, ...api },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    enabled: query !== '',
    placeholderData: keepPreviousData,
  });
  const searching = query !== '';
  const active = searching ? searchResults : list;

  const actorsQuery = useQuery({
    ...trpc.user.list.queryOptions({ limit: 100 }),
    retry: false,
    staleTime: 60_000,
  });
  const actors = actorsQuery.isError
    ? null
    : (actorsQuery.data?.items.map((u) => ({ id: u.id, name: u.name })) ?? []);

  // Live tail: starts after the newest listed event, once the first page is in.
  const firstPage = list.data?.pages[0];
  const [since, setSince] = React.useState<{ key: string; id: string | null } | null>(null);
  React.useEffect(() => {
    if (searching || list.isPlaceholderData || !firstPage) return;
    setSince((prev) =>
      prev?.key === filterKey ? prev : { key: filterKey, id: firstPage.items[0]?.id ?? null },
    );
  }, [firstPage, filterKey, searching, list.isPlaceholderData]);
  const liveWanted = !searching && !livePaused && !api.to;
  const live = useLiveActivity({
    enabled: liveWanted,
    since: since?.key === filterKey ? since.id : undefined,
    api,
    resetKey: filterKey,
  });

  const rows = React.useMemo(() => {
    const listed = active.data?.pages.flatMap((p) => p.items) ?? [];
    if (searching) return listed;
    const seen = new Set(listed.map((e) => e.id));
    const extra = live.events.filter((e) => !seen.has(e.id) && matchesFilters(e, api));
    return extra.length ? [...extra, ...listed].sort((a, b) => compareIdsDesc(a.id, b.id)) : listed;
  }, [active.data, live.events, searching, api]);

  const seenTypes = React.useMemo(() => [...new Set(rows.map((e) => e.type))].slice(0, 50), [rows]);
  const workspaceNames = React.useMemo(
    () => new Map(workspaces.map((w) => [w.id, w.name])),
    [workspaces],
  );

  const verify = useMutation(
    trpc.activity.verifyChain.mutationOptions({
      onSuccess: (result) => {
        setVerifyResult(result);
        verifyToast(result);
      },
      onError: (error) => toast.fromError(error, 'Could not verify the activity log'),
    }),
  );

  const columns: DataTableColumn<ActivityEvent>[] = [
    {
      id: 'when',
      header: 'When',
      className: 'w-36 whitespace-nowrap',
      cell: (e) => (
        <span title={formatDateTime(e.occurredAt)} className="text-muted-foreground">
          {formatRelative(e.occurredAt)}
        </span>
      ),
    },
    {
      id: 'event',
      header: 'Event',
      cell: (e) => (
        <div className="flex min-w-0 items-center gap-2">
          <CategoryBadge category={e.category} />
          <code className="truncate font-mono text-xs" data-testid="activity-type">
            {e.type}
          </code>
        </div>
      ),
    },
    {
      id: 'resource',
      header: 'Resource',
      className: 'hidden lg:table-cell max-w-72',
      cell: (e) => {
        const label = resourceLabel(e, workspaceNames) ?? '—';
        const failure = failureMessage(e);
        return (
          <div className="min-w-0">
            <span className="block truncate text-muted-foreground" title={label}>
              {label}
            </span>
            {failure ? (
              <span className="block truncate text-xs text-destructive" title={failure}>
                {failure}
              </span>
            ) : null}
          </div>
        );
      },
    },
    {
      id: 'workspace',
      header: 'Workspace',
      className: 'hidden 2xl:table-cell whitespace-nowrap',
      cell: (e) =>
        e.workspaceId ? (
          <span className="text-muted-foreground">
            {workspaceNames.get(e.workspaceId) ?? `${e.workspaceId.slice(0, 8)}…`}
          </span>
        ) : (
          <span className="text-muted-foreground">—</span>
        ),
    },
    {
      id: 'actor',
      header: 'Actor',
      className: 'hidden md:table-cell whitespace-nowrap',
      cell: (e) => (
        <span className="inline-flex items-center gap-1.5">
          {actorLabel(e)}
          {isGuestEvent(e) ? <GuestBadge /> : null}
        </span>
      ),
    },
    {
      id: 'status',
      header: 'Status',
      className: 'w-24',
      cell: (e) => <StatusBadge status={e.status} />,
    },
  ];

  const liveState = !liveWanted
    ? {
        status: 'unknown' as const,
        label: searching
          ? 'Live paused while searching'
          : api.to
            ? 'Live off for a past range'
            : 'Live paused',
      }
    : live.status === 'pending'
      ? { status: 'healthy' as const, label: 'Live' }
      : live.status === 'error'
        ? { status: 'down' as const, label: 'Live: reconnecting…' }
        : { status: 'degraded' as const, label: 'Connecting…' };

  return (
    <>
      <PageHeader
        title="Activity"
        description="The append-only, hash-chained audit trail of every change."
        actions={
          <>
            <div
              className="flex items-center gap-2 text-sm text-muted-foreground"
              data-testid="live-status"
              data-status={live.status}
            >
              <StatusDot status={liveState.status} pulse={liveState.status === 'healthy'} />
              {liveState.label}
            </div>
            {!searching && !api.to ? (
              <Tooltip content={livePaused ? 'Resume live updates' : 'Pause live updates'}>
                <Button
                  variant="outline"
                  size="icon"
                  aria-label={livePaused ? 'Resume live updates' : 'Pause live updates'}
                  onClick={() => setLivePaused((p) => !p)}
                >
                  {livePaused ? <Play /> : <Pause />}
                </Button>
              </Tooltip>
            ) : null}
            {isAdmin ? (
              <Button
                variant="outline"
                onClick={() => verify.mutate()}
                disabled={verify.isPending}
                data-testid="verify-integrity"
              >
                {verify.isPending ? <Spinner /> : <ShieldCheck />}
                Verify integrity
              </Button>
            ) : null}
          </>
        }
      />
      {verifyResult ? (
        <div className="mb-4">
          <VerifyPanel result={verifyResult} onDismiss={() => setVerifyResult(null)} />
        </div>
      ) : null}
      <DataTable
        label="Activity events"
        columns={columns}
        data={rows}
        getRowId={(e) => e.id}
        rowTestId="activity-row"
        isLoading={active.isPending}
        error={active.error}
        onRetry={() => void active.refetch()}
        highlightIds={live.fresh}
        renderExpanded={(e) => <ActivityDetails event={e} />}
        toolbar={
          <ActivityToolbar
            filters={filters}
            onChange={setFilters}
            search={search}
            onSearchChange={setSearch}
            workspaces={workspaces}
            actors={actors}
            seenTypes={seenTypes}
          />
        }
        empty={
          <EmptyState
            icon={<Activity />}
            title={
              searching
                ? `Nothing matches “${query}”`
                : isFiltered(filters)
                  ? 'No event matches these filters'
                  : 'No activity yet'
            }
            description={
              searching || isFiltered(filters)
                ? 'Try a broader search or clear the filters.'
                : 'Every change made in Racine is recorded here, and new events appear live.'
            }
          />
        }
        footer={
          rows.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!active.hasNextPage}
              loading={active.isFetchingNextPage}
              onLoadMore={() => void active.fetchNextPage()}
            />
          ) : null
        }
      />
    </>
  );
}
