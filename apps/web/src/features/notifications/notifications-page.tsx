'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { BellOff, CheckCheck } from 'lucide-react';
import {
  Button,
  Card,
  CountTabs,
  DataTableLoadMore,
  EmptyState,
  ErrorState,
  FilterSelect,
  PageHeader,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { NotificationRow } from './notification-item';
import { useMarkRead } from './use-notifications';

type View = 'all' | 'unread';

/** Every notification of the signed-in user, newest first, paged; unread ones can be marked. */
export function NotificationsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view: View = searchParams.get('view') === 'unread' ? 'unread' : 'all';
  const kind = searchParams.get('kind');
  // The kinds and their labels come with the preferences (the same registry).
  const prefs = useQuery(trpc.notification.preferences.queryOptions());
  const kindOptions = (prefs.data?.kinds ?? []).map((k) => ({ value: k.kind as string, label: k.label }));
  const go = (next: { view?: View; kind?: string | null }) => {
    const params = new URLSearchParams();
    const v = next.view ?? view;
    const k = next.kind === undefined ? kind : next.kind;
    if (v === 'unread') params.set('view', 'unread');
    if (k) params.set('kind', k);
    const qs = params.toString();
    router.replace(`${pathname}${qs ? `?${qs}` : ''}`, { scroll: false });
  };
  const unread = useQuery({
    ...trpc.notification.unreadCount.queryOptions(),
    refetchOnWindowFocus: true,
  });
  const list = useInfiniteQuery({
    ...trpc.notification.list.infiniteQueryOptions(
      { limit: 25, unreadOnly: view === 'unread', ...(kind ? { kind } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
  });
  const { markOne, markAll, pending } = useMarkRead();
  const rows = list.data?.pages.flatMap((p) => p.items);
  const count = unread.data?.count;

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Mentions, tasks, approvals, access requests and workflow messages addressed to you."
        actions={
          <>
            <Button variant="ghost" asChild>
              <Link href="/settings/notifications">Preferences</Link>
            </Button>
            <Button
            variant="outline"
            onClick={markAll}
            disabled={!count || pending}
            data-testid="mark-all-read"
          >
            <CheckCheck />
            Mark all read
            </Button>
          </>
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
      <CountTabs
        label="Notifications shown"
        testIdPrefix="notifications-tab"
        value={view}
        onChange={(v) => go({ view: v })}
        tabs={[
          { value: 'all', label: 'All', count: view === 'all' ? rows?.length : undefined },
          { value: 'unread', label: 'Unread', count },
        ]}
      />
        <FilterSelect
          value={kind}
          onChange={(k) => go({ kind: k })}
          options={kindOptions}
          allLabel="Every kind"
          label="Kind filter"
          className="w-56"
          data-testid="notification-kind-filter"
        />
      </div>
      {list.isPending ? (
        <div className="grid gap-2">
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
          <Skeleton className="h-16" />
        </div>
      ) : list.isError ? (
        <Card>
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        </Card>
      ) : !rows?.length ? (
        <Card>
          <EmptyState
            icon={<BellOff />}
            title={kind ? 'None of this kind' : view === 'unread' ? 'All caught up' : 'No notification yet'}
            description={
              view === 'unread'
                ? 'Every notification has been read.'
                : 'A workflow’s notify step, or an approval assigned to you, lands here.'
            }
            action={
              <Button size="sm" variant="outline" asChild>
                <Link href="/workflows">Workflows</Link>
              </Button>
            }
          />
        </Card>
      ) : (
        <div className="grid gap-3">
          <ul className="grid gap-2" data-testid="notifications-list">
            {rows.map((n) => (
              <NotificationRow key={n.id} item={n} onMarkRead={markOne} />
            ))}
          </ul>
          <DataTableLoadMore
            count={rows.length}
            hasMore={!!list.hasNextPage}
            loading={list.isFetchingNextPage}
            onLoadMore={() => void list.fetchNextPage()}
          />
        </div>
      )}
    </>
  );
}
