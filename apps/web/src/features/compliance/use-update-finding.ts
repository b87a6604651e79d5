'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

/** updateFinding with a toast saying what changed, and every compliance view refreshed. */
export function useUpdateFinding(onDone?: () => void) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return useMutation(
    trpc.compliance.updateFinding.mutationOptions({
      onSuccess: async (_result, input) => {
        toast.success(successMessage(input));
        onDone?.();
        await queryClient.invalidateQueries(trpc.compliance.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not update the finding'),
    }),
  );
}

function successMessage(input: {
  status?: string;
  assigneeId?: string | null;
  dueAt?: unknown;
  note?: string;
}): string {
  switch (input.status) {
    case 'acknowledged':
      return 'Finding acknowledged';
    case 'resolved':
      return 'Finding resolved';
    case 'open':
      return 'Finding reopened';
    case 'waived':
      return 'Finding waived';
  }
  if (input.assigneeId !== undefined)
    return input.assigneeId ? 'Finding assigned' : 'Finding unassigned';
  if (input.dueAt !== undefined) return input.dueAt ? 'Due date set' : 'Due date cleared';
  if (input.note !== undefined) return 'Note saved';
  return 'Finding updated';
}
