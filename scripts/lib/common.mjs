// Helpers shared by scripts/start.mjs, scripts/test.mjs and scripts/generate.mjs.
// Plain Node (no TypeScript) so they run before anything is generated.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const dbDir = path.join(repoRoot, 'packages', 'db');

/** The entry file of a package's bin, resolved from `fromDir` the way Node would. */
export function resolveBin(pkg, binName, fromDir = repoRoot) {
  const require = createRequire(path.join(fromDir, 'package.json'));
  let manifestPath;
  try {
    manifestPath = require.resolve(`${pkg}/package.json`);
  } catch {
    throw new Error(`Cannot find the "${pkg}" package from ${fromDir}. Run \`npm ci\` at the repository root first.`);
  }
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const bin = typeof manifest.bin === 'string' ? manifest.bin : manifest.bin?.[binName ?? pkg];
  if (!bin) throw new Error(`${manifestPath} has no "${binName ?? pkg}" bin`);
  return path.join(path.dirname(manifestPath), bin);
}

/** Runs a command with inherited stdio; resolves with its exit code (signals count as failures). */
export function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', ...options });
    options.onSpawn?.(child);
    child.on('error', reject);
    child.on('close', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

export const log = (message) => console.log(`[racine] ${message}`);

const clientEntry = path.join(dbDir, 'src', 'generated', 'prisma', 'client.ts');
const schemaPath = path.join(dbDir, 'prisma', 'schema.prisma');

/** True when the generated Prisma client is missing or older than schema.prisma. */
export function prismaClientIsStale() {
  return !existsSync(clientEntry) || statSync(clientEntry).mtimeMs < statSync(schemaPath).mtimeMs;
}

/** `prisma generate` in packages/db (offline: the client is Rust-free, see prisma.config.ts). */
export async function generatePrismaClient() {
  const code = await run(process.execPath, [resolveBin('prisma', 'prisma', dbDir), 'generate'], {
    cwd: dbDir,
    env: { ...process.env, CHECKPOINT_DISABLE: '1', PRISMA_HIDE_UPDATE_MESSAGE: '1' },
  });
  if (code !== 0) throw new Error(`prisma generate failed (exit ${code}) in ${dbDir}`);
}

export async function ensurePrismaClient() {
  if (prismaClientIsStale()) {
    log('Generating the Prisma client…');
    await generatePrismaClient();
  }
}
