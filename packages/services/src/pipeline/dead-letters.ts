import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { parsePipelineDefinition } from './definition';
import { dispatchRun, lockRun } from './engine';
import type { deadLettersInput, retryDeadLettersInput } from './schemas';

export interface DeadLetter {
  id: string;
  runId: string;
  stage: string;
  itemKey: string;
  item: unknown;
  attempts: number;
  error: string | null;
  finishedAt: Date | null;
}

export async function listDeadLetters(
  deps: ServiceDeps,
  input: z.output<typeof deadLettersInput>,
): Promise<{ items: DeadLetter[]; nextCursor: string | null }> {
  const pipeline = await deps.db.pipeline.findFirst({
    where: { id: input.id, deletedAt: null },
    select: { id: true },
  });
  if (!pipeline) throw notFound('Pipeline', input.id);
  const where: Prisma.PipelineStageItemWhereInput = {
    status: 'dead',
    run: { pipelineId: input.id },
    ...(input.runId ? { runId: input.runId } : {}),
    ...(input.stage ? { stage: input.stage } : {}),
  };
  const rows = await deps.db.pipelineStageItem.findMany({
    where,
    select: {
      id: true,
      runId: true,
      stage: true,
      itemKey: true,
      item: true,
      attempts: true,
      error: true,
      finishedAt: true,
    },
    orderBy: [{ finishedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Gives dead items of a run (all, one stage's, or the listed ones) a fresh
 * set of attempts: they go back to pending and are dispatched at once. A run
 * that had ended is running again until they settle.
 */
export async function retryDeadLetters(
  deps: ServiceDeps,
  actor: Actor,
  input: z.output<typeof retryDeadLettersInput>,
): Promise<{ retried: number }> {
  return mutate(
    deps,
    actor,
    {
      type: 'pipeline.deadLetters.retried',
      category: 'execution',
      sourceGroup: 'pipeline',
      action: 'retry',
      resourceType: 'pipelineRun',
      resourceId: input.runId,
    },
    async (tx) => {
      const run = await lockRun(tx, input.runId);
      if (!run) throw notFound('Pipeline run', input.runId);
      if (
        input.stage &&
        !parsePipelineDefinition(run.definition).stages.some((s) => s.id === input.stage)
      )
        throw new AppError('BAD_REQUEST', `The run has no stage "${input.stage}"`, {
          field: 'stage',
        });
      const where: Prisma.PipelineStageItemWhereInput = {
        runId: input.runId,
        status: 'dead',
        ...(input.stage ? { stage: input.stage } : {}),
        ...(input.itemIds ? { id: { in: input.itemIds } } : {}),
      };
      const { count } = await tx.pipelineStageItem.updateMany({
        where,
        data: { status: 'pending', attempts: 0, finishedAt: null },
      });
      if (count > 0 && run.status !== 'running')
        await tx.pipelineRun.update({
          where: { id: run.id },
          data: { status: 'running', finishedAt: null, error: null },
        });
      if (count > 0) await dispatchRun(tx, deps, run.id);
      return {
        result: { retried: count },
        workspaceId: run.workspaceId,
        details: {
          stage: input.stage ?? null,
          retried: count,
          reopened: count > 0 && run.status !== 'running',
        },
      };
    },
  );
}
