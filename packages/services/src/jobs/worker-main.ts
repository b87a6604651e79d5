/**
 * `npm run worker`: a standalone job worker (any number of them, on any
 * machine) for production, where the web processes run with RACINE_WORKER=off.
 */
import { getServiceDeps } from '../runtime';
import { classifyThreadsFromEnv } from '../scan/classify-pool';
import { startRacineWorker } from './tasks';

const databaseUrl = process.env.DATABASE_URL;
if (!databaseUrl) {
  console.error('worker: DATABASE_URL is not set');
  process.exit(1);
}
// Scans classify in worker threads here (tsx loads their entry file); the web process keeps them in-thread.
const classifyThreads = classifyThreadsFromEnv();
const runner = await startRacineWorker(getServiceDeps(), { databaseUrl, concurrency: Number(process.env.RACINE_WORKER_CONCURRENCY ?? 4), classifyThreads });
console.log(`worker: running (concurrency ${process.env.RACINE_WORKER_CONCURRENCY ?? 4}, classify threads ${classifyThreads || 'none: in-thread'}); Ctrl-C stops after the current jobs`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => void runner.stop().then(() => process.exit(0)));
await runner.promise;
