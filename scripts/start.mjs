// `npm start`: everything needed to use Racine on one machine.
//
//  1. the database: DATABASE_URL, or else an embedded PGlite under
//     RACINE_DATA_DIR (default .racine/) on RACINE_EMBEDDED_PG_PORT (54329);
//  2. secrets: RACINE_SECRET_KEY and NEXTAUTH_SECRET from the environment, or
//     generated once and kept in <data dir>/secrets.json (mode 600);
//  3. migrations, then the (idempotent) seed;
//  4. `next build` when apps/web has no build or its sources changed since
//     (RACINE_REBUILD=1 forces it), then `next start` on PORT (3000).
// Ctrl-C / SIGTERM stops Next, then the embedded database.
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { ensurePrismaClient, log, repoRoot, resolveBin, run } from './lib/common.mjs';

const env = process.env;
const port = Number(env.PORT ?? 3000);
const dataDir = path.resolve(env.RACINE_DATA_DIR ?? path.join(repoRoot, '.racine'));
const webDir = path.join(repoRoot, 'apps', 'web');
const seedScript = path.join(repoRoot, 'packages', 'services', 'src', 'seed', 'run.ts');

class StartError extends Error {}

// ───────────────────────────── shutdown ─────────────────────────────

let embedded;
let current; // the child process running now (build, seed, next)
let shuttingDown = false;

async function shutdown(code) {
  if (shuttingDown) return;
  shuttingDown = true;
  const child = current;
  if (child && child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('close', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
  if (embedded) {
    await embedded.stop().catch((error) => console.error(`[racine] stopping the embedded database: ${error.message}`));
  }
  process.exit(code);
}

for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    if (shuttingDown) {
      current?.kill('SIGKILL'); // a second Ctrl-C: do not wait for Next
      return;
    }
    log(`${signal} received, stopping…`);
    void shutdown(0);
  });
}

// ───────────────────────────── steps ─────────────────────────────

function checkInstalled() {
  if (!existsSync(path.join(repoRoot, 'node_modules', 'tsx'))) {
    throw new StartError('Dependencies are not installed. Run `npm ci` at the repository root first.');
  }
}

/** Env value, else the value kept in <data dir>/secrets.json, else a new one saved there. */
function loadSecrets() {
  const file = path.join(dataDir, 'secrets.json');
  const generators = {
    RACINE_SECRET_KEY: () => randomBytes(32).toString('base64'), // AES-256-GCM key, 32 bytes
    NEXTAUTH_SECRET: () => randomBytes(32).toString('base64url'),
  };
  let stored = {};
  if (existsSync(file)) {
    stored = JSON.parse(readFileSync(file, 'utf8'));
    chmodSync(file, 0o600);
  }
  const secrets = {};
  let changed = false;
  for (const [name, generate] of Object.entries(generators)) {
    if (env[name]) secrets[name] = env[name];
    else {
      if (!stored[name]) {
        stored[name] = generate();
        changed = true;
        log(`Generated ${name} and saved it in ${file}`);
      }
      secrets[name] = stored[name];
    }
  }
  if (changed) {
    writeFileSync(file, `${JSON.stringify(stored, null, 2)}\n`, { mode: 0o600 });
    chmodSync(file, 0o600);
  }
  return secrets;
}

async function startDatabase(db) {
  if (env.DATABASE_URL) {
    log(`Database: ${db.redactUrl(env.DATABASE_URL)} (DATABASE_URL)`);
    return env.DATABASE_URL;
  }
  const pgPort = Number(env.RACINE_EMBEDDED_PG_PORT ?? 54329);
  log(`Database: embedded PGlite in ${path.join(dataDir, 'pg')} on 127.0.0.1:${pgPort}`);
  embedded = await db.startEmbeddedPostgres({ dataDir, port: pgPort });
  return embedded.url;
}

async function seed(appEnv) {
  let result;
  const code = await new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', seedScript], {
      cwd: repoRoot,
      env: appEnv,
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    current = child;
    let buffered = '';
    child.stdout.on('data', (chunk) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop();
      for (const line of lines) {
        try {
          const parsed = JSON.parse(line);
          if (parsed?.racineSeed) {
            result = parsed.racineSeed;
            continue;
          }
        } catch {
          // not the machine-readable line
        }
        console.log(line);
      }
    });
    child.on('error', reject);
    child.on('close', (c, signal) => resolve(c ?? (signal ? 1 : 0)));
  });
  if (code !== 0) throw new StartError(`The seed failed (exit ${code}).`);
  return result;
}

