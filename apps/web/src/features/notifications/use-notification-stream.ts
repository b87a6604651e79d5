'use client';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { internalLink } from './use-notifications';

/** Kinds worth interrupting for: someone addressed you by name. */
const toastKinds = new Set(['mention', 'document.mention']);

/**
 * The signed-in user's new notifications, pushed over SSE (notification.stream):
 * each one refreshes the unread count and every notification list, and a
 * mention also shows a toast. The stream starts at "now"; after a dropped
 * connection the tRPC client resumes from the last seq it saw.
 */
export function useNotificationStream() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const subscription = useSubscription(
    trpc.notification.stream.subscriptionOptions(
      {},
      {
        // The stream starts at "now": recount once connected, so nothing sent
        // between the first count and the connection is missed.
        onStarted: () => void queryClient.invalidateQueries(trpc.notification.unreadCount.pathFilter()),
        onData: (tracked) => {
          const n = tracked.data;
          void queryClient.invalidateQueries(trpc.notification.unreadCount.pathFilter());
          void queryClient.invalidateQueries(trpc.notification.list.pathFilter());
          if (toastKinds.has(n.kind)) {
            const href = internalLink(n.link);
            toast.info(n.title, {
              description: n.body ? n.body.slice(0, 140) : undefined,
              action: href ? { label: 'Open', onClick: () => router.push(href) } : undefined,
            });
          }
        },
      },
    ),
  );
  return { live: subscription.status === 'pending', error: subscription.error };
}

