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

function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return error.code === 'EPERM';
  }
}

if (process.env.TEST_DATABASE_URL) {
  const server = new URL(process.env.TEST_DATABASE_URL);
  const name = `racine_e2e_${Date.now()}_${process.pid}`;
  const admin = new pg.Client({ connectionString: server.toString() });
  await admin.connect();
  // Playwright may end this process before it can drop its database: sweep
  // those whose server process is gone (the name carries its pid), and
  // old-style names from runs more than six hours ago.
  const stale = await admin.query(`SELECT datname FROM pg_database WHERE datname ~ '^racine_e2e_[0-9]+(_[0-9]+)?$'`);
  for (const { datname } of stale.rows) {
    const [, startedAt, pid] = /^racine_e2e_(\d+)(?:_(\d+))?$/.exec(datname);
    const gone = pid ? !isAlive(Number(pid)) : Date.now() - Number(startedAt) > 6 * 3600_000;
    if (gone) await admin.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`).catch(() => {});
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
