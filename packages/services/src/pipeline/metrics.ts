import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { parsePipelineDefinition, type StageKind } from './definition';
import type { pipelineMetricsInput } from './schemas';

export interface StageMetrics {
  stage: string;
  kind: StageKind;
  /** Items that finished at this stage (succeeded, waiting for a retry, or dead). */
  processed: number;
  succeeded: number;
  failed: number;
  dead: number;
  /** Items claimed by a batch right now. */
  inFlight: number;
  /** Succeeded items per second between the stage's first start and last finish. */
  throughputPerSec: number | null;
  /** Duration of the succeeded items' last attempt. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** dead / (succeeded + dead). */
  errorRate: number | null;
}

interface StageRow {
  stage: string;
  succeeded: bigint;
  failed: bigint;
  dead: bigint;
  running: bigint;
  first_start: Date | null;
  last_finish: Date | null;
  p50: number | null;
  p95: number | null;
}

/** Per-stage metrics of a run (the latest by default), computed from its stage items in one query. */
export async function pipelineMetrics(
  deps: ServiceDeps,
  input: z.output<typeof pipelineMetricsInput>,
): Promise<{ runId: string | null; stages: StageMetrics[] }> {
  const pipeline = await deps.db.pipeline.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true },
  });
  if (!pipeline) throw notFound('Pipeline', input.id);
  const run = await deps.db.pipelineRun.findFirst({
    where: { pipelineId: input.id, ...(input.runId ? { id: input.runId } : {}) },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    select: { id: true, definition: true },
  });
  if (!run) {
    if (input.runId)
      throw new AppError('NOT_FOUND', `Run ${input.runId} is not a run of this pipeline`, {
        field: 'runId',
      });
    return { runId: null, stages: [] };
  }
  const rows = await deps.db.$queryRaw<StageRow[]>`
    SELECT stage,
           count(*) FILTER (WHERE status = 'succeeded') AS succeeded,
           count(*) FILTER (WHERE status = 'failed') AS failed,
           count(*) FILTER (WHERE status = 'dead') AS dead,
           count(*) FILTER (WHERE status = 'running') AS running,
           min("startedAt") AS first_start,
           max("finishedAt") FILTER (WHERE status = 'succeeded') AS last_finish,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY "durationMs") FILTER (WHERE status = 'succeeded') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY "durationMs") FILTER (WHERE status = 'succeeded') AS p95
      FROM "PipelineStageItem" WHERE "runId" = ${run.id} GROUP BY stage`;
  const byStage = new Map(rows.map((r) => [r.stage, r]));
  const stages = parsePipelineDefinition(run.definition).stages.map((s): StageMetrics => {
    const r = byStage.get(s.id);
    const succeeded = Number(r?.succeeded ?? 0);
    const failed = Number(r?.failed ?? 0);
    const dead = Number(r?.dead ?? 0);
    const spanSec =
      r?.first_start && r.last_finish
        ? (r.last_finish.getTime() - r.first_start.getTime()) / 1000
        : null;
    return {
      stage: s.id,
      kind: s.kind,
      processed: succeeded + failed + dead,
      succeeded,
      failed,
      dead,
      inFlight: Number(r?.running ?? 0),
      // A span under a millisecond (one tiny item) would make a meaningless huge rate.
      throughputPerSec: spanSec && spanSec > 0.001 ? succeeded / spanSec : null,
      p50Ms: r?.p50 ?? null,
      p95Ms: r?.p95 ?? null,
      errorRate: succeeded + dead ? dead / (succeeded + dead) : null,
    };
  });
  return { runId: run.id, stages };
}
