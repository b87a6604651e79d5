import { DonutChart } from '@racine/ui';
import { formatMetric } from '../format';
import type { MetricResult } from '../types';

/** Parts of the whole from the metric's breakdown (by label category, severity…). Small tails fold into "Other". */
export function DonutWidget({ result, height }: { result: MetricResult; height: number }) {
  const rows = result.breakdown.filter((b) => (b.value ?? 0) > 0);
  const head = rows.slice(0, 7);
  const rest = rows.slice(7).reduce((s, b) => s + (b.value ?? 0), 0);
  const slices = [...head.map((b) => ({ key: b.key, label: b.label, value: b.value ?? 0 })), ...(rest > 0 ? [{ key: '__other', label: 'Other', value: rest }] : [])];
  return <DonutChart slices={slices} height={Math.min(height, 220)} formatValue={(v) => formatMetric(v, result.unit)} />;
}

export const donutIsEmpty = (r: MetricResult) => !r.breakdown.some((b) => (b.value ?? 0) > 0);
