import Link from 'next/link';
import { Badge, cn } from '@racine/ui';
import { formatRelative } from '~/lib/format';
import { SeverityBadge } from '~/features/compliance/bits';
import type { MetricResult, MetricRow } from '../types';
import { tableRows } from './table-widget';

type Severity = 'low' | 'medium' | 'high' | 'critical';
const severities: readonly string[] = ['low', 'medium', 'high', 'critical'];

function dueText(due: unknown, now = Date.now()) {
  if (typeof due !== 'string' && !(due instanceof Date)) return null;
  const d = new Date(due);
  if (Number.isNaN(d.getTime())) return null;
  return { overdue: d.getTime() < now, text: d.getTime() < now ? `overdue ${formatRelative(d).replace(/ ago$/, '')}` : `due ${formatRelative(d)}` };
}

/**
 * Findings that need someone: severity, what and where, how old, when due
 * (overdue in red), and who has it. Each row opens the finding.
 */
export function FindingsWidget({ result, limit }: { result: MetricResult; limit: number }) {
  const rows = tableRows(result).slice(0, limit);
  return (
    <ul className="divide-y" data-testid="findings-list">
      {rows.map((r) => (
        <FindingRow key={r.key} row={r} />
      ))}
    </ul>
  );
}

function FindingRow({ row }: { row: MetricRow }) {
  const meta = row.meta ?? {};
  const severity = typeof meta.severity === 'string' && severities.includes(meta.severity) ? (meta.severity as Severity) : null;
  const due = dueText(meta.due ?? meta.dueAt);
  const days = typeof meta.age === 'number' ? meta.age : typeof meta.ageDays === 'number' ? meta.ageDays : null;
  const age = days === null ? null : days < 1 ? 'new today' : `${days} d old`;
  const assignee = typeof meta.assignee === 'string' ? meta.assignee : null;
  const title = (
    <span className="truncate text-sm font-medium" title={row.label}>
      {row.label}
    </span>
  );
  return (
    <li className="flex items-center gap-2 py-2" data-testid="widget-row">
      {severity ? <SeverityBadge severity={severity} /> : null}
      <div className="grid min-w-0 flex-1">
        {row.link ? (
          <Link href={row.link} className="min-w-0 truncate hover:underline">
            {title}
          </Link>
        ) : (
          title
        )}
        <span className="truncate text-xs text-muted-foreground">
          {[age, assignee ? `assigned to ${assignee}` : meta.assignee === null ? 'unassigned' : null].filter(Boolean).join(' · ')}
        </span>
      </div>
      {due ? (
        <Badge variant={due.overdue ? 'destructive' : 'outline'} className={cn('shrink-0', !due.overdue && 'text-muted-foreground')}>
          {due.text}
        </Badge>
      ) : null}
    </li>
  );
}
