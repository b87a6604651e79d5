/**
 * The trigger jobs on the durable queue. `workflow:cron` runs every minute
 * (graphile-worker's crontab; a schedule has minute resolution anyway).
 * `workflow:events` reads the activity log every few seconds: it runs, then
 * queues itself again, and the minute crontab restarts the chain should a
 * worker die with it. The job key keeps a single one waiting.
 */
import type { Task } from 'graphile-worker';
import type { ServiceDeps } from '../../deps';
import { enqueueJob } from '../../jobs/queue';
import { runDueWorkflows } from './cron';
import { runEventTriggers } from './event';

export const CRON_TRIGGER_TASK = 'workflow:cron';
export const EVENT_TRIGGER_TASK = 'workflow:events';
export const EVENT_POLL_MS = 5_000;

export function triggerJobTasks(deps: ServiceDeps): Record<string, Task> {
  return {
    [CRON_TRIGGER_TASK]: async () => {
      await runDueWorkflows(deps);
    },
    [EVENT_TRIGGER_TASK]: async () => {
      try {
        await runEventTriggers(deps);
      } finally {
        await enqueueJob(deps.db, EVENT_TRIGGER_TASK, {}, { jobKey: 'workflow-events', runAt: new Date(Date.now() + EVENT_POLL_MS), maxAttempts: 1 });
      }
    },
  };
}

export const triggerCrontab = [`* * * * * ${CRON_TRIGGER_TASK} ?max=1&jobKey=workflow-cron`, `* * * * * ${EVENT_TRIGGER_TASK} ?max=1&jobKey=workflow-events`];
