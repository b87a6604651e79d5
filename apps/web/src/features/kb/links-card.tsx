'use client';
import * as React from 'react';
import Link from 'next/link';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { BookMarked, Library, Link2, Plus, ShieldCheck, X } from 'lucide-react';
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { LinkPicker, type PickedTarget } from './link-picker';
import type { Article, ArticleLink } from './types';

const icons = { asset: <Library />, glossaryTerm: <BookMarked />, framework: <ShieldCheck /> } as const;
const kindNames = { asset: 'Asset', glossaryTerm: 'Glossary term', framework: 'Framework' } as const;

/** What the article is about: links shown to whoever may read them; writers add and remove. */
export function LinksCard({ article }: { article: Article }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picking, setPicking] = React.useState(false);
  const refresh = async (next: Article) => {
    queryClient.setQueryData(trpc.kb.get.queryKey({ id: article.id }), next);
    await queryClient.invalidateQueries(trpc.kb.forTarget.pathFilter());
    await queryClient.invalidateQueries(trpc.kb.list.pathFilter());
  };
  const link = useMutation(
    trpc.kb.link.mutationOptions({
      onSuccess: async (next) => {
        setPicking(false);
        toast.success('Linked');
        await refresh(next);
      },
      onError: (error) => toast.fromError(error, 'Could not link the article'),
    }),
  );
  const unlink = useMutation(
    trpc.kb.unlink.mutationOptions({
      onSuccess: async (next) => {
        toast.success('Link removed');
        await refresh(next);
      },
      onError: (error) => toast.fromError(error, 'Could not remove the link'),
    }),
  );
  const pick = (t: PickedTarget) => link.mutate({ articleId: article.id, ...t });
  const remove = (l: ArticleLink) => unlink.mutate({ articleId: article.id, targetType: l.targetType, targetId: l.targetId });
  return (
    <Card data-testid="article-links" className="min-w-0 overflow-hidden">
      <CardHeader className="flex flex-row items-start justify-between gap-2 space-y-0">
        <div className="min-w-0">
          <CardTitle className="flex items-center gap-2">
            <Link2 className="size-4" />
            Linked to
          </CardTitle>
          <CardDescription>Shown as a related article on each of these pages.</CardDescription>
        </div>
        {article.canEdit ? (
          <Button size="sm" variant="outline" onClick={() => setPicking(true)} data-testid="add-link">
            <Plus />
            Link
          </Button>
        ) : null}
      </CardHeader>
      <CardContent>
        {article.links.length ? (
          <ul className="grid gap-1.5 text-sm">
            {article.links.map((l) => (
              <li key={`${l.targetType}:${l.targetId}`} className="flex min-w-0 items-center gap-2" data-testid="article-link-row" title={l.title}>
                <span className="text-muted-foreground [&_svg]:size-4" title={kindNames[l.targetType]}>
                  {icons[l.targetType]}
                </span>
                <Link href={l.link} className="min-w-0 flex-1 truncate hover:underline">
                  {l.title}
                </Link>
                {article.canEdit ? (
                  <Button size="icon" variant="ghost" className="size-7" aria-label={`Unlink ${l.title}`} onClick={() => remove(l)} disabled={unlink.isPending}>
                    <X />
                  </Button>
                ) : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">{article.canEdit ? 'Not linked yet: link the assets, terms or frameworks it is about.' : 'Not linked to anything you can see.'}</p>
        )}
        {article.hiddenLinks ? <p className="mt-2 text-xs text-muted-foreground">and {article.hiddenLinks} you cannot see</p> : null}
      </CardContent>
      <LinkPicker open={picking} onOpenChange={setPicking} linked={new Set(article.links.map((l) => l.targetId))} onPick={pick} />
    </Card>
  );
}
