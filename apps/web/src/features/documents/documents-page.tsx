'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { FileText, Plus } from 'lucide-react';
import { Badge, Button, DataTable, type DataTableColumn, DataTableLoadMore, DataTableSearch, EmptyState, FilterSelect, PageHeader } from '@racine/ui';
import { WorkspaceFilter } from '~/components/workspace-filter';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { useTRPC } from '~/trpc/react';
import { NewDocumentDialog } from './new-document-dialog';
import type { DocumentRow } from './types';

const PAGE_SIZE = 25;
type Kind = 'runbook' | 'note';

const columns: DataTableColumn<DocumentRow>[] = [
  {
    id: 'title',
    header: 'Title',
    cell: (d) => (
      <div className="min-w-0 max-w-md">
        <Link href={`/collaboration/documents/${d.id}`} className="font-medium hover:underline" data-testid="document-link" onClick={(e) => e.stopPropagation()}>
          {d.title}
        </Link>
        {d.excerpt ? <div className="truncate text-xs text-muted-foreground">{d.excerpt}</div> : null}
      </div>
    ),
  },
  { id: 'kind', header: 'Kind', className: 'hidden sm:table-cell', cell: (d) => <Badge variant={d.kind === 'runbook' ? 'default' : 'outline'}>{d.kind}</Badge> },
  { id: 'workspace', header: 'Workspace', className: 'hidden md:table-cell', cell: (d) => <span className="text-muted-foreground">{d.workspaceName}</span> },
  {
    id: 'attached',
    header: 'Attached to',
    className: 'hidden lg:table-cell',
    cell: (d) =>
      d.attachedTo ? (
        d.attachedTo.link ? (
          <Link href={d.attachedTo.link} className="block max-w-56 truncate hover:underline" onClick={(e) => e.stopPropagation()} title={d.attachedTo.title}>
            {d.attachedTo.title}
          </Link>
        ) : (
          <span className="text-muted-foreground">{d.attachedTo.title}</span>
        )
      ) : (
        <span className="text-muted-foreground">—</span>
      ),
  },
  {
    id: 'edited',
    header: 'Last edited',
    className: 'whitespace-nowrap',
    cell: (d) => (
      <span className="grid text-xs" title={formatDateTime(d.lastEditedAt)}>
        <span>{formatRelative(d.lastEditedAt)}</span>
        <span className="text-muted-foreground">{d.lastEditedBy?.name ?? '—'}</span>
      </span>
    ),
  },
];

/** Shared documents (runbooks and notes) the user may read, newest edit first. */
export function DocumentsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [search, setSearch] = React.useState('');
  const [workspaceId, setWorkspaceId] = React.useState<string | null>(searchParams.get('workspace'));
  const [kind, setKind] = React.useState<Kind | null>(null);
  const [archived, setArchived] = React.useState(false);
  const [creating, setCreating] = React.useState(false);
  const q = useDebounced(search.trim(), 250);

  React.useEffect(() => {
    if (searchParams.get('new') === '1') {
      setCreating(true);
      router.replace(pathname);
    }
  }, [searchParams, router, pathname]);

  const list = useInfiniteQuery({
    ...trpc.document.list.infiniteQueryOptions(
      { limit: PAGE_SIZE, archived, ...(q ? { q } : {}), ...(workspaceId ? { workspaceId } : {}), ...(kind ? { kind } : {}) },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.pages.flatMap((p) => p.items);
  const filtered = q !== '' || workspaceId !== null || kind !== null || archived;

  return (
    <>
      <PageHeader
        title="Documents"
        description="Runbooks and notes, edited by several people at once; every change is kept, with versions you can restore."
        actions={
          <Button onClick={() => setCreating(true)} data-testid="new-document">
            <Plus />
            New document
          </Button>
        }
      />
      <DataTable
        label="Documents"
        columns={columns}
        data={rows}
        getRowId={(d) => d.id}
        rowTestId="document-row"
        rowData={(d) => ({ 'data-title': d.title })}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(d) => router.push(`/collaboration/documents/${d.id}`)}
        toolbar={
          <>
            <DataTableSearch value={search} onChange={setSearch} placeholder="Search titles and text…" label="Search documents" />
            <WorkspaceFilter value={workspaceId} onChange={setWorkspaceId} className="w-48" />
            <FilterSelect
              value={kind}
              onChange={(v) => setKind(v as Kind | null)}
              options={[
                { value: 'runbook', label: 'Runbooks' },
                { value: 'note', label: 'Notes' },
              ]}
              allLabel="All kinds"
              label="Kind filter"
              className="w-36"
            />
            <FilterSelect
              value={archived ? 'archived' : null}
              onChange={(v) => setArchived(v === 'archived')}
              options={[{ value: 'archived', label: 'Archived' }]}
              allLabel="Active"
              label="Archived filter"
              className="w-32"
            />
          </>
        }
        empty={
          filtered ? (
            <EmptyState
              icon={<FileText />}
              title="No document matches"
              description="Try another search, workspace or kind."
              action={
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setSearch('');
                    setWorkspaceId(null);
                    setKind(null);
                    setArchived(false);
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<FileText />}
              title="No documents yet"
              description="Write a runbook for an operation, or notes the team edits together."
              action={
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus />
                  New document
                </Button>
              }
            />
          )
        }
      />
      <DataTableLoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} />
      <NewDocumentDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
