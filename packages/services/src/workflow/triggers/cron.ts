/**
 * The cron trigger. Every minute the job queue runs `runDueWorkflows`: each
 * enabled workflow whose `nextRunAt` has come starts one execution for that
 * slot, then its `nextRunAt` moves to the next slot after now (a worker that
 * was down for hours runs the missed schedule once, not once per slot).
 *
 * No double start: the execution's triggerKey is `cron:<workflowId>:<slot>`,
 * unique in the database, so two workers ticking at once, or a tick that
 * died between starting and advancing, start the slot's execution once.
 */
import { systemActor } from '../../actor';
import type { ServiceDeps } from '../../deps';
import { AppError } from '../../errors';
import { startExecution } from '../engine/start';
import { nextCronRun } from './mirror';

export const cronTriggerKey = (workflowId: string, slot: Date) => `cron:${workflowId}:${slot.toISOString()}`;

export interface CronTickResult {
  started: { workflowId: string; executionId: string; slot: Date }[];
  /** Workflows whose start was refused (a required parameter without a default, …): their schedule still moves on. */
  refused: { workflowId: string; slot: Date; message: string }[];
}

/** `workflowIds`: only these (a test's own; the job tick takes every due workflow). */
export async function runDueWorkflows(deps: ServiceDeps, options: { workflowIds?: string[]; limit?: number } = {}): Promise<CronTickResult> {
  const now = deps.clock();
  const due = await deps.db.workflow.findMany({
    where: { enabled: true, deletedAt: null, cron: { not: null }, nextRunAt: { lte: now }, ...(options.workflowIds ? { id: { in: options.workflowIds } } : {}) },
    select: { id: true, cron: true, nextRunAt: true },
    orderBy: { nextRunAt: 'asc' },
    take: options.limit ?? 100,
  });
  const result: CronTickResult = { started: [], refused: [] };
  for (const workflow of due) {
    const slot = workflow.nextRunAt!;
    try {
      const execution = await startExecution(deps, systemActor, {
        workflowId: workflow.id,
        trigger: 'cron',
        triggerKey: cronTriggerKey(workflow.id, slot),
        triggerDetails: { cron: workflow.cron, slot: slot.toISOString() },
      });
      result.started.push({ workflowId: workflow.id, executionId: execution.id, slot });
    } catch (error) {
      // A refusal is the workflow's problem, not the tick's: record it and move the schedule on.
      if (!(error instanceof AppError)) throw error;
      result.refused.push({ workflowId: workflow.id, slot, message: error.message });
    }
    // Only the tick that still sees this slot moves it (another may have moved it already).
    await deps.db.workflow.updateMany({ where: { id: workflow.id, nextRunAt: slot }, data: { nextRunAt: nextCronRun(workflow.cron!, now) } });
  }
  return result;
}
