'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Boxes, LayoutTemplate, Plus } from 'lucide-react';
import {
  Button,
  DataTable,
  type DataTableColumn,
  DataTablePagination,
  DataTableSearch,
  EmptyState,
  FilterSelect,
  PageHeader,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { useCurrentUser } from '~/components/shell/current-user';
import { EnvironmentBadge } from '~/components/environment-badge';
import { environmentOptions } from '~/features/datasources/bits';
import { formatDate } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { CreateWorkspaceDialog } from './create-workspace-dialog';
import { TemplateDialog } from './template-dialog';

type Workspace = RouterOutputs['workspace']['list']['items'][number];
type Environment = Workspace['environment'];

const PAGE_SIZE = 10;

const columns: DataTableColumn<Workspace>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (w) => (
      <div className="min-w-0">
        <Link
          href={`/workspaces/${w.id}`}
          className="font-medium hover:underline"
          data-testid="workspace-link"
        >
          {w.name}
        </Link>
        <div className="truncate font-mono text-xs text-muted-foreground">{w.slug}</div>
      </div>
    ),
  },
  {
    id: 'env',
    header: 'Environment',
    cell: (w) => <EnvironmentBadge environment={w.environment} />,
  },
  {
    id: 'kind',
    header: 'Kind',
    cell: (w) => <span className="capitalize">{w.kind}</span>,
    className: 'hidden md:table-cell',
  },
  {
    id: 'members',
    header: 'Members',
    cell: (w) => (
      <span className="tabular-nums">
        {w._count.members} / {w.maxMembers}
      </span>
    ),
  },
  {
    id: 'resources',
    header: 'Resources',
    cell: (w) => (
      <span className="tabular-nums">
        {w._count.resources} / {w.maxResources}
      </span>
    ),
    className: 'hidden md:table-cell',
  },
  { id: 'owner', header: 'Owner', cell: (w) => w.owner.name, className: 'hidden lg:table-cell' },
  {
    id: 'created',
    header: 'Created',
    cell: (w) => <span className="text-muted-foreground">{formatDate(w.createdAt)}</span>,
    className: 'hidden lg:table-cell',
  },
];

export function WorkspacesPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { canCreateWorkspace } = useCurrentUser();
  const [search, setSearch] = React.useState('');
  const [environment, setEnvironment] = React.useState<Environment | null>(null);
  // Cursor pagination: cursors[i] is the cursor that loads page i + 1.
  const [cursors, setCursors] = React.useState<(string | undefined)[]>([undefined]);
  const [createOpen, setCreateOpen] = React.useState(false);
  const [templateOpen, setTemplateOpen] = React.useState(false);
  const query = useDebounced(search.trim(), 250);

  React.useEffect(() => setCursors([undefined]), [query, environment]);

  // The command palette and other pages open the create dialog with ?create=1.
  React.useEffect(() => {
    if (searchParams.get('create') === '1') {
      setCreateOpen(true);
      router.replace(pathname);
    }
  }, [searchParams, router, pathname]);

  const page = cursors.length;
  const list = useQuery({
    ...trpc.workspace.list.queryOptions({
      limit: PAGE_SIZE,
      ...(query ? { query } : {}),
      ...(environment ? { environment } : {}),
      ...(cursors[page - 1] ? { cursor: cursors[page - 1] } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = query !== '' || environment !== null;

  return (
    <>
      <PageHeader
        title="Workspaces"
        description="Teams and projects, their members, quotas and linked resources."
        actions={
          canCreateWorkspace ? (
            <>
              <Button variant="outline" onClick={() => setTemplateOpen(true)}>
                <LayoutTemplate />
                From template
              </Button>
              <Button onClick={() => setCreateOpen(true)} data-testid="create-workspace">
                <Plus />
                New workspace
              </Button>
            </>
          ) : null
        }
      />
      <DataTable
        label="Workspaces"
        columns={columns}
        data={list.data?.items}
        getRowId={(w) => w.id}
        rowTestId="workspace-row"
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(w) => router.push(`/workspaces/${w.id}`)}
        toolbar={
          <>
            <DataTableSearch
              value={search}
              onChange={setSearch}
              placeholder="Search workspaces…"
              label="Search workspaces"
            />
            <FilterSelect
              value={environment}
              onChange={setEnvironment}
              options={environmentOptions}
              allLabel="All environments"
              label="Environment filter"
              className="w-40"
            />
          </>
        }
        empty={
          filtered ? (
            <EmptyState
              icon={<Boxes />}
              title="No workspace matches"
              description="Try another search or environment."
              action={
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setSearch('');
                    setEnvironment(null);
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Boxes />}
              title="No workspace yet"
              description={
                canCreateWorkspace
                  ? 'Create one for your team, or start from a template.'
                  : 'Ask a steward or an admin to add you to a workspace.'
              }
              action={
                canCreateWorkspace ? (
                  <Button size="sm" onClick={() => setCreateOpen(true)}>
                    <Plus />
                    New workspace
                  </Button>
                ) : null
              }
            />
          )
        }
        footer={
          list.data && total > 0 ? (
            <DataTablePagination
              page={page}
              pageCount={pageCount}
              total={total}
              onPageChange={(next) => {
                if (next < page) setCursors((c) => c.slice(0, next));
                else if (list.data?.nextCursor) setCursors((c) => [...c, list.data!.nextCursor!]);
              }}
            />
          ) : null
        }
      />
      <CreateWorkspaceDialog open={createOpen} onOpenChange={setCreateOpen} />
      <TemplateDialog open={templateOpen} onOpenChange={setTemplateOpen} />
    </>
  );
}
