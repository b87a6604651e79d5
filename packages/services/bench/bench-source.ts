/**
 * The PostgreSQL source of the scan and pipeline benches: `tables` tables of
 * BENCH_COLUMNS, each a server-side copy of one template of `rows` realistic
 * rows, in a database of its own (`<prefix>_<random>`) that `drop` removes.
 */
import pg from 'pg';
import { type BenchDatabase, createEmptyDatabase } from './bench-db';
import { BENCH_COLUMNS, benchRows } from './scan-data';

export async function buildBenchSource(
  serverUrl: string,
  tables: number,
  prefix: string,
  rows = 1000,
): Promise<BenchDatabase> {
  const source = await createEmptyDatabase(serverUrl, prefix);
  const c = new pg.Client({ connectionString: source.url });
  try {
    await c.connect();
    const values = benchRows(rows, 11);
    await c.query(
      `CREATE TABLE template (${BENCH_COLUMNS.map(([n, t]) => `${n} ${t}`).join(', ')})`,
    );
    const columns = BENCH_COLUMNS.map(([n]) => n);
    const types = BENCH_COLUMNS.map(([, t]) => t.replace(' PRIMARY KEY', ''));
    await c.query(
      `INSERT INTO template SELECT * FROM unnest(${columns.map((_, i) => `$${i + 1}::${types[i]}[]`).join(', ')})`,
      columns.map((_, i) => values.map((r) => r[i])),
    );
    for (let t = 0; t < tables; t++) {
      const table = `t${String(t).padStart(3, '0')}`;
      await c.query(
        `CREATE TABLE ${table} (LIKE template INCLUDING ALL); INSERT INTO ${table} SELECT * FROM template`,
      );
    }
    await c.query('DROP TABLE template; ANALYZE');
  } catch (error) {
    await c.end().catch(() => {});
    await source.drop().catch(() => {});
    throw error;
  }
  await c.end();
  return source;
}
