'use client';
import Link from 'next/link';
import { Checkbox, cn, type DataTableColumn } from '@racine/ui';
import { EnvironmentBadge } from '~/components/environment-badge';
import { formatDate, formatDateTime, formatRelative } from '~/lib/format';
import { FindingStatusBadge, SeverityBadge } from './bits';
import type { Finding } from './types';

export const isOverdue = (f: Pick<Finding, 'dueAt' | 'status'>) =>
  !!f.dueAt &&
  (f.status === 'open' || f.status === 'acknowledged') &&
  new Date(f.dueAt).getTime() < Date.now();

/**
 * The end of a qualified name is what tells assets apart ("payments.card_number"):
 * a column keeps its table, a table or anything above keeps its own name.
 */
export function shortName(qualifiedName: string, type: string): string {
  const parts = qualifiedName.split('.');
  return parts.slice(type === 'column' ? -2 : -1).join('.');
}

export function findingColumns({
  rows,
  selected,
  setSelected,
}: {
  rows: readonly Finding[];
  selected: ReadonlySet<string>;
  setSelected: (next: ReadonlySet<string>) => void;
}): DataTableColumn<Finding>[] {
  // Only findings the caller may change can be picked for bulk changes.
  const selectable = rows.filter((r) => r.canManage);
  const all = selectable.length > 0 && selectable.every((r) => selected.has(r.id));
  const some = selectable.some((r) => selected.has(r.id));
  const toggle = (id: string) => {
    const next = new Set(selected);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setSelected(next);
  };
  return [
    {
      id: 'select',
      className: 'w-8',
      header: (
        <Checkbox
          aria-label="Select all shown"
          checked={all ? true : some ? 'indeterminate' : false}
          disabled={selectable.length === 0}
          onCheckedChange={(v) => setSelected(v ? new Set(selectable.map((r) => r.id)) : new Set())}
        />
      ),
      cell: (f) => (
        <span onClick={(e) => e.stopPropagation()} className="flex">
          <Checkbox
            aria-label={`Select ${f.rule.code} on ${f.asset.qualifiedName}`}
            checked={selected.has(f.id)}
            disabled={!f.canManage}
            onCheckedChange={() => toggle(f.id)}
          />
        </span>
      ),
    },
    {
      id: 'severity',
      header: 'Severity',
      cell: (f) => <SeverityBadge severity={f.severity} />,
      className: 'w-24',
    },
    {
      id: 'status',
      header: 'Status',
      cell: (f) => <FindingStatusBadge status={f.status} />,
      className: 'w-28',
    },
    {
      id: 'rule',
      header: 'Rule',
      cell: (f) => (
        <div className="min-w-48 max-w-80" data-testid="finding-rule">
          <div className="line-clamp-2 font-medium" title={f.rule.title}>
            <span className="font-mono text-xs text-muted-foreground">{f.rule.code}</span>{' '}
            {f.rule.title}
          </div>
          <div className="truncate text-xs text-muted-foreground">{f.framework.name}</div>
        </div>
      ),
    },
    {
      id: 'asset',
      header: 'Asset',
      cell: (f) => (
        <div className="min-w-0 max-w-64">
          <Link
            href={`/catalog/assets/${f.asset.id}`}
            className="block truncate font-mono text-xs hover:underline"
            title={f.asset.qualifiedName}
            onClick={(e) => e.stopPropagation()}
            data-testid="finding-asset-link"
          >
            {shortName(f.asset.qualifiedName, f.asset.type)}
          </Link>
          <div className="text-xs text-muted-foreground">{f.asset.type}</div>
        </div>
      ),
    },
    {
      id: 'source',
      header: 'Source',
      className: 'hidden lg:table-cell',
      cell: (f) => (
        <div className="flex items-center gap-2 whitespace-nowrap">
          <span className="max-w-36 truncate">{f.dataSource.name}</span>
          <EnvironmentBadge environment={f.dataSource.environment} />
        </div>
      ),
    },
    {
      id: 'assignee',
      header: 'Assignee',
      className: 'hidden md:table-cell',
      cell: (f) =>
        f.assignee ? (
          <span className="whitespace-nowrap">{f.assignee.name}</span>
        ) : (
          <span className="text-xs text-muted-foreground">Unassigned</span>
        ),
    },
    {
      id: 'due',
      header: 'Due',
      className: 'hidden md:table-cell',
      cell: (f) => (
        <span
          className={cn(
            'whitespace-nowrap text-xs',
            isOverdue(f) ? 'font-medium text-destructive' : 'text-muted-foreground',
          )}
          data-overdue={isOverdue(f) || undefined}
          title={isOverdue(f) ? 'Overdue' : undefined}
        >
          {f.dueAt ? formatDate(f.dueAt) : '—'}
        </span>
      ),
    },
    {
      id: 'firstSeen',
      header: 'First seen',
      className: 'hidden 2xl:table-cell',
      cell: (f) => (
        <span
          className="whitespace-nowrap text-xs text-muted-foreground"
          title={formatDateTime(f.firstSeenAt)}
        >
          {formatRelative(f.firstSeenAt)}
        </span>
      ),
    },
  ];
}
