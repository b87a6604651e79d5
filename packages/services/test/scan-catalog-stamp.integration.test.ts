/**
 * Every asset a scan saw carries that run (lastRunId, lastScannedAt), both
 * the ones it created and the ones earlier scans left — while a first scan
 * does not rewrite the rows it has just inserted.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { ensureJobSchema, person, testDeps } from './harness';

const root = mkdtempSync(path.join(tmpdir(), 'racine-scan-stamp-'));
beforeAll(() => {
  process.env.RACINE_SQLITE_ROOTS = root;
});
afterAll(() => {
  delete process.env.RACINE_SQLITE_ROOTS;
});

describe('catalog stamps', { timeout: 120_000 }, () => {
  it('marks every asset with the run that last saw it, on the first scan and on a rescan', async () => {
    const deps = await testDeps();
    await ensureJobSchema();
    await syncBuiltInRuleSets(deps);
    const steward = await person(deps, ['steward']);
    const file = path.join(root, `${crypto.randomUUID()}.sqlite`);
    generateDemoDatabase(file, { seed: 3, people: 40 });
    const source = await createDataSource(deps, steward.actor, createDataSourceInput.parse({ name: `Shop ${crypto.randomUUID().slice(0, 6)}`, engine: 'sqlite', database: file }));
    const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
    const scan = await createScan(deps, steward.actor, createScanInput.parse({ name: 'demo', dataSourceId: source.id, ruleSetId: ruleSet.id }));
    const stamps = async () => deps.db.asset.groupBy({ by: ['lastRunId'], where: { dataSourceId: source.id, removedAt: null }, _count: { _all: true } });

    for (let i = 0; i < 2; i++) {
      const run = await runScan(deps, steward.actor, scan.id);
      await executeScanRun(deps, run.id);
      const [only, ...others] = await stamps();
      expect(others).toEqual([]);
      expect(only).toMatchObject({ lastRunId: run.id });
      expect(only!._count._all).toBeGreaterThan(40);
    }
  });
});
