/**
 * The pipeline engine. All state is in PipelineRun / PipelineStageItem, so
 * any number of workers share a run and a killed one loses nothing:
 *
 * - an item is a row per (run, stage); `pending` rows wait for a batch;
 * - `dispatchRun` claims up to `batchSize` pending rows per free slot of a
 *   stage (`FOR UPDATE SKIP LOCKED`, marked `running` with the batch id in
 *   `output.batch`) and enqueues the batch's job in the same transaction, so
 *   a claim never exists without a job to run it; a stage never has more than
 *   `concurrency` distinct batch ids running;
 * - a batch job runs the stage on its items (outside any transaction), then in
 *   one transaction records each result, creates the succeeded items' rows of
 *   the next stage, and dispatches again;
 * - a failed item waits (`failed`) for a retry job after exponential backoff,
 *   or is `dead` after `maxAttempts`; dead items are retried on request;
 * - the run ends when no item is pending, running or failed.
 *
 * Every bookkeeping transaction locks the run row first: claims and the end
 * check see each other's committed writes, so the run ends exactly once.
 * A batch re-run after a crash processes the same items again; stages are
 * idempotent (upserts), so nothing is applied twice.
 */
import { randomUUID } from 'node:crypto';
import type { Prisma, Tx } from '@racine/db';
import { type Actor, actorUserId, systemActor } from '../actor';
import { appendActivity } from '../activity/append';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { enqueueJob } from '../jobs/queue';
import { type PipelineDefinition, parsePipelineDefinition } from './definition';
import { listSourceItems } from './items';
import { runStage } from './stages';
import type { ItemResult } from './stages/types';

/**
 * Task names. RACINE_PIPELINE_TASK_SUFFIX (read at load) gives a process its own task names,
 * which no other process's worker serves: tests running side by side keep their jobs apart.
 */
const taskSuffix = process.env.RACINE_PIPELINE_TASK_SUFFIX ?? '';
export const PIPELINE_BATCH_TASK = `pipeline:batch${taskSuffix}`;
export const PIPELINE_RETRY_TASK = `pipeline:retry${taskSuffix}`;

/** First retry delay; doubles per attempt, ±20% jitter. RACINE_PIPELINE_BACKOFF_MS overrides (tests). */
const backoffBaseMs = () => Number(process.env.RACINE_PIPELINE_BACKOFF_MS ?? 2_000);
export function retryDelayMs(attempts: number, base = backoffBaseMs()): number {
  const delay = Math.min(base * 2 ** Math.max(0, attempts - 1), 300_000);
  return Math.round(delay * (0.8 + Math.random() * 0.4));
}

export interface LockedRun {
  id: string;
  pipelineId: string;
  workspaceId: string;
  status: string;
  definition: unknown;
}

/** Locks the run row for this transaction (see the header) and returns it. */
export async function lockRun(tx: Tx, runId: string): Promise<LockedRun | null> {
  const rows = await tx.$queryRaw<LockedRun[]>`
    SELECT id, "pipelineId", "workspaceId", status::text AS status, definition FROM "PipelineRun" WHERE id = ${runId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

/**
 * Claims work for every stage with free slots and enqueues its batch jobs;
 * ends the run when nothing is left. Call inside a transaction that holds the
 * run lock. Returns the id of the activity row it appended, if the run ended.
 */
export async function dispatchRun(
  tx: Tx,
  deps: ServiceDeps,
  runId: string,
): Promise<bigint | null> {
  const run = await tx.pipelineRun.findUnique({
    where: { id: runId },
    select: {
      id: true,
      status: true,
      definition: true,
      workspaceId: true,
      pipelineId: true,
      startedAt: true,
    },
  });
  if (!run || run.status !== 'running') return null;
  const definition = parsePipelineDefinition(run.definition);
  // By stageIndex (not the stage id), so the (runId, stageIndex, status) index serves both queries.
  for (const [index, stage] of definition.stages.entries()) {
    const [{ inflight }] = await tx.$queryRaw<[{ inflight: bigint }]>`
      SELECT count(DISTINCT output->>'batch') AS inflight FROM "PipelineStageItem" WHERE "runId" = ${runId} AND "stageIndex" = ${index} AND status = 'running'`;
    for (let slot = Number(inflight); slot < stage.concurrency; slot++) {
      const batchId = randomUUID();
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        UPDATE "PipelineStageItem" SET status = 'running', attempts = attempts + 1, "startedAt" = ${deps.clock()}, "finishedAt" = NULL,
               output = jsonb_build_object('batch', ${batchId}::text)
         WHERE id IN (SELECT id FROM "PipelineStageItem"
                       WHERE "runId" = ${runId} AND "stageIndex" = ${index} AND status = 'pending'
                       ORDER BY "itemKey" LIMIT ${stage.batchSize} FOR UPDATE SKIP LOCKED)
        RETURNING id`;
      if (!claimed.length) break;
      await enqueueJob(
        tx,
        PIPELINE_BATCH_TASK,
        { runId, stage: stage.id, batchId },
        { jobKey: `pipeline-batch:${batchId}`, maxAttempts: 5 },
      );
    }
  }
  const open = await tx.pipelineStageItem.count({
    where: { runId, status: { in: ['pending', 'running', 'failed'] } },
  });
  if (open > 0) return null;
  return finishRun(tx, deps, run.id, run.workspaceId, run.pipelineId, definition, run.startedAt);
}

