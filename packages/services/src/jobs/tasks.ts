import { makeWorkerUtils, type Runner, type Task } from 'graphile-worker';
import type { ServiceDeps } from '../deps';
import { COMPLIANCE_TASK, type EvaluationJob, reopenExpiredWaivers, runEvaluationJob, WAIVER_TASK } from '../compliance/jobs';
import { PIPELINE_BATCH_TASK, PIPELINE_RETRY_TASK, retryPipelineItem, runPipelineBatch } from '../pipeline/engine';
import { PIPELINE_TICK_TASK, runDuePipelines } from '../pipeline/jobs';
import { executeScanRun } from '../scan/run-scan';
import { runDueScans } from '../scan/schedule';
import { SCAN_TASK } from '../scan/scans';
import { workflowCrontab, workflowJobTasks } from '../workflow/engine/jobs';
import { taskNames } from '../workflow/engine/registry';
import { triggerCrontab, triggerJobTasks } from '../workflow/triggers/jobs';
import { periodicTasks } from './periodic';
import { migrateJobSchema, startWorker } from './queue';

/** Every durable task Racine runs, by name. A new kind of job is one entry here. */
export function taskList(deps: ServiceDeps, options: { classifyThreads?: number } = {}): Record<string, Task> {
  return {
    [SCAN_TASK]: async (payload, helpers) => {
      const { runId } = payload as { runId: string };
      await executeScanRun(deps, runId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts, classifyThreads: options.classifyThreads });
    },
    'scan:tick': async () => {
      await runDueScans(deps);
    },
    [COMPLIANCE_TASK]: async (payload) => {
      await runEvaluationJob(deps, payload as EvaluationJob);
    },
    [WAIVER_TASK]: async () => {
      await reopenExpiredWaivers(deps);
    },
    [PIPELINE_BATCH_TASK]: async (payload) => {
      await runPipelineBatch(deps, payload as { runId: string; stage: string; batchId: string });
    },
    [PIPELINE_RETRY_TASK]: async (payload) => {
      await retryPipelineItem(deps, payload as { runId: string; itemId: string });
    },
    [PIPELINE_TICK_TASK]: async () => {
      await runDuePipelines(deps);
    },
    ...workflowJobTasks(deps),
    ...triggerJobTasks(deps),
    ...Object.fromEntries(periodicTasks.map((t): [string, Task] => [t.name, async () => void (await t.run(deps))])),
  };
}

/**
 * The worker the web process runs in the embedded default, and `npm run
 * worker` runs in production. With `soleWorker` (the embedded default, one
 * process), jobs still locked at start belong to a process that died
 * mid-job: they are unlocked so they run again now rather than after
 * graphile-worker's 4-hour lock expiry. Runs are idempotent, so redoing one
 * repeats no effect.
 */
export async function startRacineWorker(deps: ServiceDeps, options: { databaseUrl: string; concurrency?: number; pollIntervalMs?: number; soleWorker?: boolean; classifyThreads?: number }): Promise<Runner> {
  if (options.soleWorker) await unlockAbandonedJobs(options.databaseUrl);
  const { classifyThreads, ...workerOptions } = options;
  const runner = await startWorker({ ...workerOptions, tasks: taskList(deps, { classifyThreads }), crontab: `* * * * * scan:tick ?max=1&jobKey=scan-tick\n17 * * * * ${WAIVER_TASK} ?max=1&jobKey=compliance-waivers\n* * * * * ${PIPELINE_TICK_TASK} ?max=1&jobKey=pipeline-tick\n${workflowCrontab(deps)}\n${triggerCrontab(deps).join('\n')}\n${periodicTasks.map((t) => `${t.cron} ${t.name} ?max=1&jobKey=${t.name}`).join('\n')}` });
  // Workflow recovery at start, not a minute later: steps whose jobs went missing are enqueued again.
  const { sweep } = taskNames(deps);
  await runner.addJob(sweep, {}, { jobKey: sweep });
  return runner;
}

export async function unlockAbandonedJobs(databaseUrl: string): Promise<number> {
  await migrateJobSchema(databaseUrl);
  const utils = await makeWorkerUtils({ connectionString: databaseUrl });
  try {
    const rows = await utils.withPgClient((c) => c.query<{ locked_by: string }>('SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL'));
    const ids = rows.rows.map((r) => r.locked_by);
    if (ids.length) await utils.forceUnlockWorkers(ids);
    return ids.length;
  } finally {
    await utils.release();
  }
}
