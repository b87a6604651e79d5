'use client';
import * as React from 'react';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';
import type { ActivityEvent } from './event-bits';
import { matchesFilters, type toApiFilters } from './filters';

const MAX_LIVE = 500;
const HIGHLIGHT_MS = 4000;

/**
 * New events pushed over SSE (activity.stream). It starts right after `since`,
 * the newest event the list already shows, so nothing falls between the list
 * and the stream; on a dropped connection the tRPC client reconnects with the
 * last event id it saw and the server replays what was missed.
 */
export function useLiveActivity({
  enabled,
  since,
  api,
  resetKey,
}: {
  enabled: boolean;
  /** undefined while the list is still loading: wait, so the stream has a starting point. */
  since: string | null | undefined;
  api: ReturnType<typeof toApiFilters>;
  resetKey: string;
}) {
  const trpc = useTRPC();
  const [events, setEvents] = React.useState<ActivityEvent[]>([]);
  const [fresh, setFresh] = React.useState<ReadonlySet<string>>(new Set());
  const apiRef = React.useRef(api);
  apiRef.current = api;

  React.useEffect(() => {
    setEvents([]);
    setFresh(new Set());
  }, [resetKey]);

  const streamType = api.type?.replace(/\*$/, '');
  const subscription = useSubscription(
    trpc.activity.stream.subscriptionOptions(
      {
        lastEventId: since ?? null,
        ...(api.workspaceId ? { workspaceId: api.workspaceId } : {}),
        ...(streamType ? { type: streamType } : {}),
      },
      {
        enabled: enabled && since !== undefined,
        onData: (tracked) => {
          const event = tracked.data;
          if (!matchesFilters(event, apiRef.current)) return;
          setEvents((prev) =>
            prev.some((e) => e.id === event.id) ? prev : [event, ...prev].slice(0, MAX_LIVE),
          );
          setFresh((prev) => new Set(prev).add(event.id));
          setTimeout(() => {
            setFresh((prev) => {
              const next = new Set(prev);
              next.delete(event.id);
              return next;
            });
          }, HIGHLIGHT_MS);
        },
      },
    ),
  );

  return { events, fresh, status: subscription.status, error: subscription.error };
}

/** Ids are decimal strings of a bigint: compare by length, then lexically. */
export function compareIdsDesc(a: string, b: string): number {
  if (a.length !== b.length) return b.length - a.length;
  return a < b ? 1 : a > b ? -1 : 0;
}
