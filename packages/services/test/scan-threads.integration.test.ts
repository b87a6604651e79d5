/**
 * Classification in worker threads (RACINE_SCAN_CLASSIFY_THREADS) is a
 * performance option only: a scan of the demo shop stores the same labels,
 * confidences and states with the detectors in two threads as in-thread.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import { sharedClassifyPool } from '../src/scan/classify-pool';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { ensureJobSchema, person, testDeps } from './harness';

const root = mkdtempSync(path.join(tmpdir(), 'racine-scan-threads-'));
beforeAll(() => {
  process.env.RACINE_SQLITE_ROOTS = root;
});
afterAll(async () => {
  delete process.env.RACINE_SQLITE_ROOTS;
  await sharedClassifyPool(2).close();
});

/** Scans a fresh copy of the demo shop, sampling the first rows so both runs see the same values. */
async function scanDemo(classifyThreads: number) {
  const deps = await testDeps();
  await ensureJobSchema();
  await syncBuiltInRuleSets(deps);
  const steward = await person(deps, ['steward']);
  const file = path.join(root, `${crypto.randomUUID()}.sqlite`);
  generateDemoDatabase(file, { seed: 7, people: 120 });
  const source = await createDataSource(deps, steward.actor, createDataSourceInput.parse({ name: `Shop ${crypto.randomUUID().slice(0, 6)}`, engine: 'sqlite', database: file }));
  const { id: _id, key: _key, createdAt: _c, updatedAt: _u, customRules, ...all } = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const ruleSet = await deps.db.scanRuleSet.create({ data: { ...all, customRules: customRules ?? [], builtIn: false, name: `first rows ${crypto.randomUUID()}`, sampleStrategy: 'first' } });
  const scan = await createScan(deps, steward.actor, createScanInput.parse({ name: 'demo', dataSourceId: source.id, ruleSetId: ruleSet.id }));
  const run = await runScan(deps, steward.actor, scan.id);
  await executeScanRun(deps, run.id, { classifyThreads });
  const done = await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } });
  const labels = await deps.db.classification.findMany({ where: { asset: { dataSourceId: source.id } }, select: { label: true, state: true, confidence: true, autoAccepted: true, asset: { select: { qualifiedName: true } } } });
  const sorted = labels.map((l) => ({ key: `${l.asset.qualifiedName.split('.').slice(-2).join('.')} ${l.label} ${l.state}${l.autoAccepted ? ' auto' : ''}`, confidence: l.confidence })).sort((a, b) => a.key.localeCompare(b.key));
  return { done, rows: sorted.map((r) => r.key), confidences: sorted.map((r) => r.confidence) };
}

describe('scanning with classification in worker threads', { timeout: 120_000 }, () => {
  it('stores exactly the labels an in-thread scan stores', async () => {
    const inThread = await scanDemo(0);
    const threaded = await scanDemo(2);
    expect(threaded.done).toMatchObject({ status: 'succeeded', tablesDone: 6, columnsScanned: inThread.done.columnsScanned });
    expect(threaded.rows).toEqual(inThread.rows);
    // Confidence includes each detector's learned precision, which other test files in the
    // same database move (they accept and reject PII.Email labels) between the two scans.
    threaded.confidences.forEach((c, i) => expect(Math.abs(c - inThread.confidences[i]!), threaded.rows[i]).toBeLessThan(0.05));
    expect(inThread.rows.some((r) => r.startsWith('customers.phone PII.Phone'))).toBe(true);
    expect(sharedClassifyPool(2).stats).toMatchObject({ tablesInThreads: 6, fallbacks: 0, crashes: 0 });
  });
});
