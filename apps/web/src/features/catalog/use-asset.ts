'use client';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

export function useAsset(id: string) {
  const trpc = useTRPC();
  return useQuery(trpc.catalog.getAsset.queryOptions({ id }));
}

/**
 * catalog.updateAsset with the page's conventions: a "Saved" toast, the
 * server's message when it refuses, and every catalog query refreshed
 * (search facets, lineage colours and the page itself read what changed).
 */
export function useUpdateAsset(what = 'the asset') {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.catalog.updateAsset.mutationOptions({
      onSuccess: async () => {
        toast.success('Saved');
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (error) => toast.fromError(error, `Could not save ${what}`),
    }),
  );
}
