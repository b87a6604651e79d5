import { periodicTasks } from './periodic';
import type { DbOrTx } from '@racine/db';
import { Logger, type Runner, run, type Task, type TaskList } from 'graphile-worker';

export interface EnqueueOptions {
  /** De-duplicates: a job with the same key replaces the waiting one. */
  jobKey?: string;
  runAt?: Date;
  maxAttempts?: number;
  queueName?: string;
}

/**
 * Enqueues through SQL on the given client, so a job can be added inside the
 * same transaction as the row it works on: both commit, or neither does.
 */
export async function enqueueJob(db: DbOrTx, task: string, payload: Record<string, unknown>, options: EnqueueOptions = {}): Promise<void> {
  await db.$executeRawUnsafe(
    `SELECT graphile_worker.add_job($1::text, $2::json, queue_name => $3::text, run_at => $4::timestamptz, max_attempts => $5::int, job_key => $6::text)`,
    task,
    JSON.stringify(payload),
    options.queueName ?? null,
    options.runAt ?? null,
    options.maxAttempts ?? null,
    options.jobKey ?? null,
  );
}

export interface WorkerOptions {
  databaseUrl: string;
  tasks: Record<string, Task>;
  concurrency?: number;
  /** Fallback polling; LISTEN/NOTIFY picks jobs up at once where it works (not through embedded PGlite). */
  pollIntervalMs?: number;
  /** graphile-worker crontab lines for periodic tasks. */
  crontab?: string;
}

/**
 * Periodic housekeeping tasks (every few seconds or every minute): their
 * "Completed task" lines would drown the console of `npm start`. Their
 * failures and everything else are still logged.
 */
const QUIET_WHEN_DONE = /^Completed task \d+ \((scan:tick|workflow:events|workflow:cron|workflow:sweep|pipeline:tick|compliance:waivers)\b/;
const COMPLETED_TASK = /^Completed task \d+ \(([^,)\s]+)/;
export const isRoutineCompletion = (message: string) => QUIET_WHEN_DONE.test(message) || periodicTasks.some((t) => COMPLETED_TASK.exec(message)?.[1] === t.name);

// graphile-worker's own console format: "[worker(id: task{job})] LEVEL: message".
const racineLogger = new Logger((scope) => {
  const where = scope.workerId ? `(${scope.workerId}${scope.taskIdentifier ? `: ${scope.taskIdentifier}` : ''}${scope.jobId ? `{${scope.jobId}}` : ''})` : '';
  const prefix = `[${scope.label ?? 'core'}${where}]`;
  return (level, message) => {
    if (level === 'info' && isRoutineCompletion(message)) return;
    const line = `${prefix} ${level.toUpperCase()}: ${message}`;
    if (level === 'error') console.error(line);
    else if (level === 'warning') console.warn(line);
    else if (level === 'info') console.log(line);
    else if (process.env.GRAPHILE_LOGGER_DEBUG) console.debug(line);
  };
});

/** Starts the graphile-worker runner (it applies its own schema migrations first). */
export async function startWorker(options: WorkerOptions): Promise<Runner> {
  return run({
    connectionString: options.databaseUrl,
    concurrency: options.concurrency ?? 2,
    pollInterval: options.pollIntervalMs ?? 1000,
    noHandleSignals: true,
    // Named prepared statements live in the session, and the embedded PGlite serves every
    // connection from one session, where they collide; unnamed statements work everywhere.
    noPreparedStatements: true,
    taskList: options.tasks as TaskList,
    crontab: options.crontab ?? '',
    logger: racineLogger,
  });
}

/** Applies graphile-worker's schema without starting a worker (tests, and enqueue before any worker runs). */
export async function migrateJobSchema(databaseUrl: string): Promise<void> {
  const { runMigrations } = await import('graphile-worker');
  await runMigrations({ connectionString: databaseUrl });
}
