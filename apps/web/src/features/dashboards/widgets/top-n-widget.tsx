import Link from 'next/link';
import { formatMetric } from '../format';
import type { MetricResult } from '../types';
import { tableRows } from './table-widget';

/** The largest rows as labelled bars, each as long as its share of the largest; a row with a link opens it. */
export function TopNWidget({ result, limit }: { result: MetricResult; limit: number }) {
  const rows = tableRows(result).slice(0, limit);
  const max = Math.max(1, ...rows.map((r) => r.value ?? 0));
  return (
    <ol className="grid gap-2" data-testid="top-n">
      {rows.map((r, i) => {
        const label = (
          <span className="min-w-0 flex-1 truncate" title={r.label}>
            {r.label}
          </span>
        );
        const reason = r.meta ? Object.entries(r.meta).filter(([, v]) => v !== null && v !== '').slice(0, 2).map(([k, v]) => `${k}: ${v}`).join(' · ') : '';
        return (
          <li key={r.key} className="grid gap-1" data-testid="widget-row">
            <div className="flex items-center gap-2 text-sm">
              <span className="w-4 shrink-0 text-right text-xs tabular-nums text-muted-foreground">{i + 1}</span>
              {r.link ? (
                <Link href={r.link} className="flex min-w-0 flex-1 hover:underline">
                  {label}
                </Link>
              ) : (
                label
              )}
              <span className="shrink-0 tabular-nums text-muted-foreground">{formatMetric(r.value, result.unit)}</span>
            </div>
            <div className="ml-6 h-1.5 rounded-full bg-muted" title={reason || undefined}>
              <div className="h-full rounded-full bg-[var(--chart-1)]" style={{ width: `${Math.max(2, (100 * (r.value ?? 0)) / max)}%` }} />
            </div>
          </li>
        );
      })}
    </ol>
  );
}
