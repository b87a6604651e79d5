'use client';
import { type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { ClassificationRow } from './bits';

type Decision = 'accept' | 'reject';
type ListPage = { items: ClassificationRow[]; total: number; nextCursor: string | null };
type ListData = ListPage | { pages: ListPage[]; pageParams: unknown[] };

function patch(
  data: ListData | undefined,
  ids: ReadonlySet<string>,
  decision: Decision,
): ListData | undefined {
  if (!data) return data;
  const state = decision === 'accept' ? ('accepted' as const) : ('rejected' as const);
  const page = (p: ListPage): ListPage => ({
    ...p,
    items: p.items.map((r) =>
      ids.has(r.id) ? { ...r, state, autoAccepted: false, reviewedAt: new Date() } : r,
    ),
  });
  return 'pages' in data ? { ...data, pages: data.pages.map(page) } : page(data);
}

/**
 * Accept or reject labels, optimistically: the rows change state at once and
 * go back if the server refuses. Reviewed rows stay where they are (so the
 * reviewer sees what they did) until the list is next loaded.
 */
export function useReview({ onDone }: { onDone?: (ids: string[]) => void } = {}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const listFilter = trpc.classification.list.pathFilter();
  return useMutation(
    trpc.classification.bulkReview.mutationOptions({
      onMutate: async ({ ids, decision }) => {
        await queryClient.cancelQueries(listFilter);
        const snapshots = queryClient.getQueriesData<ListData>(listFilter);
        const set = new Set(ids);
        queryClient.setQueriesData<ListData>(listFilter, (old) => patch(old, set, decision));
        return { snapshots: snapshots as [QueryKey, ListData | undefined][] };
      },
      onError: (error, { ids, decision }, context) => {
        for (const [key, data] of context?.snapshots ?? []) queryClient.setQueryData(key, data);
        toast.fromError(
          error,
          `Could not ${decision} ${ids.length === 1 ? 'the label' : `${ids.length} labels`}`,
        );
      },
      onSuccess: (result, { ids }) => {
        toast.success(
          `${result.updated === 1 ? 'Label' : `${result.updated} labels`} ${result.state}`,
        );
        onDone?.(ids);
      },
      onSettled: () => {
        // The list keeps its optimistic rows; it is marked stale and reloads on the next filter change.
        // Not awaited: the row's spinner stops as soon as the server has answered.
        void queryClient.invalidateQueries({ ...listFilter, refetchType: 'none' });
        void Promise.all([
          queryClient.invalidateQueries(trpc.classification.detectors.pathFilter()),
          queryClient.invalidateQueries(trpc.activity.list.pathFilter()),
          // Per-state counts (limit 1) are refreshed now.
          queryClient.refetchQueries({
            ...listFilter,
            predicate: (q) =>
              (q.queryKey[1] as { input?: { limit?: number } } | undefined)?.input?.limit === 1,
          }),
        ]);
      },
    }),
  );
}
