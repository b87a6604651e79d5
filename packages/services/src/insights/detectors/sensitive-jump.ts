/**
 * A sudden jump in sensitive columns on one source: the latest day-over-day increase of the
 * `sensitive.columns` snapshot (per data source, daily grain) against the increases of the days
 * before, by robust z. A source that grows steadily by 50 a day is not a jump; 0, 0, 1, 0, 400 is.
 */
import type { ServiceDeps } from '../../deps';
import { robustZ } from '../stats';
import { dayKey, magnitude, type InsightCandidate } from '../types';
import { roundTo } from './format';
import { dailyMetric } from './metric-series';

export const sensitiveJumpRule = { baselineDays: 28, minPoints: 8, zMin: 5, minIncrease: 10 } as const;

export async function detectSensitiveJump(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const r = sensitiveJumpRule;
  const series = await dailyMetric(deps, 'sensitive.columns', new Date(now.getTime() - (r.baselineDays + 2) * 86_400_000), { like: 'datasource:%' });
  const hits: { id: string; points: { t: Date; value: number }[]; increase: number; z: ReturnType<typeof robustZ>; diffs: number[] }[] = [];
  for (const [dimension, points] of series) {
    if (dimension.includes('/') || points.length < r.minPoints) continue;
    const diffs = points.slice(1).map((p, i) => p.value - points[i]!.value);
    const increase = diffs.at(-1)!;
    if (increase < r.minIncrease) continue;
    const z = robustZ(increase, diffs.slice(0, -1));
    if (z.z >= r.zMin) hits.push({ id: dimension.slice('datasource:'.length), points, increase, z, diffs });
  }
  if (!hits.length) return [];
  const sources = await deps.db.dataSource.findMany({ where: { id: { in: hits.map((h) => h.id) } }, select: { id: true, name: true, workspaceId: true } });
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  return hits.flatMap((h): InsightCandidate[] => {
    const source = sourceOf.get(h.id);
    if (!source) return [];
    const last = h.points.at(-1)!;
    return [
      {
        kind: 'anomaly',
        type: 'metric.sensitive_columns_jump',
        severity: h.increase >= 100 || h.z.z >= 20 ? 'high' : 'medium',
        confidence: Math.min(0.95, (1 - 1 / h.z.z) * Math.min(1, h.diffs.length / 14 + 0.3)),
        title: `${h.increase} new sensitive columns on ${source.name} in a day`,
        summary: `Sensitive columns on ${source.name} went from ${h.points.at(-2)!.value} to ${last.value} on ${dayKey(last.t)}; day-over-day changes before were ${roundTo(h.z.median, 1)} at the median (robust z ${roundTo(h.z.z, 1)}, threshold ${r.zMin}).`,
        evidence: {
          method: 'robust-z',
          unit: 'count',
          seriesLabel: 'Sensitive columns',
          series: h.points.map((p) => ({ t: p.t.toISOString(), value: p.value })),
          current: last.value,
          baseline: { from: h.points[0]!.t.toISOString(), to: h.points.at(-2)!.t.toISOString(), points: h.diffs.length - 1, median: h.z.median, mad: h.z.mad, scale: h.z.scale, floored: h.z.floored },
          score: { name: 'robust z of the daily increase', value: roundTo(h.z.z, 2), threshold: r.zMin },
          notes: { increase: h.increase },
        },
        suggestedAction: `Review the new labels on ${source.name}: accept or reject them, and find out where the data came from`,
        actionLink: `/classifications?dataSource=${source.id}`,
        subjectType: 'datasource',
        subjectId: source.id,
        workspaceId: source.workspaceId,
        dataSourceId: source.id,
        material: { day: dayKey(last.t), increase: magnitude(h.increase) },
      },
    ];
  });
}