async function finishRun(
  tx: Tx,
  deps: ServiceDeps,
  runId: string,
  workspaceId: string,
  pipelineId: string,
  definition: PipelineDefinition,
  startedAt: Date | null,
): Promise<bigint> {
  const counts = await tx.pipelineStageItem.groupBy({
    by: ['stage', 'status'],
    where: { runId },
    _count: { _all: true },
  });
  const deadByStage = counts
    .filter((c) => c.status === 'dead')
    .map((c) => `${c._count._all} at ${c.stage}`);
  const dead = counts.filter((c) => c.status === 'dead').reduce((n, c) => n + c._count._all, 0);
  const published = counts
    .filter((c) => c.status === 'succeeded' && c.stage === definition.stages.at(-1)?.id)
    .reduce((n, c) => n + c._count._all, 0);
  const now = deps.clock();
  const status = dead ? 'failed' : 'succeeded';
  const error = dead
    ? `${dead} item${dead === 1 ? '' : 's'} dead-lettered (${deadByStage.join(', ')})`
    : null;
  await tx.pipelineRun.update({ where: { id: runId }, data: { status, finishedAt: now, error } });
  return appendActivity(
    tx,
    systemActor,
    {
      type: `pipeline.run.${status}`,
      category: 'execution',
      sourceGroup: 'pipeline',
      action: 'finish',
      resourceType: 'pipelineRun',
      resourceId: runId,
      workspaceId,
      status: dead ? 'failure' : 'success',
      durationMs: startedAt ? now.getTime() - startedAt.getTime() : null,
      details: { pipelineId, completed: published, dead, error },
    },
    now,
  );
}

/**
 * Starts a run: snapshots the definition, lists the source's tables as items
 * of the first stage, and dispatches the first batches, all in the
 * transaction that records the start. A source with no table ends at once.
 */
export async function executePipeline(
  deps: ServiceDeps,
  actor: Actor,
  id: string,
  trigger: 'manual' | 'cron' | 'event' | 'webhook' = 'manual',
  /** For the scheduler: start only if no run of this trigger began after this time (two ticks start one run). */
  options: { onlyIfNoRunOfTriggerSince?: Date } = {},
): Promise<{ runId: string }> {
  let finishedId: bigint | null = null;
  const result = await mutate(
    deps,
    actor,
    {
      type: 'pipeline.run.started',
      category: 'execution',
      sourceGroup: 'pipeline',
      action: 'run',
      resourceType: 'pipelineRun',
    },
    async (tx) => {
      if (options.onlyIfNoRunOfTriggerSince) {
        await tx.$executeRawUnsafe(
          'SELECT pg_advisory_xact_lock(hashtext($1))',
          `pipeline-start:${id}`,
        );
        const newer = await tx.pipelineRun.findFirst({
          where: { pipelineId: id, trigger, createdAt: { gt: options.onlyIfNoRunOfTriggerSince } },
          select: { id: true },
        });
        if (newer)
          throw new AppError(
            'CONFLICT',
            `Pipeline ${id} was already started for this slot (run ${newer.id})`,
            { runId: newer.id },
          );
      }
      const pipeline = await tx.pipeline.findFirst({
        where: { id, deletedAt: null },
        select: {
          id: true,
          name: true,
          workspaceId: true,
          version: true,
          enabled: true,
          definition: true,
        },
      });
      if (!pipeline) throw notFound('Pipeline', id);
      if (!pipeline.enabled)
        throw new AppError(
          'PRECONDITION_FAILED',
          `Pipeline "${pipeline.name}" is disabled; enable it to run it`,
        );
      const definition = parsePipelineDefinition(pipeline.definition);
      const items = await listSourceItems(tx, definition.source);
      const first = definition.stages[0]!;
      const run = await tx.pipelineRun.create({
        data: {
          pipelineId: id,
          workspaceId: pipeline.workspaceId,
          version: pipeline.version,
          definition: definition as Prisma.InputJsonValue,
          status: 'running',
          trigger,
          itemsTotal: items.length,
          createdById: actorUserId(actor),
          startedAt: deps.clock(),
        },
        select: { id: true },
      });
      if (items.length)
        await tx.pipelineStageItem.createMany({
          data: items.map((item) => ({
            runId: run.id,
            stage: first.id,
            stageIndex: 0,
            itemKey: item.qualifiedName,
            item: item as unknown as Prisma.InputJsonValue,
          })),
        });
      await lockRun(tx, run.id);
      finishedId = await dispatchRun(tx, deps, run.id);
      return {
        result: { runId: run.id },
        resourceId: run.id,
        workspaceId: pipeline.workspaceId,
        details: {
          pipelineId: id,
          pipelineName: pipeline.name,
          version: pipeline.version,
          trigger,
          items: items.length,
        },
      };
    },
  );
  if (finishedId !== null) await deps.bus.publish(finishedId).catch(() => {});
  return result;
}

