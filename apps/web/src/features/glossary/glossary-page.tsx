'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { BookOpen, Plus } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  DataTable,
  type DataTableColumn,
  DataTablePagination,
  DataTableSearch,
  EmptyState,
  FilterSelect,
  PageHeader,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { TermStatusBadge, useCanManageGlossary } from './bits';
import { TermDialog } from './term-dialog';
import { TermTree } from './term-tree';
import { type ListTermsInput, type TermRow, type TermStatus, termStatuses } from './types';

const PAGE_SIZE = 25;

/** The business glossary: every term, searchable, filterable by status, and as a tree. */
export function GlossaryPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { canManage } = useCanManageGlossary();
  const [q, setQ] = React.useState(searchParams.get('q') ?? '');
  const [status, setStatus] = React.useState<TermStatus | null>(
    (termStatuses.find((s) => s.value === searchParams.get('status'))?.value ?? null) as TermStatus | null,
  );
  const [page, setPage] = React.useState(1);
  const [creating, setCreating] = React.useState(searchParams.get('create') === '1');
  const debounced = useDebounced(q.trim(), 250);
  React.useEffect(() => setPage(1), [debounced, status]);
  React.useEffect(() => {
    const params = new URLSearchParams();
    if (debounced) params.set('q', debounced);
    if (status) params.set('status', status);
    const next = params.toString();
    if (next !== searchParams.toString())
      router.replace(`${pathname}${next ? `?${next}` : ''}`, { scroll: false });
  }, [debounced, status, pathname, router, searchParams]);

  const input: ListTermsInput = {
    ...(debounced ? { q: debounced } : {}),
    ...(status ? { status } : {}),
    limit: PAGE_SIZE,
    offset: (page - 1) * PAGE_SIZE,
  };
  const list = useQuery({ ...trpc.glossary.list.queryOptions(input), placeholderData: keepPreviousData });
  const everything = useQuery(trpc.glossary.list.queryOptions({ limit: 200 }));
  const filtered = !!debounced || !!status;

  const columns: DataTableColumn<TermRow>[] = [
    {
      id: 'name',
      header: 'Term',
      cell: (t) => (
        <div className="min-w-0">
          <Link href={`/glossary/${t.id}`} className="font-medium hover:underline" data-testid="term-link">
            {t.name}
          </Link>
          {t.synonyms.length ? (
            <span className="ml-2 text-xs text-muted-foreground">also {t.synonyms.join(', ')}</span>
          ) : null}
          {t.definition ? (
            <div className="line-clamp-1 max-w-xl text-xs text-muted-foreground">{t.definition}</div>
          ) : null}
        </div>
      ),
    },
    {
      id: 'parent',
      header: 'Parent',
      className: 'hidden md:table-cell',
      cell: (t) =>
        t.parent ? (
          <Link href={`/glossary/${t.parent.id}`} className="text-sm hover:underline">
            {t.parent.name}
          </Link>
        ) : (
          <span className="text-xs text-muted-foreground">—</span>
        ),
    },
    {
      id: 'labels',
      header: 'Labels',
      className: 'hidden lg:table-cell',
      cell: (t) => (
        <span className="font-mono text-xs text-muted-foreground">{t.labels.join(', ') || '—'}</span>
      ),
    },
    { id: 'status', header: 'Status', cell: (t) => <TermStatusBadge status={t.status} /> },
    {
      id: 'owner',
      header: 'Owner',
      className: 'hidden md:table-cell',
      cell: (t) => <span className="text-sm">{t.owner?.name ?? '—'}</span>,
    },
    {
      id: 'assets',
      header: 'Assets',
      className: 'text-right',
      cell: (t) => <span className="tabular-nums">{t.assetCount}</span>,
    },
  ];

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <BookOpen className="size-6 text-muted-foreground" />
            Glossary
          </span>
        }
        description="The business words your data is described in, what they mean, and the assets they name."
        actions={
          canManage ? (
            <Button onClick={() => setCreating(true)} data-testid="new-term">
              <Plus />
              New term
            </Button>
          ) : null
        }
      />
      <div className="grid gap-6 lg:grid-cols-[16rem_1fr]">
        <Card className="content-start self-start">
          <CardHeader>
            <CardTitle>By parent</CardTitle>
          </CardHeader>
          <CardContent>
            {everything.isPending ? (
              <div className="grid gap-2">
                <Skeleton className="h-4 w-3/4" />
                <Skeleton className="h-4 w-1/2" />
                <Skeleton className="h-4 w-2/3" />
              </div>
            ) : (
              <TermTree terms={everything.data?.items ?? []} />
            )}
          </CardContent>
        </Card>
        <DataTable
          label="Glossary terms"
          columns={columns}
          data={list.isPending ? undefined : (list.data?.items ?? [])}
          getRowId={(t) => t.id}
          rowTestId="term-row"
          rowData={(t) => ({ 'data-name': t.name })}
          isLoading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          toolbar={
            <>
              <DataTableSearch value={q} onChange={setQ} placeholder="Search terms and synonyms…" label="Search terms" />
              <FilterSelect
                value={status}
                onChange={setStatus}
                options={termStatuses}
                allLabel="Any status"
                label="Status filter"
                className="w-40"
              />
            </>
          }
          empty={
            filtered ? (
              <EmptyState
                icon={<BookOpen />}
                title="No term matches"
                description="Try another word or any status."
                action={
                  <Button variant="outline" onClick={() => { setQ(''); setStatus(null); }}>
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<BookOpen />}
                title="No terms yet"
                description={
                  canManage
                    ? 'Start with the words people ask about most: customer, order, revenue.'
                    : 'Data stewards define terms here; none has yet.'
                }
                action={
                  canManage ? (
                    <Button onClick={() => setCreating(true)}>
                      <Plus />
                      New term
                    </Button>
                  ) : undefined
                }
              />
            )
          }
          footer={
            list.data && list.data.total > PAGE_SIZE ? (
              <DataTablePagination
                page={page}
                pageCount={Math.ceil(list.data.total / PAGE_SIZE)}
                total={list.data.total}
                onPageChange={setPage}
              />
            ) : null
          }
        />
      </div>
      <TermDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
