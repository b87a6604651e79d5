/**
 * Cancel, pause, resume, and completing a parked step from outside.
 * - Cancel: the execution and every unfinished step run → cancelled, open
 *   human tasks of the execution → cancelled; a running step sees its
 *   AbortSignal (at once in this process, within a second elsewhere) and
 *   whatever it returns late is dropped.
 * - Pause: nothing new is dispatched; running steps finish; its slot frees.
 * - Resume: running again if the quotas allow (else queued); the jobs of
 *   steps that came due while paused are enqueued again; the DAG advances.
 */
import type { Tx } from '@racine/db';
import { z } from 'zod';
import { mutate } from '../../activity/record';
import type { Actor } from '../../actor';
import type { ServiceDeps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { FOR_EACH_TYPE } from '../steps/for-each';
import { advanceLocked, type LockedExecution, lockExecution, startQueued } from './advance';
import { redispatchInFlight } from './dispatch';
import { writeLog } from './logs';
import { hasSlot, lockWorkspaceQuota } from './quota';
import { loadDefinition } from './registry';
import { Effects, withTx, zodMessage } from './signals';
import { getExecution } from './views';
import type { ExecutionView } from './types';

const executionId = z.uuid('Not an execution id');

type Control = 'cancel' | 'pause' | 'resume';
const PAST: Record<Control, string> = { cancel: 'cancelled', pause: 'paused', resume: 'resumed' };

async function control(deps: ServiceDeps, actor: Actor, control: Control, id: string, body: (tx: Tx, exec: LockedExecution, effects: Effects) => Promise<void>): Promise<ExecutionView> {
  const parsed = executionId.safeParse(id);
  if (!parsed.success) throw new AppError('BAD_REQUEST', zodMessage(parsed.error));
  const effects = new Effects();
  await mutate(
    deps,
    actor,
    { type: `workflow.execution.${PAST[control]}`, category: 'execution', sourceGroup: 'workflow', action: control, resourceType: 'workflowExecution', resourceId: id },
    async (tx) => {
      const exec = await lockExecution(tx, id);
      if (!exec) throw notFound('Workflow execution', id);
      const before = exec.status;
      await body(tx, exec, effects);
      effects.touched(id);
      const after = await tx.workflowExecution.findUniqueOrThrow({ where: { id }, select: { status: true } });
      return { result: null, workspaceId: exec.workspaceId, before: { status: before }, after: { status: after.status }, details: { workflowId: exec.workflowId } };
    },
  );
  await effects.flush(deps);
  return getExecution(deps, id);
}

const who = (actor: Actor) => (actor.kind === 'system' ? 'the system' : 'a user');

export function cancelExecution(deps: ServiceDeps, actor: Actor, id: string): Promise<ExecutionView> {
  return control(deps, actor, 'cancel', id, async (tx, exec, effects) => {
    if (exec.status === 'succeeded' || exec.status === 'failed' || exec.status === 'cancelled')
      throw new AppError('CONFLICT', `This execution already ${exec.status === 'cancelled' ? 'was cancelled' : exec.status}; only a queued, running or paused one can be cancelled`);
    const now = deps.clock();
    const steps = await tx.workflowStepRun.updateMany({
      where: { executionId: exec.id, status: { in: ['pending', 'ready', 'running', 'waiting', 'retrying'] } },
      data: { status: 'cancelled', finishedAt: now, nextAttemptAt: null },
    });
    await tx.humanTask.updateMany({ where: { executionId: exec.id, status: 'open' }, data: { status: 'cancelled', decidedAt: now } });
    await tx.workflowExecution.update({ where: { id: exec.id }, data: { status: 'cancelled', finishedAt: now, error: `Cancelled by ${who(actor)}` } });
    await writeLog(tx, exec.id, null, `Cancelled by ${who(actor)}; ${steps.count} unfinished steps stopped`, { actorId: actor.kind === 'system' ? null : actor.userId }, 'warn');
    if (exec.status === 'running') await startQueued(deps, tx, exec.workspaceId, effects);
  });
}

export function pauseExecution(deps: ServiceDeps, actor: Actor, id: string): Promise<ExecutionView> {
  return control(deps, actor, 'pause', id, async (tx, exec, effects) => {
    if (exec.status !== 'running' && exec.status !== 'queued') throw new AppError('CONFLICT', `Only a running or queued execution can be paused; this one is ${exec.status}`);
    await tx.workflowExecution.update({ where: { id: exec.id }, data: { status: 'paused' } });
    await writeLog(tx, exec.id, null, `Paused by ${who(actor)}: running steps finish, nothing new starts`);
    if (exec.status === 'running') await startQueued(deps, tx, exec.workspaceId, effects);
  });
}

export function resumeExecution(deps: ServiceDeps, actor: Actor, id: string): Promise<ExecutionView> {
  return control(deps, actor, 'resume', id, async (tx, exec, effects) => {
    if (exec.status !== 'paused') throw new AppError('CONFLICT', `Only a paused execution can be resumed; this one is ${exec.status}`);
    await lockWorkspaceQuota(tx, exec.workspaceId);
    const slot = await hasSlot(tx, exec.workspaceId, exec.workflowId, await loadDefinition(tx, exec.versionId));
    if (!slot.free) {
      await tx.workflowExecution.update({ where: { id: exec.id }, data: { status: 'queued' } });
      await writeLog(tx, exec.id, null, `Resumed by ${who(actor)}; queued: ${slot.reason}`);
      return;
    }
    await tx.workflowExecution.update({ where: { id: exec.id }, data: { status: 'running', startedAt: exec.startedAt ?? deps.clock() } });
    await writeLog(tx, exec.id, null, `Resumed by ${who(actor)}`);
    await redispatchInFlight(deps, tx, exec.id);
    await advanceLocked(deps, tx, exec.id, effects);
  });
}

export const completeWaitingStepOutcome = z.union([z.object({ output: z.record(z.string(), z.unknown()) }), z.object({ error: z.string().min(1).max(4_000) })]);
export type StepOutcome = z.infer<typeof completeWaitingStepOutcome>;

/**
 * Completes a parked step from outside (an approval decided), then advances
 * the DAG. With `tx`, joins the caller's transaction (the decision and the
 * step's completion commit together). An error outcome fails the step for
 * good: it is a decision, not a fault to retry.
 */
export async function completeWaitingStep(deps: ServiceDeps, stepRunId: string, outcome: StepOutcome, tx?: Tx): Promise<void> {
  const parsed = completeWaitingStepOutcome.safeParse(outcome);
  if (!parsed.success) throw new AppError('BAD_REQUEST', zodMessage(parsed.error));
  await withTx(deps, tx, async (t, effects) => {
    const step = await t.workflowStepRun.findUnique({ where: { id: stepRunId }, select: { executionId: true, type: true, parentId: true } });
    if (!step) throw notFound('Step run', stepRunId);
    if (step.type === FOR_EACH_TYPE && step.parentId === null) throw new AppError('CONFLICT', 'A forEach completes when its items do, not from outside');
    // The execution's lock first, as every writer of its step runs takes it.
    await lockExecution(t, step.executionId);
    const now = deps.clock();
    const o = parsed.data;
    // `running` too: a decision can land between the step creating its task and parking; its late "wait" is then dropped.
    const done = await t.workflowStepRun.updateMany({
      where: { id: stepRunId, status: { in: ['waiting', 'running'] } },
      data: 'output' in o ? { status: 'succeeded', output: o.output as object, error: null, finishedAt: now, nextAttemptAt: null } : { status: 'failed', error: o.error, finishedAt: now, nextAttemptAt: null },
    });
    if (!done.count) {
      const current = await t.workflowStepRun.findUniqueOrThrow({ where: { id: stepRunId }, select: { status: true } });
      throw new AppError('CONFLICT', `This step is not waiting for a decision (it is ${current.status})`);
    }
    await writeLog(t, step.executionId, stepRunId, 'output' in o ? 'Completed' : `Failed: ${o.error}`, undefined, 'output' in o ? 'info' : 'error');
    await advanceLocked(deps, t, step.executionId, effects);
  });
}
