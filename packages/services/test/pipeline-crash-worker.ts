/**
 * A worker process for the pipeline crash test: the real graphile-worker
 * runner with the real pipeline tasks only. At start it unlocks the
 * pipeline jobs a killed worker left locked (what `startRacineWorker`'s
 * `soleWorker` start does for all jobs), so they run again now rather than
 * after graphile-worker's lock expiry. Prints "worker-ready" once running.
 */
import { randomBytes } from 'node:crypto';
import { createDb } from '@racine/db';
import { makeWorkerUtils } from 'graphile-worker';
import { InProcessBus } from '../src/events/bus';
import { migrateJobSchema, startWorker } from '../src/jobs/queue';
import { taskList } from '../src/jobs/tasks';
import { PIPELINE_BATCH_TASK, PIPELINE_RETRY_TASK } from '../src/pipeline/engine';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) throw new Error('DATABASE_URL is not set');
const deps = {
  db: createDb(databaseUrl, { max: 4 }),
  bus: new InProcessBus(),
  clock: () => new Date(),
  secretKey: randomBytes(32),
};
const names = [PIPELINE_BATCH_TASK, PIPELINE_RETRY_TASK];

await migrateJobSchema(databaseUrl);
const utils = await makeWorkerUtils({ connectionString: databaseUrl });
const locked = await utils.withPgClient((c) =>
  c.query<{ locked_by: string }>(
    'SELECT DISTINCT locked_by FROM graphile_worker.jobs WHERE locked_by IS NOT NULL AND task_identifier = ANY($1)',
    [names],
  ),
);
if (locked.rows.length) await utils.forceUnlockWorkers(locked.rows.map((r) => r.locked_by));
await utils.release();

const all = taskList(deps);
const runner = await startWorker({
  databaseUrl,
  tasks: Object.fromEntries(names.map((n) => [n, all[n]!])),
  concurrency: 2,
  pollIntervalMs: 100,
});
console.log('worker-ready');
process.once('SIGTERM', () => void runner.stop().then(() => process.exit(0)));
await runner.promise;
