'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { CalendarClock, Hand, Plus, Radio, Webhook, Workflow as WorkflowIcon } from 'lucide-react';
import {
  Badge,
  Button,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  DataTableSearch,
  EmptyState,
  PageHeader,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { WorkspaceFilter } from '~/components/workspace-filter';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { describeCron } from './builder-cron';
import { NewWorkflowDialog } from './builder-new-dialog';
import { ExecutionStatusBadge } from './status-badge';

type Row = RouterOutputs['workflow']['list']['items'][number];

const PAGE_SIZE = 20;

function Triggers({ t }: { t: Row['triggers'] }) {
  const cron = t.cron ? describeCron(t.cron) : null;
  return (
    <span className="flex flex-wrap items-center gap-1">
      {t.manual ? (
        <Badge variant="outline" title="Run by hand">
          <Hand />
          manual
        </Badge>
      ) : null}
      {t.cron ? (
        <Badge variant="outline" title={cron?.ok ? cron.text : t.cron}>
          <CalendarClock />
          <span className="font-mono">{t.cron}</span>
        </Badge>
      ) : null}
      {t.eventType ? (
        <Badge variant="outline" title="Starts on each matching activity event">
          <Radio />
          <span className="font-mono">{t.eventType}</span>
        </Badge>
      ) : null}
      {t.webhook ? (
        <Badge variant="outline" title="Starts on a signed POST to its URL">
          <Webhook />
          webhook
        </Badge>
      ) : null}
    </span>
  );
}

const columns: DataTableColumn<Row>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (w) => (
      <div className="min-w-0">
        <Link
          href={`/workflows/${w.id}`}
          className="font-medium hover:underline"
          data-testid="workflow-link"
          onClick={(e) => e.stopPropagation()}
        >
          {w.name}
        </Link>
        {w.description ? <div className="max-w-md truncate text-xs text-muted-foreground">{w.description}</div> : null}
      </div>
    ),
  },
  {
    id: 'workspace',
    header: 'Workspace',
    className: 'hidden md:table-cell',
    cell: (w) => <span className="text-muted-foreground">{w.workspaceName}</span>,
  },
  {
    id: 'steps',
    header: 'Steps',
    className: 'hidden lg:table-cell tabular-nums',
    cell: (w) => (
      <span title={`Version ${w.latestVersion}`}>
        {w.stepCount} <span className="text-xs text-muted-foreground">· v{w.latestVersion}</span>
      </span>
    ),
  },
  { id: 'triggers', header: 'Triggers', className: 'hidden lg:table-cell', cell: (w) => <Triggers t={w.triggers} /> },
  {
    id: 'last',
    header: 'Last run',
    className: 'whitespace-nowrap',
    cell: (w) =>
      w.lastExecution ? (
        <Link
          href={`/workflows/executions/${w.lastExecution.id}`}
          className="flex items-center gap-2"
          onClick={(e) => e.stopPropagation()}
          title={formatDateTime(w.lastExecution.createdAt)}
        >
          <ExecutionStatusBadge status={w.lastExecution.status} />
          <span className="text-xs text-muted-foreground">{formatRelative(w.lastExecution.createdAt)}</span>
        </Link>
      ) : (
        <span className="text-xs text-muted-foreground">Never run</span>
      ),
  },
  {
    id: 'enabled',
    header: 'Enabled',
    className: 'hidden sm:table-cell',
    cell: (w) => (w.enabled ? <Badge variant="success">enabled</Badge> : <Badge variant="secondary">disabled</Badge>),
  },
];

/** Every workflow the user may read, searchable and by workspace, newest change first. */
export function WorkflowsListPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [search, setSearch] = React.useState('');
  const [workspaceId, setWorkspaceId] = React.useState<string | null>(searchParams.get('workspace'));
  const [creating, setCreating] = React.useState(false);
  const query = useDebounced(search.trim(), 250);

  // ?new=1 (e.g. from the command palette) opens the dialog.
  React.useEffect(() => {
    if (searchParams.get('new') === '1') {
      setCreating(true);
      router.replace(pathname);
    }
  }, [searchParams, router, pathname]);

  const list = useInfiniteQuery({
    ...trpc.workflow.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, ...(query ? { search: query } : {}), ...(workspaceId ? { workspaceId } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items);
  const filtered = query !== '' || workspaceId !== null;

  return (
    <>
      <PageHeader
        title="Workflows"
        description="DAGs of governance steps (scan, classify, evaluate, ask for approval, tag, notify) that run by hand, on a schedule, on an event or on a webhook."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-workflow">
            <Plus />
            New workflow
          </Button>
        }
      />
      <DataTable
        label="Workflows"
        columns={columns}
        data={rows}
        getRowId={(w) => w.id}
        rowTestId="workflow-row"
        rowData={(w) => ({ 'data-name': w.name })}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(w) => router.push(`/workflows/${w.id}`)}
        toolbar={
          <>
            <DataTableSearch value={search} onChange={setSearch} placeholder="Search workflows…" label="Search workflows" />
            <WorkspaceFilter value={workspaceId} onChange={setWorkspaceId} className="w-48" />
          </>
        }
        empty={
          filtered ? (
            <EmptyState
              icon={<WorkflowIcon />}
              title="No workflow matches"
              description="Try another search or workspace."
              action={
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setSearch('');
                    setWorkspaceId(null);
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<WorkflowIcon />}
              title="No workflow yet"
              description="Compose one on the canvas from real operations: scan a source, auto-accept confident labels, evaluate compliance, ask for approval, notify."
              action={
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus />
                  New workflow
                </Button>
              }
            />
          )
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore count={rows.length} hasMore={!!list.hasNextPage} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
          ) : null
        }
      />
      <NewWorkflowDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
