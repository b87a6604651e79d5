/**
 * A throwaway, migrated database for one benchmark run: created on the server
 * named by BENCH_DATABASE_URL (default: local PostgreSQL) as
 * racine_bench_<time>_<random>, and dropped WITH (FORCE) at the end.
 */
import { randomBytes } from 'node:crypto';
import { migrateDeploy } from '@racine/db/migrate';
import pg from 'pg';

export const DEFAULT_BENCH_SERVER = 'postgresql://postgres@127.0.0.1:5432/postgres';

/**
 * A bench setting: BENCH_<NAME>, or RACINE_BENCH_<NAME>. Under `npm run bench`
 * turbo's strict env mode passes only RACINE_* (and a few others) through, so
 * BENCH_* works when the bench is run directly (npm run bench -w …, tsx) and
 * RACINE_BENCH_* works everywhere.
 */
export function benchEnv(name: string): string | undefined {
  return process.env[`BENCH_${name}`] || process.env[`RACINE_BENCH_${name}`] || undefined;
}

export function benchServerUrl(): string {
  return benchEnv('DATABASE_URL') ?? DEFAULT_BENCH_SERVER;
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

async function admin<T>(serverUrl: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface BenchDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** An empty database `<prefix>_<random>` on the server; `drop` (idempotent) removes it WITH (FORCE). */
export async function createEmptyDatabase(serverUrl: string, prefix: string): Promise<BenchDatabase> {
  const name = `${prefix}_${randomBytes(4).toString('hex')}`;
  await admin(serverUrl, (c) => c.query(`CREATE DATABASE ${quoteIdent(name)}`));
  const u = new URL(serverUrl);
  u.pathname = `/${name}`;
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await admin(serverUrl, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
  };
  return { url: u.toString(), name, drop };
}

export async function createBenchDatabase(serverUrl = benchServerUrl()): Promise<BenchDatabase> {
  const db = await createEmptyDatabase(serverUrl, `racine_bench_${Date.now().toString(36)}`);
  try {
    await migrateDeploy(db.url);
  } catch (error) {
    await db.drop().catch(() => {});
    throw error;
  }
  return db;
}

/** Drops the database on Ctrl-C too, so an interrupted run leaves nothing behind. */
export function dropOnSignal(db: BenchDatabase) {
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => {
      process.stderr.write(`\n${signal}: dropping ${db.name}\n`);
      void db.drop().finally(() => process.exit(130));
    });
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export const log = (...parts: unknown[]) => process.stderr.write(`${parts.join(' ')}\n`);
