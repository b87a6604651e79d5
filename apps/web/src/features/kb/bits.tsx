'use client';
import { Badge, type BadgeProps } from '@racine/ui';
import type { ArticleStatus } from './types';

const statusVariant: Record<ArticleStatus, NonNullable<BadgeProps['variant']>> = {
  draft: 'warning',
  published: 'success',
  archived: 'secondary',
};

export function ArticleStatusBadge({ status }: { status: ArticleStatus }) {
  return (
    <Badge variant={statusVariant[status]} data-testid="article-status">
      {status}
    </Badge>
  );
}

export function ArticleTags({ tags }: { tags: readonly string[] }) {
  if (!tags.length) return null;
  return (
    <span className="inline-flex flex-wrap gap-1">
      {tags.map((t) => (
        <Badge key={t} variant="outline" className="font-normal">
          #{t}
        </Badge>
      ))}
    </span>
  );
}
