/**
 * Compliance findings metrics. "Open" means still failing and not waived:
 * status open or acknowledged. Findings count over the data sources the
 * caller may read, as compliance.findings lists them.
 */
import type { ServiceDeps } from '../deps';
import { none, type IdSet, visibleSources } from './scope';
import { snapshotSeries, withLive } from './series';
import { inSet, num } from './sql';
import { bucketOf, days, rangeStart, round1 } from './time';
import type { MetricComputation, MetricContext, MetricQuery, MetricRow, SnapshotRow } from './types';

type Computed = MetricComputation;
const DAY = 86_400_000;
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
const OPEN = `f.status IN ('open', 'acknowledged')`;

/** The findings a metric may count, or null when the caller may count none. */
async function findingScope(ctx: MetricContext, q: MetricQuery): Promise<IdSet | undefined> {
  if (!(await ctx.access.can('compliance.read'))) return undefined;
  const sources = await visibleSources(ctx, q.filters);
  return none(sources) ? undefined : sources;
}

/** WHERE for open findings: $1 sources, $2 framework, $3 severity. */
const openWhere = `${OPEN} AND ${inSet('f."dataSourceId"', 1)} AND ($2::text IS NULL OR f."frameworkId" = $2) AND ($3::text IS NULL OR f.severity::text = $3)`;
const params = (sources: IdSet, q: MetricQuery) => [sources, q.filters.frameworkId ?? null, q.filters.severity ?? null] as const;

const zero = (): Computed => ({ value: 0, previous: null, series: [], breakdown: [] });

async function openBreakdown(ctx: MetricContext, q: MetricQuery, sources: IdSet, extra = 'true'): Promise<MetricRow[]> {
  const db = ctx.deps.db;
  const dim = q.groupBy ?? 'severity';
  if (dim === 'datasource' || dim === 'framework') {
    const col = dim === 'datasource' ? 'f."dataSourceId"' : 'f."frameworkId"';
    const rows = await db.$queryRawUnsafe<{ id: string; n: bigint }[]>(`SELECT ${col} AS id, count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere} AND ${extra} GROUP BY 1 ORDER BY 2 DESC`, ...params(sources, q));
    const ids = rows.map((r) => r.id);
    const names =
      dim === 'datasource'
        ? await db.dataSource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
        : await db.complianceFramework.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
    const byId = new Map(names.map((n) => [n.id, n.name]));
    return rows.map((r) => ({ key: r.id, label: byId.get(r.id) ?? r.id, value: num(r.n), link: dim === 'datasource' ? `/compliance/findings?dataSourceId=${r.id}` : `/compliance/frameworks/${r.id}` }));
  }
  const rows = await db.$queryRawUnsafe<{ severity: string; n: bigint }[]>(`SELECT f.severity::text AS severity, count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere} AND ${extra} GROUP BY 1`, ...params(sources, q));
  const by = new Map(rows.map((r) => [r.severity, num(r.n)]));
  // Severity order, not size order: a bar chart reads critical → low.
  return SEVERITIES.map((s) => ({ key: s, label: s[0]!.toUpperCase() + s.slice(1), value: by.get(s) ?? 0, link: `/compliance/findings?severity=${s}` }));
}

/** Snapshot series exist for the unfiltered metric; a framework/severity filter has no snapshot to read. */
async function countSeries(ctx: MetricContext, q: MetricQuery, metric: string, sources: IdSet, value: number) {
  if (q.filters.frameworkId || q.filters.severity) return [];
  const now = ctx.deps.clock();
  const series = await snapshotSeries(ctx, { metric, grain: q.grain, since: rangeStart(now, q.range), sources, ratio: false });
  return withLive(series, bucketOf(now, q.grain), value);
}

// ── findings.open ──

export async function openFindings(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await findingScope(ctx, q);
  if (sources === undefined) return zero();
  const [count, breakdown] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere}`, ...params(sources, q)),
    openBreakdown(ctx, q, sources),
  ]);
  const value = num(count[0]?.n);
  const series = await countSeries(ctx, q, 'findings.open', sources, value);
  return { value, previous: series.length > 1 ? series[0]!.value : null, series, breakdown };
}

// ── findings.sla_breaches ──

export async function slaBreaches(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await findingScope(ctx, q);
  if (sources === undefined) return { ...zero(), rows: [] };
  const now = ctx.deps.clock().toISOString();
  const overdue = `f."dueAt" < '${now}'::timestamp(3)`;
  const [count, breakdown, rows] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere} AND ${overdue}`, ...params(sources, q)),
    openBreakdown(ctx, q, sources, overdue),
    findingRows(ctx, q, sources, overdue, 'f."dueAt" ASC'),
  ]);
  const value = num(count[0]?.n);
  const series = await countSeries(ctx, q, 'findings.sla_breaches', sources, value);
  return { value, previous: series.length > 1 ? series[0]!.value : null, series, breakdown, rows };
}

// ── findings.age ──

export async function findingAge(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await findingScope(ctx, q);
  if (sources === undefined) return { ...zero(), value: null };
  const now = ctx.deps.clock().toISOString();
  const age = `EXTRACT(EPOCH FROM ('${now}'::timestamp(3) - f."firstSeenAt")) * 1000`;
  const rows = await ctx.deps.db.$queryRawUnsafe<{ severity: string; median: number | null; n: bigint }[]>(
    `SELECT f.severity::text AS severity, percentile_cont(0.5) WITHIN GROUP (ORDER BY ${age}) AS median, count(*) AS n
       FROM "ComplianceFinding" f WHERE ${openWhere} GROUP BY ROLLUP (f.severity)`,
    ...params(sources, q),
  );
  const all = rows.find((r) => r.severity === null);
  const breakdown = SEVERITIES.map((s) => rows.find((r) => r.severity === s))
    .filter((r): r is NonNullable<typeof r> => !!r)
    .map((r) => ({ key: r.severity, label: r.severity[0]!.toUpperCase() + r.severity.slice(1), value: r.median === null ? null : days(Number(r.median)), meta: { open: num(r.n) } }));
  return { value: all?.median == null ? null : days(Number(all.median)), previous: null, series: [], breakdown };
}

