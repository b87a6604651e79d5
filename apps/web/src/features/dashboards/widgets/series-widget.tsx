'use client';
import { AreaChartView, BarChartView, LineChartView } from '@racine/ui';
import { axisDate, formatMetric, tooltipDate } from '../format';
import type { MetricResult, Widget } from '../types';

type Grouped = { key: string; label: string; points: { t: Date | string; value: number }[] };
const groupsOf = (r: MetricResult): Grouped[] => (r as MetricResult & { seriesByGroup?: Grouped[] }).seriesByGroup ?? [];

/**
 * Rows for a time chart: one per bucket, one column per group (seriesByGroup)
 * or a single "value" column. Buckets are keyed by their time so groups that
 * miss a bucket leave a gap rather than shifting.
 */
export function timeRows(r: MetricResult) {
  const groups = groupsOf(r);
  if (groups.length) {
    const rows = new Map<number, Record<string, unknown>>();
    groups.forEach((g, i) => {
      for (const p of g.points) {
        const t = new Date(p.t).getTime();
        const row = rows.get(t) ?? { t };
        row[`g${i}`] = p.value;
        rows.set(t, row);
      }
    });
    return {
      data: [...rows.values()].sort((a, b) => (a.t as number) - (b.t as number)),
      series: groups.map((g, i) => ({ key: `g${i}`, label: g.label })),
    };
  }
  return {
    data: r.series.map((p) => ({ t: new Date(p.t).getTime(), value: p.value })),
    series: [{ key: 'value', label: r.title }],
  };
}

/** Line, area or bar chart over time; a bar chart of a grouped metric shows its breakdown instead. */
export function SeriesWidget({ widget, result, height }: { widget: Widget; result: MetricResult; height: number }) {
  const formatY = (v: number) => formatMetric(v, result.unit, { short: true });
  const formatX = (v: unknown) => axisDate(v, widget.grain);
  const formatLabel = (v: unknown) => tooltipDate(v, widget.grain);
  const decimals = result.unit !== 'count';
  if (widget.type === 'bar' && showsBreakdown(widget, result)) {
    const data = result.breakdown.map((b) => ({ label: b.label, value: b.value ?? 0 }));
    return <BarChartView data={data} x="label" series={[{ key: 'value', label: result.title }]} height={height} formatY={formatY} decimals={decimals} legend={false} />;
  }
  const { data, series } = timeRows(result);
  if (widget.type === 'line') {
    return (
      <LineChartView
        data={data}
        x="t"
        series={series}
        height={height}
        formatX={formatX}
        formatLabel={formatLabel}
        formatY={formatY}
        domain={result.unit === 'percent' ? [0, 100] : undefined}
      />
    );
  }
  const Chart = widget.type === 'area' ? AreaChartView : BarChartView;
  return <Chart data={data} x="t" series={series} height={height} formatX={formatX} formatLabel={formatLabel} formatY={formatY} decimals={decimals} stacked={series.length > 1 && result.unit === 'count'} />;
}

/** A bar chart shows categories when the widget groups and the metric has no grouped series over time. */
const showsBreakdown = (w: Widget, r: MetricResult) => (Boolean(w.groupBy) && groupsOf(r).length === 0) || (r.series.length === 0 && r.breakdown.length > 0);

export const seriesIsEmpty = (w: Widget, r: MetricResult) =>
  w.type === 'bar' && showsBreakdown(w, r) ? r.breakdown.length === 0 : r.series.length === 0 && groupsOf(r).every((g) => g.points.length === 0);
