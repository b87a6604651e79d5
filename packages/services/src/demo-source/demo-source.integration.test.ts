import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validators } from '../classification/index';
import { createConnector, type DiscoverResult } from '../connectors/index';
import { createPgFixture, pgAvailable, type Fixture } from '../connectors/testing';
import { DEMO_TABLES, generateDemoDatabase, generateDemoPostgres } from './index';

const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

function tableOf(d: DiscoverResult, name: string) {
  const t = d.schemas.flatMap((s) => s.tables).find((x) => x.name === name);
  if (!t) throw new Error(`${name} missing`);
  return t;
}

describe('demo SQLite database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'racine-demo-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is byte-identical for a seed, different for another seed', () => {
    const a = generateDemoDatabase(path.join(dir, 'a.db'), { seed: 42, people: 200 });
    const b = generateDemoDatabase(path.join(dir, 'b.db'), { seed: 42, people: 200 });
    const c = generateDemoDatabase(path.join(dir, 'c.db'), { seed: 43, people: 200 });
    expect(a.counts).toEqual(b.counts);
    expect(sha256(a.filePath)).toBe(sha256(b.filePath));
    expect(sha256(a.filePath)).not.toBe(sha256(c.filePath));
    // Regenerating over an existing file replaces it.
    generateDemoDatabase(a.filePath, { seed: 42, people: 200 });
    expect(sha256(a.filePath)).toBe(sha256(b.filePath));
  });

  it('has the expected tables, counts, keys and values, read through the SQLite connector', async () => {
    const { filePath, counts } = generateDemoDatabase(path.join(dir, 'demo.db'), {
      seed: 42,
      people: 200,
    });
    expect(counts.customers).toBe(200);
    expect(counts.product).toBe(40);
    const c = createConnector({ engine: 'sqlite', database: filePath });
    try {
      const d = await c.discover();
      expect(d.schemas[0]!.tables.map((t) => t.name).sort()).toEqual([...DEMO_TABLES].sort());
      for (const t of DEMO_TABLES) expect(tableOf(d, t).rowCountEstimate, t).toBe(counts[t]);
      expect(tableOf(d, 'orders').foreignKeys).toEqual([
        {
          name: 'orders_customer_id_fkey',
          columns: ['customer_id'],
          referencedSchema: 'main',
          referencedTable: 'customers',
          referencedColumns: ['id'],
        },
      ]);
      expect(
        tableOf(d, 'customers').columns.find((x) => x.name === 'email_verified'),
      ).toMatchObject({ dataType: 'BOOLEAN', nullable: false });

      const payments = await c.sample(
        { schema: 'main', table: 'payments' },
        ['card_number', 'iban'],
        1000,
        'first',
      );
      expect(payments.card_number).toHaveLength(counts.payments);
      for (const card of payments.card_number!)
        if (card !== null) expect(validators.luhnValid(card as string)).toBe(true);
      for (const iban of payments.iban!)
        if (iban !== null) expect(validators.checkIban(iban as string)).toBe('match');

      const status = await c.profile({ schema: 'main', table: 'orders' }, 'status');
      expect(status.distinctCount).toBe(5);
      expect(status.topValues[0]!.value).toBe('D');
      const verified = await c.profile({ schema: 'main', table: 'customers' }, 'email_verified');
      expect(verified).toMatchObject({ distinctCount: 2, min: 0, max: 1, nullCount: 0 });
    } finally {
      await c.close();
    }
  });
});

const pgUp = await pgAvailable();

describe.skipIf(!pgUp)('demo PostgreSQL schema', () => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createPgFixture();
  });
  afterAll(async () => {
    await fx?.drop();
  });

  it('creates the same data set in a schema, with comments and statistics', async () => {
    const url = fx.url!;
    const { schema, counts } = await generateDemoPostgres(url, {
      seed: 42,
      people: 200,
      schema: 'demo',
    });
    const sqliteCounts = generateDemoDatabase(path.join(os.tmpdir(), `racine-demo-${fx.name}.db`), {
      seed: 42,
      people: 200,
    });
    rmSync(sqliteCounts.filePath, { force: true });
    expect(counts).toEqual(sqliteCounts.counts);

    const c = createConnector({ ...fx.config });
    try {
      const d = await c.discover({ includeSchemas: [schema] });
      for (const t of DEMO_TABLES) expect(tableOf(d, t).rowCountEstimate, t).toBe(counts[t]);
      expect(tableOf(d, 'customers').comment).toBe(
        'Customers of the shop and members of the health plan',
      );
      expect(tableOf(d, 'customers').columns.find((x) => x.name === 'created_at')).toMatchObject({
        dataType: 'bigint',
        comment: 'Unix epoch seconds',
      });
      expect(tableOf(d, 'payments').foreignKeys[0]).toMatchObject({
        referencedSchema: 'demo',
        referencedTable: 'orders',
      });
      const s = await c.sample(
        { schema, table: 'customers' },
        ['email_verified', 'date_of_birth', 'national_id'],
        50,
      );
      expect(s.email_verified).toHaveLength(50);
      for (const v of s.email_verified!) expect(typeof v).toBe('boolean');
      for (const v of s.date_of_birth!) expect(v).toMatch(/^\d{4}-\d\d-\d\d$/);
      // Idempotent: running it again replaces the schema.
      await generateDemoPostgres(url, { seed: 42, people: 200, schema: 'demo' });
      expect(await fx.exec('SELECT count(*)::int AS n FROM demo.customers')).toEqual([{ n: 200 }]);
    } finally {
      await c.close();
    }
  });
});
