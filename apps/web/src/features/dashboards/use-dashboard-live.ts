'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

/**
 * The open dashboard's one live connection (dashboard.watch over SSE): when
 * activity lands that may change its widgets, their data is refetched; when
 * someone else edits the layout it is reloaded (or, while the caller is
 * editing, they are told, since their Save would now conflict). One
 * subscription per page: the notification bell already holds a connection and
 * a browser allows six per host over HTTP/1.1.
 */
export function useDashboardLive(id: string, { editing }: { editing: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const router = useRouter();
  const editingRef = React.useRef(editing);
  editingRef.current = editing;
  const [lastEventAt, setLastEventAt] = React.useState<Date | null>(null);
  const subscription = useSubscription(
    trpc.dashboard.watch.subscriptionOptions(
      { id },
      {
        // Anything that landed between the first fetch and the connection is caught by one refetch.
        onStarted: () => void queryClient.invalidateQueries(trpc.dashboard.data.queryFilter({ id })),
        onData: (tracked) => {
          const event = tracked.data;
          setLastEventAt(new Date());
          if (event.deleted) {
            toast.info('This dashboard was deleted');
            router.push('/dashboards');
            return;
          }
          if (event.layout) {
            if (editingRef.current) toast.warning('Someone else changed this dashboard', { description: 'Saving your edits will ask you to reload first.' });
            else void queryClient.invalidateQueries(trpc.dashboard.get.queryFilter({ id }));
          }
          if (event.widgetIds.length || event.layout) void queryClient.invalidateQueries(trpc.dashboard.data.queryFilter({ id }));
        },
      },
    ),
  );
  return { status: subscription.status, error: subscription.error, lastEventAt };
}
