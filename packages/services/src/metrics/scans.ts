/**
 * Scan metrics, over the data sources where the caller holds scan.read. A
 * run counts in the range by when it finished (success rate) or was queued
 * (runs per grain). Cancelled runs are neither successes nor failures.
 */
import { none, visibleSources } from './scope';
import { inSet, num } from './sql';
import { days, fillCounts, percent, rangeMs, rangeStart } from './time';
import type { MetricComputation, MetricContext, MetricPoint, MetricQuery, MetricRow } from './types';

type Computed = MetricComputation;

/** Days since each visible source's last successful scan; the worst scanned one is the value, never-scanned sources list first. */
export async function scanFreshness(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters, 'scan.read');
  if (none(sources)) return { value: null, previous: null, series: [], breakdown: [] };
  const now = ctx.deps.clock();
  const rows = await ctx.deps.db.$queryRawUnsafe<{ id: string; name: string; last: Date | null; runs: bigint }[]>(
    `SELECT d.id, d.name, max(r."finishedAt") FILTER (WHERE r.status = 'succeeded') AS last, count(r.id) AS runs
       FROM "DataSource" d LEFT JOIN "ScanRun" r ON r."dataSourceId" = d.id
      WHERE ${inSet('d.id', 1)} GROUP BY d.id, d.name`,
    sources,
  );
  const breakdown: MetricRow[] = rows
    .map((r) => ({
      key: r.id,
      label: r.name,
      value: r.last ? days(now.getTime() - new Date(r.last).getTime()) : null,
      link: `/datasources/${r.id}`,
      meta: { lastSuccess: r.last ? new Date(r.last).toISOString() : null, state: r.last ? 'scanned' : num(r.runs) ? 'no successful scan' : 'never scanned' },
    }))
    .sort((a, b) => (a.value === null ? -1 : b.value === null ? 1 : b.value - a.value) || a.label.localeCompare(b.label));
  const scanned = breakdown.filter((b) => b.value !== null).map((b) => b.value!);
  return { value: scanned.length ? Math.max(...scanned) : null, previous: null, series: [], breakdown };
}

interface RateRow {
  bucket: Date;
  ok: bigint;
  bad: bigint;
}

export async function scanSuccessRate(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters, 'scan.read');
  if (none(sources)) return { value: null, previous: null, series: [], breakdown: [] };
  const now = ctx.deps.clock();
  const since = rangeStart(now, q.range);
  const before = new Date(since.getTime() - rangeMs[q.range]);
  const [rows, prev, bySource] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<RateRow[]>(
      `SELECT date_trunc($3, r."finishedAt") AS bucket, count(*) FILTER (WHERE r.status = 'succeeded') AS ok, count(*) FILTER (WHERE r.status = 'failed') AS bad
         FROM "ScanRun" r WHERE r.status IN ('succeeded', 'failed') AND r."finishedAt" >= $2::timestamp(3) AND ${inSet('r."dataSourceId"', 1)} GROUP BY 1 ORDER BY 1`,
      sources,
      since.toISOString(),
      q.grain,
    ),
    ctx.deps.db.$queryRawUnsafe<{ ok: bigint; bad: bigint }[]>(
      `SELECT count(*) FILTER (WHERE r.status = 'succeeded') AS ok, count(*) FILTER (WHERE r.status = 'failed') AS bad
         FROM "ScanRun" r WHERE r.status IN ('succeeded', 'failed') AND r."finishedAt" >= $2::timestamp(3) AND r."finishedAt" < $3::timestamp(3) AND ${inSet('r."dataSourceId"', 1)}`,
      sources,
      before.toISOString(),
      since.toISOString(),
    ),
    ctx.deps.db.$queryRawUnsafe<{ id: string; name: string; ok: bigint; bad: bigint }[]>(
      `SELECT d.id, d.name, count(*) FILTER (WHERE r.status = 'succeeded') AS ok, count(*) FILTER (WHERE r.status = 'failed') AS bad
         FROM "ScanRun" r JOIN "DataSource" d ON d.id = r."dataSourceId"
        WHERE r.status IN ('succeeded', 'failed') AND r."finishedAt" >= $2::timestamp(3) AND ${inSet('r."dataSourceId"', 1)} GROUP BY d.id, d.name`,
      sources,
      since.toISOString(),
    ),
  ]);
  return rateResult(rows, prev[0], bySource.map((s) => ({ key: s.id, label: s.name, ok: num(s.ok), bad: num(s.bad), link: `/datasources/${s.id}` })));
}