/** Newest modification time among the files a web build is made from. */
function newestSourceMtime() {
  const roots = [
    path.join(webDir, 'src'),
    path.join(webDir, 'public'),
    ...['api', 'services', 'ui', 'db'].map((p) => path.join(repoRoot, 'packages', p, 'src')),
    path.join(repoRoot, 'packages', 'db', 'prisma', 'schema.prisma'),
  ];
  for (const name of readdirSync(webDir)) {
    if (/\.(ts|mjs|js|json)$/.test(name) && name !== 'tsconfig.tsbuildinfo') roots.push(path.join(webDir, name));
  }
  let newest = 0;
  const visit = (p) => {
    let stat;
    try {
      stat = statSync(p);
    } catch {
      return;
    }
    if (stat.isDirectory()) {
      const base = path.basename(p);
      if (base === 'node_modules' || base === 'generated' || base === 'test' || base.startsWith('.')) return;
      for (const entry of readdirSync(p)) visit(path.join(p, entry));
    } else if (!/\.test\.tsx?$/.test(p)) {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  roots.forEach(visit);
  return newest;
}

function buildReason() {
  const buildId = path.join(webDir, '.next', 'BUILD_ID');
  if (env.RACINE_REBUILD === '1') return 'RACINE_REBUILD=1';
  if (!existsSync(buildId)) return 'no build yet';
  if (newestSourceMtime() > statSync(buildId).mtimeMs) return 'sources changed since the last build';
  return null;
}

function checkSeedScript() {
  if (!existsSync(seedScript)) {
    throw new StartError(`${path.relative(repoRoot, seedScript)} is missing, so the database cannot be seeded.`);
  }
}

function checkWebApp() {
  const hasApp = ['src/app', 'app'].some((d) => existsSync(path.join(webDir, d)));
  if (!existsSync(path.join(webDir, 'package.json')) || !hasApp) {
    throw new StartError('The web app is missing (apps/web has no app/ or src/app/ folder), so there is nothing to serve.');
  }
}

async function buildWebApp(nextBin, appEnv) {
  const reason = buildReason();
  if (!reason) return;
  log(`Building the web app (${reason}); this takes a few minutes…`);
  const code = await run(process.execPath, [nextBin, 'build'], {
    cwd: webDir,
    env: { ...appEnv, NODE_ENV: 'production' },
    onSpawn: (child) => (current = child),
  });
  if (code !== 0) throw new StartError(`next build failed (exit ${code}). Fix the build, then run npm start again.`);
}

async function waitUntilServing(url, child) {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline && child.exitCode === null) {
    try {
      await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(2000) });
      return true;
    } catch {
      await new Promise((r) => setTimeout(r, 300));
    }
  }
  return false;
}

function signInHelp(seedResult) {
  const email = seedResult?.adminEmail ?? env.RACINE_ADMIN_EMAIL ?? 'the admin e-mail';
  if (seedResult?.generatedPassword) return `Sign in as ${email} with the generated password ${seedResult.generatedPassword} (shown only this once: keep it).`;
  if (seedResult?.createdAdmin && env.RACINE_ADMIN_PASSWORD) return `Sign in as ${email} with the password from RACINE_ADMIN_PASSWORD.`;
  return `Sign in as ${email} with the admin password (printed on the first start, or RACINE_ADMIN_PASSWORD if you set it then).`;
}

// ───────────────────────────── main ─────────────────────────────

async function main() {
  checkInstalled();
  checkSeedScript();
  checkWebApp();
  await ensurePrismaClient();

  const { register } = await import('tsx/esm/api');
  register();
  const embeddedModule = await import('../packages/db/src/embedded.ts');
  const migrateModule = await import('../packages/db/src/migrate.ts');
  const db = { ...embeddedModule, ...migrateModule };

  // The data folder holds the database and the secrets: owner-only when we create it.
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const secrets = loadSecrets();
  const databaseUrl = await startDatabase(db);

  const migrated = await db.migrateDeploy(databaseUrl).catch((error) => {
    throw new StartError(error.message);
  });
  log(
    migrated.applied.length
      ? `Applied ${migrated.applied.length} migration(s): ${migrated.applied.join(', ')}`
      : `Database schema is up to date (${db.latestMigrationName()})`,
  );

  const appUrl = env.NEXTAUTH_URL ?? `http://localhost:${port}`;
  const appEnv = {
    ...env,
    ...secrets,
    DATABASE_URL: databaseUrl,
    // Absolute, so the seed and the web app agree on where demo files and SQLite sources live.
    RACINE_DATA_DIR: dataDir,
    NEXTAUTH_URL: appUrl,
    RACINE_BUS: env.RACINE_BUS ?? (embedded ? 'memory' : 'postgres'),
    NEXT_TELEMETRY_DISABLED: '1',
  };

  const seedResult = await seed(appEnv);

  const nextBin = resolveBin('next', 'next', webDir);
  await buildWebApp(nextBin, appEnv);

  log(`Starting the web app on port ${port}…`);
  const next = spawn(process.execPath, [nextBin, 'start', '-p', String(port)], {
    cwd: webDir,
    env: { ...appEnv, NODE_ENV: 'production', PORT: String(port) },
    stdio: 'inherit',
  });
  current = next;
  next.on('close', (code, signal) => {
    if (!shuttingDown) {
      log(`The web app stopped (${signal ?? `exit ${code}`}).`);
      void shutdown(code || 1);
    }
  });

  if (await waitUntilServing(`http://127.0.0.1:${port}/`, next)) {
    console.log('');
    log(`Racine is running at ${appUrl}`);
    log(signInHelp(seedResult));
    const secretsFile = path.join(dataDir, 'secrets.json');
    const where = [embedded ? `data in ${path.join(dataDir, 'pg')}` : 'data in DATABASE_URL'];
    if (existsSync(secretsFile)) where.push(`secrets in ${secretsFile}`);
    log(`${where.join(', ')}. Stop with Ctrl-C.`);
    console.log('');
  }
}

main().catch((error) => {
  console.error(`[racine] ${error instanceof StartError ? error.message : error.stack ?? error}`);
  void shutdown(1);
});
