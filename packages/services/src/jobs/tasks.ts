import type { Runner, Task } from 'graphile-worker';
import type { ServiceDeps } from '../deps';
import { executeScanRun } from '../scan/run-scan';
import { runDueScans } from '../scan/schedule';
import { SCAN_TASK } from '../scan/scans';
import { startWorker } from './queue';

/** Every durable task Racine runs, by name. A new kind of job is one entry here. */
export function taskList(deps: ServiceDeps): Record<string, Task> {
  return {
    [SCAN_TASK]: async (payload, helpers) => {
      const { runId } = payload as { runId: string };
      await executeScanRun(deps, runId, { lastAttempt: helpers.job.attempts >= helpers.job.max_attempts });
    },
    'scan:tick': async () => {
      await runDueScans(deps);
    },
  };
}

/** The worker the web process runs in the embedded default, and `npm run worker` runs in production. */
export function startRacineWorker(deps: ServiceDeps, options: { databaseUrl: string; concurrency?: number; pollIntervalMs?: number }): Promise<Runner> {
  return startWorker({ ...options, tasks: taskList(deps), crontab: '* * * * * scan:tick ?max=1&jobKey=scan-tick' });
}
