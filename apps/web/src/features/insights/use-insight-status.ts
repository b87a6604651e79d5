'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { errorMessage, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { InsightStatus } from './types';

const done: Record<Exclude<InsightStatus, 'new'>, string> = {
  acknowledged: 'Acknowledged: it stays on the list until dismissed or actioned',
  dismissed: 'Dismissed: it comes back only if the evidence changes',
  actioned: 'Marked actioned',
};

/** Changes an insight's status, with toasts, and refreshes every insight list and the dashboards. */
export function useInsightStatus() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.insight.update.mutationOptions({
      onSuccess: async (insight) => {
        toast.success(done[insight.status as Exclude<InsightStatus, 'new'>] ?? 'Updated');
        await queryClient.invalidateQueries(trpc.insight.list.pathFilter());
      },
      onError: (error) => toast.error(errorMessage(error)),
    }),
  );
}
