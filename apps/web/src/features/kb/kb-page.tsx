'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { BookOpen, Plus, Search } from 'lucide-react';
import {
  Button,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  Input,
  PageHeader,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { ArticleStatusBadge, ArticleTags } from './bits';
import { NewArticleDialog } from './new-article-dialog';
import { articleHref, type ArticleStatus, type ArticleSummary } from './types';

const statusOptions = [
  { value: 'published', label: 'Published' },
  { value: 'draft', label: 'Drafts' },
  { value: 'archived', label: 'Archived' },
] as const;

/** The knowledge base: runbooks and how-tos, searchable, filtered by status and tag. */
export function KbPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const [text, setText] = React.useState('');
  const q = useDebounced(text.trim(), 250);
  const [status, setStatus] = React.useState<ArticleStatus | null>(null);
  const [tag, setTag] = React.useState<string | null>(null);
  const [creating, setCreating] = React.useState(false);
  const list = useInfiniteQuery({
    ...trpc.kb.list.infiniteQueryOptions(
      { ...(q ? { q } : {}), ...(status ? { status } : {}), ...(tag ? { tag } : {}), limit: 25 },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  const first = list.data?.pages[0];
  const rows = list.data?.pages.flatMap((p) => p.items);
  const canWrite = first?.canWrite ?? false;
  const filtered = Boolean(q || status || tag);

  const columns: DataTableColumn<ArticleSummary>[] = [
    {
      id: 'title',
      header: 'Article',
      cell: (a) => (
        <div className="grid min-w-0 max-w-2xl gap-0.5">
          <Link href={articleHref(a.id)} className="truncate font-medium hover:underline" data-testid="article-link">
            {a.title}
          </Link>
          {a.excerpt ? <span className="line-clamp-2 text-xs text-muted-foreground">{a.excerpt}</span> : null}
          <ArticleTags tags={a.tags} />
        </div>
      ),
    },
    { id: 'status', header: 'Status', className: 'w-28', cell: (a) => <ArticleStatusBadge status={a.status} /> },
    {
      id: 'links',
      header: 'Linked',
      className: 'hidden md:table-cell w-20 tabular-nums text-muted-foreground',
      cell: (a) => a.linkCount,
    },
    {
      id: 'updated',
      header: 'Updated',
      className: 'hidden md:table-cell whitespace-nowrap',
      cell: (a) => (
        <span className="text-muted-foreground">
          {formatRelative(a.updatedAt)} · {a.updatedBy?.name ?? a.author.name}
        </span>
      ),
    },
  ];

  const tagOptions = (first?.tags ?? []).map((t) => ({ value: t.value, label: `#${t.value} (${t.count})` }));

  return (
    <>
      <PageHeader
        breadcrumb="Collaboration"
        title="Knowledge base"
        description="Runbooks, how-tos and decisions, linked to the assets, glossary terms and frameworks they are about. Published articles also show in the global search."
        actions={
          canWrite ? (
            <Button onClick={() => setCreating(true)} data-testid="new-article">
              <Plus />
              New article
            </Button>
          ) : null
        }
      />
      <DataTable
        label="Articles"
        columns={columns}
        data={rows}
        getRowId={(a) => a.id}
        rowTestId="article-row"
        onRowClick={(a) => router.push(articleHref(a.id))}
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        toolbar={
          <div className="flex flex-wrap items-center gap-2">
            <div className="relative w-full max-w-sm">
              <Search className="absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
              <Input
                aria-label="Search articles"
                placeholder="Search titles, tags and text…"
                className="pl-8"
                value={text}
                onChange={(e) => setText(e.target.value)}
                data-testid="kb-search"
              />
            </div>
            <FilterSelect
              value={status}
              onChange={setStatus}
              options={statusOptions}
              allLabel="Published & drafts"
              label="Status filter"
              className="w-44"
              data-testid="kb-status-filter"
            />
            {tagOptions.length ? (
              <FilterSelect value={tag} onChange={setTag} options={tagOptions} allLabel="Any tag" label="Tag filter" className="w-44" />
            ) : null}
          </div>
        }
        empty={
          <EmptyState
            icon={<BookOpen />}
            title={filtered ? 'No article matches' : 'No articles yet'}
            description={filtered ? 'Try other words, or clear the filters.' : 'Write down how your team handles sensitive data, so the next person does not have to ask.'}
            action={
              canWrite && !filtered ? (
                <Button size="sm" onClick={() => setCreating(true)}>
                  <Plus />
                  New article
                </Button>
              ) : undefined
            }
          />
        }
        footer={
          rows?.length ? (
            <DataTableLoadMore hasMore={Boolean(list.hasNextPage)} loading={list.isFetchingNextPage} onLoadMore={() => void list.fetchNextPage()} count={rows.length} />
          ) : null
        }
      />
      <NewArticleDialog open={creating} onOpenChange={setCreating} />
    </>
  );
}
