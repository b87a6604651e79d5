'use client';
import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';
import { isActive, type RunView } from './bits';

/** After anything a scan changes: scans, runs, the sources' last-scan fields, labels and activity. */
export function useInvalidateScans() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return React.useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.scan.pathFilter()),
        queryClient.invalidateQueries(trpc.datasource.get.pathFilter()),
        queryClient.invalidateQueries(trpc.datasource.list.pathFilter()),
        queryClient.invalidateQueries(trpc.classification.pathFilter()),
        queryClient.invalidateQueries(trpc.activity.list.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}

/**
 * A run's live state over SSE (scan.watchRun) while it is queued or running.
 * `initial` is what a list already showed; the stream replaces it as it
 * arrives. `onEnd` fires once, when the run reaches a final state.
 */
export function useRunWatch(
  runId: string | null | undefined,
  initialActive: boolean,
  onEnd?: (run: RunView) => void,
) {
  const trpc = useTRPC();
  const [live, setLive] = React.useState<RunView | null>(null);
  const ended = React.useRef<string | null>(null);
  const onEndRef = React.useRef(onEnd);
  onEndRef.current = onEnd;

  React.useEffect(() => {
    setLive(null);
  }, [runId]);

  const watching = !!runId && initialActive && (live === null || isActive(live.status));
  const subscription = useSubscription(
    trpc.scan.watchRun.subscriptionOptions(
      { runId: runId ?? '' },
      {
        enabled: watching,
        onData: (event) => {
          const run = event.data;
          if (run.id !== runId) return;
          setLive(run);
          if (!isActive(run.status) && ended.current !== run.id) {
            ended.current = run.id;
            onEndRef.current?.(run);
          }
        },
      },
    ),
  );
  return { live, status: subscription.status, error: subscription.error, watching };
}

/** Re-renders every `ms` while `enabled` (for durations that count up). */
export function useNow(enabled: boolean, ms = 1000) {
  const [now, setNow] = React.useState(() => Date.now());
  React.useEffect(() => {
    if (!enabled) return;
    const t = setInterval(() => setNow(Date.now()), ms);
    return () => clearInterval(t);
  }, [enabled, ms]);
  return now;
}
