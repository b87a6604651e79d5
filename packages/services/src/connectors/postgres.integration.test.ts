import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConnector,
  ConnectorError,
  isTransient,
  type Connector,
  type TableInfo,
} from './index';
import { rawQuery, type RawQueryable } from './internal';
import { createPgFixture, pgAvailable, type Fixture } from './testing';

const available = await pgAvailable();
if (!available)
  console.warn('[connectors] PostgreSQL is not reachable: postgres connector tests skipped');

const INJECTION = 'x"; DROP TABLE people; --';
const SECRET = 'Sup3r-S3cret-Passw0rd!';

const FIXTURE_SQL = `
CREATE TABLE people (
  id serial PRIMARY KEY,
  email text NOT NULL,
  phone varchar(32),
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now(),
  birth_date date,
  balance numeric(10,2),
  verified boolean
);
COMMENT ON TABLE people IS 'Customers and contacts';
COMMENT ON COLUMN people.email IS 'Primary e-mail address';
CREATE TABLE orders (
  id bigint PRIMARY KEY,
  person_id integer NOT NULL REFERENCES people(id),
  total_cents integer NOT NULL,
  placed_at timestamp
);
CREATE TABLE "Order Details" (
  order_id bigint NOT NULL,
  line_no int NOT NULL,
  "Product Name" text,
  PRIMARY KEY (order_id, line_no),
  CONSTRAINT order_details_order_fk FOREIGN KEY (order_id) REFERENCES orders(id)
);
CREATE TABLE "weird""name" ("we""ird col" text, payload bytea, big bigint, doc jsonb);
CREATE TABLE "${INJECTION.replaceAll('"', '""')}" (id int);
CREATE VIEW people_emails AS SELECT id, email FROM people;
CREATE SCHEMA audit;
CREATE TABLE audit.events (id int PRIMARY KEY, person_id int REFERENCES public.people(id), kind text);
CREATE TABLE big AS SELECT g AS id, md5(g::text) AS h FROM generate_series(1, 50000) g;

INSERT INTO people (email, phone, status, created_at, birth_date, balance, verified)
SELECT 'user' || g || '@example.com',
       CASE WHEN g % 4 = 0 THEN NULL ELSE '+1 555 010 ' || lpad(g::text, 4, '0') END,
       CASE WHEN g <= 7 THEN 'active' ELSE 'inactive' END,
       timestamptz '2024-01-01 10:00:00+00' + g * interval '1 day',
       date '1990-01-01' + g,
       g * 10.5,
       g % 2 = 0
FROM generate_series(1, 10) g;
INSERT INTO orders SELECT g, 1 + g % 10, g * 100, timestamp '2024-02-01 12:30:00' FROM generate_series(1, 20) g;
INSERT INTO "Order Details" VALUES (1, 1, 'Widget'), (1, 2, 'Gadget');
INSERT INTO "weird""name" VALUES ('a', '\\x00ff10'::bytea, 9007199254740993, '{"k": [1, 2]}');
ANALYZE people; ANALYZE orders; ANALYZE big;
`;

function table(
  d: { schemas: { name: string; tables: TableInfo[] }[] },
  schema: string,
  name: string,
): TableInfo {
  const t = d.schemas.find((s) => s.name === schema)?.tables.find((x) => x.name === name);
  if (!t) throw new Error(`${schema}.${name} not discovered`);
  return t;
}

