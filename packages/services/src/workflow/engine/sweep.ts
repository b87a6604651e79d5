/**
 * Recovery sweep, at worker start and every minute. Jobs are enqueued in
 * the transaction that makes them due, so normally none is missing; this
 * covers what that cannot: a job removed by hand or failed for good by the
 * queue, an execution left between states by a bug. It
 * - re-enqueues the job of each in-flight step run (ready, retrying, due
 *   waiting, running) of a running execution that has none,
 * - advances running executions that have nothing in flight,
 * - starts queued executions in workspaces with free slots.
 * Only what has been still for `minAgeMs` is touched (a live step is never
 * raced), and only executions whose every step type this engine knows.
 */
import type { ServiceDeps } from '../../deps';
import { advanceLocked, startQueued } from './advance';
import { scheduleStepJob } from './dispatch';
import { writeLog } from './logs';
import { loadDefinition, stepRegistry, typesUsed } from './registry';
import { withTx } from './signals';

export interface SweepResult {
  redispatched: number;
  advanced: number;
  promoted: number;
}

export async function sweepWorkflows(deps: ServiceDeps, options: { minAgeMs?: number } = {}): Promise<SweepResult> {
  const cutoff = new Date(deps.clock().getTime() - (options.minAgeMs ?? 30_000));
  const registry = stepRegistry(deps);
  const known = new Map<string, boolean>();
  const runnable = async (versionId: string) => {
    let ok = known.get(versionId);
    if (ok === undefined) {
      ok = typesUsed(await loadDefinition(deps.db, versionId)).every((t) => registry[t]);
      known.set(versionId, ok);
    }
    return ok;
  };
  const result: SweepResult = { redispatched: 0, advanced: 0, promoted: 0 };

  const orphans = await deps.db.$queryRaw<{ id: string; status: string; nextAttemptAt: Date | null; executionId: string; versionId: string }[]>`
    SELECT s.id, s.status::text AS status, s."nextAttemptAt", s."executionId", e."versionId"
    FROM "WorkflowStepRun" s JOIN "WorkflowExecution" e ON e.id = s."executionId"
    WHERE e.status = 'running'
      AND (s.status IN ('ready', 'retrying', 'running') OR (s.status = 'waiting' AND s."nextAttemptAt" IS NOT NULL AND NOT (s.type = 'forEach' AND s."parentId" IS NULL)))
      AND COALESCE(s."nextAttemptAt", s."startedAt", s."readyAt", e."startedAt") < ${cutoff}
      -- A job the queue gave up on (attempts used up) counts as missing.
      AND NOT EXISTS (SELECT 1 FROM graphile_worker.jobs j WHERE j.key = 'wfstep:' || s.id AND j.attempts < j.max_attempts)
    LIMIT 1000`;
  for (const o of orphans) {
    if (!(await runnable(o.versionId))) continue;
    await withTx(deps, undefined, async (tx) => {
      await scheduleStepJob(deps, tx, o.id, o.status === 'ready' || o.status === 'running' ? null : o.nextAttemptAt, o.status === 'running');
      await writeLog(tx, o.executionId, o.id, `Recovery: its job was missing (${o.status}); enqueued again`, undefined, 'warn');
    });
    result.redispatched++;
  }

  const stuck = await deps.db.$queryRaw<{ id: string; versionId: string }[]>`
    SELECT e.id, e."versionId" FROM "WorkflowExecution" e
    WHERE e.status = 'running' AND COALESCE(e."startedAt", e."createdAt") < ${cutoff}
      AND NOT EXISTS (SELECT 1 FROM "WorkflowStepRun" s WHERE s."executionId" = e.id AND s.status IN ('ready', 'running', 'retrying', 'waiting'))
    LIMIT 500`;
  for (const s of stuck) {
    if (!(await runnable(s.versionId))) continue;
    await withTx(deps, undefined, (tx, effects) => advanceLocked(deps, tx, s.id, effects));
    result.advanced++;
  }

  const queued = await deps.db.$queryRaw<{ workspaceId: string }[]>`
    SELECT DISTINCT "workspaceId" FROM "WorkflowExecution" WHERE status = 'queued' AND "createdAt" < ${cutoff} LIMIT 500`;
  for (const q of queued) {
    result.promoted += (await withTx(deps, undefined, (tx, effects) => startQueued(deps, tx, q.workspaceId, effects))).length;
  }
  return result;
}
