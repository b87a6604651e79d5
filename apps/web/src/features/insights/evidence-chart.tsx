'use client';
import { BandChartView, type BandPoint } from '@racine/ui';
import { formatDate } from '~/lib/format';
import type { InsightEvidence } from './types';

const shortDate = (v: unknown) => new Date(String(v)).toLocaleDateString(undefined, { month: 'short', day: 'numeric' });

export const formatValue = (e: Pick<InsightEvidence, 'unit'>, v: number) => (e.unit === 'percent' ? `${Math.round(v * 10) / 10}%` : String(Math.round(v * 10) / 10));

/**
 * The evidence as a chart: anomalies show the series with the band their baseline allows
 * (median ± threshold·σ) and the median; forecasts show the history, the dashed forecast with
 * its widening band, and the threshold it crosses.
 */
export function EvidenceChart({ evidence, height = 150 }: { evidence: InsightEvidence; height?: number }) {
  const fmt = (v: number) => formatValue(evidence, v);
  let data: BandPoint[];
  const references: { y: number; label: string; tone?: 'threshold' | 'baseline' }[] = [];
  if (evidence.forecast) {
    const last = evidence.series.at(-1);
    data = [
      ...evidence.series.map((p) => ({ t: p.t, value: p.value })),
      // The forecast starts at the last observation, so the two lines join.
      ...(last ? [{ t: last.t, forecast: last.value, lower: last.value, upper: last.value }] : []),
      ...evidence.forecast.points.map((p) => ({ t: p.t, forecast: p.value, lower: p.lower, upper: p.upper })),
    ];
    // Two points at the last observation's time: keep the observed one and fold the forecast into it.
    data = data.reduce<BandPoint[]>((acc, p) => {
      const prev = acc.at(-1);
      if (prev && prev.t === p.t) acc[acc.length - 1] = { ...prev, ...p, value: prev.value ?? p.value };
      else acc.push(p);
      return acc;
    }, []);
    references.push({ y: evidence.forecast.threshold, label: `Threshold ${fmt(evidence.forecast.threshold)}`, tone: 'threshold' });
  } else {
    const b = evidence.baseline;
    const k = Math.abs(evidence.score?.threshold ?? 3);
    const band = b?.median != null && b.scale != null ? { lower: Math.max(0, b.median - k * b.scale), upper: b.median + k * b.scale } : b?.lower != null && b.upper != null ? { lower: b.lower, upper: b.upper } : null;
    data = evidence.series.map((p) => ({ t: p.t, value: p.value, ...(band ?? {}) }));
    if (b?.median != null) references.push({ y: b.median, label: `Usual ${fmt(b.median)}`, tone: 'baseline' });
  }
  return (
    <BandChartView
      data={data}
      height={height}
      formatX={shortDate}
      formatLabel={(v) => formatDate(String(v))}
      formatY={fmt}
      references={references}
      valueLabel={evidence.seriesLabel}
      domain={evidence.unit === 'percent' ? [0, 100] : [0, 'auto']}
    />
  );
}

/** The numbers beside the chart: current, usual, score vs threshold, ratio, or the crossing. */
export function EvidenceNumbers({ evidence }: { evidence: InsightEvidence }) {
  const fmt = (v: number) => formatValue(evidence, v);
  const items: [string, string][] = [];
  items.push([evidence.forecast ? 'Now' : 'Observed', fmt(evidence.current)]);
  if (evidence.baseline?.median != null) items.push([`Usual (median of ${evidence.baseline.points} days)`, fmt(evidence.baseline.median)]);
  if (evidence.ratio != null) items.push(['Ratio', `${evidence.ratio}×`]);
  if (evidence.score) items.push([evidence.score.name, `${evidence.score.value} (threshold ${evidence.score.threshold})`]);
  if (evidence.forecast) {
    items.push(['Crosses threshold in', `${evidence.forecast.crossesInDays} days`]);
    items.push(['Model', `Holt α ${evidence.forecast.alpha}, β ${evidence.forecast.beta}, σ ${evidence.forecast.sigma}`]);
  }
  return (
    <dl className="grid grid-cols-2 gap-x-4 gap-y-1 text-xs sm:grid-cols-4" data-testid="insight-numbers">
      {items.map(([k, v]) => (
        <div key={k} className="min-w-0">
          <dt className="truncate text-muted-foreground">{k}</dt>
          <dd className="font-medium tabular-nums">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
