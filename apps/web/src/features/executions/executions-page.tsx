'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { History, Workflow, X } from 'lucide-react';
import {
  Button,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  PageHeader,
} from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { WorkspaceFilter } from '~/components/workspace-filter';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { ExecutionStatusBadge } from '~/components/workflow/status-badge';
import {
  executionStatuses,
  executionStatusStyle,
  isExecutionActive,
} from '~/components/workflow/status-style';
import { formatMs, formatSpan } from '~/components/workflow/execution-model';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useCurrentUser } from '~/components/shell/current-user';
import { useTRPC } from '~/trpc/react';
import { type ExecutionListItem, startedBy, triggerKinds, triggerLabel } from './bits';

function StepCounts({ steps }: { steps: ExecutionListItem['steps'] }) {
  if (!steps.total) return <span className="text-muted-foreground">—</span>;
  return (
    <span
      className="inline-flex gap-1.5 text-xs tabular-nums"
      title="succeeded · failed · skipped, of all steps"
    >
      <span className="text-success">{steps.succeeded} ok</span>
      {steps.failed ? <span className="text-destructive">{steps.failed} failed</span> : null}
      {steps.skipped ? (
        <span className="text-muted-foreground">{steps.skipped} skipped</span>
      ) : null}
      <span className="text-muted-foreground">/ {steps.total}</span>
    </span>
  );
}

/** Run history across every workflow the caller may read, filtered from the URL. */
export function ExecutionsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const { workspaces } = useWorkspaces();
  const { user: me } = useCurrentUser();
  const workflowId = searchParams.get('workflow');
  const workspaceId = searchParams.get('workspace');
  const statusParam = searchParams.get('status');
  const triggerParam = searchParams.get('trigger');
  const status = executionStatuses.find((s) => s === statusParam) ?? null;
  const trigger = triggerKinds.find((t) => t === triggerParam) ?? null;

  const setParams = useSearchParamsPatch();

  const workflows = useQuery({
    ...trpc.workflow.list.queryOptions({
      limit: 100,
      ...(workspaceId ? { workspaceId } : {}),
    }),
    staleTime: 60_000,
  });
  const executions = useInfiniteQuery({
    ...trpc.workflow.executions.infiniteQueryOptions(
      {
        limit: 25,
        ...(workflowId ? { workflowId } : {}),
        ...(workspaceId ? { workspaceId } : {}),
        ...(status ? { status } : {}),
        ...(trigger ? { trigger } : {}),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
    // Running rows move on their own: refresh while any is active.
    refetchInterval: (q) =>
      q.state.data?.pages.some((p) => p.items.some((e) => isExecutionActive(e.status)))
        ? 5_000
        : false,
  });
  const rows = executions.data?.pages.flatMap((p) => p.items);
  const filtered = !!(workflowId || workspaceId || status || trigger);
  const workspaceName = (id: string) => workspaces.find((w) => w.id === id)?.name ?? null;

  const columns: DataTableColumn<ExecutionListItem>[] = [
    {
      id: 'status',
      header: 'Status',
      className: 'w-32',
      cell: (e) => <ExecutionStatusBadge status={e.status} />,
    },
    {
      id: 'workflow',
      header: 'Workflow',
      cell: (e) => (
        <div className="min-w-0">
          <div className="truncate font-medium">{e.workflowName}</div>
          <div className="truncate text-xs text-muted-foreground">
            <Link
              href={`/workflows/${e.workflowId}`}
              className="hover:underline"
              onClick={(ev) => ev.stopPropagation()}
            >
              version {e.version}
            </Link>
            {workspaceName(e.workspaceId) ? ` · ${workspaceName(e.workspaceId)}` : ''}
          </div>
        </div>
      ),
    },
    {
      id: 'trigger',
      header: 'Trigger',
      className: 'hidden sm:table-cell whitespace-nowrap',
      cell: (e) => (
        <div className="grid">
          <span>{triggerLabel[e.trigger] ?? e.trigger}</span>
          <span className="text-xs text-muted-foreground">{startedBy(e, me.id)}</span>
        </div>
      ),
    },
    {
      id: 'started',
      header: 'Started',
      className: 'whitespace-nowrap',
      cell: (e) => (
        <span title={formatDateTime(e.startedAt ?? e.createdAt)} className="text-muted-foreground">
          {formatRelative(e.startedAt ?? e.createdAt)}
        </span>
      ),
    },
    {
      id: 'duration',
      header: 'Duration',
      className: 'hidden md:table-cell whitespace-nowrap tabular-nums',
      cell: (e) =>
        e.durationMs !== null ? formatMs(e.durationMs) : formatSpan(e.startedAt, e.finishedAt),
    },
    {
      id: 'steps',
      header: 'Steps',
      className: 'hidden lg:table-cell whitespace-nowrap',
      cell: (e) => <StepCounts steps={e.steps} />,
    },
  ];

  return (
    <>
      <PageHeader
        title="Executions"
        breadcrumb={<Link href="/workflows">Workflows</Link>}
        description="Every run of every workflow you can read: who or what started it, how long it took, how its steps ended."
      />
      <DataTable
        label="Workflow executions"
        columns={columns}
        data={rows}
        getRowId={(e) => e.id}
        rowTestId="execution-row"
        rowData={(e) => ({ 'data-status': e.status, 'data-workflow': e.workflowName })}
        isLoading={executions.isPending}
        error={executions.error}
        onRetry={() => void executions.refetch()}
        onRowClick={(e) => router.push(`/workflows/executions/${e.id}`)}
        toolbar={
          <div className="flex flex-wrap items-center gap-2">
            <WorkspaceFilter
              value={workspaceId}
              onChange={(v) => setParams({ workspace: v, workflow: null })}
            />
            <FilterSelect
              value={workflowId}
              onChange={(v) => setParams({ workflow: v })}
              options={(workflows.data?.items ?? []).map((w) => ({ value: w.id, label: w.name }))}
              allLabel="All workflows"
              label="Workflow filter"
              className="w-52"
            />
            <FilterSelect
              value={status}
              onChange={(v) => setParams({ status: v })}
              options={executionStatuses.map((s) => ({
                value: s,
                label: executionStatusStyle[s].label,
              }))}
              allLabel="Any status"
              label="Status filter"
              className="w-36"
            />
            <FilterSelect
              value={trigger}
              onChange={(v) => setParams({ trigger: v })}
              options={triggerKinds.map((t) => ({ value: t, label: triggerLabel[t] }))}
              allLabel="Any trigger"
              label="Trigger filter"
              className="w-36"
            />
            {filtered ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  setParams({ workflow: null, workspace: null, status: null, trigger: null })
                }
              >
                <X />
                Clear
              </Button>
            ) : null}
          </div>
        }
        empty={
          <EmptyState
            icon={filtered ? <History /> : <Workflow />}
            title={filtered ? 'No execution matches these filters' : 'No workflow has run yet'}
            description={
              filtered
                ? 'Try another workflow, status, trigger or workspace.'
                : 'Run a workflow by hand, or give it a schedule, an event or a webhook trigger.'
            }
            action={
              filtered ? null : (
                <Button size="sm" asChild>
                  <Link href="/workflows">Workflows</Link>
                </Button>
              )
            }
          />
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!executions.hasNextPage}
              loading={executions.isFetchingNextPage}
              onLoadMore={() => void executions.fetchNextPage()}
            />
          ) : null
        }
      />
    </>
  );
}
