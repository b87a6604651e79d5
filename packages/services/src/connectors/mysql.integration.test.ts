import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createConnector,
  ConnectorError,
  isTransient,
  type Connector,
  type TableInfo,
} from './index';
import { rawQuery, type RawQueryable } from './internal';
import { createMysqlFixture, mysqlAvailable, type Fixture } from './testing';

const available = await mysqlAvailable();
if (!available)
  console.warn('[connectors] MySQL/MariaDB is not reachable: mysql connector tests skipped');

const INJECTION = 'x"; DROP TABLE people; --';
const SECRET = 'Sup3r-S3cret-Passw0rd!';

const DIGITS =
  '(SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2 UNION ALL SELECT 3 UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7 UNION ALL SELECT 8 UNION ALL SELECT 9)';
/** 1..n (n < 100 000) without recursion limits. */
const seq = (n: number) =>
  `SELECT n FROM (SELECT 1 + a.d + 10 * b.d + 100 * c.d + 1000 * e.d + 10000 * f.d AS n
   FROM ${DIGITS} a, ${DIGITS} b, ${DIGITS} c, ${DIGITS} e, ${DIGITS} f) t WHERE n <= ${n}`;

const FIXTURE_SQL = [
  `SET time_zone = '+00:00'`,
  `CREATE TABLE people (
     id INT AUTO_INCREMENT PRIMARY KEY,
     email VARCHAR(255) NOT NULL COMMENT 'Primary e-mail address',
     phone VARCHAR(32) NULL,
     status VARCHAR(16) NOT NULL DEFAULT 'active',
     created_at TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
     birth_date DATE NULL,
     balance DECIMAL(10,2) NULL,
     verified TINYINT(1) NULL
   ) ENGINE=InnoDB COMMENT='Customers and contacts'`,
  `CREATE TABLE orders (
     id BIGINT PRIMARY KEY,
     person_id INT NOT NULL,
     total_cents INT NOT NULL,
     placed_at DATETIME NULL,
     CONSTRAINT orders_person_fk FOREIGN KEY (person_id) REFERENCES people(id)
   ) ENGINE=InnoDB`,
  `CREATE TABLE \`Order Details\` (
     order_id BIGINT NOT NULL,
     line_no INT NOT NULL,
     \`Product Name\` TEXT,
     PRIMARY KEY (order_id, line_no),
     CONSTRAINT order_details_order_fk FOREIGN KEY (order_id) REFERENCES orders(id)
   ) ENGINE=InnoDB`,
  'CREATE TABLE `weird"name` (`we"ird col` TEXT, payload VARBINARY(16), big BIGINT, `back``tick` INT)',
  `CREATE TABLE \`${INJECTION}\` (id INT)`,
  `CREATE VIEW people_emails AS SELECT id, email FROM people`,
  `CREATE TABLE big (id INT PRIMARY KEY, h CHAR(32)) ENGINE=InnoDB`,
  `CREATE TABLE big_text (k VARCHAR(40) PRIMARY KEY, v INT) ENGINE=InnoDB`,
  `INSERT INTO people (email, phone, status, created_at, birth_date, balance, verified)
   SELECT CONCAT('user', n, '@example.com'),
          CASE WHEN n % 4 = 0 THEN NULL ELSE CONCAT('+1 555 010 ', LPAD(n, 4, '0')) END,
          CASE WHEN n <= 7 THEN 'active' ELSE 'inactive' END,
          TIMESTAMP('2024-01-01 10:00:00') + INTERVAL n DAY,
          DATE('1990-01-01') + INTERVAL n DAY,
          n * 10.5,
          n % 2 = 0
   FROM (${seq(10)}) s`,
  `INSERT INTO orders SELECT n, 1 + n % 10, n * 100, '2024-02-01 12:30:00' FROM (${seq(20)}) s`,
  "INSERT INTO `Order Details` VALUES (1, 1, 'Widget'), (1, 2, 'Gadget')",
  "INSERT INTO `weird\"name` VALUES ('a', X'00FF10', 9007199254740993, 7)",
  `INSERT INTO big SELECT n, MD5(n) FROM (${seq(30000)}) s`,
  `INSERT INTO big_text SELECT MD5(n), n FROM (${seq(30000)}) s`,
  `ANALYZE TABLE people, orders, \`Order Details\`, big, big_text`,
];

