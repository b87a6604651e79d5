/**
 * Dispatch: a step run becomes `ready` and its job is enqueued in the same
 * transaction, so a crash can never leave a ready step without a job, nor a
 * job for a step that was not marked. The job key is the step run id: a
 * second enqueue for the same step replaces the waiting job instead of
 * adding one (graphile-worker clears the key of a job that is running and
 * adds a fresh one).
 */
import type { Tx } from '@racine/db';
import type { ServiceDeps } from '../../deps';
import { enqueueJob } from '../../jobs/queue';
import { FOR_EACH_TYPE } from '../steps/for-each';
import { taskNames } from './registry';

export const stepJobKey = (stepRunId: string) => `wfstep:${stepRunId}`;

/** Marks pending step runs ready and enqueues one job each (one statement for all the jobs). */
export async function dispatchPending(deps: ServiceDeps, tx: Tx, stepRunIds: string[]): Promise<number> {
  if (!stepRunIds.length) return 0;
  // Stamped as late as possible: readyAt → startedAt is the dispatch overhead the bench measures.
  const now = deps.clock();
  // One statement: mark, then enqueue a job per row actually marked.
  const [row] = await tx.$queryRawUnsafe<{ n: number }[]>(
    `WITH marked AS (
       UPDATE "WorkflowStepRun" SET status = 'ready', "readyAt" = $1, "nextAttemptAt" = NULL
       WHERE id = ANY($2::text[]) AND status = 'pending' RETURNING id
     )
     SELECT count(*)::int AS n FROM (SELECT graphile_worker.add_job($3::text, json_build_object('stepRunId', id), job_key => 'wfstep:' || id) FROM marked) jobs`,
    now,
    stepRunIds,
    taskNames(deps).step,
  );
  return row?.n ?? 0;
}

/** Enqueues (or re-enqueues) the job of one step run, e.g. a retry at its backoff time or a wake-up. */
export async function scheduleStepJob(deps: ServiceDeps, tx: Tx, stepRunId: string, runAt?: Date | null, takeover = false): Promise<void> {
  await enqueueJob(tx, taskNames(deps).step, takeover ? { stepRunId, takeover } : { stepRunId }, { jobKey: stepJobKey(stepRunId), runAt: runAt ?? undefined });
}

/** Re-enqueues the jobs of steps that were due while the execution could not run them (their jobs found it paused and left). */
export async function redispatchInFlight(deps: ServiceDeps, tx: Tx, executionId: string): Promise<void> {
  const due = await tx.workflowStepRun.findMany({
    where: { executionId, OR: [{ status: { in: ['ready', 'retrying'] } }, { status: 'waiting', nextAttemptAt: { not: null } }] },
    select: { id: true, status: true, nextAttemptAt: true, type: true, parentId: true },
  });
  for (const s of due) {
    // A fanned-out forEach parent waits on its children, not on a job.
    if (s.type === FOR_EACH_TYPE && s.parentId === null && s.status === 'waiting') continue;
    await scheduleStepJob(deps, tx, s.id, s.status === 'ready' ? null : s.nextAttemptAt);
  }
}
