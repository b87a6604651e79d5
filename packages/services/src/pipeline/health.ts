import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { type PipelineSla, parsePipelineDefinition } from './definition';
import { TERMINAL_RUN } from './run-views';

export interface PipelineHealth {
  status: 'healthy' | 'degraded' | 'failing' | 'unknown';
  /** Why, in words; empty when healthy. */
  reasons: string[];
  lastSuccessAt: Date | null;
  /** Hours since the last succeeded run ended. */
  freshnessHours: number | null;
  /** Dead items / finished items of the latest finished run. */
  errorRate: number | null;
  sla: PipelineSla;
}

const pct = (x: number) => `${(x * 100).toFixed(x < 0.1 ? 1 : 0)}%`;
const hours = (h: number) => (h < 1 ? `${Math.round(h * 60)} min` : `${h.toFixed(1)} h`);

/**
 * Health against the SLA. Freshness: hours since the last succeeded run, over
 * the SLA is degraded and over twice the SLA (or no success at all) failing.
 * Error rate of the latest finished run: over the SLA is degraded, over twice
 * it failing. A run that failed as a whole (e.g. the source unreachable) is
 * failing.
 */
export async function computeHealth(
  deps: ServiceDeps,
  pipelineId: string,
  sla: PipelineSla,
): Promise<PipelineHealth> {
  const [lastSuccess, latest] = await Promise.all([
    deps.db.pipelineRun.findFirst({
      where: { pipelineId, status: 'succeeded' },
      orderBy: { finishedAt: 'desc' },
      select: { finishedAt: true },
    }),
    deps.db.pipelineRun.findFirst({
      where: { pipelineId, status: { in: [...TERMINAL_RUN] } },
      orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
      select: { id: true, status: true, error: true },
    }),
  ]);
  if (!latest)
    return {
      status: 'unknown',
      reasons: ['The pipeline has not finished a run yet'],
      lastSuccessAt: null,
      freshnessHours: null,
      errorRate: null,
      sla,
    };
  const lastSuccessAt = lastSuccess?.finishedAt ?? null;
  const freshnessHours = lastSuccessAt
    ? (deps.clock().getTime() - lastSuccessAt.getTime()) / 3_600_000
    : null;
  const counts = await deps.db.pipelineStageItem.groupBy({
    by: ['status'],
    where: { runId: latest.id, status: { in: ['succeeded', 'dead'] } },
    _count: { _all: true },
  });
  const dead = counts.find((c) => c.status === 'dead')?._count._all ?? 0;
  const finished = counts.reduce((n, c) => n + c._count._all, 0);
  const errorRate = finished ? dead / finished : null;

  const failing: string[] = [];
  const degraded: string[] = [];
  if (freshnessHours === null) failing.push('No run has succeeded yet');
  else if (freshnessHours > 2 * sla.freshnessHours)
    failing.push(
      `Last success ${hours(freshnessHours)} ago, more than twice the ${sla.freshnessHours} h freshness SLA`,
    );
  else if (freshnessHours > sla.freshnessHours)
    degraded.push(
      `Last success ${hours(freshnessHours)} ago, over the ${sla.freshnessHours} h freshness SLA`,
    );
  if (latest.status === 'failed' && finished === 0)
    failing.push(`The latest run failed: ${latest.error ?? 'no item finished'}`);
  if (errorRate !== null && errorRate > sla.maxErrorRate) {
    const line = `The latest run's error rate is ${pct(errorRate)} (${dead} of ${finished} items dead-lettered), over the ${pct(sla.maxErrorRate)} SLA`;
    if (errorRate > 2 * sla.maxErrorRate) failing.push(line);
    else degraded.push(line);
  }
  const status = failing.length ? 'failing' : degraded.length ? 'degraded' : 'healthy';
  return {
    status,
    reasons: [...failing, ...degraded],
    lastSuccessAt,
    freshnessHours,
    errorRate,
    sla,
  };
}

export async function pipelineHealth(deps: ServiceDeps, id: string): Promise<PipelineHealth> {
  const row = await deps.db.pipeline.findFirst({
    where: { id, deletedAt: null },
    select: { definition: true },
  });
  if (!row) throw notFound('Pipeline', id);
  return computeHealth(deps, id, parsePipelineDefinition(row.definition).sla);
}