function table(
  d: { schemas: { name: string; tables: TableInfo[] }[] },
  schema: string,
  name: string,
): TableInfo {
  const t = d.schemas.find((s) => s.name === schema)?.tables.find((x) => x.name === name);
  if (!t) throw new Error(`${schema}.${name} not discovered`);
  return t;
}

describe.skipIf(!available)('MySQL/MariaDB connector', () => {
  let fx: Fixture;
  let c: Connector;
  let db: string;

  beforeAll(async () => {
    fx = await createMysqlFixture();
    db = fx.name;
    for (const sql of FIXTURE_SQL) await fx.exec(sql);
    c = createConnector({
      ...fx.config,
      options: { statementTimeoutMs: 1000, maxRows: 500, poolSize: 4 },
    });
  });

  afterAll(async () => {
    await c?.close();
    await fx?.drop();
  });

  it('tests the connection: version, latency, privileges', async () => {
    const r = await c.testConnection();
    expect(r).toMatchObject({
      ok: true,
      canReadMetadata: true,
      canReadData: true,
      tablesVisible: 8,
    });
    expect(r.serverVersion).toMatch(/^(MariaDB|MySQL) \d+\.\d+/);
    expect(r.latencyMs).toBeGreaterThan(0);
    expect(r.latencyMs).toBeLessThan(1000);
  });

  it('discovers tables, views, columns, keys and comments exactly', async () => {
    const d = await c.discover();
    expect(d.databaseName).toBe(db);
    expect(d.schemas.map((s) => s.name)).toEqual([db]);
    expect(d.schemas[0]!.tables.map((t) => t.name)).toEqual([
      'Order Details',
      'big',
      'big_text',
      'orders',
      'people',
      'people_emails',
      'weird"name',
      INJECTION,
    ]);
    const mariadb = (await c.testConnection()).serverVersion!.startsWith('MariaDB');
    const int = mariadb ? 'int(11)' : 'int';
    expect(table(d, db, 'people')).toEqual({
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
          dataType: int,
          nullable: false,
          defaultValue: 'AUTO_INCREMENT',
          comment: null,
        },
        {
          name: 'email',
          ordinal: 2,
          dataType: 'varchar(255)',
          nullable: false,
          defaultValue: null,
          comment: 'Primary e-mail address',
        },
        {
          name: 'phone',
          ordinal: 3,
          dataType: 'varchar(32)',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'status',
          ordinal: 4,
          dataType: 'varchar(16)',
          nullable: false,
          defaultValue: mariadb ? "'active'" : 'active',
          comment: null,
        },
        {
          name: 'created_at',
          ordinal: 5,
          dataType: 'timestamp',
          nullable: false,
          defaultValue: mariadb ? 'current_timestamp()' : 'CURRENT_TIMESTAMP',
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
          dataType: 'decimal(10,2)',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
        {
          name: 'verified',
          ordinal: 8,
          dataType: 'tinyint(1)',
          nullable: true,
          defaultValue: null,
          comment: null,
        },
      ],
    });
    expect(table(d, db, 'orders')).toMatchObject({
      rowCountEstimate: 20,
      primaryKey: ['id'],
      foreignKeys: [
        {
          name: 'orders_person_fk',
          columns: ['person_id'],
          referencedSchema: db,
          referencedTable: 'people',
          referencedColumns: ['id'],
        },
      ],
    });
    expect(table(d, db, 'Order Details')).toMatchObject({
      primaryKey: ['order_id', 'line_no'],
      foreignKeys: [
        {
          name: 'order_details_order_fk',
          columns: ['order_id'],
          referencedSchema: db,
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
    expect(table(d, db, 'people_emails')).toEqual({
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
          dataType: int,
          nullable: false,
          defaultValue: '0',
          comment: null,
        },
        // MariaDB reports a view column with its base column's comment.
        {
          name: 'email',
          ordinal: 2,
          dataType: 'varchar(255)',
          nullable: false,
          defaultValue: null,
          comment: mariadb ? 'Primary e-mail address' : null,
        },
      ],
    });
    expect(table(d, db, 'weird"name').columns.map((x) => x.name)).toEqual([
      'we"ird col',
      'payload',
      'big',
      'back`tick',
    ]);
    const big = table(d, db, 'big').rowCountEstimate!;
    expect(big).toBeGreaterThan(20_000);
    expect(big).toBeLessThan(40_000);

    expect((await c.discover({ includeSchemas: ['no_such_schema'] })).schemas).toEqual([]);
  });

  it('previews with JSON-safe values and a row cap', async () => {
    const p = await c.preview({ schema: db, table: 'people' }, 3);
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
    expect(p.rows[0]).toEqual({
      id: 1,
      email: 'user1@example.com',
      phone: '+1 555 010 0001',
      status: 'active',
      created_at: '2024-01-02T10:00:00Z',
      birth_date: '1990-01-02',
      balance: '10.50',
      verified: 0,
    });
    const o = await c.preview({ schema: db, table: 'orders' }, 1);
    expect(o.rows[0]).toEqual({
      id: '1',
      person_id: 2,
      total_cents: 100,
      placed_at: '2024-02-01T12:30:00',
    });
    const w = await c.preview({ schema: db, table: 'weird"name' }, 10);
    expect(w.rows).toEqual([
      { 'we"ird col': 'a', payload: '\\x00ff10', big: '9007199254740993', 'back`tick': 7 },
    ]);
    expect((await c.preview({ schema: db, table: 'big' }, 10_000)).rows).toHaveLength(500);
  });

  it('samples n rows: first, ORDER BY RAND(), primary-key blocks, RAND() filter', async () => {
    const first = await c.sample({ schema: db, table: 'people' }, ['email', 'status'], 4, 'first');
    expect(Object.keys(first)).toEqual(['email', 'status']);
    expect(first.email).toHaveLength(4);

    const emails = new Set(Array.from({ length: 10 }, (_, i) => `user${i + 1}@example.com`));
    const random = await c.sample({ schema: db, table: 'people' }, ['email'], 5);
    expect(random.email).toHaveLength(5);
    for (const e of random.email!) expect(emails.has(e as string)).toBe(true);
    expect(new Set(random.email).size).toBe(5);

    expect(
      (await c.sample({ schema: db, table: 'people_emails' }, ['email'], 50)).email,
    ).toHaveLength(10);

    // Big table with an integer primary key: blocks of consecutive keys.
    const big = await c.sample({ schema: db, table: 'big' }, ['id', 'h'], 100);
    expect(Object.keys(big)).toEqual(['id', 'h']);
    expect(big.id).toHaveLength(100);
    expect(new Set(big.id).size).toBe(100);
    expect(Math.max(...(big.id as number[])) - Math.min(...(big.id as number[]))).toBeGreaterThan(
      1000,
    );

    // Big table with a text primary key: RAND() filter.
    const bigText = await c.sample({ schema: db, table: 'big_text' }, ['v'], 100);
    expect(bigText.v!.length).toBeGreaterThanOrEqual(90);
    expect(new Set(bigText.v).size).toBe(bigText.v!.length);

    const all = await c.sample({ schema: db, table: 'Order Details' }, [], 10);
    expect(Object.keys(all)).toEqual(['order_id', 'line_no', 'Product Name']);
    expect(all['Product Name']!.sort()).toEqual(['Gadget', 'Widget']);
  });

  it('samples many tables concurrently over the pool', async () => {
    const refs = ['people', 'orders', 'big', 'Order Details', 'people_emails'].map((t) => ({
      schema: db,
      table: t,
    }));
    const results = await Promise.all([...refs, ...refs].map((ref) => c.sample(ref, [], 20)));
    expect(results.map((r) => Object.values(r)[0]!.length)).toEqual([
      10, 20, 20, 2, 10, 10, 20, 20, 2, 10,
    ]);
  });

  it('profiles columns: nulls, distinct, min/max, top values', async () => {
    const phone = await c.profile({ schema: db, table: 'people' }, 'phone');
    expect(phone).toMatchObject({
      rowCount: 10,
      nullCount: 2,
      nullRatio: 0.2,
      distinctCount: 8,
      exact: true,
    });
    expect(phone.min).toBe('+1 555 010 0001');
    expect(phone.max).toBe('+1 555 010 0010');
    const status = await c.profile({ schema: db, table: 'people' }, 'status', { topN: 5 });
    expect(status.topValues).toEqual([
      { value: 'active', count: 7 },
      { value: 'inactive', count: 3 },
    ]);
    const balance = await c.profile({ schema: db, table: 'people' }, 'balance');
    expect(balance).toMatchObject({ min: '10.50', max: '105.00', distinctCount: 10 });
    const verified = await c.profile({ schema: db, table: 'people' }, 'verified');
    expect(verified).toMatchObject({ distinctCount: 2, min: 0, max: 1 });
    const empty = await c.profile({ schema: db, table: INJECTION }, 'id');
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

  it('quotes identifiers: an injection-shaped name is just a name', async () => {
    expect(await c.preview({ schema: db, table: INJECTION }, 5)).toEqual({
      columns: ['id'],
      rows: [],
    });
    const err = await c
      .preview({ schema: db, table: 'people`; DROP TABLE orders; --' }, 5)
      .catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('not_found');
    const bad = await c
      .sample({ schema: db, table: 'people' }, ['email` FROM people; DROP TABLE orders; --'], 5)
      .catch((e) => e);
    expect(bad.kind).toBe('not_found');
    // A value that tries to break out of its quotes is just a value.
    expect((await c.discover({ includeSchemas: [`${db}' OR '1'='1`] })).schemas).toEqual([]);
    expect(await fx.exec('SELECT COUNT(*) AS n FROM orders')).toEqual([{ n: 20 }]);
  });

  it('reports missing tables and columns as not_found', async () => {
    await expect(c.preview({ schema: db, table: 'nope' }, 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(c.sample({ schema: db, table: 'nope' }, [], 1)).rejects.toMatchObject({
      kind: 'not_found',
    });
    await expect(c.profile({ schema: db, table: 'people' }, 'nope')).rejects.toMatchObject({
      kind: 'not_found',
    });
  });

  it('refuses writes: the session is read-only', async () => {
    const raw = c as unknown as RawQueryable;
    const err = await raw[rawQuery]("INSERT INTO people (email) VALUES ('evil@example.com')").catch(
      (e) => e,
    );
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('permission');
    await expect(raw[rawQuery]('UPDATE people SET email = NULL')).rejects.toMatchObject({
      kind: 'permission',
    });
    expect(await fx.exec('SELECT COUNT(*) AS n FROM people')).toEqual([{ n: 10 }]);
  });

  it('enforces the statement timeout', async () => {
    const raw = c as unknown as RawQueryable;
    const started = Date.now();
    const err = await raw[rawQuery]('SELECT SLEEP(10) FROM people').catch((e) => e);
    expect(err).toBeInstanceOf(ConnectorError);
    expect(err.kind).toBe('timeout');
    expect(isTransient(err)).toBe(true);
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it('classifies connection failures without leaking the password', async () => {
    const badPassword = createConnector({ ...fx.config, password: SECRET });
    const r1 = await badPassword.testConnection();
    const e1 = await badPassword.discover().catch((e) => e);
    await badPassword.close();
    expect(r1).toMatchObject({ ok: false, serverVersion: null, error: { kind: 'auth' } });
    expect(e1.kind).toBe('auth');
    expect(isTransient(e1)).toBe(false);
    expect(`${JSON.stringify(r1)} ${e1.message} ${e1.stack} ${JSON.stringify(e1)}`).not.toContain(
      SECRET,
    );

    const badDb = createConnector({ ...fx.config, database: 'no_such_db_racine' });
    expect((await badDb.testConnection()).error?.kind).toBe('not_found');
    await badDb.close();

    const unreachable = createConnector({
      ...fx.config,
      port: 1,
      password: SECRET,
      options: { connectTimeoutMs: 2000 },
    });
    const r2 = await unreachable.testConnection();
    await unreachable.close();
    expect(r2).toMatchObject({ ok: false, error: { kind: 'unreachable' } });
    expect(JSON.stringify(r2)).not.toContain(SECRET);
  });

  it('reports canReadData false for a user without SELECT', async () => {
    const user = `rc_${db.slice(-10)}`;
    await fx.exec(`CREATE USER '${user}'@'127.0.0.1'`);
    await fx.exec(`CREATE USER '${user}'@'localhost'`);
    try {
      await fx.exec(`GRANT INSERT ON \`${db}\`.people TO '${user}'@'127.0.0.1'`);
      await fx.exec(`GRANT INSERT ON \`${db}\`.people TO '${user}'@'localhost'`);
      const ro = createConnector({ ...fx.config, username: user, password: undefined });
      const r = await ro.testConnection();
      const err = await ro.preview({ schema: db, table: 'people' }, 1).catch((e) => e);
      const d = await ro.discover();
      await ro.close();
      expect(r).toMatchObject({
        ok: true,
        canReadMetadata: true,
        canReadData: false,
        tablesVisible: 1,
      });
      expect(err.kind).toBe('permission');
      expect(d.schemas[0]!.tables.map((t) => t.name)).toEqual(['people']);
    } finally {
      await fx.exec(`DROP USER IF EXISTS '${user}'@'127.0.0.1'`);
      await fx.exec(`DROP USER IF EXISTS '${user}'@'localhost'`);
    }
  });
});
