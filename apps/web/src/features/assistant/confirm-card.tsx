'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { ShieldQuestion } from 'lucide-react';
import { Button, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { toolLabel } from './bits';
import { summarize } from './summarize';
import type { ToolCallRecord } from './types';

/**
 * A write tool the assistant wants to run (start a scan, a workflow): it runs
 * only when the person confirms it here, as them; declining records that too.
 */
export function ConfirmCard({
  messageId,
  call,
  conversationId,
  onSettled,
}: {
  messageId: string;
  call: ToolCallRecord;
  conversationId: string | null;
  onSettled: () => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const confirm = useMutation(
    trpc.ai.confirm.mutationOptions({
      // The answer goes on with what happened; the toast says it too.
      onSuccess: ({ call: outcome, text }) => {
        if (outcome.status === 'done')
          toast.success(`Ran ${toolLabel(call.tool)}`, { description: text });
        else if (outcome.status === 'declined')
          toast.info(`Declined: ${toolLabel(call.tool)} did not run`);
        else
          toast.error(`${toolLabel(call.tool)} did not run`, {
            description: outcome.error ?? text,
          });
      },
      onError: (error) => toast.fromError(error, `Could not run ${toolLabel(call.tool)}`),
      onSettled: async () => {
        if (conversationId)
          await queryClient.invalidateQueries({
            queryKey: trpc.ai.conversation.queryKey({ id: conversationId }),
          });
        onSettled();
      },
    }),
  );
  const decide = (approve: boolean) => confirm.mutate({ messageId, callId: call.id, approve });
  return (
    <div
      className="grid gap-2 rounded-md border border-warning/50 bg-warning/10 p-3 text-sm"
      data-testid="confirm-card"
      data-tool={call.tool}
    >
      <div className="flex items-center gap-2 font-medium">
        <ShieldQuestion className="size-4 text-warning" />
        Run <code className="font-mono">{toolLabel(call.tool)}</code>?
      </div>
      <p className="text-xs text-muted-foreground">
        This changes something, so it runs only if you confirm, with your permissions.
      </p>
      <p className="break-words text-xs" data-testid="confirm-input">
        {summarize(call.input)}
      </p>
      <div className="flex gap-2">
        <Button
          size="sm"
          disabled={confirm.isPending}
          onClick={() => decide(true)}
          data-testid="confirm-run"
        >
          Confirm
        </Button>
        <Button
          size="sm"
          variant="outline"
          disabled={confirm.isPending}
          onClick={() => decide(false)}
          data-testid="confirm-decline"
        >
          Decline
        </Button>
      </div>
    </div>
  );
}
