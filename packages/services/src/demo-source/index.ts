/**
 * A demo data source: a small, realistic, deterministic database full of
 * personal, financial, health and secret data (and a few look-alikes that are
 * not), for trying Racine's scans and for tests and benchmarks.
 *
 *   generateDemoDatabase('demo.db', { seed: 42, people: 200 })      // SQLite file
 *   generateDemoPostgres('postgresql://…/db', { schema: 'demo' })  // PostgreSQL schema
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import {
  buildDemoData,
  DEMO_TABLES,
  type DemoData,
  type DemoOptions,
  type DemoTable,
} from './data';
import { DEMO_SCHEMA, type DemoColumn } from './schema';

export * from './data';
export { DEMO_SCHEMA } from './schema';
export { cardNumber, iban, luhnCheckDigit, mod97, usSsn } from './generators';

export type DemoCounts = Record<DemoTable, number>;

const countsOf = (data: DemoData): DemoCounts =>
  Object.fromEntries(DEMO_TABLES.map((t) => [t, data[t].length])) as DemoCounts;

const q = (name: string) => `"${name.replaceAll('"', '""')}"`;

function columnDdl(c: DemoColumn, engine: 'sqlite' | 'pg', schema?: string): string {
  const parts = [q(c.name), engine === 'sqlite' ? c.sqlite : c.pg];
  if (c.primaryKey) parts.push('PRIMARY KEY');
  if (c.notNull && !c.primaryKey) parts.push('NOT NULL');
  if (c.unique) parts.push('UNIQUE');
  if (c.default !== undefined)
    parts.push(`DEFAULT ${engine === 'sqlite' && c.default === 'false' ? '0' : c.default}`);
  if (c.references) {
    const target = schema ? `${q(schema)}.${q(c.references.table)}` : q(c.references.table);
    parts.push(`REFERENCES ${target} (${q(c.references.column)})`);
  }
  return parts.join(' ');
}

/** A value as SQLite stores it: booleans as 0/1. */
const sqliteValue = (v: unknown) => (typeof v === 'boolean' ? (v ? 1 : 0) : v);

/**
 * Writes the demo data set into a new SQLite file at `filePath` (replacing
 * any file there). The same seed and size give a byte-identical file.
 */
export function generateDemoDatabase(
  filePath: string,
  opts: DemoOptions = {},
): { filePath: string; counts: DemoCounts } {
  const data = buildDemoData(opts);
  mkdirSync(path.dirname(path.resolve(filePath)), { recursive: true });
  for (const suffix of ['', '-journal', '-wal', '-shm']) {
    if (existsSync(filePath + suffix)) rmSync(filePath + suffix);
  }
  const db = new Database(filePath);
  try {
    db.pragma('foreign_keys = ON');
    const create = db.transaction(() => {
      for (const table of DEMO_TABLES) {
        const cols = DEMO_SCHEMA[table].columns;
        db.exec(
          `CREATE TABLE ${q(table)} (\n  ${cols.map((c) => columnDdl(c, 'sqlite')).join(',\n  ')}\n)`,
        );
        const insert = db.prepare(
          `INSERT INTO ${q(table)} (${cols.map((c) => q(c.name)).join(', ')}) VALUES (${cols.map(() => '?').join(', ')})`,
        );
        for (const row of data[table] as unknown as Record<string, unknown>[]) {
          insert.run(...cols.map((c) => sqliteValue(row[c.name])));
        }
      }
      db.exec(`CREATE INDEX orders_customer_id ON orders (customer_id)`);
      db.exec(`CREATE INDEX payments_order_id ON payments (order_id)`);
      db.exec(`CREATE INDEX support_tickets_customer_id ON support_tickets (customer_id)`);
    });
    create();
  } finally {
    db.close();
  }
  return { filePath, counts: countsOf(data) };
}

export interface DemoPostgresOptions extends DemoOptions {
  /** Schema to (re)create. Default `demo`. Dropped with CASCADE first. */
  schema?: string;
}

/**
 * Writes the demo data set into a fresh schema of a PostgreSQL database
 * (dropping the schema first), with comments and ANALYZE so row estimates
 * are right. One parameterised INSERT … SELECT FROM unnest(…) per table.
 */
export async function generateDemoPostgres(
  connectionString: string,
  opts: DemoPostgresOptions = {},
): Promise<{ schema: string; counts: DemoCounts }> {
  const schema = opts.schema ?? 'demo';
  const data = buildDemoData(opts);
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await client.query('BEGIN');
    await client.query(`DROP SCHEMA IF EXISTS ${q(schema)} CASCADE`);
    await client.query(`CREATE SCHEMA ${q(schema)}`);
    for (const table of DEMO_TABLES) {
      const { columns: cols, comment } = DEMO_SCHEMA[table];
      const target = `${q(schema)}.${q(table)}`;
      await client.query(
        `CREATE TABLE ${target} (\n  ${cols.map((c) => columnDdl(c, 'pg', schema)).join(',\n  ')}\n)`,
      );
      await client.query(`COMMENT ON TABLE ${target} IS ${pgLiteral(comment)}`);
      for (const c of cols) {
        if (c.comment)
          await client.query(`COMMENT ON COLUMN ${target}.${q(c.name)} IS ${pgLiteral(c.comment)}`);
      }
      const rows = data[table] as unknown as Record<string, unknown>[];
      const arrays = cols.map((c) => rows.map((r) => r[c.name] ?? null));
      await client.query(
        `INSERT INTO ${target} (${cols.map((c) => q(c.name)).join(', ')})
         SELECT * FROM unnest(${cols.map((c, i) => `$${i + 1}::${c.pgArray}`).join(', ')})`,
        arrays,
      );
    }
    await client.query('COMMIT');
    for (const table of DEMO_TABLES) await client.query(`ANALYZE ${q(schema)}.${q(table)}`);
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    await client.end();
  }
  return { schema, counts: countsOf(data) };
}

/** A constant string literal for DDL (COMMENT ON does not take parameters). */
function pgLiteral(s: string): string {
  return `'${s.replaceAll("'", "''")}'`;
}
