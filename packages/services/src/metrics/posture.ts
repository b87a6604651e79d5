/**
 * posture.score: passed checks ÷ all checks of each enabled framework, from
 * the PostureSnapshot rows every evaluation writes (compliance/snapshots.ts).
 *
 * Posture is a state, not a flow: a bucket without a snapshot keeps the
 * previous one's value. That matters when summing sources, because an
 * evaluation after a scan writes a snapshot for that source only; each
 * (framework, source) carries its last snapshot forward before the sum. A
 * caller who may read every source reads the global ("*") snapshots; anyone
 * else, or any source/workspace filter, reads the sum over the visible sources.
 */
import type { ServiceDeps } from '../deps';
import { scoreOf } from '../compliance/snapshots';
import { none, visibleSources } from './scope';
import { num } from './sql';
import { buckets, rangeStart } from './time';
import type { MetricComputation, MetricContext, MetricPoint, MetricQuery, MetricRow, SnapshotRow } from './types';

type Computed = MetricComputation;
interface Counts {
  checks: number;
  failures: number;
}
interface SnapRow {
  frameworkId: string;
  scopeId: string;
  bucket: Date | null;
  checks: number;
  failures: number;
}

const add = (a: Counts | undefined, b: Counts): Counts => ({ checks: (a?.checks ?? 0) + b.checks, failures: (a?.failures ?? 0) + b.failures });

export async function postureScore(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const emptyResult: Computed = { value: null, previous: null, series: [], breakdown: [] };
  if (!(await ctx.access.can('compliance.read'))) return emptyResult;
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return emptyResult;
  const db = ctx.deps.db;
  const now = ctx.deps.clock();
  const since = rangeStart(now, q.range);
  const frameworks = await db.complianceFramework.findMany({ where: q.filters.frameworkId ? { id: q.filters.frameworkId } : { enabled: true }, orderBy: { name: 'asc' }, select: { id: true, name: true } });
  if (!frameworks.length) return emptyResult;
  const fwIds = frameworks.map((f) => f.id);
  const scope = sources === null ? { type: 'global', ids: ['*'] } : { type: 'datasource', ids: sources };

  // The last snapshot per (framework, scope, bucket) in the range, and the last one before it as the starting state.
  const [inRange, before] = await Promise.all([
    db.$queryRawUnsafe<SnapRow[]>(
      `SELECT DISTINCT ON ("frameworkId", "scopeId", date_trunc($5, "takenAt")) "frameworkId", "scopeId", date_trunc($5, "takenAt") AS bucket, checks, failures
         FROM "PostureSnapshot" WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = $2::"ScopeType" AND "scopeId" = ANY($3::text[]) AND "takenAt" >= $4::timestamp(3)
        ORDER BY "frameworkId", "scopeId", date_trunc($5, "takenAt"), "takenAt" DESC`,
      fwIds,
      scope.type,
      scope.ids,
      since.toISOString(),
      q.grain,
    ),
    db.$queryRawUnsafe<SnapRow[]>(
      `SELECT DISTINCT ON ("frameworkId", "scopeId") "frameworkId", "scopeId", NULL::timestamp AS bucket, checks, failures
         FROM "PostureSnapshot" WHERE "frameworkId" = ANY($1::text[]) AND "scopeType" = $2::"ScopeType" AND "scopeId" = ANY($3::text[]) AND "takenAt" < $4::timestamp(3)
        ORDER BY "frameworkId", "scopeId", "takenAt" DESC`,
      fwIds,
      scope.type,
      scope.ids,
      since.toISOString(),
    ),
  ]);

  // Walk the buckets carrying each (framework, scope)'s last counts forward.
  const state = new Map<string, Counts>();
  for (const r of before) state.set(`${r.frameworkId}|${r.scopeId}`, { checks: num(r.checks), failures: num(r.failures) });
  const byBucket = new Map<number, SnapRow[]>();
  for (const r of inRange) {
    const t = new Date(r.bucket!).getTime();
    byBucket.set(t, [...(byBucket.get(t) ?? []), r]);
  }
  const perFramework = new Map<string, MetricPoint[]>(fwIds.map((id) => [id, []]));
  const overall: MetricPoint[] = [];
  for (const t of buckets(since, now, q.grain)) {
    for (const r of byBucket.get(t.getTime()) ?? []) state.set(`${r.frameworkId}|${r.scopeId}`, { checks: num(r.checks), failures: num(r.failures) });
    if (!state.size) continue;
    const sums = new Map<string, Counts>();
    for (const [key, c] of state) sums.set(key.split('|')[0]!, add(sums.get(key.split('|')[0]!), c));
    let total: Counts = { checks: 0, failures: 0 };
    for (const [fw, c] of sums) {
      perFramework.get(fw)?.push({ t, value: scoreOf(c.checks, c.failures) });
      total = add(total, c);
    }
    overall.push({ t, value: scoreOf(total.checks, total.failures) });
  }

  // Current: the latest snapshot of each (framework, scope), whenever it was taken.
  const current = new Map<string, Counts>();
  const perScope = new Map<string, Counts>();
  for (const [key, c] of state) {
    const [fw, scopeId] = key.split('|') as [string, string];
    current.set(fw, add(current.get(fw), c));
    perScope.set(scopeId, add(perScope.get(scopeId), c));
  }
  let total: Counts = { checks: 0, failures: 0 };
  for (const c of current.values()) total = add(total, c);
  const value = current.size ? scoreOf(total.checks, total.failures) : null;

  let breakdown: MetricRow[] = frameworks
    .filter((f) => current.has(f.id))
    .map((f) => {
      const c = current.get(f.id)!;
      return { key: f.id, label: f.name, value: scoreOf(c.checks, c.failures), link: `/compliance/frameworks/${f.id}`, meta: { checks: c.checks, failures: c.failures } };
    });
  if (q.groupBy === 'datasource' && scope.type === 'datasource') {
    const names = new Map((await db.dataSource.findMany({ where: { id: { in: [...perScope.keys()] } }, select: { id: true, name: true } })).map((s) => [s.id, s.name]));
    breakdown = [...perScope].map(([id, c]) => ({ key: id, label: names.get(id) ?? id, value: scoreOf(c.checks, c.failures), link: `/datasources/${id}`, meta: { checks: c.checks, failures: c.failures } }));
  }
  // Lowest posture first: it is what needs attention.
  breakdown.sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const seriesByGroup =
    q.groupBy === 'framework'
      ? frameworks.filter((f) => perFramework.get(f.id)!.length).map((f) => ({ key: f.id, label: f.name, points: perFramework.get(f.id)! }))
      : undefined;
  return { value, previous: overall.length > 1 ? overall[0]!.value : null, series: overall, breakdown, ...(seriesByGroup ? { seriesByGroup } : {}) };
}

