'use client';
import { useRouter } from 'next/navigation';
import { Check } from 'lucide-react';
import { Button, cn } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { internalLink, type NotificationItem } from './use-notifications';

/**
 * One notification: unread ones carry a dot and a "mark read" button. Opening it (when it
 * links somewhere in the app) marks it read and goes there.
 */
export function NotificationRow({
  item,
  onMarkRead,
  onOpen,
  dense = false,
}: {
  item: NotificationItem;
  onMarkRead: (id: string) => void;
  /** After navigating (e.g. to close a popover). */
  onOpen?: () => void;
  dense?: boolean;
}) {
  const router = useRouter();
  const unread = !item.readAt;
  const href = internalLink(item.link);
  const open = () => {
    if (unread) onMarkRead(item.id);
    if (href) {
      router.push(href);
      onOpen?.();
    }
  };
  return (
    <li
      className={cn(
        'group flex gap-2.5 px-3 py-2.5',
        href && 'cursor-pointer hover:bg-accent/60',
        !dense && 'rounded-md border bg-card px-4 py-3',
      )}
      data-testid="notification-item"
      data-unread={unread || undefined}
      onClick={href ? open : undefined}
    >
      <span
        aria-hidden
        className={cn(
          'mt-1.5 size-2 shrink-0 rounded-full',
          unread ? 'bg-primary' : 'bg-transparent',
        )}
      />
      <div className="min-w-0 flex-1">
        <div className={cn('text-sm', unread ? 'font-medium' : 'text-muted-foreground')}>
          {item.title}
          {unread ? <span className="sr-only"> (unread)</span> : null}
        </div>
        {item.body ? (
          <p
            className={cn(
              'text-xs text-muted-foreground',
              dense ? 'line-clamp-2' : 'whitespace-pre-wrap',
            )}
          >
            {item.body}
          </p>
        ) : null}
        <div
          className="mt-0.5 text-[11px] text-muted-foreground"
          title={formatDateTime(item.createdAt)}
        >
          {formatRelative(item.createdAt)}
          {item.kind ? ` · ${item.kind}` : ''}
        </div>
      </div>
      {unread ? (
        <Button
          variant="ghost"
          size="icon-sm"
          className="size-7 shrink-0 opacity-60 group-hover:opacity-100"
          aria-label={`Mark “${item.title}” read`}
          title="Mark read"
          data-testid="mark-read"
          onClick={(e) => {
            e.stopPropagation();
            onMarkRead(item.id);
          }}
        >
          <Check />
        </Button>
      ) : null}
    </li>
  );
}
