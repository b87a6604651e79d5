'use client';
import * as React from 'react';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Bell, BellOff } from 'lucide-react';
import { Button, Popover, PopoverContent, PopoverTrigger, Skeleton, cn } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { NotificationRow } from './notification-item';
import { useMarkRead } from './use-notifications';
import { useNotificationStream } from './use-notification-stream';

/**
 * The header's bell: how many notifications are unread, kept live by
 * notification.stream (no polling: each new notification refreshes the count
 * and lists), and a popover with the latest ten.
 */
export function NotificationBell() {
  const trpc = useTRPC();
  const [open, setOpen] = React.useState(false);
  const stream = useNotificationStream();
  const unread = useQuery({
    ...trpc.notification.unreadCount.queryOptions(),
    refetchOnWindowFocus: true,
  });
  const latest = useQuery({
    ...trpc.notification.list.queryOptions({ limit: 10 }),
    enabled: open,
    refetchOnWindowFocus: true,
  });
  const { markOne, markAll, pending } = useMarkRead();
  const count = unread.data?.count ?? 0;
  const badge = count > 99 ? '99+' : String(count);

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger
        data-testid="notification-bell"
        data-unread={count}
        data-live={stream.live || undefined}
        aria-label={count ? `Notifications: ${count} unread` : 'Notifications'}
        className="relative flex size-8 items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer"
      >
        <Bell className="size-4" />
        {count ? (
          <span
            className="absolute -top-0.5 -right-0.5 flex h-4 min-w-4 items-center justify-center rounded-full bg-destructive px-1 text-[10px] font-semibold text-destructive-foreground tabular-nums"
            data-testid="notification-count"
          >
            {badge}
          </span>
        ) : null}
      </PopoverTrigger>
      <PopoverContent align="end" className="w-96 p-0">
        <div className="flex items-center gap-2 border-b px-3 py-2.5">
          <span className="text-sm font-medium">Notifications</span>
          {count ? <span className="text-xs text-muted-foreground">{count} unread</span> : null}
          <Button
            variant="ghost"
            size="sm"
            className="ml-auto h-7"
            disabled={!count || pending}
            onClick={markAll}
            data-testid="mark-all-read"
          >
            Mark all read
          </Button>
        </div>
        <div className="max-h-[420px] overflow-y-auto">
          {latest.isPending ? (
            <div className="grid gap-2 p-3">
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
              <Skeleton className="h-10" />
            </div>
          ) : latest.isError ? (
            <p className="p-4 text-sm text-destructive">Could not load notifications.</p>
          ) : !latest.data.items.length ? (
            <div className="flex flex-col items-center gap-2 px-4 py-8 text-center text-sm text-muted-foreground">
              <BellOff className="size-5" />
              Nothing yet. Workflows that notify you land here.
            </div>
          ) : (
            <ul className={cn('divide-y')}>
              {latest.data.items.map((n) => (
                <NotificationRow
                  key={n.id}
                  item={n}
                  dense
                  onMarkRead={markOne}
                  onOpen={() => setOpen(false)}
                />
              ))}
            </ul>
          )}
        </div>
        <div className="border-t px-3 py-2 text-center">
          <Link
            href="/notifications"
            className="text-sm text-primary hover:underline"
            onClick={() => setOpen(false)}
          >
            All notifications
          </Link>
        </div>
      </PopoverContent>
    </Popover>
  );
}
