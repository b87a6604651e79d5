'use client';
import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';
import { isRunActive } from './bits';
import type { RunDetail } from './types';

/**
 * A run's state: loaded once, then replaced by each state pipeline.watchRun
 * streams while the run is in progress. When it ends, what depends on the run
 * (the pipeline's health and last run, runs, metrics, dead letters) is refetched.
 */
export function usePipelineRun(runId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const run = useQuery(trpc.pipeline.getRun.queryOptions({ runId }));
  const [live, setLive] = React.useState<RunDetail | null>(null);
  const ended = React.useRef(false);
  React.useEffect(() => {
    setLive(null);
    ended.current = false;
  }, [runId]);

  const current = live ?? run.data ?? null;
  const watching = !!current && isRunActive(current.status);
  const subscription = useSubscription(
    trpc.pipeline.watchRun.subscriptionOptions(
      { runId },
      {
        enabled: watching,
        onData: (event) => {
          const next = event.data as RunDetail;
          if (next.id !== runId) return;
          setLive(next);
          if (!isRunActive(next.status) && !ended.current) {
            ended.current = true;
            queryClient.setQueryData(trpc.pipeline.getRun.queryKey({ runId }), next);
            void queryClient.invalidateQueries(trpc.pipeline.pathFilter());
          }
        },
      },
    ),
  );
  return {
    run: current,
    query: run,
    watching,
    subscriptionStatus: subscription.status,
    subscriptionError: subscription.error,
  };
}
