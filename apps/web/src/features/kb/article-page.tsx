'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Archive, BookOpen, Pencil, Send, Undo2 } from 'lucide-react';
import { Button, Card, CardContent, PageHeader, Skeleton, toast } from '@racine/ui';
import { PageLoadError } from '~/components/page-load-error';
import { Markdown } from '~/features/catalog/markdown';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { ArticleEditor, type ArticleDraft } from './article-editor';
import { ArticleStatusBadge, ArticleTags } from './bits';
import { LinksCard } from './links-card';
import type { Article, ArticleStatus } from './types';

const breadcrumb = (
  <Link href="/collaboration/kb" className="hover:underline">
    Knowledge base
  </Link>
);

/** One article: rendered markdown, its links, and for writers edit, publish and archive. */
export function ArticlePage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const article = useQuery(trpc.kb.get.queryOptions({ id }));
  const editing = searchParams.get('edit') === '1' && Boolean(article.data?.canEdit);
  const setEditing = (on: boolean) => router.replace(on ? `${pathname}?edit=1` : pathname, { scroll: false });
  const settle = async (next: Article) => {
    queryClient.setQueryData(trpc.kb.get.queryKey({ id }), next);
    await queryClient.invalidateQueries(trpc.kb.list.pathFilter());
    await queryClient.invalidateQueries(trpc.kb.forTarget.pathFilter());
  };
  const update = useMutation(
    trpc.kb.update.mutationOptions({
      onSuccess: async (next) => {
        toast.success('Article saved');
        await settle(next);
        setEditing(false);
      },
      onError: (error) => toast.fromError(error, 'Could not save the article'),
    }),
  );
  const setStatus = useMutation(
    trpc.kb.update.mutationOptions({
      onSuccess: async (next) => {
        toast.success(next.status === 'published' ? 'Published: every reader sees it now' : next.status === 'archived' ? 'Archived' : 'Back to draft');
        await settle(next);
      },
      onError: (error) => toast.fromError(error, 'Could not change the status'),
    }),
  );

  if (article.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-40" />
        <Skeleton className="mb-6 h-8 w-96" />
        <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
          <Skeleton className="h-96" />
          <Skeleton className="h-40" />
        </div>
      </div>
    );
  if (article.isError)
    return (
      <PageLoadError
        error={article.error}
        onRetry={() => void article.refetch()}
        title="Article"
        breadcrumb={breadcrumb}
        icon={<BookOpen />}
        notFound="Article not found"
        forbidden="You cannot open this article"
        back={{ href: '/collaboration/kb', label: 'Back to the knowledge base' }}
      />
    );

  const a = article.data;
  const change = (status: ArticleStatus) => setStatus.mutate({ id: a.id, status });
  const save = (draft: ArticleDraft) => update.mutate({ id: a.id, ...draft });
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={<span data-testid="article-title">{a.title}</span>}
        description={
          <span className="inline-flex flex-wrap items-center gap-2">
            <ArticleStatusBadge status={a.status} />
            <span title={formatDateTime(a.updatedAt)}>
              by {a.author.name}
              {a.updatedBy && a.updatedBy.id !== a.author.id ? `, edited by ${a.updatedBy.name}` : ''} · updated {formatRelative(a.updatedAt)}
            </span>
            <ArticleTags tags={a.tags} />
          </span>
        }
        actions={
          a.canEdit && !editing ? (
            <div className="flex flex-wrap gap-2">
              <Button variant="outline" onClick={() => setEditing(true)} data-testid="edit-article">
                <Pencil />
                Edit
              </Button>
              {a.status !== 'published' ? (
                <Button onClick={() => change('published')} disabled={setStatus.isPending} data-testid="publish-article">
                  <Send />
                  Publish
                </Button>
              ) : (
                <Button variant="outline" onClick={() => change('draft')} disabled={setStatus.isPending}>
                  <Undo2 />
                  Unpublish
                </Button>
              )}
              {a.status !== 'archived' ? (
                <Button variant="ghost" onClick={() => change('archived')} disabled={setStatus.isPending} data-testid="archive-article">
                  <Archive />
                  Archive
                </Button>
              ) : null}
            </div>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <div className="min-w-0">
          {editing ? (
            <ArticleEditor article={a} saving={update.isPending} onSave={save} onCancel={() => setEditing(false)} />
          ) : (
            <Card>
              <CardContent className="pt-6" data-testid="article-body">
                {a.body.trim() ? (
                  <Markdown>{a.body}</Markdown>
                ) : (
                  <p className="text-sm text-muted-foreground">{a.canEdit ? 'This article is empty. Edit it to write the first lines.' : 'This article is empty.'}</p>
                )}
              </CardContent>
            </Card>
          )}
        </div>
        <div className="grid min-w-0 content-start gap-4">
          <LinksCard article={a} />
        </div>
      </div>
    </>
  );
}
