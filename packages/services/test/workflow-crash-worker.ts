/**
 * A worker process for the crash-recovery test and bench: the real
 * graphile-worker runner with the engine's real tasks, plus the test step
 * types (under their own task names). At start it unlocks the jobs a killed
 * worker of these task names left locked — what `startRacineWorker`'s
 * `soleWorker` start does for all jobs — so they run again now rather than
 * after graphile-worker's lock expiry. Prints "worker-ready" once running.
 */
import { createDb } from '@racine/db';
import { makeWorkerUtils } from 'graphile-worker';
import { InProcessBus } from '../src/events/bus';
import { migrateJobSchema, startWorker } from '../src/jobs/queue';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { taskNames } from '../src/workflow/engine/registry';
import { engineDeps } from './workflow-engine-rig';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set');
const deps = engineDeps({ db: createDb(databaseUrl, { max: 8 }), bus: new InProcessBus(), clock: () => new Date() }, process.env.WORKFLOW_TASK_SUFFIX ?? ':test-crash');

await migrateJobSchema(databaseUrl);
const utils = await makeWorkerUtils({ connectionString: databaseUrl });
const names = taskNames(deps);
const locked = await utils.withPgClient((c) =>
  c.query<{ locked_by: string }>('SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL AND task_identifier = ANY($1)', [[names.step, names.sweep]]),
);
if (locked.rows.length) await utils.forceUnlockWorkers(locked.rows.map((r) => r.locked_by));
await utils.release();

const runner = await startWorker({
  databaseUrl,
  tasks: workflowJobTasks(deps),
  concurrency: Number(process.env.WORKFLOW_WORKER_CONCURRENCY ?? 4),
  pollIntervalMs: 200,
});
console.log('worker-ready');
process.once('SIGTERM', () => void runner.stop().then(() => process.exit(0)));
await runner.promise;
