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
import type { RouterOutputs } from '~/trpc/types';
import { formatDuration } from './request-status';

type Request = RouterOutputs['accessRequest']['list']['items'][number];
export type Decision = 'approve' | 'reject';

const MAX_COMMENT = 2_000;

/** Approve (comment optional) or reject (reason required) one access request. */
export function DecideRequestDialog({
  request,
  decision,
  onOpenChange,
}: {
  request: Request | null;
  decision: Decision;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [comment, setComment] = React.useState('');
  const [submitted, setSubmitted] = React.useState(false);
  React.useEffect(() => {
    setComment('');
    setSubmitted(false);
  }, [request?.id, decision]);

  const invalidate = () =>
    Promise.all([
      queryClient.invalidateQueries(trpc.accessRequest.pathFilter()),
      queryClient.invalidateQueries(trpc.task.list.pathFilter()),
      queryClient.invalidateQueries(trpc.notification.pathFilter()),
    ]);
  const options = {
    onSuccess: () => {
      toast.success(
        decision === 'approve'
          ? `Approved: ${request?.requesterName} has ${request?.roleName} on ${request?.scopeName}`
          : `Rejected ${request?.requesterName}’s request`,
      );
      void invalidate();
      onOpenChange(false);
    },
    onError: (error: unknown) => {
      toast.fromError(error, decision === 'approve' ? 'Could not approve' : 'Could not reject');
      void invalidate();
    },
  };
  const approve = useMutation(trpc.accessRequest.approve.mutationOptions(options));
  const reject = useMutation(trpc.accessRequest.reject.mutationOptions(options));
  const pending = approve.isPending || reject.isPending;
  const trimmed = comment.trim();
  const error =
    trimmed.length > MAX_COMMENT
      ? `A comment is at most ${MAX_COMMENT.toLocaleString('en')} characters`
      : decision === 'reject' && !trimmed
        ? 'Say why the request is rejected'
        : undefined;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (!request || error) return;
    if (decision === 'approve')
      approve.mutate({ id: request.id, ...(trimmed ? { comment: trimmed } : {}) });
    else reject.mutate({ id: request.id, comment: trimmed });
  };

  return (
    <Dialog open={!!request} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent data-testid="decide-request-dialog" data-decision={decision}>
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>
              {decision === 'approve' ? 'Approve' : 'Reject'} {request?.requesterName}’s request
            </DialogTitle>
            <DialogDescription>
              {request
                ? `${request.roleName} on ${request.scopeName} for ${formatDuration(request.durationMinutes)}. `
                : ''}
              {decision === 'approve'
                ? 'The role is granted from now and ends on its own.'
                : 'The requester sees your reason.'}
            </DialogDescription>
          </DialogHeader>
          {request ? (
            <blockquote className="border-l-2 pl-3 text-sm text-muted-foreground">
              {request.justification}
            </blockquote>
          ) : null}
          <Field
            label={decision === 'reject' ? 'Reason' : 'Comment (optional)'}
            htmlFor="request-decision-comment"
            error={submitted || trimmed.length > MAX_COMMENT ? error : undefined}
          >
            <Textarea
              id="request-decision-comment"
              rows={3}
              autoFocus
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="request-decision-comment"
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
              disabled={pending}
              data-testid="confirm-request-decision"
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
