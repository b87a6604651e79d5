/**
 * Activity volume: rows of the activity log in the range that the caller may
 * see (activity/visibility.ts: everything with activity.read globally, else
 * their workspaces' rows and their own). activity.mine is the caller's own
 * rows only. Hours and weekdays of the heatmap are UTC.
 */
import { activityVisibility } from '../activity/visibility';
import { fillCounts, rangeMs, rangeStart } from './time';
import { num } from './sql';
import type { MetricComputation, MetricContext, MetricQuery, MetricRow } from './types';

type Computed = MetricComputation;

async function activityWhere(ctx: MetricContext, q: MetricQuery, mine: boolean): Promise<{ sql: string; args: unknown[] } | null> {
  const args: unknown[] = [];
  const p = (v: unknown) => (args.push(v), `$${args.length}`);
  const parts: string[] = [];
  if (mine) {
    if (!ctx.userId) return null;
    parts.push(`e."actorId" = ${p(ctx.userId)}`);
  } else {
    const v = await activityVisibility(ctx.access);
    if (!v.all) {
      const or = [`e."workspaceId" = ANY(${p([...v.workspaceIds])}::text[])`];
      if (v.userId) or.push(`e."actorId" = ${p(v.userId)}`);
      parts.push(`(${or.join(' OR ')})`);
    }
    if (q.filters.userId) parts.push(`e."actorId" = ${p(q.filters.userId)}`);
  }
  if (q.filters.workspaceId) parts.push(`e."workspaceId" = ${p(q.filters.workspaceId)}`);
  if (q.filters.group) parts.push(`e."sourceGroup" = ${p(q.filters.group)}`);
  return { sql: parts.length ? parts.join(' AND ') : 'true', args };
}

export const activityVolume = (mine: boolean) =>
  async function (ctx: MetricContext, q: MetricQuery): Promise<Computed> {
    const where = await activityWhere(ctx, q, mine);
    if (!where) return { value: 0, previous: null, series: [], breakdown: [], matrix: [] };
    const now = ctx.deps.clock();
    const since = rangeStart(now, q.range);
    const before = new Date(since.getTime() - rangeMs[q.range]);
    const n = where.args.length;
    const args = [...where.args, since.toISOString(), q.grain];
    const inRange = `${where.sql} AND e."occurredAt" >= $${n + 1}::timestamp(3)`;
    const db = ctx.deps.db;
    const dim = q.groupBy === 'type' ? 'e.type' : q.groupBy === 'user' ? `e."actorId"` : 'e."sourceGroup"';
    const [series, prev, groups, matrix] = await Promise.all([
      db.$queryRawUnsafe<{ bucket: Date; n: bigint }[]>(`SELECT date_trunc($${n + 2}, e."occurredAt") AS bucket, count(*) AS n FROM "ActivityEvent" e WHERE ${inRange} GROUP BY 1`, ...args),
      db.$queryRawUnsafe<{ n: bigint }[]>(
        `SELECT count(*) AS n FROM "ActivityEvent" e WHERE ${where.sql} AND e."occurredAt" >= $${n + 1}::timestamp(3) AND e."occurredAt" < $${n + 2}::timestamp(3)`,
        ...where.args,
        before.toISOString(),
        since.toISOString(),
      ),
      db.$queryRawUnsafe<{ key: string | null; n: bigint }[]>(`SELECT ${dim} AS key, count(*) AS n FROM "ActivityEvent" e WHERE ${inRange} GROUP BY 1 ORDER BY 2 DESC LIMIT ${q.limit}`, ...args.slice(0, n + 1)),
      db.$queryRawUnsafe<{ x: number; y: number; n: bigint }[]>(
        `SELECT EXTRACT(HOUR FROM e."occurredAt")::int AS x, EXTRACT(DOW FROM e."occurredAt")::int AS y, count(*) AS n FROM "ActivityEvent" e WHERE ${inRange} GROUP BY 1, 2`,
        ...args.slice(0, n + 1),
      ),
    ]);
    const points = fillCounts(series, since, now, q.grain);
    let breakdown: MetricRow[] = groups.map((g) => ({ key: g.key ?? '-', label: g.key ?? (q.groupBy === 'user' ? 'System' : '-'), value: num(g.n) }));
    if (q.groupBy === 'user') {
      const ids = groups.map((g) => g.key).filter((x): x is string => !!x);
      const names = new Map((await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
      breakdown = breakdown.map((b) => ({ ...b, label: names.get(b.key) ?? b.label, link: b.key !== '-' ? `/activity?actorId=${b.key}` : undefined }));
    }
    return {
      value: points.reduce((s, p) => s + p.value, 0),
      previous: num(prev[0]?.n),
      series: points,
      breakdown,
      matrix: matrix.map((m) => ({ x: Number(m.x), y: Number(m.y), value: num(m.n) })),
    };
  };
