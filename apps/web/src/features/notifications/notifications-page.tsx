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
  const unread = useQuery({
    ...trpc.notification.unreadCount.queryOptions(),
    refetchOnWindowFocus: true,
  });
  const list = useInfiniteQuery({
    ...trpc.notification.list.infiniteQueryOptions(
      { limit: 25, unreadOnly: view === 'unread' },
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
        description="What workflows and Racine told you: steps that notify, approvals waiting on you."
        actions={
          <Button
            variant="outline"
            onClick={markAll}
            disabled={!count || pending}
            data-testid="mark-all-read"
          >
            <CheckCheck />
            Mark all read
          </Button>
        }
      />
      <CountTabs
        className="mb-4"
        label="Notifications shown"
        testIdPrefix="notifications-tab"
        value={view}
        onChange={(v) =>
          router.replace(`${pathname}${v === 'unread' ? '?view=unread' : ''}`, { scroll: false })
        }
        tabs={[
          { value: 'all', label: 'All', count: view === 'all' ? rows?.length : undefined },
          { value: 'unread', label: 'Unread', count },
        ]}
      />
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
            title={view === 'unread' ? 'All caught up' : 'No notification yet'}
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
