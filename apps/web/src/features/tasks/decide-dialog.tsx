'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';

export type Decision = 'approve' | 'reject';

const MAX_COMMENT = 2_000;

/** Everything a decision changes: the task lists, the execution it unblocks, notifications. */
export function useInvalidateAfterDecision() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  return React.useCallback(
    () =>
      Promise.all([
        queryClient.invalidateQueries(trpc.task.list.pathFilter()),
        queryClient.invalidateQueries(trpc.workflow.getExecution.pathFilter()),
        queryClient.invalidateQueries(trpc.workflow.executions.pathFilter()),
        queryClient.invalidateQueries(trpc.notification.pathFilter()),
      ]),
    [queryClient, trpc],
  );
}

/**
 * Approve or reject a human task, with an optional comment (required in spirit for a
 * rejection: the workflow's error quotes it). Toasts the outcome; the caller's lists refresh.
 */
export function DecideDialog({
  task,
  decision,
  onOpenChange,
  onDecided,
}: {
  task: { id: string; title: string; workflowName?: string | null } | null;
  decision: Decision;
  onOpenChange: (open: boolean) => void;
  onDecided?: () => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAfterDecision();
  const [comment, setComment] = React.useState('');
  React.useEffect(() => setComment(''), [task?.id, decision]);

  const options = {
    onSuccess: () => {
      toast.success(
        decision === 'approve' ? `Approved “${task?.title}”` : `Rejected “${task?.title}”`,
      );
      void invalidate();
      onOpenChange(false);
      onDecided?.();
    },
    onError: (error: unknown) => {
      toast.fromError(error, decision === 'approve' ? 'Could not approve' : 'Could not reject');
      void invalidate();
    },
  };
  const approve = useMutation(trpc.task.approve.mutationOptions(options));
  const reject = useMutation(trpc.task.reject.mutationOptions(options));
  const pending = approve.isPending || reject.isPending;
  const tooLong = comment.trim().length > MAX_COMMENT;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!task || tooLong) return;
    const input = { id: task.id, ...(comment.trim() ? { comment: comment.trim() } : {}) };
    if (decision === 'approve') approve.mutate(input);
    else reject.mutate(input);
  };

  return (
    <Dialog open={!!task} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent data-testid="decide-dialog" data-decision={decision}>
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>
              {decision === 'approve' ? 'Approve' : 'Reject'} “{task?.title}”
            </DialogTitle>
            <DialogDescription>
              {decision === 'approve'
                ? 'The workflow continues with the next steps.'
                : 'Depending on the step, the workflow fails or continues without this change. Say why: the comment is kept with the decision.'}
              {task?.workflowName ? ` Workflow: ${task.workflowName}.` : ''}
            </DialogDescription>
          </DialogHeader>
          <Field
            label={decision === 'reject' ? 'Reason' : 'Comment (optional)'}
            htmlFor="decision-comment"
            error={
              tooLong
                ? `A comment is at most ${MAX_COMMENT.toLocaleString('en')} characters`
                : undefined
            }
          >
            <Textarea
              id="decision-comment"
              rows={3}
              autoFocus
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              aria-invalid={tooLong}
              data-testid="decision-comment"
            />
          </Field>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={pending}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              variant={decision === 'reject' ? 'destructive' : 'default'}
              disabled={pending || tooLong}
              data-testid="confirm-decision"
            >
              {pending ? <Spinner /> : decision === 'approve' ? <Check /> : <X />}
              {decision === 'approve' ? 'Approve' : 'Reject'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