describe.skipIf(!available)('PostgreSQL connector', () => {
  let fx: Fixture;
  let c: Connector;

  beforeAll(async () => {
    fx = await createPgFixture();
    await fx.exec(FIXTURE_SQL);
    c = createConnector({
      ...fx.config,
      options: { statementTimeoutMs: 2000, maxRows: 500, poolSize: 4 },
    });
  });

  afterAll(async () => {
    await c?.close();
    await fx?.drop();
  });

  it('tests the connection: version, latency, privileges', async () => {
    const r = await c.testConnection();
    expect(r).toMatchObject({ ok: true, canReadMetadata: true, canReadData: true });
    expect(r.serverVersion).toMatch(/^PostgreSQL \d+\.\d+/);
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(r.latencyMs).toBeLessThan(1000);
    expect(r.tablesVisible).toBe(8);
    expect(r.tablesReadable).toBe(8);
    expect(r.error).toBeUndefined();
  });

  it('discovers schemas, tables, views, columns, keys and comments exactly', async () => {
    const d = await c.discover();
    expect(d.databaseName).toBe(fx.name);
    expect(d.schemas.map((s) => s.name)).toEqual(['audit', 'public']);
    expect(d.schemas[1]!.tables.map((t) => t.name)).toEqual([
      'Order Details',
      'big',
      'orders',
      'people',
      'people_emails',
      'weird"name',
      INJECTION,
    ]);

    expect(table(d, 'public', 'people')).toEqual({
      name: 'people',
      kind: 'table',
      comment: 'Customers and contacts',
      rowCountEstimate: 10,
      primaryKey: ['id'],
      foreignKeys: [],
      columns: [
        {
          name: 'id',
          ordinal: 1,
          dataType: 'integer',
          nullable: false,
          defaultValue: "nextval('people_id_seq'::regclass)",
          comment: null,
        },
        {
          name: 'email',
          ordinal: 2,
          dataType: 'text',
          nullable: false,
          defaultValue: null,
          comment: 'Primary e-mail address',
        },
        {
          name: 'phone',
          ordinal: 3,
          dataType: 'character varying(32)',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'status',
          ordinal: 4,
          dataType: 'text',
          nullable: false,
          defaultValue: "'active'::text",
          comment: null,
        },
        {
          name: 'created_at',
          ordinal: 5,
          dataType: 'timestamp with time zone',
          nullable: false,
          defaultValue: 'now()',
          comment: null,
        },
        {
          name: 'birth_date',
          ordinal: 6,
          dataType: 'date',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'balance',
          ordinal: 7,
          dataType: 'numeric(10,2)',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'verified',
          ordinal: 8,
          dataType: 'boolean',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
      ],
    });
    expect(table(d, 'public', 'orders')).toMatchObject({
      rowCountEstimate: 20,
      primaryKey: ['id'],
      foreignKeys: [
        {
          name: 'orders_person_id_fkey',
          columns: ['person_id'],
          referencedSchema: 'public',
          referencedTable: 'people',
          referencedColumns: ['id'],
        },
      ],
    });
    expect(table(d, 'public', 'Order Details')).toMatchObject({
      primaryKey: ['order_id', 'line_no'],
      foreignKeys: [
        {
          name: 'order_details_order_fk',
          columns: ['order_id'],
          referencedSchema: 'public',
          referencedTable: 'orders',
          referencedColumns: ['id'],
        },
      ],
      columns: [
        { name: 'order_id' },
        { name: 'line_no' },
        { name: 'Product Name', dataType: 'text', nullable: true },
      ],
    });
    expect(table(d, 'public', 'people_emails')).toEqual({
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
          dataType: 'integer',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'email',
          ordinal: 2,
          dataType: 'text',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
      ],
    });
    // Never analyzed and empty of statistics: the estimate is unknown, not 0 or -1.
    expect(table(d, 'public', 'weird"name')).toMatchObject({
      rowCountEstimate: null,
      primaryKey: [],
      columns: [
        { name: 'we"ird col' },
        { name: 'payload', dataType: 'bytea' },
        { name: 'big', dataType: 'bigint' },
        { name: 'doc', dataType: 'jsonb' },
      ],
    });
    expect(table(d, 'public', 'big').rowCountEstimate).toBe(50000);
    expect(table(d, 'audit', 'events').foreignKeys).toEqual([
      {
        name: 'events_person_id_fkey',
        columns: ['person_id'],
        referencedSchema: 'public',
        referencedTable: 'people',
        referencedColumns: ['id'],
      },
    ]);

    const onlyAudit = await c.discover({ includeSchemas: ['audit', 'nope'] });
    expect(onlyAudit.schemas.map((s) => s.name)).toEqual(['audit']);
    expect(onlyAudit.schemas[0]!.tables.map((t) => t.name)).toEqual(['events']);
  });

  it('previews with JSON-safe values and a row cap', async () => {
    const p = await c.preview({ schema: 'public', table: 'people' }, 3);
    expect(p.columns).toEqual([
      'id',
      'email',
      'phone',
      'status',
      'created_at',
      'birth_date',
      'balance',
      'verified',
    ]);
    expect(p.rows).toHaveLength(3);
    expect(p.rows[0]).toEqual({
      id: 1,
      email: 'user1@example.com',
      phone: '+1 555 010 0001',
      status: 'active',
      created_at: '2024-01-02T10:00:00Z',
      birth_date: '1990-01-02',
      balance: '10.50',
      verified: false,
    });
    const o = await c.preview({ schema: 'public', table: 'orders' }, 1);
    expect(o.rows[0]).toEqual({
      id: '1',
      person_id: 2,
      total_cents: 100,
      placed_at: '2024-02-01T12:30:00',
    });
    const w = await c.preview({ schema: 'public', table: 'weird"name' }, 10);
    expect(w.rows).toEqual([
      { 'we"ird col': 'a', payload: '\\x00ff10', big: '9007199254740993', doc: { k: [1, 2] } },
    ]);
    expect(JSON.parse(JSON.stringify(w.rows))).toEqual(w.rows);
    // maxRows (500) caps whatever the caller asks.
    expect((await c.preview({ schema: 'public', table: 'big' }, 10_000)).rows).toHaveLength(500);
  });

  it('samples n rows: first, random (small table, view) and TABLESAMPLE (big table)', async () => {
    const first = await c.sample(
      { schema: 'public', table: 'people' },
      ['email', 'status'],
      4,
      'first',
    );
    expect(Object.keys(first)).toEqual(['email', 'status']);
    expect(first.email).toEqual([
      'user1@example.com',
      'user2@example.com',
      'user3@example.com',
      'user4@example.com',
    ]);

    const emails = new Set(Array.from({ length: 10 }, (_, i) => `user${i + 1}@example.com`));
    const random = await c.sample({ schema: 'public', table: 'people' }, ['email'], 5, 'random');
    expect(random.email).toHaveLength(5);
    for (const e of random.email!) expect(emails.has(e as string)).toBe(true);
    expect(new Set(random.email).size).toBe(5);

    const view = await c.sample(
      { schema: 'public', table: 'people_emails' },
      ['email'],
      50,
      'random',
    );
    expect(view.email).toHaveLength(10);

    const big = await c.sample({ schema: 'public', table: 'big' }, ['id', 'h'], 100, 'random');
    expect(big.id).toHaveLength(100);
    expect(new Set(big.id).size).toBe(100);
    for (const id of big.id!) expect(id).toBeGreaterThanOrEqual(1);
    // Random, not the first 100 rows.
    expect(Math.max(...(big.id as number[]))).toBeGreaterThan(1000);

    const all = await c.sample({ schema: 'public', table: 'Order Details' }, [], 10);
    expect(Object.keys(all)).toEqual(['order_id', 'line_no', 'Product Name']);
    expect(all['Product Name']!.sort()).toEqual(['Gadget', 'Widget']);
  });

  it('samples many tables concurrently over the pool', async () => {
    const refs = ['people', 'orders', 'big', 'Order Details', 'people_emails'].map((table) => ({
      schema: 'public',
      table,
    }));
    const results = await Promise.all([...refs, ...refs].map((ref) => c.sample(ref, [], 20)));
    expect(results.map((r) => Object.values(r)[0]!.length)).toEqual([
      10, 20, 20, 2, 10, 10, 20, 20, 2, 10,
    ]);
  });

  it('profiles columns: nulls, distinct, min/max, top values', async () => {
    const phone = await c.profile({ schema: 'public', table: 'people' }, 'phone');
    expect(phone).toMatchObject({
      rowCount: 10,
      nullCount: 2,
      nullRatio: 0.2,
      distinctCount: 8,
      exact: true,
    });
    expect(phone.min).toBe('+1 555 010 0001');
    expect(phone.max).toBe('+1 555 010 0010');

    const status = await c.profile({ schema: 'public', table: 'people' }, 'status', { topN: 5 });
    expect(status.topValues).toEqual([
      { value: 'active', count: 7 },
      { value: 'inactive', count: 3 },
    ]);
    expect(status.distinctCount).toBe(2);

    const balance = await c.profile({ schema: 'public', table: 'people' }, 'balance');
    expect(balance).toMatchObject({ min: '10.50', max: '105.00', distinctCount: 10, nullCount: 0 });

    // boolean has no min(); json has no equality: both fall back to their text form.
    const verified = await c.profile({ schema: 'public', table: 'people' }, 'verified');
    expect(verified).toMatchObject({ rowCount: 10, distinctCount: 2, min: 'false', max: 'true' });
    const doc = await c.profile({ schema: 'public', table: 'weird"name' }, 'doc');
    expect(doc).toMatchObject({ rowCount: 1, distinctCount: 1 });

    const empty = await c.profile({ schema: 'public', table: INJECTION }, 'id');
    expect(empty).toEqual({
      rowCount: 0,
      nullCount: 0,
      nullRatio: 0,
      distinctCount: 0,
      min: null,
      max: null,
      topValues: [],
      exact: true,
    });
  });

  it('quotes identifiers: an injection-shaped table name is just a name', async () => {
    expect(await c.preview({ schema: 'public', table: INJECTION }, 5)).toEqual({
      columns: ['id'],
      rows: [],
    });
    const err = await c
      .preview({ schema: 'public', table: 'people"; DROP TABLE orders; --' }, 5)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('not_found');
    const bad = await c
      .sample(
        { schema: 'public', table: 'people' },
        ['email" FROM people; DROP TABLE orders; --'],
        5,
      )
      .catch((e) => e);
    expect(bad.kind).toBe('not_found');
    // Everything is still there.
    expect(await fx.exec(`SELECT count(*)::int AS n FROM people`)).toEqual([{ n: 10 }]);
    expect(await fx.exec(`SELECT count(*)::int AS n FROM orders`)).toEqual([{ n: 20 }]);
  });

  it('reports missing tables and columns as not_found', async () => {
    await expect(c.preview({ schema: 'public', table: 'nope' }, 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(c.sample({ schema: 'public', table: 'nope' }, [], 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(c.profile({ schema: 'public', table: 'people' }, 'nope')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('refuses writes: the session is read-only', async () => {
    const raw = c as unknown as RawQueryable;
    const err = await raw[rawQuery](`INSERT INTO people (email) VALUES ('evil@example.com')`).catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('permission');
    expect(err.driverCode).toBe('25006');
    await expect(raw[rawQuery](`CREATE TABLE evil (id int)`)).rejects.toMatchObject({
      kind: 'permission',
    });
    expect(await fx.exec(`SELECT count(*)::int AS n FROM people`)).toEqual([{ n: 10 }]);
  });

  it('enforces the statement timeout', async () => {
    const raw = c as unknown as RawQueryable;
    const started = Date.now();
    const err = await raw[rawQuery]('SELECT pg_sleep(10)').catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('timeout');
    expect(isTransient(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('classifies connection failures without leaking the password', async () => {
    const badUser = createConnector({
      ...fx.config,
      username: 'no_such_role_racine',
      password: SECRET,
    });
    const r1 = await badUser.testConnection();
    await badUser.close();
    expect(r1).toMatchObject({ ok: false, serverVersion: null, error: { kind: 'auth' } });
    expect(JSON.stringify(r1)).not.toContain(SECRET);

    const badDb = createConnector({
      ...fx.config,
      database: 'no_such_db_racine',
      password: SECRET,
    });
    const err = await badDb.discover().catch((e) => e);
    await badDb.close();
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('not_found');
    expect(`${err.message} ${err.stack} ${JSON.stringify(err)}`).not.toContain(SECRET);

    const unreachable = createConnector({
      ...fx.config,
      port: 1,
      password: SECRET,
      options: { connectTimeoutMs: 2000 },
    });
    const r2 = await unreachable.testConnection();
    const e2 = await unreachable.preview({ schema: 'public', table: 'people' }, 1).catch((e) => e);
    await unreachable.close();
    expect(r2).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(e2.kind).toBe('unreachable');
    expect(isTransient(e2)).toBe(true);
    expect(JSON.stringify(r2) + e2.message).not.toContain(SECRET);
  });

  it('reports canReadData false for a login without SELECT grants', async () => {
    const role = `${fx.name}_ro`;
    await fx.exec(`CREATE ROLE "${role}" LOGIN`);
    await fx.exec(`REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC`);
    try {
      const ro = createConnector({ ...fx.config, username: role });
      const r = await ro.testConnection();
      const d = await ro.discover();
      const err = await ro.preview({ schema: 'public', table: 'people' }, 1).catch((e) => e);
      await ro.close();
      expect(r).toMatchObject({
        ok: true,
        canReadMetadata: true,
        canReadData: false,
        tablesReadable: 0,
      });
      expect(table(d, 'public', 'people').columns).toHaveLength(8);
      expect(err.kind).toBe('permission');
    } finally {
      await fx.exec(`DROP OWNED BY "${role}"`);
      await fx.exec(`DROP ROLE "${role}"`);
    }
  });
});
