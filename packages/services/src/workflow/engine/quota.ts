/**
 * Concurrency quotas: at most `workspace.settings.maxConcurrentWorkflowRuns`
 * (default 10) running executions per workspace, and at most the
 * definition's `maxConcurrentExecutions` per workflow. Further executions
 * wait as `queued` and start, oldest first, when a slot frees. Every count
 * and promotion happens under a transaction-scoped advisory lock per
 * workspace, so two starts cannot both take the last slot.
 */
import type { Tx } from '@racine/db';
import type { ServiceDeps } from '../../deps';
import type { WorkflowDefinition } from '../definition';
import { writeLog } from './logs';
import { loadDefinition } from './registry';

export const DEFAULT_MAX_CONCURRENT_RUNS = 10;

export async function lockWorkspaceQuota(tx: Tx, workspaceId: string): Promise<void> {
  await tx.$queryRaw`SELECT pg_advisory_xact_lock(hashtextextended(${'racine.workflow.quota:' + workspaceId}, 0))::text`;
}

export function quotaOf(settings: unknown): number {
  const v = (settings as { maxConcurrentWorkflowRuns?: unknown } | null)?.maxConcurrentWorkflowRuns;
  return typeof v === 'number' && Number.isInteger(v) && v >= 1 ? v : DEFAULT_MAX_CONCURRENT_RUNS;
}

async function workspaceQuota(tx: Tx, workspaceId: string): Promise<number> {
  const ws = await tx.workspace.findUnique({ where: { id: workspaceId }, select: { settings: true } });
  return quotaOf(ws?.settings);
}

export interface SlotCheck {
  free: boolean;
  /** Why not, for the execution's log. */
  reason?: string;
}

/** Whether one more execution of this workflow may run now. Call under `lockWorkspaceQuota`. */
export async function hasSlot(tx: Tx, workspaceId: string, workflowId: string, definition: WorkflowDefinition): Promise<SlotCheck> {
  const [limit, running] = await Promise.all([
    workspaceQuota(tx, workspaceId),
    tx.workflowExecution.count({ where: { workspaceId, status: 'running' } }),
  ]);
  if (running >= limit) return { free: false, reason: `the workspace already runs ${running} workflow executions (its limit is ${limit})` };
  if (definition.maxConcurrentExecutions) {
    const mine = await tx.workflowExecution.count({ where: { workflowId, status: 'running' } });
    if (mine >= definition.maxConcurrentExecutions) return { free: false, reason: `this workflow already runs ${mine} executions (its limit is ${definition.maxConcurrentExecutions})` };
  }
  return { free: true };
}

/**
 * Starts queued executions of the workspace while slots are free, oldest
 * first; one over its workflow's own limit is passed over, not blocking the
 * others. `start` advances each (it may finish at once, freeing its slot again).
 */
export async function promoteQueued(deps: ServiceDeps, tx: Tx, workspaceId: string, start: (executionId: string) => Promise<boolean>): Promise<string[]> {
  await lockWorkspaceQuota(tx, workspaceId);
  const limit = await workspaceQuota(tx, workspaceId);
  let running = await tx.workflowExecution.count({ where: { workspaceId, status: 'running' } });
  if (running >= limit) return [];
  const queued = await tx.$queryRaw<{ id: string; workflowId: string; versionId: string }[]>`
    SELECT id, "workflowId", "versionId" FROM "WorkflowExecution"
    WHERE "workspaceId" = ${workspaceId} AND status = 'queued'
    ORDER BY "createdAt", id LIMIT 200 FOR UPDATE SKIP LOCKED`;
  const perWorkflow = new Map<string, number>();
  const promoted: string[] = [];
  const now = deps.clock();
  for (const q of queued) {
    if (running >= limit) break;
    const definition = await loadDefinition(tx, q.versionId);
    if (definition.maxConcurrentExecutions) {
      let mine = perWorkflow.get(q.workflowId);
      if (mine === undefined) mine = await tx.workflowExecution.count({ where: { workflowId: q.workflowId, status: 'running' } });
      if (mine >= definition.maxConcurrentExecutions) {
        perWorkflow.set(q.workflowId, mine);
        continue;
      }
      perWorkflow.set(q.workflowId, mine + 1);
    }
    const updated = await tx.$executeRaw`UPDATE "WorkflowExecution" SET status = 'running', "startedAt" = COALESCE("startedAt", ${now}) WHERE id = ${q.id} AND status = 'queued'`;
    if (!updated) continue;
    await writeLog(tx, q.id, null, 'Started: a slot is free');
    running++;
    promoted.push(q.id);
    const finished = await start(q.id);
    if (finished) {
      running--;
      if (definition.maxConcurrentExecutions) perWorkflow.set(q.workflowId, (perWorkflow.get(q.workflowId) ?? 1) - 1);
    }
  }
  return promoted;
}
