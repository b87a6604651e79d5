/**
 * Series read back from SystemMetric snapshots (metrics/snapshot.ts). The
 * job writes one row per bucket for the whole estate ("*") and one per data
 * source ("datasource:<id>"), so a caller who sees every source reads "*",
 * and anyone else reads the sum of the sources they may see: counts add up,
 * and ratios are rebuilt from the summed numerators and denominators (an
 * average of per-source percentages would weigh a 3-column source like a
 * 3,000-column one).
 */
import type { IdSet } from './scope';
import type { Grain, MetricContext, MetricPoint } from './types';
import { round1 } from './time';

export interface SnapshotSeriesInput {
  metric: string;
  grain: Grain;
  since: Date;
  sources: IdSet;
  /** Dimension prefix inside the metric, e.g. "framework:<id>" (rows "framework:<id>" and "framework:<id>/datasource:<sid>"). */
  within?: string;
  ratio: boolean;
  /** A ratio's value when its denominator is 0: posture says 100 (nothing failing), coverage says nothing (null, no point). */
  emptyRatio?: number | null;
}

export function dimensionsFor(sources: IdSet, within?: string): string[] {
  if (sources === null) return [within ?? '*'];
  return sources.map((id) => (within ? `${within}/datasource:${id}` : `datasource:${id}`));
}

export async function snapshotSeries(ctx: MetricContext, p: SnapshotSeriesInput): Promise<MetricPoint[]> {
  const dims = dimensionsFor(p.sources, p.within);
  if (!dims.length) return [];
  const rows = await ctx.deps.db.$queryRawUnsafe<{ bucket: Date; v: number; n: number | null; d: number | null }[]>(
    `SELECT bucket, sum(value)::float8 AS v, sum(numerator)::float8 AS n, sum(denominator)::float8 AS d
       FROM "SystemMetric"
      WHERE metric = $1 AND grain = $2 AND bucket >= $3::timestamp(3) AND dimension = ANY($4::text[])
      GROUP BY bucket ORDER BY bucket`,
    p.metric,
    p.grain,
    p.since.toISOString(),
    dims,
  );
  const points: MetricPoint[] = [];
  for (const r of rows) {
    const value = !p.ratio ? Number(r.v) : r.d && r.d > 0 ? round1(((r.n ?? 0) / r.d) * 100) : (p.emptyRatio ?? null);
    if (value !== null) points.push({ t: new Date(r.bucket), value });
  }
  return points;
}

/** The series with the live value as its last point (replacing the current bucket's snapshot). */
export function withLive(series: MetricPoint[], bucket: Date, value: number | null): MetricPoint[] {
  const rest = series.filter((p) => p.t.getTime() < bucket.getTime());
  return value === null ? rest : [...rest, { t: bucket, value }];
}