/** Per framework and per source, from each scope's latest snapshot (so trends outlive PostureSnapshot pruning). */
export async function postureSnapshot(deps: ServiceDeps): Promise<SnapshotRow[]> {
  const rows = await deps.db.$queryRawUnsafe<{ frameworkId: string; scopeType: string; scopeId: string; checks: number; failures: number }[]>(
    `SELECT DISTINCT ON (s."frameworkId", s."scopeType", s."scopeId") s."frameworkId", s."scopeType"::text AS "scopeType", s."scopeId", s.checks, s.failures
       FROM "PostureSnapshot" s JOIN "ComplianceFramework" f ON f.id = s."frameworkId" AND f.enabled
      WHERE s."scopeType" = 'global' OR (s."scopeType" = 'datasource' AND s."scopeId" IN (SELECT id FROM "DataSource"))
      ORDER BY s."frameworkId", s."scopeType", s."scopeId", s."takenAt" DESC`,
  );
  const out: SnapshotRow[] = [];
  const combined = new Map<string, Counts>();
  const ratio = (dimension: string, c: Counts): SnapshotRow => ({ dimension, value: scoreOf(c.checks, c.failures), numerator: c.checks - c.failures, denominator: c.checks });
  for (const r of rows) {
    const c = { checks: num(r.checks), failures: num(r.failures) };
    const dim = r.scopeType === 'global' ? `framework:${r.frameworkId}` : `framework:${r.frameworkId}/datasource:${r.scopeId}`;
    out.push(ratio(dim, c));
    const all = r.scopeType === 'global' ? '*' : `datasource:${r.scopeId}`;
    combined.set(all, add(combined.get(all), c));
  }
  for (const [dim, c] of combined) out.push(ratio(dim, c));
  return out;
}
