/**
 * queue.depth: jobs waiting in graphile-worker's queue: due (run_at passed),
 * not locked by a worker, with attempts left. Operational, not about any
 * source: it needs system.read (which every global role holds).
 */
import { num } from './sql';
import type { MetricComputation, MetricContext, MetricQuery } from './types';

type Computed = MetricComputation;

export async function queueDepth(ctx: MetricContext, _q: MetricQuery): Promise<Computed> {
  if (!(await ctx.access.can('system.read'))) return { value: null, previous: null, series: [], breakdown: [] };
  const rows = await ctx.deps.db.$queryRawUnsafe<{ task: string; waiting: bigint; locked: bigint; failing: bigint }[]>(
    `SELECT task_identifier AS task,
            count(*) FILTER (WHERE locked_at IS NULL AND run_at <= now() AND attempts < max_attempts) AS waiting,
            count(*) FILTER (WHERE locked_at IS NOT NULL) AS locked,
            count(*) FILTER (WHERE attempts > 0 AND attempts < max_attempts AND locked_at IS NULL) AS failing
       FROM graphile_worker.jobs GROUP BY 1`,
  ).catch(() => null);
  if (!rows) return { value: null, previous: null, series: [], breakdown: [] };
  const value = rows.reduce((s, r) => s + num(r.waiting), 0);
  return {
    value,
    previous: null,
    series: [],
    breakdown: rows
      .filter((r) => num(r.waiting) > 0 || num(r.locked) > 0)
      .map((r) => ({ key: r.task, label: r.task, value: num(r.waiting), meta: { running: num(r.locked), retrying: num(r.failing) } }))
      .sort((a, b) => (b.value ?? 0) - (a.value ?? 0)),
  };
}
