/**
 * Starting an execution: checks the workflow (exists, enabled), its version
 * and the parameters; creates the execution and one pending step run per
 * step; runs it now when the quotas allow, else queues it. A trigger's
 * delivery id (`triggerKey`) makes a start idempotent: the same key twice
 * returns the first execution.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '@racine/db';
import { z } from 'zod';
import { mutate } from '../../activity/record';
import { type Actor, actorUserId } from '../../actor';
import type { ServiceDeps } from '../../deps';
import { AppError, isUniqueViolation } from '../../errors';
import { advanceLocked } from './advance';
import { writeLog } from './logs';
import { checkParamReferences, coerceParams } from './params';
import { hasSlot, lockWorkspaceQuota } from './quota';
import { parseDefinition, retryFor, stepRegistry, typesUsed } from './registry';
import { Effects, zodMessage } from './signals';
import type { ExecutionStatus } from './types';

export const startExecutionInput = z.object({
  workflowId: z.uuid('Not a workflow id'),
  version: z.number().int().min(1).optional(),
  trigger: z.enum(['manual', 'cron', 'event', 'webhook']),
  params: z.record(z.string(), z.unknown()).default({}),
  triggerDetails: z.record(z.string(), z.unknown()).default({}),
  triggerKey: z.string().min(1).max(300).optional(),
});
export type StartExecutionInput = z.input<typeof startExecutionInput>;

export async function startExecution(deps: ServiceDeps, actor: Actor, raw: StartExecutionInput): Promise<{ id: string; status: ExecutionStatus }> {
  const parsed = startExecutionInput.safeParse(raw);
  if (!parsed.success) throw new AppError('BAD_REQUEST', zodMessage(parsed.error));
  const input = parsed.data;
  const existing = async () =>
    input.triggerKey ? deps.db.workflowExecution.findUnique({ where: { triggerKey: input.triggerKey }, select: { id: true, status: true } }) : null;
  const before = await existing();
  if (before) return before;
  const effects = new Effects();
  try {
    const result = await mutate(
      deps,
      actor,
      { type: 'workflow.execution.started', category: 'execution', sourceGroup: 'workflow', action: 'start', resourceType: 'workflowExecution' },
      async (tx) => {
        const created = await createExecution(deps, tx, actor, input, effects);
        return {
          result: { id: created.id, status: created.status },
          resourceId: created.id,
          workspaceId: created.workspaceId,
          details: { workflowId: input.workflowId, workflowName: created.workflowName, version: created.version, trigger: input.trigger, triggerKey: input.triggerKey ?? null, status: created.status },
          after: { params: created.params },
        };
      },
    );
    await effects.flush(deps);
    return result;
  } catch (error) {
    // Two deliveries of one trigger raced: the other one created it.
    if (input.triggerKey && isUniqueViolation(error)) {
      const winner = await existing();
      if (winner) return winner;
    }
    throw error;
  }
}

async function createExecution(deps: ServiceDeps, tx: Tx, actor: Actor, input: z.output<typeof startExecutionInput>, effects: Effects) {
  const workflow = await tx.workflow.findUnique({ where: { id: input.workflowId }, select: { id: true, name: true, workspaceId: true, enabled: true, deletedAt: true, latestVersion: true } });
  if (!workflow || workflow.deletedAt) throw new AppError('NOT_FOUND', `Workflow ${input.workflowId} was not found`, { id: input.workflowId });
  if (!workflow.enabled) throw new AppError('PRECONDITION_FAILED', `Workflow "${workflow.name}" is disabled; enable it to run it`);
  const versionNumber = input.version ?? workflow.latestVersion;
  const version = await tx.workflowVersion.findUnique({ where: { workflowId_version: { workflowId: workflow.id, version: versionNumber } }, select: { id: true, definition: true } });
  if (!version) throw new AppError('NOT_FOUND', `Workflow "${workflow.name}" has no version ${versionNumber}`, { field: 'version' });
  const definition = parseDefinition(version.id, version.definition);
  const registry = stepRegistry(deps);
  const unknown = typesUsed(definition).filter((t) => !registry[t]);
  if (unknown.length) throw new AppError('PRECONDITION_FAILED', `Version ${versionNumber} uses step types this server does not know: ${unknown.join(', ')}`);
  const params = coerceParams(definition.parameters, input.params);
  await checkParamReferences(tx, definition.parameters, params, workflow.workspaceId);

  await lockWorkspaceQuota(tx, workflow.workspaceId);
  const slot = await hasSlot(tx, workflow.workspaceId, workflow.id, definition);
  const id = randomUUID();
  const now = deps.clock();
  const status: ExecutionStatus = slot.free ? 'running' : 'queued';
  await tx.workflowExecution.create({
    data: {
      id,
      workflowId: workflow.id,
      versionId: version.id,
      version: versionNumber,
      workspaceId: workflow.workspaceId,
      status,
      trigger: input.trigger,
      triggerDetails: input.triggerDetails as object,
      params: params as object,
      triggerKey: input.triggerKey ?? null,
      createdById: actorUserId(actor),
      createdAt: now,
      startedAt: slot.free ? now : null,
    },
  });
  await tx.workflowStepRun.createMany({
    data: definition.steps.map((s) => ({
      executionId: id,
      stepId: s.id,
      type: s.type,
      maxAttempts: retryFor(registry[s.type], s.retry).attempts,
      idempotencyKey: `${id}:${s.id}`,
    })),
  });
  await writeLog(tx, id, null, slot.free ? `Started (${input.trigger}), version ${versionNumber}` : `Queued (${input.trigger}): ${slot.reason}`, { params });
  // A run whose every step is skipped at once finishes here.
  const finished = slot.free && (await advanceLocked(deps, tx, id, effects));
  effects.touched(id);
  const final = finished ? (await tx.workflowExecution.findUniqueOrThrow({ where: { id }, select: { status: true } })).status : status;
  return { id, status: final, workspaceId: workflow.workspaceId, workflowName: workflow.name, version: versionNumber, params };
}
