import { DonutChart } from '@racine/ui';
import { formatMetric } from '../format';
import type { MetricResult } from '../types';

/** Parts of the whole from the metric's breakdown (by label category, severity…). Small tails fold into "Other". */
export function DonutWidget({ result, height }: { result: MetricResult; height: number }) {
  const rows = result.breakdown.filter((b) => (b.value ?? 0) > 0);
  const head = rows.slice(0, 7);
  const rest = rows.slice(7).reduce((s, b) => s + (b.value ?? 0), 0);
  const slices = [...head.map((b) => ({ key: b.key, label: b.label, value: b.value ?? 0 })), ...(rest > 0 ? [{ key: '__other', label: 'Other', value: rest }] : [])];
  // On a wide widget the legend sits beside the ring (the chart's container query); on a narrow one
  // it sits below, so the ring gives up the height the legend's rows need.
  const ring = Math.max(96, Math.min(220, height - slices.length * 24 - 12));
  return (
    <div className="@container w-full">
      <DonutChart slices={slices} height={ring} formatValue={(v) => formatMetric(v, result.unit)} />
    </div>
  );
}

export const donutIsEmpty = (r: MetricResult) => !r.breakdown.some((b) => (b.value ?? 0) > 0);