// ── findings.attention / findings.mine: rows ──

interface FindingRowRaw {
  id: string;
  severity: string;
  status: string;
  dueAt: Date | null;
  firstSeenAt: Date;
  assigneeId: string | null;
  code: string;
  title: string;
  qualifiedName: string;
  source: string;
}

async function findingRows(ctx: MetricContext, q: MetricQuery, sources: IdSet, extra: string, order: string): Promise<MetricRow[]> {
  const now = ctx.deps.clock();
  // The page of findings first, then its joins: joining every open finding to "Asset" before the LIMIT
  // cost a scan of the whole catalogue (bench/dashboard.ts: 460 ms at 100k assets under load).
  const ordering = `${order}, CASE f.severity WHEN 'critical' THEN 0 WHEN 'high' THEN 1 WHEN 'medium' THEN 2 ELSE 3 END, f."firstSeenAt", f.id`;
  const rows = await ctx.deps.db.$queryRawUnsafe<FindingRowRaw[]>(
    `SELECT f.id, f.severity::text AS severity, f.status::text AS status, f."dueAt", f."firstSeenAt", f."assigneeId", r.code, r.title, a."qualifiedName", d.name AS source
       FROM (SELECT f.* FROM "ComplianceFinding" f WHERE ${openWhere} AND ${extra} ORDER BY ${ordering} LIMIT ${q.limit}) f
       JOIN "ComplianceRule" r ON r.id = f."ruleId" JOIN "Asset" a ON a.id = f."assetId" JOIN "DataSource" d ON d.id = f."dataSourceId"
      ORDER BY ${ordering}`,
    ...params(sources, q),
  );
  const assignees = [...new Set(rows.map((r) => r.assigneeId).filter((x): x is string => !!x))];
  const names = new Map((assignees.length ? await ctx.deps.db.user.findMany({ where: { id: { in: assignees } }, select: { id: true, name: true } }) : []).map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    key: r.id,
    label: `${r.code} ${r.title}: ${r.qualifiedName}`,
    value: days(now.getTime() - new Date(r.firstSeenAt).getTime()),
    link: `/compliance/findings?finding=${r.id}`,
    meta: {
      severity: r.severity,
      status: r.status,
      due: r.dueAt ? new Date(r.dueAt).toISOString() : null,
      overdueDays: r.dueAt && new Date(r.dueAt) < now ? round1((now.getTime() - new Date(r.dueAt).getTime()) / DAY) : null,
      age: days(now.getTime() - new Date(r.firstSeenAt).getTime()),
      assignee: r.assigneeId ? (names.get(r.assigneeId) ?? r.assigneeId) : null,
      source: r.source,
    },
  }));
}

/**
 * Open critical or high findings that are overdue, due within 7 days, or
 * unassigned. Overdue first (most overdue first), then by due date; value is
 * the row's age in days.
 */
export async function attention(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await findingScope(ctx, q);
  if (sources === undefined) return { ...zero(), rows: [] };
  const soon = new Date(ctx.deps.clock().getTime() + 7 * DAY).toISOString();
  const extra = `f.severity IN ('critical', 'high') AND (f."dueAt" < '${soon}'::timestamp(3) OR f."assigneeId" IS NULL)`;
  const [count, rows] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere} AND ${extra}`, ...params(sources, q)),
    findingRows(ctx, q, sources, extra, 'f."dueAt" ASC NULLS LAST'),
  ]);
  return { value: num(count[0]?.n), previous: null, series: [], breakdown: [], rows };
}

/** Open findings assigned to the asking user, over the sources they may still read. */
export async function myFindings(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await findingScope(ctx, q);
  if (sources === undefined || !ctx.userId) return { ...zero(), rows: [] };
  const mine = `f."assigneeId" = '${ctx.userId.replaceAll("'", "''")}'`;
  const [count, rows] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM "ComplianceFinding" f WHERE ${openWhere} AND ${mine}`, ...params(sources, q)),
    findingRows(ctx, q, sources, mine, 'f."dueAt" ASC NULLS LAST'),
  ]);
  return { value: num(count[0]?.n), previous: null, series: [], breakdown: await openBreakdown(ctx, q, sources, mine), rows };
}

// ── snapshots ──

async function openCountsBySource(deps: ServiceDeps, extra: string): Promise<SnapshotRow[]> {
  const rows = await deps.db.$queryRawUnsafe<{ id: string; n: bigint }[]>(
    `SELECT d.id, count(f.id) AS n FROM "DataSource" d LEFT JOIN "ComplianceFinding" f ON f."dataSourceId" = d.id AND ${OPEN} AND ${extra} GROUP BY d.id`,
  );
  return [{ dimension: '*', value: rows.reduce((s, r) => s + num(r.n), 0) }, ...rows.map((r) => ({ dimension: `datasource:${r.id}`, value: num(r.n) }))];
}

export const openFindingsSnapshot = (deps: ServiceDeps) => openCountsBySource(deps, 'true');
export const slaBreachesSnapshot = (deps: ServiceDeps) => openCountsBySource(deps, `f."dueAt" < '${deps.clock().toISOString()}'::timestamp(3)`);
