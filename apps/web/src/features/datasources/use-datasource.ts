'use client';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTRPC } from '~/trpc/react';

export function useDataSource(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.datasource.get.queryOptions({ id }));
}

/** After a change to a source: refetch it, the lists, and the activity log. */
export function useInvalidateDataSource() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.datasource.get.pathFilter()),
      queryClient.invalidateQueries(trpc.datasource.list.pathFilter()),
      queryClient.invalidateQueries(trpc.activity.list.pathFilter()),
    ]);
}
