/**
 * A data source whose scans start failing: the success rate of its runs that finished in the last
 * 24 hours against its daily success rates over the 28 days before (days with finished runs only),
 * by robust z, confirmed by an EWMA band over those daily rates (the rate must also fall below
 * EWMA − max(3σ, 10 points)): the median says what is usual, the EWMA what is usual lately, and
 * both must agree. A source that always fails is not a collapse; one that went from 100% to 0% is.
 */
import type { ServiceDeps } from '../../deps';
import { ewmaBand, robustZ } from '../stats';
import { type InsightCandidate } from '../types';
import { roundTo } from './format';

export const scanSuccessRule = { baselineDays: 28, minRecentRuns: 3, minBaselineDays: 5, zMax: -3 } as const;

export async function detectScanCollapse(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const r = scanSuccessRule;
  const rows = await deps.db.$queryRawUnsafe<{ id: string; d: number; ok: number; n: number }[]>(
    `SELECT "dataSourceId" AS id, floor(extract(epoch FROM ($1::timestamp(3) - "finishedAt")) / 86400)::int AS d,
            count(*) FILTER (WHERE status = 'succeeded')::int AS ok, count(*)::int AS n
       FROM "ScanRun"
      WHERE status IN ('succeeded', 'failed') AND "finishedAt" > $2::timestamp(3) AND "finishedAt" <= $1::timestamp(3)
        AND "dataSourceId" IN (SELECT "dataSourceId" FROM "ScanRun" WHERE status = 'failed' AND "finishedAt" > $3::timestamp(3) AND "finishedAt" <= $1::timestamp(3))
      GROUP BY 1, 2`,
    now.toISOString(),
    new Date(now.getTime() - (r.baselineDays + 1) * 86_400_000).toISOString(),
    new Date(now.getTime() - 86_400_000).toISOString(),
  );
  const bySource = new Map<string, { d: number; ok: number; n: number }[]>();
  for (const row of rows) bySource.set(row.id, [...(bySource.get(row.id) ?? []), row]);
  const candidates: { id: string; recent: { ok: number; n: number }; days: { d: number; rate: number; n: number }[] }[] = [];
  for (const [id, days] of bySource) {
    const recent = days.find((x) => x.d === 0);
    if (!recent || recent.n < r.minRecentRuns) continue;
    const baseline = days.filter((x) => x.d > 0).map((x) => ({ d: x.d, n: x.n, rate: (100 * x.ok) / x.n }));
    if (baseline.length < r.minBaselineDays) continue;
    candidates.push({ id, recent, days: baseline });
  }
  if (!candidates.length) return [];
  const sources = await deps.db.dataSource.findMany({ where: { id: { in: candidates.map((c) => c.id) } }, select: { id: true, name: true, workspaceId: true } });
  const sourceOf = new Map(sources.map((s) => [s.id, s]));
  const out: InsightCandidate[] = [];
  for (const c of candidates) {
    const source = sourceOf.get(c.id);
    if (!source) continue;
    const rate = (100 * c.recent.ok) / c.recent.n;
    const rates = c.days.map((x) => x.rate);
    const z = robustZ(rate, rates);
    // Oldest first for the EWMA (days are counted back from now).
    const band = ewmaBand([...c.days].sort((a, b) => b.d - a.d).map((x) => x.rate), 0.3, 3);
    const lower = band.center - Math.max(3 * band.sigma, 10);
    if (z.z > r.zMax || rate >= lower) continue;
    const series = [...c.days.map((x) => ({ t: new Date(now.getTime() - x.d * 86_400_000).toISOString(), value: roundTo(x.rate, 1) })).reverse(), { t: now.toISOString(), value: roundTo(rate, 1) }];
    out.push({
      kind: 'anomaly',
      type: 'scan.success_collapse',
      severity: rate === 0 ? 'high' : 'medium',
      confidence: Math.min(0.95, (1 - 1 / Math.abs(z.z)) * Math.min(1, c.recent.n / 5 + 0.4)),
      title: `Scans of ${source.name} are failing: ${roundTo(rate, 0)}% succeeded in 24 hours, usually ${roundTo(z.median, 0)}%`,
      summary: `${c.recent.ok} of ${c.recent.n} scans that finished in the last 24 hours succeeded; over the ${c.days.length} days with scans before, the median daily success rate was ${roundTo(z.median, 1)}% (robust z ${roundTo(z.z, 1)}, threshold ${r.zMax}).`,
      evidence: {
        method: 'robust-z',
        unit: 'percent',
        seriesLabel: 'Scan success rate per day',
        series,
        current: roundTo(rate, 1),
        baseline: { from: series[0]!.t, to: new Date(now.getTime() - 86_400_000).toISOString(), points: c.days.length, median: z.median, mad: z.mad, scale: z.scale, floored: z.floored, ewma: roundTo(band.center, 2), sigma: roundTo(band.sigma, 2), lower: roundTo(lower, 2), upper: 100 },
        score: { name: 'robust z', value: roundTo(z.z, 2), threshold: r.zMax },
        notes: { recentRuns: c.recent.n, recentSucceeded: c.recent.ok },
      },
      suggestedAction: `Open ${source.name}'s scans and read the failures: credentials, network, or a changed schema`,
      actionLink: `/datasources/${source.id}`,
      subjectType: 'datasource',
      subjectId: source.id,
      workspaceId: source.workspaceId,
      dataSourceId: source.id,
      material: { rate: Math.round(rate / 10) * 10 },
    });
  }
  return out;
}
