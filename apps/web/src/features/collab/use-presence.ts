'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';
import type { ResourceProps } from './types';

const HEARTBEAT_MS = 5_000;

export interface PresentViewer {
  userId: string;
  name: string;
  lastSeenAt: Date;
}

/** One id per tab (kept across re-renders, not across tabs), so two tabs of one person are two clients. */
function useClientId(): string {
  const [id] = React.useState(() => `tab-${crypto.randomUUID()}`);
  return id;
}

/** Tells the server on a page being left, even while the page unloads (keepalive). */
function leaveOnUnload(clientId: string) {
  void fetch('/api/trpc/collab.leave', {
    method: 'POST',
    keepalive: true,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ json: { clientId } }),
  }).catch(() => {});
}

/**
 * Beats every 5 s while mounted (and right away), leaves on unmount and on
 * pagehide, and streams who else is here.
 */
export function usePresence({ resourceType, resourceId }: ResourceProps) {
  const trpc = useTRPC();
  const clientId = useClientId();
  const beat = useMutation(trpc.collab.heartbeat.mutationOptions());
  const leave = useMutation(trpc.collab.leave.mutationOptions());
  const beatRef = React.useRef(beat.mutate);
  beatRef.current = beat.mutate;
  const leaveRef = React.useRef(leave.mutate);
  leaveRef.current = leave.mutate;

  React.useEffect(() => {
    const send = () => beatRef.current({ clientId, resourceType, resourceId });
    send();
    const timer = window.setInterval(send, HEARTBEAT_MS);
    const onPageHide = () => leaveOnUnload(clientId);
    // Back from the bfcache: say hello again at once.
    const onPageShow = (e: PageTransitionEvent) => e.persisted && send();
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('pageshow', onPageShow);
    return () => {
      window.clearInterval(timer);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('pageshow', onPageShow);
      leaveRef.current({ clientId });
    };
  }, [clientId, resourceType, resourceId]);

  const [viewers, setViewers] = React.useState<PresentViewer[] | null>(null);
  const subscription = useSubscription(
    trpc.collab.presence.subscriptionOptions(
      { resourceType, resourceId },
      { onData: (data) => setViewers(data as PresentViewer[]) },
    ),
  );
  return { viewers, error: beat.error ?? subscription.error };
}
