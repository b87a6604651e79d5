import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { nextRunAt, runScan } from './scans';

/**
 * Queues every enabled scan whose schedule is due, then moves its next run
 * forward. Called every minute by the job queue's cron; a scan still running
 * from last time is skipped, not queued twice.
 */
export async function runDueScans(deps: ServiceDeps): Promise<number> {
  const now = deps.clock();
  const due = await deps.db.scan.findMany({ where: { enabled: true, schedule: { not: null }, nextRunAt: { lte: now } }, select: { id: true, schedule: true } });
  let queued = 0;
  for (const scan of due) {
    await deps.db.scan.update({ where: { id: scan.id }, data: { nextRunAt: nextRunAt(scan.schedule, now) } });
    try {
      await runScan(deps, systemActor, scan.id, 'schedule');
      queued++;
    } catch (error) {
      if (!(error instanceof AppError && error.code === 'CONFLICT')) throw error;
    }
  }
  return queued;
}
