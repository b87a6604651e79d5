'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import type { ResourceProps } from './types';

const HEARTBEAT_MS = 3_000;

export interface PresentViewer {
  userId: string;
  name: string;
  lastSeenAt: Date;
}

/** randomUUID needs a secure context; getRandomValues does not (a plain-http deployment on a LAN name). */
function newClientId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `tab-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
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
 * Beats every 3 s while mounted (and right away), leaves on unmount and on
 * pagehide; each beat answers with who is here. No subscription: a page's
 * live streams share the browser's six connections per host with every other
 * tab, and presence is cheap to learn from the heartbeat itself.
 */
export function usePresence({ resourceType, resourceId }: ResourceProps) {
  const trpc = useTRPC();
  const [viewers, setViewers] = React.useState<PresentViewer[] | null>(null);
  const beat = useMutation(trpc.collab.heartbeat.mutationOptions({ onSuccess: (data) => setViewers(data.viewers) }));
  const leave = useMutation(trpc.collab.leave.mutationOptions());
  const beatRef = React.useRef(beat.mutate);
  beatRef.current = beat.mutate;
  const leaveRef = React.useRef(leave.mutate);
  leaveRef.current = leave.mutate;

  React.useEffect(() => {
    // A fresh client id per tab and resource: leaving one resource can never race with arriving at the next
    // (both may travel in one batch and run side by side on the server).
    const clientId = newClientId();
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
  }, [resourceType, resourceId]);

  return { viewers, error: beat.error };
}
