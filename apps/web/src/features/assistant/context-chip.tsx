'use client';
import { Boxes, Database, FileSearch, ShieldCheck } from 'lucide-react';
import { cn } from '@racine/ui';
import type { PageSubject } from './page-context';

const icons = {
  asset: FileSearch,
  workspace: Boxes,
  'data source': Database,
  framework: ShieldCheck,
};

/** "About: customers.email (asset)": what "this" means in a question asked here. */
export function ContextChip({ subject, className }: { subject: PageSubject; className?: string }) {
  if (!subject.kind) return null;
  const Icon = icons[subject.kind];
  return (
    <div
      className={cn('flex min-w-0 items-center gap-1.5 text-xs text-muted-foreground', className)}
      data-testid="assistant-context"
      data-kind={subject.kind}
      title={`Questions about "this" mean this ${subject.kind}`}
    >
      <Icon className="size-3.5 shrink-0" />
      <span className="shrink-0">This page:</span>
      <span className="truncate font-medium text-foreground">{subject.name ?? '…'}</span>
      <span className="shrink-0">({subject.kind})</span>
    </div>
  );
}
