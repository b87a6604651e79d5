'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AlertTriangle, Check, ClipboardCheck, Inbox, X } from 'lucide-react';
import {
  Badge,
  type BadgeProps,
  Button,
  CountTabs,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  PageHeader,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { DecideDialog, type Decision } from './decide-dialog';

type TaskItem = RouterOutputs['task']['list']['items'][number];
type View = 'open' | 'decided';

const statusVariant: Record<string, NonNullable<BadgeProps['variant']>> = {
  open: 'warning',
  approved: 'success',
  rejected: 'destructive',
  expired: 'secondary',
  cancelled: 'secondary',
};

function assignee(t: TaskItem) {
  if (t.assigneeName) return t.assigneeName;
  if (t.assigneeRole) return `role: ${t.assigneeRole}`;
  return '—';
}

function Due({ task }: { task: TaskItem }) {
  if (!task.dueAt) return <span className="text-muted-foreground">no deadline</span>;
  const overdue = task.status === 'open' && new Date(task.dueAt).getTime() < Date.now();
  return (
    <span
      className={
        overdue
          ? 'inline-flex items-center gap-1 font-medium text-destructive'
          : 'text-muted-foreground'
      }
      title={formatDateTime(task.dueAt)}
      data-overdue={overdue || undefined}
    >
      {overdue ? <AlertTriangle className="size-3.5" /> : null}
      {overdue ? `overdue ${formatRelative(task.dueAt)}` : `due ${formatRelative(task.dueAt)}`}
    </span>
  );
}

/** The human tasks inbox: approvals waiting on me (or a role I hold), and those decided. */
export function TasksPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const view: View = searchParams.get('view') === 'decided' ? 'decided' : 'open';
  // A notification links to /tasks?task=<id>: that row flashes, wherever it is.
  const linkedId = searchParams.get('task');
  const [deciding, setDeciding] = React.useState<{ task: TaskItem; decision: Decision } | null>(
    null,
  );

  const open = useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(
      { status: 'open', limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  // Every status; the open ones are dropped here (the open tab lists them).
  const all = useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(
      { limit: 50 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    // Loaded on the open tab too, so the Decided tab shows its count.
  });
  const openRows = open.data?.pages.flatMap((p) => p.items);
  const decidedRows = all.data?.pages.flatMap((p) => p.items).filter((t) => t.status !== 'open');
  const query = view === 'open' ? open : all;
  const linkedDecided =
    view === 'open' && linkedId && openRows && !openRows.some((t) => t.id === linkedId)
      ? decidedRows?.find((t) => t.id === linkedId)
      : undefined;
  const rows = view === 'open' ? openRows : decidedRows;

  const workflowCell = (t: TaskItem) =>
    t.executionId ? (
      <div className="grid min-w-0">
        <Link
          href={`/workflows/executions/${t.executionId}`}
          className="truncate hover:underline"
          onClick={(e) => e.stopPropagation()}
        >
          {t.workflowName ?? 'Execution'}
        </Link>
        <span className="truncate text-xs text-muted-foreground">
          {t.workflowId ? (
            <Link href={`/workflows/${t.workflowId}`} className="hover:underline">
              workflow
            </Link>
          ) : null}
          {t.workspaceName ? ` · ${t.workspaceName}` : ''}
        </span>
      </div>
    ) : (
      <span className="text-muted-foreground">{t.workspaceName ?? '—'}</span>
    );

  const columns: DataTableColumn<TaskItem>[] = [
    {
      id: 'task',
      header: 'Task',
      cell: (t) => (
        <div className="grid min-w-0 max-w-md">
          <span className="truncate font-medium">{t.title}</span>
          {t.description ? (
            <span className="line-clamp-2 text-xs text-muted-foreground">{t.description}</span>
          ) : null}
        </div>
      ),
    },
    { id: 'workflow', header: 'Workflow', className: 'hidden md:table-cell', cell: workflowCell },
    {
      id: 'assignee',
      header: 'For',
      className: 'hidden lg:table-cell whitespace-nowrap',
      cell: (t) => <span className="text-muted-foreground">{assignee(t)}</span>,
    },
    ...(view === 'open'
      ? [
          {
            id: 'due',
            header: 'Due',
            className: 'whitespace-nowrap',
            cell: (t: TaskItem) => <Due task={t} />,
          },
          {
            id: 'actions',
            header: <span className="sr-only">Decide</span>,
            className: 'w-48 text-right',
            cell: (t: TaskItem) =>
              t.canDecide ? (
                <div className="flex justify-end gap-1.5" onClick={(e) => e.stopPropagation()}>
                  <Button
                    size="sm"
                    onClick={() => setDeciding({ task: t, decision: 'approve' })}
                    data-testid="approve-task"
                  >
                    <Check />
                    Approve
                  </Button>
                  <Button
                    size="sm"
                    variant="outline"
                    className="text-destructive"
                    onClick={() => setDeciding({ task: t, decision: 'reject' })}
                    data-testid="reject-task"
                  >
                    <X />
                    Reject
                  </Button>
                </div>
              ) : (
                <span className="text-xs text-muted-foreground">not yours to decide</span>
              ),
          },
        ]
      : [
          {
            id: 'status',
            header: 'Decision',
            className: 'whitespace-nowrap',
            cell: (t: TaskItem) => (
              <div className="grid gap-0.5">
                <Badge variant={statusVariant[t.status] ?? 'secondary'} data-testid="task-status">
                  {t.status}
                </Badge>
                <span className="text-xs text-muted-foreground" title={formatDateTime(t.decidedAt)}>
                  {t.decidedByName ? `by ${t.decidedByName} · ` : ''}
                  {t.decidedAt ? formatRelative(t.decidedAt) : ''}
                </span>
              </div>
            ),
          },
          {
            id: 'comment',
            header: 'Comment',
            className: 'hidden md:table-cell',
            cell: (t: TaskItem) =>
              t.comment ? (
                <span className="line-clamp-2 text-sm">{t.comment}</span>
              ) : (
                <span className="text-muted-foreground">—</span>
              ),
          },
        ]),
  ];

  return (
    <>
      <PageHeader
        title="Tasks"
        description="Approvals that workflows are waiting on: yours, and those for a role you hold."
        breadcrumb={<Link href="/workflows">Workflows</Link>}
      />
      <CountTabs
        className="mb-4"
        label="Task state"
        testIdPrefix="tasks-tab"
        value={view}
        onChange={(v) =>
          router.replace(`${pathname}${v === 'open' ? '' : '?view=decided'}`, {
            scroll: false,
          })
        }
        tabs={[
          { value: 'open', label: 'Open', count: openRows?.length },
          { value: 'decided', label: 'Decided', count: decidedRows?.length },
        ]}
      />
      {linkedDecided ? (
        <p className="mb-3 text-sm text-muted-foreground" data-testid="linked-task-decided">
          “{linkedDecided.title}” was already {linkedDecided.status}
          {linkedDecided.decidedByName ? ` by ${linkedDecided.decidedByName}` : ''}.{' '}
          <Link
            href={`/tasks?view=decided&task=${linkedDecided.id}`}
            className="text-primary hover:underline"
          >
            See it under Decided
          </Link>
        </p>
      ) : null}
      <DataTable
        label={view === 'open' ? 'Open tasks' : 'Decided tasks'}
        highlightIds={linkedId ? new Set([linkedId]) : undefined}
        columns={columns}
        data={rows}
        getRowId={(t) => t.id}
        rowTestId="task-row"
        rowData={(t) => ({ 'data-title': t.title, 'data-status': t.status })}
        isLoading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(t) => t.executionId && router.push(`/workflows/executions/${t.executionId}`)}
        empty={
          view === 'open' ? (
            <EmptyState
              icon={<Inbox />}
              title="Nothing waiting on you"
              description="When a workflow reaches an approval step assigned to you or your role, it appears here."
            />
          ) : (
            <EmptyState
              icon={<ClipboardCheck />}
              title="No decided task yet"
              description="Approved, rejected and expired tasks are kept here with who decided and why."
            />
          )
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!query.hasNextPage}
              loading={query.isFetchingNextPage}
              onLoadMore={() => void query.fetchNextPage()}
            />
          ) : null
        }
      />
      <DecideDialog
        task={deciding?.task ?? null}
        decision={deciding?.decision ?? 'approve'}
        onOpenChange={(o) => !o && setDeciding(null)}
      />
    </>
  );
}
