import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createConnector, ConnectorError, type Connector, type TableInfo } from './index';
import { rawQuery, type RawQueryable } from './internal';

const INJECTION = 'x"; DROP TABLE people; --';

const FIXTURE_SQL = `
CREATE TABLE people (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL,
  phone TEXT,
  status TEXT NOT NULL DEFAULT 'active',
  created_at INTEGER NOT NULL DEFAULT (unixepoch()),
  birth_date TEXT,
  balance REAL,
  verified BOOLEAN
);
CREATE TABLE orders (
  id INTEGER PRIMARY KEY,
  person_id INTEGER NOT NULL REFERENCES people(id),
  total_cents INTEGER NOT NULL,
  placed_at TEXT
);
CREATE TABLE "Order Details" (
  order_id INTEGER NOT NULL,
  line_no INTEGER NOT NULL,
  "Product Name" TEXT,
  PRIMARY KEY (order_id, line_no),
  FOREIGN KEY (order_id) REFERENCES orders
);
CREATE TABLE "weird""name" ("we""ird col" TEXT, payload BLOB, big INTEGER, note BLOB);
CREATE TABLE "${INJECTION.replaceAll('"', '""')}" (id INT);
CREATE TABLE codes (code TEXT PRIMARY KEY, label TEXT);
CREATE TABLE wr (k TEXT PRIMARY KEY, v INT) WITHOUT ROWID;
CREATE VIEW people_emails AS SELECT id, email FROM people;
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 10)
INSERT INTO people (email, phone, status, created_at, birth_date, balance, verified)
SELECT 'user' || n || '@example.com',
       CASE WHEN n % 4 = 0 THEN NULL ELSE '+1 555 010 ' || printf('%04d', n) END,
       CASE WHEN n <= 7 THEN 'active' ELSE 'inactive' END,
       1704103200 + n * 86400,
       date('1990-01-01', '+' || n || ' days'),
       n * 10.5,
       n % 2 = 0
FROM g;
WITH RECURSIVE g(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM g WHERE n < 20)
INSERT INTO orders SELECT n, 1 + n % 10, n * 100, '2024-02-01 12:30:00' FROM g;
INSERT INTO "Order Details" VALUES (1, 1, 'Widget'), (1, 2, 'Gadget');
INSERT INTO "weird""name" VALUES ('a', X'00FF10', 9007199254740993, CAST('hello' AS BLOB));
`;

function table(d: { schemas: { name: string; tables: TableInfo[] }[] }, name: string): TableInfo {
  const t = d.schemas[0]?.tables.find((x) => x.name === name);
  if (!t) throw new Error(`${name} not discovered`);
  return t;
}

