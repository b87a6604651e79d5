/** A scanned demo shop (SQLite) and the built-in frameworks, for compliance tests. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import type { ServiceDeps } from '../src/deps';
import { ensureJobSchema, person, testDeps } from './harness';

export const sqliteRoot = mkdtempSync(path.join(tmpdir(), 'racine-compliance-'));
process.env.RACINE_SQLITE_ROOTS = sqliteRoot;

let frameworksSynced: Promise<void> | null = null;

export async function frameworks(deps: ServiceDeps) {
  frameworksSynced ??= syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
  await frameworksSynced;
  const all = await deps.db.complianceFramework.findMany({ where: { builtIn: true } });
  const byKey = (key: string) => all.find((f) => f.key === key)!;
  return { gdpr: byKey('gdpr'), hipaa: byKey('hipaa'), pci: byKey('pci-dss'), soc2: byKey('soc2'), ccpa: byKey('ccpa') };
}

/**
 * A scan queues one evaluation per enabled framework for its source; a worker
 * of another test file could run them in the middle of a test's own
 * evaluations (an extra evaluation, a finding resolved under its feet). The
 * tests evaluate explicitly, so the queued ones are removed, and one a worker
 * already holds is waited for.
 */
async function withoutAfterScanEvaluations(deps: ServiceDeps, dataSourceId: string) {
  const pattern = `compliance:%:${dataSourceId}`;
  for (let i = 0; i < 600; i++) {
    await deps.db.$queryRawUnsafe(`SELECT graphile_worker.remove_job(key) FROM graphile_worker.jobs WHERE key LIKE $1`, pattern);
    const [left] = await deps.db.$queryRawUnsafe<{ n: number }[]>(`SELECT count(*)::int AS n FROM graphile_worker.jobs WHERE key LIKE $1`, pattern);
    if (!left?.n) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`after-scan evaluations of ${dataSourceId} did not finish`);
}

/** Registers the demo shop as a (dev) source and scans it; `scan: false` leaves the run queued for a worker. */
export async function scannedShop(options: { scan?: boolean } = {}) {
  const deps = await testDeps();
  await ensureJobSchema();
  await syncBuiltInRuleSets(deps);
  const fw = await frameworks(deps);
  const steward = await person(deps, ['steward']);
  const file = path.join(sqliteRoot, `${crypto.randomUUID()}.sqlite`);
  generateDemoDatabase(file, { seed: 11, people: 60 });
  const source = await createDataSource(deps, steward.actor, createDataSourceInput.parse({ name: `Shop ${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: file }));
  const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const scan = await createScan(deps, steward.actor, createScanInput.parse({ name: 'demo', dataSourceId: source.id, ruleSetId: ruleSet.id }));
  const run = await runScan(deps, steward.actor, scan.id);
  if (options.scan !== false) {
    await executeScanRun(deps, run.id);
    await withoutAfterScanEvaluations(deps, source.id);
  }
  const column = (table: string, name: string) => deps.db.asset.findFirstOrThrow({ where: { dataSourceId: source.id, type: 'column', name, parent: { name: table } } });
  return { deps, fw, steward, source, scan, run, column };
}
