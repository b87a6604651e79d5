'use client';
import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { useTRPC } from '~/trpc/react';
import { stepStates, type StepRunLike } from './execution-model';
import { executionStyle } from './status-style';

export interface LiveExecution {
  id: string;
  status: string;
  version: number;
  error: string | null;
  definition: { steps: { id: string; type: string; dependsOn?: string[] }[] };
  steps: StepRunLike[];
}

/**
 * An execution the canvas colours, live: its first state from
 * workflow.getExecution, then every change from workflow.watchExecution
 * (SSE; the stream ends at a final status). `statusByStep` is what the nodes
 * are coloured by.
 */
export function useLiveExecution(executionId: string | null) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [live, setLive] = React.useState<LiveExecution | null>(null);
  React.useEffect(() => setLive(null), [executionId]);
  const first = useQuery({
    ...trpc.workflow.getExecution.queryOptions({ executionId: executionId ?? '' }),
    enabled: !!executionId,
  });
  const current = (live ?? (first.data as LiveExecution | undefined)) ?? null;
  const active = !!current && executionStyle(current.status).active;
  const subscription = useSubscription(
    trpc.workflow.watchExecution.subscriptionOptions(
      { executionId: executionId ?? '' },
      {
        enabled: !!executionId && (current === null || active),
        onData: (event) => {
          const execution = event.data.execution as LiveExecution;
          if (execution.id !== executionId) return;
          setLive(execution);
          if (!executionStyle(execution.status).active) {
            // Finished: the list's "last run", the run history and the analysis read it.
            void queryClient.invalidateQueries(trpc.workflow.get.pathFilter());
            void queryClient.invalidateQueries(trpc.workflow.executions.pathFilter());
            void queryClient.invalidateQueries(trpc.workflow.analyze.pathFilter());
          }
        },
      },
    ),
  );
  const statusByStep = React.useMemo(() => {
    if (!current) return undefined;
    return new Map(stepStates(current.definition, current.steps).map((s) => [s.step.id, s.status]));
  }, [current]);
  return { execution: current, statusByStep, connection: subscription.status, error: first.error ?? subscription.error };
}