describe('SQLite connector', () => {
  let dir: string;
  let file: string;
  let c: Connector;

  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'racine-sqlite-'));
    file = path.join(dir, 'fixture.db');
    const db = new Database(file);
    db.exec(FIXTURE_SQL);
    db.close();
    c = createConnector({ engine: 'sqlite', database: file, options: { maxRows: 5 } });
  });

  afterAll(async () => {
    await c?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('tests the connection', async () => {
    const r = await c.testConnection();
    expect(r).toMatchObject({
      ok: true,
      canReadMetadata: true,
      canReadData: true,
      tablesVisible: 8,
    });
    expect(r.serverVersion).toMatch(/^SQLite 3\.\d+/);
    expect(r.latencyMs).toBeGreaterThanOrEqual(0);
  });

  it('discovers one schema "main" with tables, views, columns and keys exactly', async () => {
    const d = await c.discover();
    expect(d.databaseName).toBe('fixture.db');
    expect(d.schemas.map((s) => s.name)).toEqual(['main']);
    expect(d.schemas[0]!.tables.map((t) => t.name)).toEqual([
      'Order Details',
      'codes',
      'orders',
      'people',
      'people_emails',
      'weird"name',
      'wr',
      INJECTION,
    ]);
    expect(table(d, 'people')).toEqual({
      name: 'people',
      kind: 'table',
      comment: null,
      rowCountEstimate: 10,
      primaryKey: ['id'],
      foreignKeys: [],
      columns: [
        {
          name: 'id',
          ordinal: 1,
          dataType: 'INTEGER',
          nullable: false,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'email',
          ordinal: 2,
          dataType: 'TEXT',
          nullable: false,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'phone',
          ordinal: 3,
          dataType: 'TEXT',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'status',
          ordinal: 4,
          dataType: 'TEXT',
          nullable: false,
          defaultValue: "'active'",
          comment: null,
        },
        {
          name: 'created_at',
          ordinal: 5,
          dataType: 'INTEGER',
          nullable: false,
          defaultValue: 'unixepoch()',
          comment: null,
        },
        {
          name: 'birth_date',
          ordinal: 6,
          dataType: 'TEXT',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'balance',
          ordinal: 7,
          dataType: 'REAL',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'verified',
          ordinal: 8,
          dataType: 'BOOLEAN',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
      ],
    });
    expect(table(d, 'orders')).toMatchObject({
      rowCountEstimate: 20,
      primaryKey: ['id'],
      foreignKeys: [
        {
          name: 'orders_person_id_fkey',
          columns: ['person_id'],
          referencedSchema: 'main',
          referencedTable: 'people',
          referencedColumns: ['id'],
        },
      ],
    });
    // `REFERENCES orders` without columns: the parent's primary key.
    expect(table(d, 'Order Details')).toMatchObject({
      rowCountEstimate: 2,
      primaryKey: ['order_id', 'line_no'],
      foreignKeys: [
        {
          name: 'Order Details_order_id_fkey',
          columns: ['order_id'],
          referencedSchema: 'main',
          referencedTable: 'orders',
          referencedColumns: ['id'],
        },
      ],
    });
    expect(table(d, 'people_emails')).toEqual({
      name: 'people_emails',
      kind: 'view',
      comment: null,
      rowCountEstimate: null,
      primaryKey: [],
      foreignKeys: [],
      columns: [
        {
          name: 'id',
          ordinal: 1,
          dataType: 'INTEGER',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'email',
          ordinal: 2,
          dataType: 'TEXT',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
      ],
    });
    // SQLite quirk: a non-integer PRIMARY KEY of a rowid table may hold NULL; WITHOUT ROWID may not.
    expect(table(d, 'codes').columns[0]).toMatchObject({ name: 'code', nullable: true });
    expect(table(d, 'wr').columns[0]).toMatchObject({ name: 'k', nullable: false });
    expect(table(d, 'weird"name').columns.map((x) => x.name)).toEqual([
      'we"ird col',
      'payload',
      'big',
      'note',
    ]);

    expect((await c.discover({ includeSchemas: ['public'] })).schemas).toEqual([]);
  });

  it('uses sqlite_stat1 for estimates once ANALYZE has run', async () => {
    const db = new Database(file);
    db.exec('ANALYZE');
    db.close();
    const d = await c.discover();
    expect(table(d, 'people').rowCountEstimate).toBe(10);
    expect(table(d, 'Order Details').rowCountEstimate).toBe(2);
  });

  it('previews with JSON-safe values, capped at maxRows', async () => {
    const p = await c.preview({ schema: 'main', table: 'people' }, 100);
    expect(p.rows).toHaveLength(5);
    expect(p.rows[0]).toEqual({
      id: 1,
      email: 'user1@example.com',
      phone: '+1 555 010 0001',
      status: 'active',
      created_at: 1704189600,
      birth_date: '1990-01-02',
      balance: 10.5,
      verified: 0,
    });
    const w = await c.preview({ schema: 'main', table: 'weird"name' }, 1);
    expect(w.rows).toEqual([
      { 'we"ird col': 'a', payload: '\\x00ff10', big: '9007199254740993', note: 'hello' },
    ]);
  });

  it('samples: first and random', async () => {
    const first = await c.sample(
      { schema: 'main', table: 'people' },
      ['email', 'status'],
      3,
      'first',
    );
    expect(first).toEqual({
      email: ['user1@example.com', 'user2@example.com', 'user3@example.com'],
      status: ['active', 'active', 'active'],
    });
    const emails = new Set(Array.from({ length: 10 }, (_, i) => `user${i + 1}@example.com`));
    const random = await c.sample({ schema: 'main', table: 'people' }, ['email'], 4);
    expect(random.email).toHaveLength(4);
    for (const e of random.email!) expect(emails.has(e as string)).toBe(true);
    expect(new Set(random.email).size).toBe(4);
    // maxRows (5) caps n.
    expect((await c.sample({ schema: 'main', table: 'orders' }, [], 1000)).id).toHaveLength(5);
  });

  it('profiles columns', async () => {
    const phone = await c.profile({ schema: 'main', table: 'people' }, 'phone');
    expect(phone).toEqual({
      rowCount: 10,
      nullCount: 2,
      nullRatio: 0.2,
      distinctCount: 8,
      min: '+1 555 010 0001',
      max: '+1 555 010 0010',
      topValues: expect.any(Array),
      exact: true,
    });
    const status = await c.profile({ schema: 'main', table: 'people' }, 'status');
    expect(status.topValues).toEqual([
      { value: 'active', count: 7 },
      { value: 'inactive', count: 3 },
    ]);
    const verified = await c.profile({ schema: 'main', table: 'people' }, 'verified');
    expect(verified).toMatchObject({ distinctCount: 2, min: 0, max: 1 });
  });

  it('profiles a sample above profileMaxRows and says so', async () => {
    const small = createConnector({
      engine: 'sqlite',
      database: file,
      options: { profileMaxRows: 15 },
    });
    const p = await small.profile({ schema: 'main', table: 'orders' }, 'id');
    await small.close();
    expect(p).toMatchObject({ rowCount: 15, exact: false });
  });

  it('quotes identifiers: an injection-shaped name is just a name', async () => {
    expect(await c.preview({ schema: 'main', table: INJECTION }, 5)).toEqual({
      columns: ['id'],
      rows: [],
    });
    const err = await c
      .preview({ schema: 'main', table: 'people"; DROP TABLE orders; --' }, 5)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('not_found');
    const bad = await c.profile({ schema: 'main', table: 'people' }, 'nope').catch((e) => e);
    expect(bad.kind).toBe('not_found');
    await expect(c.preview({ schema: 'other', table: 'people' }, 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    const db = new Database(file, { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM orders').get()).toEqual({ n: 20 });
    db.close();
  });

  it('refuses writes: the file is opened read-only', async () => {
    const raw = c as unknown as RawQueryable;
    const err = await raw[rawQuery]("INSERT INTO people (email) VALUES ('evil@example.com')").catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('permission');
    await expect(raw[rawQuery]('DROP TABLE orders')).rejects.toMatchObject({ kind: 'permission' });
    await expect(raw[rawQuery]('SELECT count(*) AS n FROM people')).resolves.toEqual([{ n: 10n }]);
  });

  it('reports a missing file or a non-database file', async () => {
    const missing = createConnector({ engine: 'sqlite', database: path.join(dir, 'nope.db') });
    const r = await missing.testConnection();
    expect(r).toMatchObject({ ok: false, error: { kind: 'not_found' } });
    await expect(missing.discover()).rejects.toMatchObject({ kind: 'not_found' });
    await missing.close();

    const junk = path.join(dir, 'junk.db');
    writeFileSync(junk, 'this is not a database, just some text that is long enough '.repeat(10));
    const notDb = createConnector({ engine: 'sqlite', database: junk });
    expect((await notDb.testConnection()).ok).toBe(false);
    await notDb.close();
  });
});
