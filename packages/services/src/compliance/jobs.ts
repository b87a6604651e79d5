/**
 * Compliance as background work: after every successful scan, one job per
 * enabled framework re-evaluates that source (incrementally), and an hourly
 * job reopens findings whose waiver has expired.
 */
import type { DbOrTx } from '@racine/db';
import { systemActor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { enqueueJob } from '../jobs/queue';
import { evaluateFramework, type EvaluationTrigger } from './evaluate';

export const COMPLIANCE_TASK = 'compliance:evaluate';
export const WAIVER_TASK = 'compliance:waivers';

export interface EvaluationJob {
  frameworkId: string;
  dataSourceId: string | null;
  trigger: EvaluationTrigger;
}

/** In the scan's finishing transaction: the jobs commit with the run's outcome. A job key per framework and source collapses repeats. */
export async function enqueueEvaluationsAfterScan(tx: DbOrTx, dataSourceId: string): Promise<number> {
  const frameworks = await tx.complianceFramework.findMany({ where: { enabled: true }, select: { id: true } });
  for (const f of frameworks)
    await enqueueJob(tx, COMPLIANCE_TASK, { frameworkId: f.id, dataSourceId, trigger: 'scan' } satisfies EvaluationJob, { jobKey: `compliance:${f.id}:${dataSourceId}`, maxAttempts: 3 });
  return frameworks.length;
}

export async function runEvaluationJob(deps: ServiceDeps, job: EvaluationJob): Promise<void> {
  try {
    await evaluateFramework(deps, systemActor, job);
  } catch (error) {
    // The framework was disabled or deleted, or the source removed, since the job was queued: nothing to do.
    if (error instanceof AppError && (error.code === 'NOT_FOUND' || error.code === 'PRECONDITION_FAILED')) return;
    throw error;
  }
}

/** Reopens every waived finding whose waiver has run out, in one audited statement. */
export async function reopenExpiredWaivers(deps: ServiceDeps): Promise<number> {
  const now = deps.clock();
  const due = await deps.db.complianceFinding.count({ where: { status: 'waived', waivedUntil: { lte: now } } });
  if (due === 0) return 0;
  return mutate(deps, systemActor, { type: 'compliance.waivers.expired', category: 'data', sourceGroup: 'compliance', action: 'reopen', resourceType: 'complianceFinding', complianceRelevant: true }, async (tx) => {
    const expired = await tx.complianceFinding.findMany({ where: { status: 'waived', waivedUntil: { lte: now } }, select: { id: true, waivedUntil: true, waiverReason: true } });
    await tx.complianceFinding.updateMany({ where: { id: { in: expired.map((f) => f.id) } }, data: { status: 'open', waiverReason: null, waivedUntil: null, waivedById: null } });
    return { result: expired.length, details: { count: expired.length }, before: expired.slice(0, 200), after: { status: 'open' } };
  });
}
