'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type WorkspaceDetail = RouterOutputs['workspace']['get'];

export function useWorkspace(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.workspace.get.queryOptions({ id }));
}

/** After any change to a workspace: refetch it, the lists, and its activity. */
export function useInvalidateWorkspace() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.workspace.get.pathFilter()),
      queryClient.invalidateQueries(trpc.workspace.list.pathFilter()),
      queryClient.invalidateQueries(trpc.activity.list.pathFilter()),
    ]);
}
