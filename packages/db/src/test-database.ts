/**
 * A fresh, migrated database for a test run.
 *
 * - TEST_DATABASE_URL set (any database on a PostgreSQL server, e.g.
 *   postgresql://postgres@127.0.0.1:5432/postgres): creates
 *   `racine_test_<time>_<random>` on that server, and drops it WITH (FORCE)
 *   afterwards. Leftovers older than a day (from killed runs) are dropped too.
 * - Otherwise: an embedded PGlite in a temporary folder, deleted afterwards.
 *
 * Tests share the database and create their own uniquely named data, so
 * nothing is truncated between tests.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { startEmbeddedPostgres } from './embedded';
import { migrateDeploy } from './migrate';

export type TestDatabaseKind = 'postgres' | 'pglite';

export interface TestDatabase {
  url: string;
  kind: TestDatabaseKind;
  /** Drops the database (or stops PGlite and deletes its folder). Safe to call twice. */
  drop(): Promise<void>;
}

export interface CreateTestDatabaseOptions {
  /** Server to create the database on; defaults to TEST_DATABASE_URL. Empty → embedded PGlite. */
  serverUrl?: string;
  /** Apply the migrations (default true). */
  migrate?: boolean;
}

const PREFIX = 'racine_test_';
const STALE_AFTER_MS = 24 * 60 * 60 * 1000;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

function withDatabase(serverUrl: string, database: string): string {
  const u = new URL(serverUrl);
  u.pathname = `/${database}`;
  return u.toString();
}

async function withAdminClient<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropStaleDatabases(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ datname: string }>(
    `SELECT datname FROM pg_database WHERE datname LIKE '${PREFIX}%'`,
  );
  for (const { datname } of rows) {
    const created = parseInt(datname.slice(PREFIX.length).split('_')[0] ?? '', 36);
    if (Number.isFinite(created) && Date.now() - created > STALE_AFTER_MS) {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`).catch(() => {});
    }
  }
}

async function createOnServer(serverUrl: string, migrate: boolean): Promise<TestDatabase> {
  const name = `${PREFIX}${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdminClient(serverUrl, async (client) => {
    await dropStaleDatabases(client);
    await client.query(`CREATE DATABASE ${quoteIdent(name)}`);
  });
  const url = withDatabase(serverUrl, name);
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    await withAdminClient(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`),
    );
  };
  try {
    if (migrate) await migrateDeploy(url);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { url, kind: 'postgres', drop };
}

async function createEmbedded(migrate: boolean): Promise<TestDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'racine-test-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: 0, maxConnections: 64 });
  let dropped = false;
  const drop = async () => {
    if (dropped) return;
    dropped = true;
    try {
      await embedded.stop();
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  };
  try {
    if (migrate) await migrateDeploy(embedded.url);
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
  return { url: embedded.url, kind: 'pglite', drop };
}

export async function createTestDatabase(options: CreateTestDatabaseOptions = {}): Promise<TestDatabase> {
  const serverUrl = options.serverUrl ?? process.env.TEST_DATABASE_URL;
  const migrate = options.migrate ?? true;
  return serverUrl ? createOnServer(serverUrl, migrate) : createEmbedded(migrate);
}