interface BatchJob {
  runId: string;
  stage: string;
  batchId: string;
}

/** The `pipeline:batch` job: runs one claimed batch and records its results. Safe to run again (see the header). */
export async function runPipelineBatch(deps: ServiceDeps, job: BatchJob): Promise<void> {
  const items = await deps.db.$queryRaw<
    { id: string; itemKey: string; item: unknown; attempts: number; stageIndex: number }[]
  >`
    SELECT id, "itemKey", item, attempts, "stageIndex" FROM "PipelineStageItem"
     WHERE "runId" = ${job.runId} AND stage = ${job.stage} AND status = 'running' AND output->>'batch' = ${job.batchId} ORDER BY "itemKey"`;
  if (!items.length) return;
  const run = await deps.db.pipelineRun.findUnique({
    where: { id: job.runId },
    select: { id: true, workspaceId: true, pipelineId: true, definition: true },
  });
  if (!run) return;
  const definition = parsePipelineDefinition(run.definition);
  const stageIndex = definition.stages.findIndex((s) => s.id === job.stage);
  const stage = definition.stages[stageIndex]!;
  const next = definition.stages[stageIndex + 1];
  const results = await runStage(deps, { run: { ...run, definition }, stage }, items);

  const record = (results: ItemResult[]) =>
    deps.db.$transaction(
      async (tx) => {
        const locked = await lockRun(tx, job.runId);
        if (!locked) return null;
        for (const [i, item] of items.entries()) {
          const r = results[i]!;
          const now = deps.clock();
          if (r.ok) {
            const done = await tx.pipelineStageItem.updateMany({
              where: { id: item.id, status: 'running' },
              data: {
                status: 'succeeded',
                output: r.output as Prisma.InputJsonValue,
                error: null,
                finishedAt: now,
                durationMs: Math.round(r.durationMs),
              },
            });
            if (done.count && next)
              await tx.pipelineStageItem.createMany({
                data: [
                  {
                    runId: job.runId,
                    stage: next.id,
                    stageIndex: stageIndex + 1,
                    itemKey: item.itemKey,
                    item: item.item as Prisma.InputJsonValue,
                  },
                ],
                skipDuplicates: true,
              });
          } else {
            const dead = item.attempts >= stage.maxAttempts;
            const failed = await tx.pipelineStageItem.updateMany({
              where: { id: item.id, status: 'running' },
              data: {
                status: dead ? 'dead' : 'failed',
                output: (r.output ?? null) as Prisma.InputJsonValue,
                error: r.error,
                finishedAt: now,
                durationMs: Math.round(r.durationMs),
              },
            });
            if (failed.count && !dead)
              await enqueueJob(
                tx,
                PIPELINE_RETRY_TASK,
                { runId: job.runId, itemId: item.id },
                {
                  runAt: new Date(now.getTime() + retryDelayMs(item.attempts)),
                  jobKey: `pipeline-retry:${item.id}:${item.attempts}`,
                },
              );
          }
        }
        return dispatchRun(tx, deps, job.runId);
      },
      { timeout: 30_000, maxWait: 30_000 },
    );
  let finishedId: bigint | null;
  try {
    finishedId = await record(results);
  } catch (error) {
    // The results could not be recorded (e.g. an output the database refuses): record the items as
    // failed instead, so they are retried and then dead-lettered rather than left claimed forever.
    // If that fails too (the database is down), the job throws and graphile-worker runs it again.
    const message = `Recording the result failed: ${(error as Error).message}`;
    finishedId = await record(
      results.map((r) => ({ ok: false, error: message, durationMs: r.durationMs })),
    );
  }
  if (finishedId !== null) await deps.bus.publish(finishedId).catch(() => {});
}

/** The `pipeline:retry` job: a failed item's backoff has passed; it is pending again. */
export async function retryPipelineItem(
  deps: ServiceDeps,
  job: { runId: string; itemId: string },
): Promise<void> {
  const finishedId = await deps.db.$transaction(async (tx) => {
    if (!(await lockRun(tx, job.runId))) return null;
    await tx.pipelineStageItem.updateMany({
      where: { id: job.itemId, status: 'failed' },
      data: { status: 'pending' },
    });
    return dispatchRun(tx, deps, job.runId);
  });
  if (finishedId !== null) await deps.bus.publish(finishedId).catch(() => {});
}
