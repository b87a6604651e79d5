'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useQuery } from '@tanstack/react-query';
import { BookOpen, ChevronRight, Pencil, Trash2 } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  PageHeader,
  Skeleton,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { Markdown } from '~/features/catalog/markdown';
import { TermStatusBadge, useCanManageGlossary } from './bits';
import { TermAssets } from './term-assets';
import { TermDialog } from './term-dialog';
import { RelatedArticles } from '~/features/kb';

/** One glossary term: its definition, where it sits, and the data it names. */
export function TermPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { canManage } = useCanManageGlossary();
  const term = useQuery(trpc.glossary.get.queryOptions({ id }));
  const [editing, setEditing] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const remove = useMutation(
    trpc.glossary.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Term “${term.data?.name}” deleted`);
        setDeleting(false);
        router.push('/glossary');
        queryClient.removeQueries(trpc.glossary.get.queryFilter({ id }));
        await queryClient.invalidateQueries(trpc.glossary.pathFilter());
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (e) => toast.fromError(e, 'Could not delete the term'),
    }),
  );
  const breadcrumb = (
    <Link href="/glossary" className="hover:underline">
      Glossary
    </Link>
  );

  if (term.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-8 h-8 w-72" />
        <div className="grid gap-4 lg:grid-cols-[1fr_18rem]">
          <Skeleton className="h-48" />
          <Skeleton className="h-32" />
        </div>
      </div>
    );
  if (term.isError)
    return (
      <PageLoadError
        error={term.error}
        onRetry={() => void term.refetch()}
        title="Glossary term"
        breadcrumb={breadcrumb}
        icon={<BookOpen />}
        notFound="Term not found"
        forbidden="You cannot read the glossary"
        back={{ href: '/glossary', label: 'Back to the glossary' }}
      />
    );
  const t = term.data;
  return (
    <>
      <PageHeader
        breadcrumb={
          <span className="inline-flex items-center gap-1">
            {breadcrumb}
            {t.parent ? (
              <>
                <ChevronRight className="size-3" />
                <Link href={`/glossary/${t.parent.id}`} className="hover:underline">
                  {t.parent.name}
                </Link>
              </>
            ) : null}
          </span>
        }
        title={
          <span className="flex items-center gap-3" data-testid="term-title">
            <BookOpen className="size-6 text-muted-foreground" />
            <span className="truncate">{t.name}</span>
            <TermStatusBadge status={t.status} />
          </span>
        }
        description={
          t.synonyms.length ? <span>Also called {t.synonyms.join(', ')}</span> : undefined
        }
        actions={
          canManage ? (
            <>
              <Button variant="outline" onClick={() => setEditing(true)} data-testid="edit-term">
                <Pencil />
                Edit
              </Button>
              <Button
                variant="outline"
                className="text-destructive hover:text-destructive"
                onClick={() => setDeleting(true)}
                data-testid="delete-term"
              >
                <Trash2 />
                Delete
              </Button>
            </>
          ) : null
        }
      />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_18rem]">
        <div className="grid min-w-0 content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>Definition</CardTitle>
            </CardHeader>
            <CardContent>
              {t.definition.trim() ? (
                <Markdown>{t.definition}</Markdown>
              ) : (
                <p className="text-sm text-muted-foreground">No definition yet.</p>
              )}
            </CardContent>
          </Card>
          <TermAssets term={t} canManage={canManage} />
        </div>
        <div className="grid content-start gap-4">
          <Card>
            <CardHeader>
              <CardTitle>About</CardTitle>
            </CardHeader>
            <CardContent className="grid gap-2 text-sm">
              <div className="flex justify-between gap-2">
                <span className="text-muted-foreground">Owner</span>
                <span>{t.owner?.name ?? '—'}</span>
              </div>
              <div className="grid gap-1">
                <span className="text-muted-foreground">Labels</span>
                <span className="font-mono text-xs">{t.labels.join(', ') || '—'}</span>
              </div>
            </CardContent>
          </Card>
          <Card data-testid="term-children">
            <CardHeader>
              <CardTitle>Narrower terms</CardTitle>
            </CardHeader>
            <CardContent>
              {t.children.length ? (
                <ul className="grid gap-1 text-sm">
                  {t.children.map((c) => (
                    <li key={c.id} className="flex items-center justify-between gap-2">
                      <Link href={`/glossary/${c.id}`} className="hover:underline">
                        {c.name}
                      </Link>
                      <TermStatusBadge status={c.status} />
                    </li>
                  ))}
                </ul>
              ) : (
                <p className="text-xs text-muted-foreground">None.</p>
              )}
            </CardContent>
          </Card>
          <RelatedArticles targetType="glossaryTerm" targetId={t.id} />
        </div>
      </div>
      <TermDialog open={editing} onOpenChange={setEditing} term={t} />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete “${t.name}”?`}
        description={`Its links to ${t.assets.length === 1 ? '1 asset' : `${t.assets.length} assets`} go with it${t.children.length ? `; its ${t.children.length} narrower term(s) move to the top level` : ''}. The activity log keeps the record.`}
        confirmLabel="Delete term"
        destructive
        pending={remove.isPending}
        onConfirm={() => remove.mutate({ id: t.id })}
      />
    </>
  );
}
