'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

export const todoStatusLabels = { open: 'Open', in_progress: 'In progress', done: 'Done', cancelled: 'Cancelled' } as const;
export type TodoStatus = keyof typeof todoStatusLabels;

/** task.update, with a toast, refreshing every task list (the inbox and resource panels). */
export function useUpdateTask() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.task.update.mutationOptions({
      onSuccess: (t, input) => {
        toast.success(input.status ? `“${t.title}” is now ${todoStatusLabels[t.status as TodoStatus] ?? t.status}` : `“${t.title}” updated`);
        void queryClient.invalidateQueries(trpc.task.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not update the task'),
    }),
  );
}
