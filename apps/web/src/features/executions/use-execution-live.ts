'use client';
import * as React from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { isExecutionActive } from '~/components/workflow/status-style';
import { useTRPC } from '~/trpc/react';
import type { ExecutionView } from './bits';

/** Log ids are decimal strings of a bigint: compare by length, then lexically. */
export function compareLogIds(a: string, b: string): number {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

type LogItem = {
  id: string;
  stepRunId: string | null;
  stepId: string | null;
  at: Date;
  level: string;
  message: string;
  data: unknown;
};

const FIRST_PAGE = 1_000;
const FALLBACK_MS = 4_000;

/**
 * An execution and its logs, kept live. The first state and logs come from queries; then
 * workflow.watchExecution streams every change, starting after the last log the query
 * returned, so nothing falls between the two. On a dropped connection the tRPC client
 * reconnects with the last cursor it saw (lastEventId) and the server resumes after it.
 * While the stream is not connected and the run is still moving, both are polled instead.
 */
export function useExecutionLive(executionId: string) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const executionKey = trpc.workflow.getExecution.queryKey({ executionId });
  const [logs, setLogs] = React.useState<LogItem[]>([]);
  const [streamConnected, setStreamConnected] = React.useState(false);

  const merge = React.useCallback((incoming: readonly LogItem[]) => {
    if (!incoming.length) return;
    setLogs((prev) => {
      const seen = new Set(prev.map((l) => l.id));
      const fresh = incoming.filter((l) => !seen.has(l.id));
      if (!fresh.length) return prev;
      const next = [...prev, ...fresh];
      // Almost always already in order (appends); sort only when a page came out of order.
      const last = prev.at(-1);
      if (last && compareLogIds(fresh[0]!.id, last.id) < 0)
        next.sort((a, b) => compareLogIds(a.id, b.id));
      return next;
    });
  }, []);

  React.useEffect(() => setLogs([]), [executionId]);

  const execution = useQuery({
    ...trpc.workflow.getExecution.queryOptions({ executionId }),
    refetchInterval: (q) =>
      !streamConnected && isExecutionActive(q.state.data?.status) ? FALLBACK_MS : false,
  });
  const firstLogs = useQuery({
    ...trpc.workflow.executionLogs.queryOptions({ executionId, limit: FIRST_PAGE }),
    staleTime: Infinity,
  });
  React.useEffect(() => {
    if (firstLogs.data) merge(firstLogs.data.items);
  }, [firstLogs.data, merge]);

  const active = isExecutionActive(execution.data?.status);
  const since = firstLogs.data ? (firstLogs.data.items.at(-1)?.id ?? null) : undefined;
  const subscription = useSubscription(
    trpc.workflow.watchExecution.subscriptionOptions(
      { executionId, ...(since ? { lastEventId: since } : {}) },
      {
        // Wait for the first logs, so the stream has a starting point; stop once final.
        enabled: since !== undefined && (execution.data ? active : true),
        onStarted: () => setStreamConnected(true),
        onData: (event) => {
          const change = event.data;
          setStreamConnected(true);
          queryClient.setQueryData(executionKey, change.execution as ExecutionView);
          merge(change.logs);
        },
        onError: () => setStreamConnected(false),
      },
    ),
  );
  React.useEffect(() => {
    if (subscription.status === 'error' || subscription.status === 'idle')
      setStreamConnected(false);
  }, [subscription.status]);

  // Fallback: the stream is down (proxy, sleep, server restart) — fetch new log lines by polling.
  const lastId = logs.at(-1)?.id;
  const lastIdRef = React.useRef(lastId);
  lastIdRef.current = lastId;
  React.useEffect(() => {
    if (streamConnected || !active || since === undefined) return;
    const t = setInterval(() => {
      void queryClient
        .fetchQuery({
          ...trpc.workflow.executionLogs.queryOptions({
            executionId,
            limit: FIRST_PAGE,
            ...(lastId ? { afterId: lastId } : {}),
          }),
          staleTime: 0,
        })
        .then((page) => merge(page.items))
        .catch(() => undefined);
    }, FALLBACK_MS);
    return () => clearInterval(t);
  }, [streamConnected, active, since, lastId, executionId, merge, queryClient, trpc]);

  // When it ends, one last read of both, so the final state never depends on the stream.
  const wasActive = React.useRef(false);
  const ended = wasActive.current && !active && !!execution.data;
  React.useEffect(() => {
    if (ended) {
      const after = lastIdRef.current;
      void queryClient
        .fetchQuery({
          ...trpc.workflow.executionLogs.queryOptions({
            executionId,
            limit: FIRST_PAGE,
            ...(after ? { afterId: after } : {}),
          }),
          staleTime: 0,
        })
        .then((page) => merge(page.items))
        .catch(() => undefined);
      void queryClient.invalidateQueries(trpc.workflow.executions.pathFilter());
      void queryClient.invalidateQueries(trpc.task.list.pathFilter());
    }
  }, [ended, executionId, merge, queryClient, trpc]);
  React.useEffect(() => {
    wasActive.current = active;
  }, [active]);

  return {
    execution,
    logs,
    logsLoading: firstLogs.isPending,
    live: streamConnected && active,
    streamStatus: subscription.status,
    setExecution: (view: ExecutionView) => queryClient.setQueryData(executionKey, view),
  };
}
