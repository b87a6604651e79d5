/**
 * Housekeeping that runs on a schedule and needs no payload: expiring
 * time-bound access, sending due emails and digests, forgetting stale
 * presence. One entry per task; the worker registers each with its crontab
 * line and keeps its routine completions out of the console. Every task must
 * be idempotent: a tick that runs twice, or late, changes nothing twice.
 */
import { accessExpiryTask } from '../access/expiry';
import type { ServiceDeps } from '../deps';
import { guestExpiryTask } from '../guests/expiry';
import { dailyDigestTask } from '../notifications/digest';
import { emailDeliveryTask } from '../notifications/email';
import { presenceCleanupTask } from '../collab/presence';
import { insightDetectionTask } from '../insights/detect';
import { metricsSnapshotThenDetectTask } from '../insights/after-snapshot';

export interface PeriodicTask {
  /** graphile-worker task name, e.g. "access:expire". */
  name: string;
  /** Five-field cron, e.g. "* * * * *" (graphile-worker's finest grain is a minute). */
  cron: string;
  run: (deps: ServiceDeps) => Promise<unknown>;
}

/** Each module exports its task (`export const xTask: PeriodicTask = …`); list it here. */
export const periodicTasks: PeriodicTask[] = [accessExpiryTask, presenceCleanupTask, emailDeliveryTask, dailyDigestTask, guestExpiryTask, metricsSnapshotThenDetectTask, insightDetectionTask];
