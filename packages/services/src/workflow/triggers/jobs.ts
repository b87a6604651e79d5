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
        // The next read in a few seconds (the job key keeps one waiting); a test engine's worker does not keep the chain.
        if (!deps.workflowEngine)
          await enqueueJob(deps.db, EVENT_TRIGGER_TASK, {}, { jobKey: 'workflow-events', runAt: new Date(Date.now() + EVENT_POLL_MS), maxAttempts: 1 });
      }
    },
  };
}

/**
 * The crontab lines. A worker with a test or bench engine (its own registry and task suffix)
 * gets none: triggers belong to the production engine, and a test worker must not start
 * executions of other tests' workflows.
 */
export function triggerCrontab(deps: ServiceDeps): string[] {
  if (deps.workflowEngine) return [];
  return [`* * * * * ${CRON_TRIGGER_TASK} ?max=1&jobKey=workflow-cron`, `* * * * * ${EVENT_TRIGGER_TASK} ?max=1&jobKey=workflow-events`];
}
