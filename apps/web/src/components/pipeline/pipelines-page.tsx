'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { Plus, Waypoints } from 'lucide-react';
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
import { WorkspaceFilter } from '~/components/workspace-filter';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { HealthBadge, PipelineRunStatusBadge } from './bits';
import { CreatePipelineDialog } from './create-pipeline-dialog';
import type { PipelineListItem } from './types';

const PAGE_SIZE = 20;

const columns: DataTableColumn<PipelineListItem>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (p) => (
      <div className="min-w-0">
        <Link
          href={`/pipelines/${p.id}`}
          className="font-medium hover:underline"
          data-testid="pipeline-link"
          onClick={(e) => e.stopPropagation()}
        >
          {p.name}
        </Link>
        {p.description ? (
          <div className="max-w-md truncate text-xs text-muted-foreground">{p.description}</div>
        ) : null}
      </div>
    ),
  },
  {
    id: 'workspace',
    header: 'Workspace',
    className: 'hidden md:table-cell whitespace-nowrap',
    cell: (p) => <span className="text-muted-foreground">{p.workspaceName}</span>,
  },
  {
    id: 'source',
    header: 'Source',
    className: 'hidden lg:table-cell whitespace-nowrap',
    cell: (p) => <span className="text-muted-foreground">{p.dataSourceName ?? '—'}</span>,
  },
  {
    id: 'health',
    header: 'Health',
    cell: (p) => <HealthBadge status={p.health.status} reasons={p.health.reasons} />,
  },
  {
    id: 'last',
    header: 'Last run',
    className: 'whitespace-nowrap',
    cell: (p) =>
      p.lastRun ? (
        <span className="flex items-center gap-2">
          <Link
            href={`/pipelines/runs/${p.lastRun.id}`}
            onClick={(e) => e.stopPropagation()}
            aria-label={`Open the last run (${p.lastRun.status})`}
          >
            <PipelineRunStatusBadge status={p.lastRun.status} />
          </Link>
          <span
            className="text-xs text-muted-foreground"
            title={formatDateTime(p.lastRun.startedAt ?? p.lastRun.createdAt)}
          >
            {formatRelative(p.lastRun.startedAt ?? p.lastRun.createdAt)}
          </span>
        </span>
      ) : (
        <span className="text-xs text-muted-foreground">Never run</span>
      ),
  },
  {
    id: 'enabled',
    header: 'Enabled',
    className: 'hidden sm:table-cell',
    cell: (p) =>
      p.enabled ? (
        <Badge variant="success">enabled</Badge>
      ) : (
        <Badge variant="secondary">disabled</Badge>
      ),
  },
];

export function PipelinesPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [search, setSearch] = React.useState('');
  const [workspaceId, setWorkspaceId] = React.useState<string | null>(
    searchParams.get('workspace'),
  );
  const [creating, setCreating] = React.useState(false);
  const query = useDebounced(search.trim(), 250);

  // The command palette opens the create dialog with ?new=1.
  React.useEffect(() => {
    if (searchParams.get('new') === '1') {
      setCreating(true);
      router.replace(pathname);
    }
  }, [searchParams, router, pathname]);

  const list = useInfiniteQuery({
    ...trpc.pipeline.list.infiniteQueryOptions(
      {
        limit: PAGE_SIZE,
        ...(query ? { search: query } : {}),
        ...(workspaceId ? { workspaceId } : {}),
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items);
  const filtered = query !== '' || workspaceId !== null;

  return (
    <>
      <PageHeader
        title="Pipelines"
        description="Every table of a source through staged processing (ingest, classify, quality checks, compliance, publish), with per-stage metrics, an SLA and dead letters."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-pipeline">
            <Plus />
            New pipeline
          </Button>
        }
      />
      <DataTable
        label="Pipelines"
        columns={columns}
        data={rows}
        getRowId={(p) => p.id}
        rowTestId="pipeline-row"
        rowData={(p) => ({ 'data-name': p.name })}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(p) => router.push(`/pipelines/${p.id}`)}
        toolbar={
          <>
            <DataTableSearch
              value={search}
              onChange={setSearch}
              placeholder="Search pipelines…"
              label="Search pipelines"
            />
            <WorkspaceFilter value={workspaceId} onChange={setWorkspaceId} className="w-48" />
          </>
        }
        empty={
          filtered ? (
            <EmptyState
              icon={<Waypoints />}
              title="No pipeline matches"
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
              icon={<Waypoints />}
              title="No pipeline yet"
              description="Start from a template: pick a data source and Racine processes each of its tables through the stages, with live progress and metrics."
              action={
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus />
                  New pipeline
                </Button>
              }
            />
          )
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          ) : null
        }
      />
      <CreatePipelineDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
