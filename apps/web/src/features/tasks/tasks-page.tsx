'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useInfiniteQuery } from '@tanstack/react-query';
import { AlertTriangle, Check, ClipboardCheck, ExternalLink, Inbox, X } from 'lucide-react';
import {
  Badge,
  type BadgeProps,
  Button,
  CountTabs,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  PageHeader,
} from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { DecideDialog, type Decision } from './decide-dialog';
import { TodoStatusSelect } from './todo-status-select';

type TaskItem = RouterOutputs['task']['list']['items'][number];
type Kind = TaskItem['kind'];
type View = 'open' | 'decided';

/** Still to do: an open approval or access request, or a todo not yet done. */
const activeStatuses = ['open', 'in_progress'] as const;
const isActive = (t: TaskItem) => (activeStatuses as readonly string[]).includes(t.status);

const kindLabels: Record<Kind, string> = { approval: 'Approval', todo: 'Todo', access: 'Access request' };
const kindOptions = (Object.keys(kindLabels) as Kind[]).map((k) => ({ value: k, label: kindLabels[k] }));

const statusVariant: Record<string, NonNullable<BadgeProps['variant']>> = {
  open: 'warning',
  in_progress: 'info',
  done: 'success',
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
  const overdue = isActive(task) && new Date(task.dueAt).getTime() < Date.now();
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
  const kindParam = searchParams.get('kind');
  const kind = kindParam && kindParam in kindLabels ? (kindParam as Kind) : null;
  const go = (next: { view?: View; kind?: Kind | null }) => {
    const params = new URLSearchParams();
    if ((next.view ?? view) === 'decided') params.set('view', 'decided');
    const k = next.kind === undefined ? kind : next.kind;
    if (k) params.set('kind', k);
    const qs = params.toString();
    router.replace(`${pathname}${qs ? `?${qs}` : ''}`, { scroll: false });
  };
  // A notification links to /tasks?task=<id>: that row flashes, wherever it is.
  const linkedId = searchParams.get('task');
  const [deciding, setDeciding] = React.useState<{ task: TaskItem; decision: Decision } | null>(
    null,
  );

  const open = useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(
      { statuses: [...activeStatuses], limit: 50, ...(kind ? { kind } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    refetchInterval: 30_000,
    refetchOnWindowFocus: true,
  });
  // Every status; the open ones are dropped here (the open tab lists them).
  const all = useInfiniteQuery({
    ...trpc.task.list.infiniteQueryOptions(
      { limit: 50, ...(kind ? { kind } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    // Loaded on the open tab too, so the Decided tab shows its count.
  });
  const openRows = open.data?.pages.flatMap((p) => p.items);
  const decidedRows = all.data?.pages.flatMap((p) => p.items).filter((t) => !isActive(t));
  const query = view === 'open' ? open : all;
  const linkedDecided =
    view === 'open' && linkedId && openRows && !openRows.some((t) => t.id === linkedId)
      ? decidedRows?.find((t) => t.id === linkedId)
      : undefined;
  const rows = view === 'open' ? openRows : decidedRows;

  const workflowCell = (t: TaskItem) =>
    t.kind !== 'approval' && t.link ? (
      <div className="grid min-w-0">
        <Link href={t.link} className="truncate hover:underline" onClick={(e) => e.stopPropagation()} data-testid="task-resource-link">
          {t.kind === 'access' ? 'Access request' : (t.resourceType ?? 'Resource')}
        </Link>
        <span className="truncate text-xs text-muted-foreground">{t.workspaceName ?? ''}</span>
      </div>
    ) : t.executionId ? (
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
          <span className="flex min-w-0 items-center gap-2">
            <span className="truncate font-medium">{t.title}</span>
            <Badge variant="outline" className="shrink-0 font-normal" data-testid="task-kind">
              {kindLabels[t.kind]}
            </Badge>
          </span>
          {t.description ? (
            <span className="line-clamp-2 text-xs text-muted-foreground">{t.description}</span>
          ) : null}
        </div>
      ),
    },
    { id: 'workflow', header: 'About', className: 'hidden md:table-cell', cell: workflowCell },
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
              t.kind === 'access' ? (
                <div className="flex justify-end" onClick={(e) => e.stopPropagation()}>
                  <Button size="sm" variant="outline" asChild data-testid="review-task">
                    <Link href={t.link ?? '/admin/access-requests'}>
                      <ExternalLink />
                      Review
                    </Link>
                  </Button>
                </div>
              ) : t.kind === 'todo' ? (
                <div className="flex justify-end" onClick={(e) => e.stopPropagation()}>
                  {t.canUpdate ? <TodoStatusSelect task={t} /> : <Badge variant={statusVariant[t.status] ?? 'secondary'}>{t.status.replace('_', ' ')}</Badge>}
                </div>
              ) : t.canDecide ? (
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
            header: 'Outcome',
            className: 'whitespace-nowrap',
            cell: (t: TaskItem) => (
              <div className="grid gap-0.5">
                <Badge variant={statusVariant[t.status] ?? 'secondary'} data-testid="task-status">
                  {t.status.replace('_', ' ')}
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
        description="Approvals workflows are waiting on, access requests to review, and todos on assets, findings and other resources: yours, those for a role you hold, and those you handed out."
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <CountTabs
          label="Task state"
          testIdPrefix="tasks-tab"
          value={view}
          onChange={(v) => go({ view: v })}
          tabs={[
            { value: 'open', label: 'Open', count: openRows?.length },
            { value: 'decided', label: 'Done & decided', count: decidedRows?.length },
          ]}
        />
        <FilterSelect
          value={kind}
          onChange={(k) => go({ kind: k })}
          options={kindOptions}
          allLabel="Every kind"
          label="Kind filter"
          className="w-44"
          data-testid="task-kind-filter"
        />
      </div>
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
        rowData={(t) => ({ 'data-title': t.title, 'data-status': t.status, 'data-kind': t.kind })}
        isLoading={query.isPending}
        error={query.error}
        onRetry={() => void query.refetch()}
        onRowClick={(t) => {
          if (t.executionId) router.push(`/workflows/executions/${t.executionId}`);
          else if (t.link?.startsWith('/')) router.push(t.link);
        }}
        empty={
          view === 'open' ? (
            <EmptyState
              icon={<Inbox />}
              title="Nothing waiting on you"
              description="Approvals assigned to you or your role, access requests you review and todos assigned to you appear here."
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
