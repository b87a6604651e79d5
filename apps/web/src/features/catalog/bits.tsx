'use client';
import Link from 'next/link';
import {
  BadgeCheck,
  BookOpen,
  Columns3,
  Database,
  Eye,
  FileEdit,
  FileText,
  FolderTree,
  type LucideIcon,
  Table2,
  TriangleAlert,
} from 'lucide-react';
import { Badge, cn } from '@racine/ui';

export { SensitivityBadge } from '~/features/classifications/bits';

/** Public < Internal < Confidential < Restricted: the order facets and legends follow. */
export const sensitivityLevels = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;

/** Node fills for the lineage graph, one per level (and none for "not classified"). */
export const sensitivityNodeClass: Record<string, string> = {
  Restricted: 'border-destructive/60 bg-destructive/10',
  Confidential: 'border-warning/70 bg-warning/15',
  Internal: 'border-info/50 bg-info/10',
  Public: 'border-border bg-secondary',
  none: 'border-dashed border-border bg-card',
};
export const sensitivitySwatchClass: Record<string, string> = {
  Restricted: 'bg-destructive',
  Confidential: 'bg-warning',
  Internal: 'bg-info',
  Public: 'bg-muted-foreground/40',
  none: 'border border-dashed border-muted-foreground bg-transparent',
};

const typeIcons: Record<string, LucideIcon> = {
  database: Database,
  schema: FolderTree,
  table: Table2,
  view: Eye,
  column: Columns3,
  term: BookOpen,
  article: FileText,
};

export function AssetTypeIcon({ type, className }: { type: string; className?: string }) {
  const Icon = typeIcons[type] ?? Table2;
  return (
    <Icon
      className={cn('size-4 shrink-0 text-muted-foreground', className)}
      aria-label={type}
      role="img"
    />
  );
}

export const certificationLabel = {
  draft: 'Draft',
  certified: 'Certified',
  deprecated: 'Deprecated',
} as const;

export function CertificationBadge({ certification }: { certification: string }) {
  if (certification === 'certified')
    return (
      <Badge variant="success" data-testid="certification" data-state={certification}>
        <BadgeCheck />
        Certified
      </Badge>
    );
  if (certification === 'deprecated')
    return (
      <Badge variant="warning" data-testid="certification" data-state={certification}>
        <TriangleAlert />
        Deprecated
      </Badge>
    );
  return (
    <Badge variant="outline" data-testid="certification" data-state="draft">
      <FileEdit />
      Draft
    </Badge>
  );
}

/** The search's highlighted snippet: matched segments in <mark>, everything as text. */
export function Highlight({
  segments,
  className,
}: {
  segments: readonly { text: string; match: boolean }[];
  className?: string;
}) {
  return (
    <span className={className}>
      {segments.map((s, i) =>
        s.match ? (
          <mark
            key={i}
            className="rounded-sm bg-warning/35 px-0.5 text-foreground dark:bg-warning/30"
          >
            {s.text}
          </mark>
        ) : (
          <span key={i}>{s.text}</span>
        ),
      )}
    </span>
  );
}

export const assetHref = (id: string) => `/catalog/assets/${id}`;
export const termHref = (id: string) => `/glossary/${id}`;

export function TagList({ tags, max = 6 }: { tags: readonly string[]; max?: number }) {
  if (!tags.length) return null;
  const shown = tags.slice(0, max);
  return (
    <span className="inline-flex flex-wrap gap-1">
      {shown.map((t) => (
        <Badge key={t} variant="secondary" className="font-mono">
          #{t}
        </Badge>
      ))}
      {tags.length > max ? (
        <span className="text-xs text-muted-foreground">+{tags.length - max}</span>
      ) : null}
    </span>
  );
}

export function TermLink({ id, name }: { id: string; name: string }) {
  return (
    <Link href={termHref(id)} className="inline-flex items-center gap-1 text-primary hover:underline">
      <BookOpen className="size-3.5" />
      {name}
    </Link>
  );
}
