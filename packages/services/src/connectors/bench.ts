/**
 * Discover + sample benchmark on a throwaway database of TABLES tables ×
 * COLUMNS columns (ROWS rows each): one discover, then a `sample(n=100,
 * random)` of every table, POOL at a time over a pool of POOL connections.
 *
 *   npx tsx packages/services/src/connectors/bench.ts [postgres|mysql] [tables=500] [rows=1000] [pool=4]
 *
 * Servers as in ./testing.ts (CONNECTOR_TEST_PG_URL / CONNECTOR_TEST_MYSQL_URL).
 */
import { createConnector } from './index';
import { createMysqlFixture, createPgFixture, type Fixture } from './testing';
import type { Connector, TableRef } from './types';

const [engineArg = 'postgres', tablesArg = '500', rowsArg = '1000', poolArg = '4'] =
  process.argv.slice(2);
const engine = engineArg === 'mysql' ? 'mysql' : 'postgres';
const TABLES = Number(tablesArg);
const ROWS = Number(rowsArg);
const POOL = Number(poolArg);
const COLUMNS = 20;

async function build(fx: Fixture): Promise<void> {
  const cols = Array.from({ length: COLUMNS - 1 }, (_, i) => {
    const kind = i % 4;
    if (engine === 'postgres')
      return `c${i} ${['text', 'integer', 'timestamptz', 'numeric(12,2)'][kind]}`;
    return `c${i} ${['varchar(64)', 'int', 'datetime', 'decimal(12,2)'][kind]}`;
  });
  const values = Array.from({ length: COLUMNS - 1 }, (_, i) => {
    const kind = i % 4;
    if (engine === 'postgres')
      return ["'v' || g", 'g * 7', "now() - g * interval '1 minute'", 'g / 3.0'][kind];
    return ["CONCAT('v', n)", 'n * 7', 'NOW() - INTERVAL n MINUTE', 'n / 3.0'][kind];
  });
  if (engine === 'mysql') {
    await fx.exec(`CREATE TABLE seq (n INT PRIMARY KEY)`);
    for (let start = 1; start <= ROWS; start += 1000) {
      const batch = Array.from(
        { length: Math.min(1000, ROWS - start + 1) },
        (_, i) => `(${start + i})`,
      ).join(',');
      await fx.exec(`INSERT INTO seq VALUES ${batch}`);
    }
  }
  for (let t = 0; t < TABLES; t++) {
    const name = `t${String(t).padStart(3, '0')}`;
    if (engine === 'postgres') {
      await fx.exec(
        `CREATE TABLE ${name} (id integer PRIMARY KEY, ${cols.join(', ')});
         INSERT INTO ${name} SELECT g, ${values.join(', ')} FROM generate_series(1, ${ROWS}) g;`,
      );
    } else {
      await fx.exec(`CREATE TABLE ${name} (id INT PRIMARY KEY, ${cols.join(', ')})`);
      await fx.exec(`INSERT INTO ${name} SELECT n, ${values.join(', ')} FROM seq`);
    }
  }
  if (engine === 'postgres') await fx.exec('ANALYZE');
  else await fx.exec('DROP TABLE seq');
}

async function sampleAll(c: Connector, refs: TableRef[]): Promise<number> {
  let next = 0;
  let rows = 0;
  await Promise.all(
    Array.from({ length: POOL }, async () => {
      while (next < refs.length) {
        const ref = refs[next++]!;
        const s = await c.sample(ref, [], 100, 'random');
        rows += Object.values(s)[0]?.length ?? 0;
      }
    }),
  );
  return rows;
}

const fx = engine === 'postgres' ? await createPgFixture() : await createMysqlFixture();
try {
  let t = performance.now();
  await build(fx);
  console.log(
    `[${engine}] built ${TABLES} tables × ${COLUMNS} columns × ${ROWS} rows in ${((performance.now() - t) / 1000).toFixed(1)} s`,
  );
  for (let run = 1; run <= 3; run++) {
    const c = createConnector({ ...fx.config, options: { poolSize: POOL } });
    t = performance.now();
    const ok = await c.testConnection();
    const tConnect = performance.now() - t;
    t = performance.now();
    const d = await c.discover();
    const tDiscover = performance.now() - t;
    const refs = d.schemas.flatMap((s) => s.tables.map((x) => ({ schema: s.name, table: x.name })));
    const columns = d.schemas.flatMap((s) => s.tables).reduce((n, x) => n + x.columns.length, 0);
    t = performance.now();
    const rows = await sampleAll(c, refs);
    const tSample = performance.now() - t;
    await c.close();
    console.log(
      `[${engine}] run ${run}: connect+test ${tConnect.toFixed(0)} ms (${ok.serverVersion}), discover ${tDiscover.toFixed(0)} ms ` +
        `(${refs.length} tables, ${columns} columns), sample ${tSample.toFixed(0)} ms (${rows} rows, pool ${POOL}), ` +
        `discover+sample ${(tDiscover + tSample).toFixed(0)} ms`,
    );
  }
} finally {
  await fx.drop();
}
