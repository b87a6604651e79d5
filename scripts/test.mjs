// `npm test`: every check, in order, then one summary line `N passed, N failed`.
//
//  1. prisma generate (when the client is missing or older than the schema)
//  2. typecheck       turbo run typecheck
//  3. vitest          the unit and integration projects (vitest.config.mts);
//                     integration tests use TEST_DATABASE_URL's server, else PGlite
//  4. e2e             npm run test:e2e -w @racine/e2e (Playwright)
//
// The counts are tests (vitest + Playwright). A step that fails without
// failing a test (typecheck, a crash, a file that cannot load) counts as one
// failure, so "0 failed" always means everything passed. Exit code 1 on any failure.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ensurePrismaClient, log, repoRoot, resolveBin, run } from './lib/common.mjs';

const reportsDir = path.join(repoRoot, 'test-results');
const totals = { passed: 0, failed: 0, skipped: 0 };
const lines = [];

function record(step, { passed = 0, failed = 0, skipped = 0, note = '' }) {
  totals.passed += passed;
  totals.failed += failed;
  totals.skipped += skipped;
  lines.push(`  ${step.padEnd(10)} ${note || `${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`}`);
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

const childEnv = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  TURBO_NO_UPDATE_NOTIFIER: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  CHECKPOINT_DISABLE: '1',
};

function heading(title) {
  console.log(`\n[racine] ── ${title} ${'─'.repeat(Math.max(0, 60 - title.length))}`);
}

async function prismaStep() {
  heading('prisma generate');
  await ensurePrismaClient();
  log('Prisma client is up to date.');
}

async function typecheckStep() {
  heading('typecheck');
  const code = await run(
    process.execPath,
    [resolveBin('turbo', 'turbo'), 'run', 'typecheck', '--output-logs=errors-only'],
    { cwd: repoRoot, env: childEnv },
  );
  record('typecheck', code === 0 ? { note: 'ok' } : { failed: 1, note: `failed (exit ${code})` });
}

async function vitestStep() {
  heading('vitest (unit + integration)');
  log(
    process.env.TEST_DATABASE_URL
      ? 'Integration tests use a fresh database on TEST_DATABASE_URL’s server.'
      : 'TEST_DATABASE_URL is not set: integration tests use an embedded PGlite (slower; drift checks skipped).',
  );
  const outputFile = path.join(reportsDir, 'vitest.json');
  rmSync(outputFile, { force: true });
  const code = await run(
    process.execPath,
    [resolveBin('vitest', 'vitest'), 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${outputFile}`],
    { cwd: repoRoot, env: childEnv },
  );
  const report = readJson(outputFile);
  if (!report) {
    record('vitest', { failed: 1, note: `no report (exit ${code})` });
    return;
  }
  // A file that fails to load has no tests but is a failure.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) => file.status === 'failed' && !(file.assertionResults ?? []).some((t) => t.status === 'failed'),
  ).length;
  let failed = report.numFailedTests + brokenFiles;
  if (code !== 0 && failed === 0) failed = 1;
  record('vitest', {
    passed: report.numPassedTests,
    failed,
    skipped: report.numPendingTests + report.numTodoTests,
  });
}

async function e2eStep() {
  heading('e2e (Playwright)');
  if (!existsSync(path.join(repoRoot, 'e2e', 'playwright.config.ts'))) {
    log('Skipping e2e: e2e/playwright.config.ts does not exist yet.');
    record('e2e', { note: 'skipped (no e2e/playwright.config.ts yet)' });
    return;
  }
  const outputFile = path.join(reportsDir, 'playwright.json');
  rmSync(outputFile, { force: true });
  const code = await run('npm', ['run', 'test:e2e', '-w', '@racine/e2e', '--', '--reporter=list,json'], {
    cwd: repoRoot,
    env: { ...childEnv, PLAYWRIGHT_JSON_OUTPUT_FILE: outputFile },
  });
  const stats = readJson(outputFile)?.stats;
  if (!stats) {
    record('e2e', { failed: 1, note: `no report (exit ${code})` });
    return;
  }
  let failed = stats.unexpected;
  if (code !== 0 && failed === 0) failed = 1;
  record('e2e', { passed: stats.expected + stats.flaky, failed, skipped: stats.skipped });
}

mkdirSync(reportsDir, { recursive: true });
try {
  await prismaStep();
} catch (error) {
  console.error(`[racine] ${error.message}`);
  record('prisma', { failed: 1, note: 'generate failed; nothing else can run' });
  console.log(`\n${lines.join('\n')}\n${totals.passed} passed, ${totals.failed} failed`);
  process.exit(1);
}
await typecheckStep();
await vitestStep();
await e2eStep();

console.log(`\n[racine] ── summary ${'─'.repeat(52)}\n${lines.join('\n')}\n`);
console.log(`${totals.passed} passed, ${totals.failed} failed`);
process.exit(totals.failed > 0 ? 1 : 0);
