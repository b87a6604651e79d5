/**
 * Workflow and pipeline run metrics, over the workspaces where the caller
 * holds workflow.read / pipeline.read, and failures across scans, workflows
 * and pipelines. A run counts in the range by when it finished; its duration
 * is finishedAt − startedAt. Cancelled runs are neither successes nor failures.
 */
import { none, visibleSources, visibleWorkspaces } from './scope';
import { rateResult } from './scans';
import { inSet, num } from './sql';
import { fillCounts, rangeMs, rangeStart } from './time';
import type { MetricComputation, MetricContext, MetricQuery, MetricRow } from './types';

type Computed = MetricComputation;
type Kind = 'workflow' | 'pipeline';

const table = { workflow: '"WorkflowExecution"', pipeline: '"PipelineRun"' } as const;
const parent = { workflow: { table: '"Workflow"', fk: '"workflowId"', link: '/workflows' }, pipeline: { table: '"Pipeline"', fk: '"pipelineId"', link: '/pipelines' } } as const;
const permission = { workflow: 'workflow.read', pipeline: 'pipeline.read' } as const;

export const successRate = (kind: Kind) =>
  async function (ctx: MetricContext, q: MetricQuery): Promise<Computed> {
    const workspaces = await visibleWorkspaces(ctx, q.filters, permission[kind]);
    if (none(workspaces)) return { value: null, previous: null, series: [], breakdown: [] };
    const now = ctx.deps.clock();
    const since = rangeStart(now, q.range);
    const before = new Date(since.getTime() - rangeMs[q.range]);
    const counts = `count(*) FILTER (WHERE e.status = 'succeeded') AS ok, count(*) FILTER (WHERE e.status = 'failed') AS bad`;
    const where = `e.status IN ('succeeded', 'failed') AND ${inSet('e."workspaceId"', 1)}`;
    const [rows, prev, byParent] = await Promise.all([
      ctx.deps.db.$queryRawUnsafe<{ bucket: Date; ok: bigint; bad: bigint }[]>(
        `SELECT date_trunc($3, e."finishedAt") AS bucket, ${counts} FROM ${table[kind]} e WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) GROUP BY 1 ORDER BY 1`,
        workspaces,
        since.toISOString(),
        q.grain,
      ),
      ctx.deps.db.$queryRawUnsafe<{ ok: bigint; bad: bigint }[]>(
        `SELECT ${counts} FROM ${table[kind]} e WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) AND e."finishedAt" < $3::timestamp(3)`,
        workspaces,
        before.toISOString(),
        since.toISOString(),
      ),
      ctx.deps.db.$queryRawUnsafe<{ id: string; name: string; ok: bigint; bad: bigint }[]>(
        `SELECT p.id, p.name, ${counts} FROM ${table[kind]} e JOIN ${parent[kind].table} p ON p.id = e.${parent[kind].fk}
          WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) GROUP BY p.id, p.name`,
        workspaces,
        since.toISOString(),
      ),
    ]);
    return rateResult(rows, prev[0], byParent.map((p) => ({ key: p.id, label: p.name, ok: num(p.ok), bad: num(p.bad), link: `${parent[kind].link}/${p.id}` })));
  };

export const durationP95 = (kind: Kind) =>
  async function (ctx: MetricContext, q: MetricQuery): Promise<Computed> {
    const workspaces = await visibleWorkspaces(ctx, q.filters, permission[kind]);
    if (none(workspaces)) return { value: null, previous: null, series: [], breakdown: [] };
    const now = ctx.deps.clock();
    const since = rangeStart(now, q.range);
    const before = new Date(since.getTime() - rangeMs[q.range]);
    const p95 = `percentile_cont(0.95) WITHIN GROUP (ORDER BY EXTRACT(EPOCH FROM (e."finishedAt" - e."startedAt")) * 1000)`;
    const where = `e.status IN ('succeeded', 'failed') AND e."startedAt" IS NOT NULL AND ${inSet('e."workspaceId"', 1)}`;
    const [rows, all, prev, byParent] = await Promise.all([
      ctx.deps.db.$queryRawUnsafe<{ bucket: Date; ms: number }[]>(
        `SELECT date_trunc($3, e."finishedAt") AS bucket, ${p95} AS ms FROM ${table[kind]} e WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) GROUP BY 1 ORDER BY 1`,
        workspaces,
        since.toISOString(),
        q.grain,
      ),
      ctx.deps.db.$queryRawUnsafe<{ ms: number | null; n: bigint }[]>(`SELECT ${p95} AS ms, count(*) AS n FROM ${table[kind]} e WHERE ${where} AND e."finishedAt" >= $2::timestamp(3)`, workspaces, since.toISOString()),
      ctx.deps.db.$queryRawUnsafe<{ ms: number | null }[]>(
        `SELECT ${p95} AS ms FROM ${table[kind]} e WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) AND e."finishedAt" < $3::timestamp(3)`,
        workspaces,
        before.toISOString(),
        since.toISOString(),
      ),
      ctx.deps.db.$queryRawUnsafe<{ id: string; name: string; ms: number; n: bigint }[]>(
        `SELECT p.id, p.name, ${p95} AS ms, count(*) AS n FROM ${table[kind]} e JOIN ${parent[kind].table} p ON p.id = e.${parent[kind].fk}
          WHERE ${where} AND e."finishedAt" >= $2::timestamp(3) GROUP BY p.id, p.name ORDER BY ms DESC`,
        workspaces,
        since.toISOString(),
      ),
    ]);
    const ms = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(Number(x)));
    return {
      value: ms(all[0]?.ms),
      previous: ms(prev[0]?.ms),
      series: rows.map((r) => ({ t: new Date(r.bucket), value: ms(r.ms) ?? 0 })),
      breakdown: byParent.map((p) => ({ key: p.id, label: p.name, value: ms(p.ms), link: `${parent[kind].link}/${p.id}`, meta: { runs: num(p.n) } })),
    };
  };

