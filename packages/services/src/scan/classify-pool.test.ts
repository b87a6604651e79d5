import { afterEach, describe, expect, it } from 'vitest';
import { normalizeDataType } from '../classification/column';
import { buildDemoData, DEMO_SCHEMA } from '../demo-source/index';
import { classifyInThread, type ColumnToClassify } from './classify-columns';
import { ClassifyPool, classifyThreadsFromEnv } from './classify-pool';

const OPTIONS = { minNonNull: 10, now: Date.parse('2026-06-01T00:00:00Z') };

/** The demo customers and payments tables as a scan hands them to the classifier. */
function demoTables(): ColumnToClassify[][] {
  const data = buildDemoData({ seed: 42, people: 120 });
  return (['customers', 'payments'] as const).map((table) =>
    DEMO_SCHEMA[table].columns.map((c) => ({
      column: { name: c.name, dataType: c.pg, normalizedType: normalizeDataType(c.pg, 'postgres'), nullable: !c.notNull, comment: c.comment, table, schema: 'demo' },
      values: (data[table] as unknown as Record<string, unknown>[]).map((r) => r[c.name]),
      suppressed: c.name === 'email' ? ['PII.Email'] : [],
    })),
  );
}

const pools: ClassifyPool[] = [];
const pool = (options: ConstructorParameters<typeof ClassifyPool>[0]) => {
  const p = new ClassifyPool(options);
  pools.push(p);
  return p;
};
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});

// Each thread loads tsx and the detectors (libphonenumber's metadata, dictionaries): seconds on a busy machine.
describe('ClassifyPool', { timeout: 60_000 }, () => {
  it('gives exactly the in-thread suggestions, evidence included, with tables classified in parallel threads', async () => {
    const tables = demoTables();
    const p = pool({ size: 2 });
    const [inPool, inThread] = await Promise.all([Promise.all(tables.map((t) => p.classify(t, OPTIONS))), Promise.all(tables.map((t) => classifyInThread(t, OPTIONS)))]);
    expect(inPool).toEqual(inThread);
    expect(inThread[0]!.flat().map((s) => s.label)).toContain('PII.Phone');
    // Suppression crosses the thread boundary too.
    const email = tables[0]!.findIndex((c) => c.column.name === 'email');
    expect(inPool[0]![email]!.map((s) => s.label)).not.toContain('PII.Email');
    const unsuppressed = await classifyInThread([{ ...tables[0]![email]!, suppressed: [] }], OPTIONS);
    expect(unsuppressed[0]!.map((s) => s.label)).toContain('PII.Email');
    expect(p.stats).toMatchObject({ threads: 2, tablesInThreads: 2, fallbacks: 0, crashes: 0 });
  });

  it('classifies in-thread when a worker crashes, replaces it, and stops using threads after repeated crashes', async () => {
    const tables = demoTables();
    const p = pool({ size: 1, entry: new URL('./fixtures/crashing-classify-worker.ts', import.meta.url) });
    const expected = await classifyInThread(tables[0]!, OPTIONS);
    expect(await p.classify(tables[0]!, OPTIONS)).toEqual(expected);
    expect(p.stats).toMatchObject({ fallbacks: 1, crashes: 1, tablesInThreads: 0, disabled: false, lastError: 'worker thread exited with code 3' });
    for (let i = 0; i < 3; i++) expect(await p.classify(tables[0]!, OPTIONS)).toEqual(expected);
    expect(p.stats.disabled).toBe(true);
    expect(p.stats.crashes).toBe(3);
  });

  it('fails a table whose worker does not answer in time, naming the table, and gives the next table a fresh thread', async () => {
    const [customers] = demoTables();
    const p = pool({ size: 1, entry: new URL('./fixtures/silent-classify-worker.ts', import.meta.url), taskTimeoutMs: 300 });
    await expect(p.classify(customers!, OPTIONS)).rejects.toThrow('Classifying table demo.customers took longer than 300 ms');
    await expect(p.classify(customers!, OPTIONS)).rejects.toThrow('took longer than 300 ms');
  });

  it('after close, classifies in-thread', async () => {
    const [customers] = demoTables();
    const p = pool({ size: 1 });
    await p.close();
    expect(await p.classify(customers!, OPTIONS)).toEqual(await classifyInThread(customers!, OPTIONS));
    expect(p.stats.tablesInThreads).toBe(0);
  });
});

describe('classifyThreadsFromEnv', () => {
  it('is off unless asked for, and says what a bad value should be', () => {
    expect(classifyThreadsFromEnv({})).toBe(0);
    expect(classifyThreadsFromEnv({ RACINE_SCAN_CLASSIFY_THREADS: '2' })).toBe(2);
    expect(classifyThreadsFromEnv({ RACINE_SCAN_CLASSIFY_THREADS: 'auto' })).toBeGreaterThan(0);
    expect(() => classifyThreadsFromEnv({ RACINE_SCAN_CLASSIFY_THREADS: 'many' })).toThrow('whole number or "auto"');
  });
});
