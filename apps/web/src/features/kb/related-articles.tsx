'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { BookOpen } from 'lucide-react';
import { Card, CardContent, CardHeader, CardTitle, ErrorState, Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { ArticleStatusBadge } from './bits';
import { articleHref, type ArticleTargetType } from './types';

/** "Related articles": knowledge-base articles linked to this asset, term or framework. */
export function RelatedArticles({ targetType, targetId }: { targetType: ArticleTargetType; targetId: string }) {
  const trpc = useTRPC();
  const related = useQuery(trpc.kb.forTarget.queryOptions({ targetType, targetId, limit: 10 }));
  return (
    <Card data-testid="related-articles">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <BookOpen className="size-4" />
          Related articles
        </CardTitle>
      </CardHeader>
      <CardContent>
        {related.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-4 w-48" />
            <Skeleton className="h-4 w-36" />
          </div>
        ) : related.isError ? (
          <ErrorState title="Could not load the articles" error={related.error} onRetry={() => void related.refetch()} />
        ) : related.data.items.length ? (
          <ul className="grid gap-2 text-sm">
            {related.data.items.map((a) => (
              <li key={a.id} className="grid gap-0.5">
                <span className="flex items-center gap-2">
                  <Link href={articleHref(a.id)} className="min-w-0 flex-1 truncate font-medium hover:underline" data-testid="related-article">
                    {a.title}
                  </Link>
                  {a.status !== 'published' ? <ArticleStatusBadge status={a.status} /> : null}
                </span>
                {a.excerpt ? <span className="line-clamp-2 text-xs text-muted-foreground">{a.excerpt}</span> : null}
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">
            None yet. <Link href="/collaboration/kb" className="text-primary hover:underline">Write one</Link> and link it here.
          </p>
        )}
      </CardContent>
    </Card>
  );
}