interface Failure {
  type: 'scan' | 'workflow' | 'pipeline';
  id: string;
  name: string;
  at: Date;
  error: string | null;
  bucket: Date;
}

/** Failed scan runs, workflow executions and pipeline runs that finished in the range; rows are the most recent. */
export async function runFailures(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const [sources, workflows, pipelines] = await Promise.all([
    visibleSources(ctx, q.filters, 'scan.read'),
    visibleWorkspaces(ctx, q.filters, 'workflow.read'),
    visibleWorkspaces(ctx, q.filters, 'pipeline.read'),
  ]);
  const now = ctx.deps.clock();
  const since = rangeStart(now, q.range).toISOString();
  const parts: string[] = [];
  // $1 grain, $2 since; each part adds its own id set (unused parameters would have no type).
  const args: unknown[] = [q.grain, since];
  const idSet = (ids: unknown) => (args.push(ids), args.length);
  // A source filter narrows to that source's scans only; a workspace filter narrows all three.
  const onlySource = !!q.filters.dataSourceId;
  if (!none(sources)) {
    const n = idSet(sources);
    parts.push(`SELECT 'scan' AS type, r.id, d.name || ' / ' || s.name AS name, r."finishedAt" AS at, r.error, date_trunc($1, r."finishedAt") AS bucket, r."dataSourceId" AS parent
      FROM "ScanRun" r JOIN "Scan" s ON s.id = r."scanId" JOIN "DataSource" d ON d.id = r."dataSourceId"
     WHERE r.status = 'failed' AND r."finishedAt" >= $2::timestamp(3) AND ${inSet('r."dataSourceId"', n)}`);
  }
  if (!none(workflows) && !onlySource) {
    const n = idSet(workflows);
    parts.push(`SELECT 'workflow', e.id, w.name, e."finishedAt", e.error, date_trunc($1, e."finishedAt"), e."workflowId"
      FROM "WorkflowExecution" e JOIN "Workflow" w ON w.id = e."workflowId"
     WHERE e.status = 'failed' AND e."finishedAt" >= $2::timestamp(3) AND ${inSet('e."workspaceId"', n)}`);
  }
  if (!none(pipelines) && !onlySource) {
    const n = idSet(pipelines);
    parts.push(`SELECT 'pipeline', e.id, p.name, e."finishedAt", e.error, date_trunc($1, e."finishedAt"), e."pipelineId"
      FROM "PipelineRun" e JOIN "Pipeline" p ON p.id = e."pipelineId"
     WHERE e.status = 'failed' AND e."finishedAt" >= $2::timestamp(3) AND ${inSet('e."workspaceId"', n)}`);
  }
  if (!parts.length) return { value: 0, previous: null, series: [], breakdown: [], rows: [] };
  const all = `(${parts.join('\nUNION ALL\n')})`;
  const [counts, recent] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ type: Failure['type']; bucket: Date; n: bigint }[]>(`SELECT type, bucket, count(*) AS n FROM ${all} f GROUP BY 1, 2`, ...args),
    ctx.deps.db.$queryRawUnsafe<(Failure & { parent: string })[]>(`SELECT * FROM ${all} f ORDER BY at DESC, id LIMIT ${q.limit}`, ...args),
  ]);
  const types = ['scan', 'workflow', 'pipeline'] as const;
  const total = (t?: Failure['type']) => counts.filter((c) => !t || c.type === t).reduce((s, c) => s + num(c.n), 0);
  const seriesOf = (t?: Failure['type']) => {
    const m = new Map<number, number>();
    for (const c of counts.filter((c) => !t || c.type === t)) m.set(new Date(c.bucket).getTime(), (m.get(new Date(c.bucket).getTime()) ?? 0) + num(c.n));
    return fillCounts([...m].map(([time, n]) => ({ bucket: new Date(time), n })), new Date(since), now, q.grain);
  };
  const link = (f: Failure & { parent: string }) =>
    f.type === 'scan' ? `/scans?tab=runs&source=${f.parent}` : f.type === 'workflow' ? `/workflows/executions/${f.id}` : `/pipelines/runs/${f.id}`;
  const rows: MetricRow[] = recent.map((f) => ({
    key: `${f.type}:${f.id}`,
    label: `${f.type === 'scan' ? 'Scan' : f.type === 'workflow' ? 'Workflow' : 'Pipeline'} ${f.name}`,
    value: null,
    link: link(f),
    meta: { type: f.type, at: new Date(f.at).toISOString(), error: f.error ? f.error.slice(0, 200) : null },
  }));
  const label = { scan: 'Scan runs', workflow: 'Workflow executions', pipeline: 'Pipeline runs' };
  return {
    value: total(),
    previous: null,
    series: seriesOf(),
    breakdown: types.map((t) => ({ key: t, label: label[t], value: total(t) })),
    rows,
    ...(q.groupBy === 'type' ? { seriesByGroup: types.map((t) => ({ key: t, label: label[t], points: seriesOf(t) })) } : {}),
  };
}
