/**
 * A scan end to end against a real SQLite database (the demo shop): catalog
 * sync, classification with evidence, the traps, review decisions surviving a
 * rescan, drift, lineage from foreign keys, and a run executed by the real
 * job worker.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reviewClassifications } from '../src/classify-review/review';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import { startRacineWorker } from '../src/jobs/tasks';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { cancelRun, createScan, runScan, watchRun } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { ensureJobSchema, person, testDeps } from './harness';

const root = mkdtempSync(path.join(tmpdir(), 'racine-scan-'));
beforeAll(() => {
  process.env.RACINE_SQLITE_ROOTS = root;
});
afterAll(() => {
  delete process.env.RACINE_SQLITE_ROOTS;
});

async function demoScan() {
  const deps = await testDeps();
  await ensureJobSchema();
  await syncBuiltInRuleSets(deps);
  const steward = await person(deps, ['steward']);
  const file = path.join(root, `${crypto.randomUUID()}.sqlite`);
  generateDemoDatabase(file, { seed: 7, people: 120 });
  const source = await createDataSource(deps, steward.actor, createDataSourceInput.parse({ name: `Shop ${crypto.randomUUID().slice(0, 6)}`, engine: 'sqlite', database: file }));
  const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const scan = await createScan(deps, steward.actor, createScanInput.parse({ name: 'demo', dataSourceId: source.id, ruleSetId: ruleSet.id }));
  return { deps, steward, source, scan, file };
}

const labelsOf = async (deps: Awaited<ReturnType<typeof testDeps>>, sourceId: string) => {
  const rows = await deps.db.classification.findMany({ where: { asset: { dataSourceId: sourceId } }, select: { id: true, label: true, state: true, confidence: true, evidence: true, asset: { select: { name: true, parent: { select: { name: true } } } } } });
  return rows.map((r) => ({ ...r, at: `${r.asset.parent?.name}.${r.asset.name}` }));
};

describe('scanning the demo shop', () => {
  it('labels the sensitive columns with evidence, and none of the traps', async () => {
    const { deps, steward, source, scan } = await demoScan();
    const run = await runScan(deps, steward.actor, scan.id);
    await executeScanRun(deps, run.id);
    const done = await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } });
    expect({ ...done, error: done.error ?? null }).toMatchObject({ status: 'succeeded', error: null, tablesTotal: 6, tablesDone: 6 });
    expect(done.columnsScanned).toBeGreaterThan(30);

    const labels = await labelsOf(deps, source.id);
    const at = (col: string) => labels.filter((l) => l.at === col).map((l) => l.label);
    expect(at('customers.email')).toContain('PII.Email');
    expect(at('customers.first_name')).toContain('PII.PersonName');
    expect(at('customers.last_name')).toContain('PII.PersonName');
    expect(at('customers.phone')).toContain('PII.Phone');
    expect(at('customers.national_id')).toContain('PII.NationalId');
    expect(at('customers.date_of_birth')).toContain('PII.DateOfBirth');
    expect(at('payments.card_number')).toContain('PCI.CardNumber');
    expect(at('payments.iban')).toContain('Financial.IBAN');
    expect(at('support_tickets.diagnosis_code')).toContain('PHI.Diagnosis');
    expect(at('api_credentials.api_key')).toContain('Secret.ApiKey');
    // The traps: a boolean named like an email, epoch timestamps, low-cardinality codes, free text, a product table.
    expect(at('customers.email_verified')).toEqual([]);
    expect(at('customers.created_at')).toEqual([]);
    expect(at('orders.created_at')).toEqual([]);
    expect(at('orders.status')).toEqual([]);
    expect(labels.filter((l) => l.at === 'customers.notes' && l.confidence >= 0.5)).toEqual([]);
    expect(labels.filter((l) => l.at.startsWith('product.'))).toEqual([]);

    const email = labels.find((l) => l.at === 'customers.email' && l.label === 'PII.Email')!;
    expect(email.evidence).toMatchObject({ detector: expect.any(String), matched: expect.any(Number), maskedExamples: expect.any(Array), reasons: expect.any(Array) });
    expect(JSON.stringify(email.evidence)).not.toMatch(/[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/i);

    const customers = await deps.db.asset.findFirstOrThrow({ where: { dataSourceId: source.id, type: 'table', name: 'customers' } });
    expect(customers.sensitivity).toBe('Restricted');
    const fk = await deps.db.lineageEdge.findMany({ where: { to: { dataSourceId: source.id } }, select: { note: true } });
    expect(fk.map((e) => e.note).join('\n')).toMatch(/orders\(customer_id\) → customers\(id\)/);
    const events = await deps.db.activityEvent.findMany({ where: { resourceId: run.id }, orderBy: { id: 'asc' }, select: { type: true } });
    expect(events.map((e) => e.type)).toEqual(['scan.run.queued', 'scan.run.started', 'scan.run.succeeded']);
  });

  it('keeps people’s decisions across rescans and records drift', async () => {
    const { deps, steward, source, scan, file } = await demoScan();
    await executeScanRun(deps, (await runScan(deps, steward.actor, scan.id)).id);
    const labels = await labelsOf(deps, source.id);
    const phone = labels.find((l) => l.at === 'customers.phone' && l.label === 'PII.Phone')!;
    const card = labels.find((l) => l.at === 'payments.card_number' && l.label === 'PCI.CardNumber')!;
    await reviewClassifications(deps, steward.actor, steward.access, { ids: [phone.id], decision: 'reject', note: 'internal switchboard numbers' });
    await reviewClassifications(deps, steward.actor, steward.access, { ids: [card.id], decision: 'accept' });

    const db = new Database(file);
    db.exec('ALTER TABLE customers ADD COLUMN loyalty_tier TEXT; DROP TABLE product;');
    db.close();
    const rescan = await runScan(deps, steward.actor, scan.id);
    await executeScanRun(deps, rescan.id);
    const after = await labelsOf(deps, source.id);
    expect(after.find((l) => l.id === phone.id)?.state).toBe('rejected');
    expect(after.filter((l) => l.at === 'customers.phone' && l.label === 'PII.Phone')).toHaveLength(1);
    expect(after.find((l) => l.id === card.id)?.state).toBe('accepted');

    const run = await deps.db.scanRun.findUniqueOrThrow({ where: { id: rescan.id }, include: { changes: true } });
    expect(run.driftAdded).toBe(1);
    expect(run.driftRemoved).toBeGreaterThanOrEqual(1);
    expect(run.changes.map((c) => `${c.change} ${c.qualifiedName.split('.').slice(-2).join('.')}`)).toEqual(expect.arrayContaining(['added customers.loyalty_tier', 'removed main.product']));
    expect((await deps.db.asset.findFirstOrThrow({ where: { dataSourceId: source.id, name: 'product', type: 'table' } })).removedAt).not.toBeNull();
  });

  it('refuses a second run while one is active, and cancels a queued run', async () => {
    const { deps, steward, scan } = await demoScan();
    const run = await runScan(deps, steward.actor, scan.id);
    await expect(runScan(deps, steward.actor, scan.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    const cancelled = await cancelRun(deps, steward.actor, run.id);
    expect(cancelled.status).toBe('cancelled');
    await executeScanRun(deps, run.id); // a job picked up after cancelling does nothing
    expect((await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('cancelled');
  });

  it('runs through the durable job queue and streams progress to the end', async () => {
    const { deps, steward, scan } = await demoScan();
    const runner = await startRacineWorker(deps, { databaseUrl: process.env.DATABASE_URL!, concurrency: 1, pollIntervalMs: 200 });
    try {
      const run = await runScan(deps, steward.actor, scan.id);
      const states: string[] = [];
      for await (const r of watchRun(deps, run.id, undefined, 100)) { states.push(`${r.status}:${r.tablesDone}/${r.tablesTotal}`); if (process.env.DEBUG_SCAN) console.log(states.at(-1), r.error); }
      expect(states.at(-1)).toBe('succeeded:6/6');
      expect(states.length).toBeGreaterThan(1);
    } finally {
      await runner.stop();
    }
  });
});

describe('crash recovery', () => {
  it('a run abandoned by a killed worker is finished by the next sole worker', async () => {
    const { deps, steward, scan } = await demoScan();
    const run = await runScan(deps, steward.actor, scan.id);
    // As a worker that died mid-job leaves it: the job locked by it, the run half done.
    await deps.db.$executeRawUnsafe(`UPDATE graphile_worker._private_jobs SET locked_at = now(), locked_by = 'worker-that-died' WHERE key = $1`, `scan-run:${run.id}`);
    await deps.db.scanRun.update({ where: { id: run.id }, data: { status: 'running', startedAt: new Date(), attempts: 1, tablesTotal: 6, tablesDone: 2 } });
    const runner = await startRacineWorker(deps, { databaseUrl: process.env.DATABASE_URL!, concurrency: 1, pollIntervalMs: 200, soleWorker: true });
    try {
      let last = '';
      for await (const r of watchRun(deps, run.id, undefined, 100)) last = `${r.status}:${r.tablesDone}/${r.tablesTotal}`;
      expect(last).toBe('succeeded:6/6');
      const labels = await deps.db.classification.groupBy({ by: ['assetId', 'label'], where: { asset: { dataSourceId: scan.dataSourceId } }, _count: { _all: true } });
      expect(labels.every((l) => l._count._all === 1)).toBe(true);
    } finally {
      await runner.stop();
    }
  });
});

describe('scan scheduling and retries', () => {
  it('queues scans whose cron schedule is due and moves their next run forward', async () => {
    const { deps, steward, scan } = await demoScan();
    await deps.db.scan.update({ where: { id: scan.id }, data: { schedule: '*/5 * * * *', nextRunAt: new Date(Date.now() - 60_000) } });
    const { runDueScans } = await import('../src/scan/schedule');
    expect(await runDueScans(deps)).toBeGreaterThanOrEqual(1);
    const after = await deps.db.scan.findUniqueOrThrow({ where: { id: scan.id } });
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(await deps.db.scanRun.count({ where: { scanId: scan.id, trigger: 'schedule', status: 'queued' } })).toBe(1);
    void steward;
  });

  it('puts a run back in the queue on a transient connection error, and fails it on the last attempt', async () => {
    const { deps, steward, scan } = await demoScan();
    const { ConnectorError } = await import('../src/connectors/index');
    const { TransientScanError } = await import('../src/scan/run-scan');
    const flaky = () => ({ discover: async () => { throw new ConnectorError('unreachable', 'connection refused', 'postgres'); }, close: async () => {} }) as never;
    const run = await runScan(deps, steward.actor, scan.id);
    await expect(executeScanRun(deps, run.id, { connector: flaky })).rejects.toBeInstanceOf(TransientScanError);
    expect(await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'queued', attempts: 1, error: expect.stringMatching(/Retrying after: connection refused/) });
    await executeScanRun(deps, run.id, { connector: flaky, lastAttempt: true });
    expect(await deps.db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).toMatchObject({ status: 'failed', attempts: 2, error: 'connection refused' });
    const failed = await deps.db.activityEvent.findFirstOrThrow({ where: { resourceId: run.id, type: 'scan.run.failed' } });
    expect(failed.status).toBe('failure');
  });
});