/** A success rate over the range, its series (buckets without finished runs have no point), and the previous period's rate. */
export function rateResult(rows: RateRow[], prev: { ok: bigint; bad: bigint } | undefined, groups: { key: string; label: string; ok: number; bad: number; link?: string }[]): Computed {
  const ok = rows.reduce((s, r) => s + num(r.ok), 0);
  const bad = rows.reduce((s, r) => s + num(r.bad), 0);
  const series: MetricPoint[] = rows.map((r) => ({ t: new Date(r.bucket), value: percent(num(r.ok), num(r.ok) + num(r.bad)) ?? 0 }));
  return {
    value: percent(ok, ok + bad),
    previous: prev ? percent(num(prev.ok), num(prev.ok) + num(prev.bad)) : null,
    series,
    breakdown: groups
      .map((g) => ({ key: g.key, label: g.label, value: percent(g.ok, g.ok + g.bad), link: g.link, meta: { succeeded: g.ok, failed: g.bad } }))
      .sort((a, b) => (a.value ?? 0) - (b.value ?? 0)),
  };
}

const RUN_STATUSES = ['succeeded', 'failed', 'cancelled', 'running', 'queued'] as const;

/** Scan runs queued in the range, per grain; by status (or source). */
export async function scanRuns(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters, 'scan.read');
  if (none(sources)) return { value: 0, previous: null, series: [], breakdown: [] };
  const now = ctx.deps.clock();
  const since = rangeStart(now, q.range);
  const rows = await ctx.deps.db.$queryRawUnsafe<{ bucket: Date; status: string; id: string; name: string; n: bigint }[]>(
    `SELECT date_trunc($3, r."queuedAt") AS bucket, r.status::text AS status, d.id, d.name, count(*) AS n
       FROM "ScanRun" r JOIN "DataSource" d ON d.id = r."dataSourceId"
      WHERE r."queuedAt" >= $2::timestamp(3) AND ${inSet('r."dataSourceId"', 1)} GROUP BY 1, 2, 3, 4`,
    sources,
    since.toISOString(),
    q.grain,
  );
  const sum = (pick: (r: (typeof rows)[number]) => boolean) => rows.filter(pick).reduce((s, r) => s + num(r.n), 0);
  const perBucket = (pick: (r: (typeof rows)[number]) => boolean) => {
    const m = new Map<number, number>();
    for (const r of rows.filter(pick)) m.set(new Date(r.bucket).getTime(), (m.get(new Date(r.bucket).getTime()) ?? 0) + num(r.n));
    return fillCounts([...m].map(([t, n]) => ({ bucket: new Date(t), n })), since, now, q.grain);
  };
  const bySource = q.groupBy === 'datasource';
  const groups = bySource
    ? [...new Map(rows.map((r) => [r.id, r.name]))].map(([key, label]) => ({ key, label, pick: (r: (typeof rows)[number]) => r.id === key }))
    : RUN_STATUSES.map((s) => ({ key: s, label: s[0]!.toUpperCase() + s.slice(1), pick: (r: (typeof rows)[number]) => r.status === s }));
  const breakdown = groups.map((g) => ({ key: g.key, label: g.label, value: sum(g.pick) }));
  if (bySource) breakdown.sort((a, b) => b.value - a.value);
  const seriesByGroup = q.groupBy ? groups.map((g) => ({ key: g.key, label: g.label, points: perBucket(g.pick) })) : undefined;
  return { value: sum(() => true), previous: null, series: perBucket(() => true), breakdown, ...(seriesByGroup ? { seriesByGroup } : {}) };
}
