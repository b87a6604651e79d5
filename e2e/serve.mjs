// Playwright's web server: a fresh database, then `npm start` (migrate, seed a
// known admin, build if needed, next start) on E2E_PORT. With TEST_DATABASE_URL
// the database is a new one on that server; without it, embedded PGlite in a
// temporary folder. Either way the run starts from nothing.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '..');
const env = { ...process.env, PORT: process.env.E2E_PORT ?? '3210' };
let dropDatabase = async () => {};

if (process.env.TEST_DATABASE_URL) {
  const server = new URL(process.env.TEST_DATABASE_URL);
  const name = `racine_e2e_${Date.now()}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  // A run whose server was killed outright (SIGKILL) never dropped its database:
  // sweep those left by runs that started more than six hours ago.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^racine_e2e_[0-9]+$'`);
  for (const { datname } of stale.rows) {
    if (Date.now() - Number(datname.slice('racine_e2e_'.length)) > 6 * 3600_000) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
  }
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.toString();
  dropDatabase = async () => {
    const c = new pg.Client({ connectionString: server.toString() });
    await c.connect();
    await c.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await c.end();
  };
} else {
  delete env.DATABASE_URL;
  env.RACINE_DATA_DIR = mkdtempSync(path.join(tmpdir(), 'racine-e2e-'));
  env.RACINE_EMBEDDED_PG_PORT = process.env.E2E_PG_PORT ?? '54339';
}

const child = spawn(process.execPath, [path.join(repoRoot, 'scripts', 'start.mjs')], { env, stdio: 'inherit' });
const stop = (signal) => child.kill(signal);
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
child.on('exit', async (code) => {
  await dropDatabase().catch(() => {});
  process.exit(code ?? 0);
});
