import { ArrowDownRight, ArrowRight, ArrowUpRight } from 'lucide-react';
import { cn, Sparkline } from '@racine/ui';
import { formatMetric, isImprovement } from '../format';
import type { MetricResult, Widget } from '../types';

const rangeLabel: Record<Widget['range'], string> = { '24h': '24 h', '7d': '7 days', '30d': '30 days', '90d': '90 days' };

/**
 * One number, its unit, and how it moved since the start of the range. The
 * arrow shows the direction; the colour says whether that is good news for
 * this metric, as its catalogue entry declares (green when posture rises or
 * findings fall, red the other way, grey for counts that are neither).
 */
export function KpiWidget({ widget, result }: { widget: Widget; result: MetricResult }) {
  const { value, previous, unit } = result;
  const delta = value !== null && previous !== null ? value - previous : null;
  const good = isImprovement(delta, result.better);
  const Arrow = delta === null || delta === 0 ? ArrowRight : delta > 0 ? ArrowUpRight : ArrowDownRight;
  const deltaText =
    delta === null
      ? null
      : unit === 'percent'
        ? `${delta > 0 ? '+' : ''}${delta.toFixed(1)} pts`
        : `${delta > 0 ? '+' : delta < 0 ? '−' : ''}${formatMetric(Math.abs(delta), unit)}`;
  return (
    <div className="flex h-full flex-col justify-between gap-1">
      <div className="flex items-baseline gap-2">
        <span className="text-3xl font-semibold tabular-nums tracking-tight" data-testid="kpi-value" data-value={value ?? ''}>
          {formatMetric(value, unit)}
        </span>
      </div>
      <div className="flex items-center gap-2 text-xs">
        {deltaText !== null ? (
          <span
            data-testid="kpi-delta"
            className={cn(
              'inline-flex items-center gap-0.5 rounded px-1 py-0.5 font-medium tabular-nums',
              good === true && 'bg-success/15 text-success',
              good === false && 'bg-destructive/12 text-destructive',
              good === null && 'bg-muted text-muted-foreground',
            )}
          >
            <Arrow className="size-3.5" aria-hidden />
            {deltaText}
          </span>
        ) : (
          <span className="text-muted-foreground">No earlier value</span>
        )}
        <span className="text-muted-foreground">vs {rangeLabel[widget.range]} ago</span>
      </div>
      {result.series.length >= 2 ? (
        <Sparkline values={result.series.map((p) => p.value)} height={28} label={`${result.title} over ${rangeLabel[widget.range]}`} />
      ) : null}
    </div>
  );
}

export const kpiIsEmpty = (r: MetricResult) => r.value === null && r.series.length === 0;
