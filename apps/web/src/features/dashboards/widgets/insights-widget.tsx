import Link from 'next/link';
import { Lightbulb } from 'lucide-react';
import { Badge } from '@racine/ui';
import { formatRelative } from '~/lib/format';
import type { MetricResult } from '../types';
import { tableRows } from './table-widget';

const severityVariant = { info: 'info', low: 'secondary', medium: 'warning', high: 'destructive', critical: 'destructive' } as const;

/** Open insights (anomalies, forecasts): their title, severity and when they were raised; each opens the insight. */
export function InsightsWidget({ result, limit }: { result: MetricResult; limit: number }) {
  const rows = tableRows(result).slice(0, limit);
  return (
    <ul className="divide-y" data-testid="insights-list">
      {rows.map((r) => {
        const severity = String(r.meta?.severity ?? 'info') as keyof typeof severityVariant;
        const at = r.meta?.createdAt ?? r.meta?.at;
        return (
          <li key={r.key} className="flex items-center gap-2 py-2" data-testid="widget-row">
            <Lightbulb className="size-4 shrink-0 text-muted-foreground" aria-hidden />
            <Link href={r.link ?? `/insights?insight=${r.key}`} className="min-w-0 flex-1 truncate text-sm hover:underline" title={r.label}>
              {r.label}
            </Link>
            {typeof at === 'string' ? <span className="hidden shrink-0 text-xs text-muted-foreground @sm:inline">{formatRelative(at)}</span> : null}
            <Badge variant={severityVariant[severity] ?? 'secondary'} className="shrink-0 capitalize">
              {severity}
            </Badge>
          </li>
        );
      })}
    </ul>
  );
}
