'use client';
import * as React from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Check, X } from 'lucide-react';
import { Button, Spinner, toast } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { DecideDialog, useInvalidateAfterDecision } from '~/features/tasks/decide-dialog';

type TaskItem = RouterOutputs['task']['list']['items'][number];

/**
 * The open tasks the caller can see (assigned to them or a role they hold; admins: all),
 * looked up by step run: an approval step waiting in this execution is decidable here
 * when its task is among them with canDecide.
 */
export function useOpenTaskFor(enabled: boolean, executionId: string | undefined) {
  const trpc = useTRPC();
  const tasks = useQuery({
    ...trpc.task.list.queryOptions({ status: 'open', limit: 100 }),
    enabled: enabled && !!executionId,
    refetchInterval: enabled ? 10_000 : false,
  });
  const byStepRun = React.useMemo(
    () =>
      new Map(
        (tasks.data?.items ?? [])
          .filter((t) => t.executionId === executionId && t.stepRunId)
          .map((t) => [t.stepRunId!, t]),
      ),
    [tasks.data, executionId],
  );
  return Object.assign((stepRunId: string) => byStepRun.get(stepRunId) ?? null, {
    loading: tasks.isPending && enabled,
  });
}

/**
 * Approve / Reject for a waiting approval step, or who it is waiting for. Approving here is
 * one click (the live view shows the workflow moving on); rejecting asks for a reason.
 */
export function ApprovalPanel({
  stepName,
  task,
  loading,
  compact = false,
}: {
  stepName: string;
  task: TaskItem | null;
  loading: boolean;
  compact?: boolean;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateAfterDecision();
  const [rejecting, setRejecting] = React.useState(false);
  const approve = useMutation(
    trpc.task.approve.mutationOptions({
      onSuccess: () => {
        toast.success(`Approved “${task?.title ?? stepName}”`);
        void invalidate();
      },
      onError: (error) => {
        toast.fromError(error, 'Could not approve');
        void invalidate();
      },
    }),
  );
  if (loading) return <Spinner className="size-4" />;
  if (!task)
    return (
      <p className="text-sm text-muted-foreground" data-testid="approval-not-yours">
        Waiting for its assignee; you cannot decide “{stepName}”.
      </p>
    );
  const who =
    task.assigneeName ??
    (task.assigneeRole ? `anyone with the ${task.assigneeRole} role` : 'its assignee');
  const due = task.dueAt ? new Date(task.dueAt) : null;
  const overdue = due ? due.getTime() < Date.now() : false;
  return (
    <div
      className={
        compact
          ? 'flex flex-wrap items-center gap-2'
          : 'grid gap-2 rounded-md border border-warning/60 bg-warning/5 p-3'
      }
      data-testid="approval-panel"
      data-task-id={task.id}
    >
      {compact ? null : (
        <div className="text-sm">
          <span className="font-medium">{task.title}</span>
          {task.description ? <p className="text-muted-foreground">{task.description}</p> : null}
        </div>
      )}
      <span className="text-xs text-muted-foreground">
        For {who}
        {due ? (
          <span className={overdue ? 'text-destructive' : undefined} title={formatDateTime(due)}>
            {' '}
            · due {formatRelative(due)}
          </span>
        ) : null}
      </span>
      {task.canDecide ? (
        <div className="flex gap-2">
          <Button
            size="sm"
            onClick={() => approve.mutate({ id: task.id })}
            disabled={approve.isPending}
            data-testid="approve-task"
          >
            {approve.isPending ? <Spinner /> : <Check />}
            Approve
          </Button>
          <Button
            size="sm"
            variant="outline"
            className="text-destructive"
            disabled={approve.isPending}
            onClick={() => setRejecting(true)}
            data-testid="reject-task"
          >
            <X />
            Reject
          </Button>
        </div>
      ) : null}
      <DecideDialog task={rejecting ? task : null} decision="reject" onOpenChange={setRejecting} />
    </div>
  );
}
