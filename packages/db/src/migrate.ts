/**
 * Runs the Prisma CLI (migrate deploy / diff / generate) from this package's
 * folder as a child process, and reads the migrations on disk.
 *
 * Prisma 6.19's WASM schema engine arms a 10 s timer (its advisory-lock
 * timeout) and leaves it pending after the work is done, so every migrate
 * command would sit idle for ~10 s before exiting. We preload a hook that
 * unrefs exactly those timers (10 000 ms, created from WASM): while the engine
 * really waits for the lock, its database socket keeps the process alive, so
 * nothing is cut short; once it is finished, the process exits at once.
 * RACINE_PRISMA_KEEP_TIMERS=1 turns the hook off.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const UNREF_ENGINE_TIMERS = `
const setTimeout_ = globalThis.setTimeout;
globalThis.setTimeout = function (fn, ms, ...args) {
  const timer = setTimeout_.call(this, fn, ms, ...args);
  if (ms === 10000 && String(new Error().stack).includes('wasm://')) timer.unref?.();
  return timer;
};`;

/** packages/db, whatever the caller's working directory. */
export const dbPackageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The Prisma CLI's entry file, from wherever npm placed the `prisma` package. */
export function prismaCliPath(): string {
  const require = createRequire(path.join(dbPackageDir, 'package.json'));
  const manifestPath = require.resolve('prisma/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.prisma;
  if (!bin) throw new Error(`${manifestPath} declares no "prisma" bin`);
  return path.join(path.dirname(manifestPath), bin);
}

export interface PrismaRunResult {
  code: number;
  /** stdout and stderr interleaved, as the CLI printed them. */
  output: string;
}

export interface RunPrismaOptions {
  databaseUrl?: string;
  /** Also stream the CLI's output to this process's stdout/stderr. */
  echo?: boolean;
}

/** Runs `prisma <args>` in packages/db. Resolves with the exit code; never rejects on a non-zero exit. */
export function runPrisma(args: string[], options: RunPrismaOptions = {}): Promise<PrismaRunResult> {
  const nodeArgs =
    process.env.RACINE_PRISMA_KEEP_TIMERS === '1'
      ? []
      : ['--import', `data:text/javascript,${encodeURIComponent(UNREF_ENGINE_TIMERS)}`];
  const env: NodeJS.ProcessEnv = { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' };
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;

  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, prismaCliPath(), ...args], {
      cwd: dbPackageDir,
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (options.echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** The URL without its password, for messages. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export interface MigrateDeployResult {
  /** Names of the migrations this run applied (empty when the database was up to date). */
  applied: string[];
  output: string;
}

/** `prisma migrate deploy` against databaseUrl. Throws with the CLI's output when it fails. */
export async function migrateDeploy(databaseUrl: string, options: { echo?: boolean } = {}): Promise<MigrateDeployResult> {
  const { code, output } = await runPrisma(['migrate', 'deploy'], { databaseUrl, echo: options.echo });
  if (code !== 0) {
    throw new Error(
      `prisma migrate deploy failed (exit ${code}) against ${redactUrl(databaseUrl)}, run in ${dbPackageDir}:\n` +
        output.trim(),
    );
  }
  const known = new Set(listMigrations());
  const applied = [...output.matchAll(/└─ (\S+)\//g)].map((m) => m[1]!).filter((name) => known.has(name));
  return { applied, output };
}

/**
 * The migrations folder. Found next to this file when @racine/db runs from
 * source; when a bundler (Next.js) has moved this module, found by walking up
 * from the working directory; RACINE_MIGRATIONS_DIR overrides both.
 */
export function migrationsDir(): string {
  const candidates = [process.env.RACINE_MIGRATIONS_DIR, path.join(dbPackageDir, 'prisma', 'migrations')];
  for (let dir = process.cwd(); ; dir = path.dirname(dir)) {
    candidates.push(path.join(dir, 'packages', 'db', 'prisma', 'migrations'));
    if (path.dirname(dir) === dir) break;
  }
  const found = candidates.find((c) => c && existsSync(path.join(c, 'migration_lock.toml')));
  if (!found) throw new Error('Cannot find packages/db/prisma/migrations; set RACINE_MIGRATIONS_DIR');
  return found;
}

/** Migration names in the order Prisma applies them (folder names sort by timestamp). */
export function listMigrations(dir = migrationsDir()): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'migration.sql')))
    .map((e) => e.name)
    .sort();
}

/** The newest migration in this checkout: what a fully migrated database has as its last applied migration. */
export function latestMigrationName(): string {
  const names = listMigrations();
  const last = names.at(-1);
  if (!last) throw new Error(`No migrations in ${migrationsDir()}`);
  return last;
}
