/**
 * MySQL and MariaDB through a mysql2/promise pool. A schema is a database.
 *
 * Each pooled connection is prepared once, before its first statement:
 * `SET SESSION TRANSACTION READ ONLY`, then the statement timeout in the
 * flavour's own variable (MySQL `max_execution_time`, milliseconds, SELECT
 * only; MariaDB `max_statement_time`, seconds), `time_zone = '+00:00'`, and
 * NO_BACKSLASH_ESCAPES removed from sql_mode (mysql2 escapes parameter values
 * client-side with backslashes, which that mode would make unsound).
 *
 * Discovery reads information_schema (fast on MySQL/MariaDB) in four queries.
 * Random samples: `ORDER BY RAND() LIMIT ?` on small tables and views; on big
 * tables, random blocks of consecutive primary-key values when the primary
 * key is a single integer column (index range seeks, no scan), otherwise
 * `WHERE RAND() < p ORDER BY RAND() LIMIT ?` (one scan, sorts only ~3n rows).
 */
import mysql from 'mysql2/promise';
import type { FieldPacket, Pool, PoolConnection, PoolOptions, RowDataPacket } from 'mysql2/promise';
import { assembleDiscover, type ColumnRow, type KeyRow, type RelationRow } from './assemble';
import { ConnectorError, toConnectorError } from './errors';
import { rawQuery, type RawQueryable } from './internal';
import {
  capRows,
  checkRef,
  elapsedMs,
  profileResult,
  qualified,
  quoteMysqlIdent,
  resolveOptions,
  topN,
  type ResolvedOptions,
} from './sql';
import type {
  ConnectionConfig,
  Connector,
  DiscoverOptions,
  DiscoverResult,
  PreviewResult,
  ProfileOptions,
  ProfileResult,
  SampleResult,
  SampleStrategy,
  TableRef,
  TestConnectionResult,
} from './types';
import { toJsonSafe } from './values';

/** Below this many estimated rows (or 20 × n) a random sample sorts the whole table. */
const SMALL_TABLE_ROWS = 10_000;
const PK_ALIAS = '__racine_pk';

type Flavor = 'mysql' | 'mariadb';

interface TableMeta {
  view: boolean;
  rows: number | null;
  /** The primary key when it is one integer column: random block sampling can seek on it. */
  intPk: string | null;
}

const INT_TYPE = /^(tiny|small|medium|big)?int(eger)?\b/i;
const metaKey = (ref: TableRef) => `${ref.schema}\u0000${ref.table}`;

/**
 * DATETIME → `2024-01-02T03:04:05` (no zone, it has none); TIMESTAMP (shown in
 * the session's UTC) → `2024-01-02T03:04:05Z`. DATE stays `2024-01-02`
 * (dateStrings); BIGINT and DECIMAL come back as strings (bigNumberStrings).
 */
const typeCast: PoolOptions['typeCast'] = (field, next) => {
  if (
    field.type === 'DATETIME' ||
    field.type === 'DATETIME2' ||
    field.type === 'TIMESTAMP' ||
    field.type === 'TIMESTAMP2'
  ) {
    const s = field.string();
    if (s === null || s.startsWith('0000-00-00')) return s;
    const iso = s.replace(' ', 'T');
    return field.type.startsWith('TIMESTAMP') ? `${iso}Z` : iso;
  }
  return next();
};

export class MysqlConnector implements Connector, RawQueryable {
  readonly engine = 'mysql' as const;
  readonly #pool: Pool;
  readonly #database: string;
  readonly #secrets: (string | undefined)[];
  readonly #opts: ResolvedOptions;
  readonly #meta = new Map<string, TableMeta>();
  readonly #prepared = new WeakSet<object>();
  #flavor: Flavor | undefined;
  #version = '';
  #closed = false;

  constructor(config: ConnectionConfig) {
    this.#opts = resolveOptions(config.options);
    this.#secrets = [config.password];
    this.#database = config.database;
    const o = this.#opts;
    this.#pool = mysql.createPool({
      host: config.host ?? '127.0.0.1',
      port: config.port ?? 3306,
      database: config.database,
      user: config.username,
      password: config.password ?? '',
      ssl: o.ssl ? {} : undefined,
      connectTimeout: o.connectTimeoutMs,
      connectionLimit: o.poolSize,
      maxIdle: o.poolSize,
      idleTimeout: 10_000,
      waitForConnections: true,
      queueLimit: 0,
      multipleStatements: false,
      charset: 'utf8mb4',
      supportBigNumbers: true,
      bigNumberStrings: true,
      dateStrings: true,
      typeCast,
    });
    // A connection dropping while idle must not crash the process; the next query reports it.
    this.#pool.on('connection', (conn: { on?: (event: string, fn: () => void) => void }) =>
      conn.on?.('error', () => {}),
    );
  }

  #error(e: unknown): ConnectorError {
    return toConnectorError('mysql', e, this.#secrets);
  }

  /** Session setup, once per physical connection, before its first statement. */
  async #prepare(conn: PoolConnection): Promise<void> {
    const key = (conn as unknown as { connection: object }).connection ?? conn;
    if (this.#prepared.has(key)) return;
    if (this.#flavor === undefined) {
      const [rows] = await conn.query<RowDataPacket[]>('SELECT VERSION() AS v');
      this.#version = String(rows[0]?.v ?? '');
      this.#flavor = /mariadb/i.test(this.#version) ? 'mariadb' : 'mysql';
    }
    await conn.query('SET SESSION TRANSACTION READ ONLY');
    const ms = this.#opts.statementTimeoutMs;
    const timeoutVar = this.#flavor === 'mariadb' ? 'max_statement_time' : 'max_execution_time';
    await conn.query(
      `SET SESSION ${timeoutVar} = ?, time_zone = '+00:00',
         sql_mode = TRIM(BOTH ',' FROM REPLACE(CONCAT(',', @@SESSION.sql_mode, ','), ',NO_BACKSLASH_ESCAPES,', ','))`,
      [this.#flavor === 'mariadb' ? ms / 1000 : ms],
    );
    this.#prepared.add(key);
  }

  async #with<T>(fn: (conn: PoolConnection) => Promise<T>): Promise<T> {
    let conn: PoolConnection | undefined;
    try {
      conn = await this.#pool.getConnection();
      await this.#prepare(conn);
      return await fn(conn);
    } catch (e) {
      throw this.#error(e);
    } finally {
      conn?.release();
    }
  }

  /** Client-side backstop for a server that stops answering altogether. */
  get #clientTimeout(): number {
    return this.#opts.statementTimeoutMs + 5_000;
  }

  async #query<R = Record<string, unknown>>(sql: string, values: unknown[] = []): Promise<R[]> {
    return this.#with(async (conn) => {
      const [rows] = await conn.query<RowDataPacket[]>({
        sql,
        values,
        timeout: this.#clientTimeout,
      });
      return rows as unknown as R[];
    });
  }

  async #queryArrays(
    sql: string,
    values: unknown[] = [],
  ): Promise<{ fields: string[]; rows: unknown[][] }> {
    return this.#with(async (conn) => {
      const [rows, fields] = (await conn.query({
        sql,
        values,
        rowsAsArray: true,
        timeout: this.#clientTimeout,
      })) as unknown as [unknown[][], FieldPacket[]];
      return { fields: fields.map((f) => f.name), rows };
    });
  }

  async [rawQuery](sql: string, params?: unknown[]): Promise<Record<string, unknown>[]> {
    return this.#query(sql, params);
  }

  async testConnection(): Promise<TestConnectionResult> {
    try {
      return await this.#with(async (conn) => {
        const start = performance.now();
        await conn.query('SELECT 1');
        const latencyMs = elapsedMs(start);
        const [, number, flavorName] = /^([\d.]+)(?:-.*?(MariaDB))?/i.exec(this.#version) ?? [];
        const serverVersion = `${flavorName ?? (this.#flavor === 'mariadb' ? 'MariaDB' : 'MySQL')} ${number ?? this.#version}`;
        let canReadMetadata = false;
        let canReadData = false;
        let visible = 0;
        try {
          const [tables] = await conn.query<RowDataPacket[]>(
            `SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME`,
            [this.#database],
          );
          canReadMetadata = true;
          visible = tables.length;
          // information_schema lists what the user has some privilege on; SELECT is proven by reading.
          const first = tables[0]?.name as string | undefined;
          if (first !== undefined) {
            try {
              await conn.query(
                `SELECT * FROM ${qualified('mysql', { schema: this.#database, table: first })} LIMIT 0`,
              );
              canReadData = true;
            } catch {
              canReadData = false;
            }
          }
        } catch {
          canReadMetadata = false;
        }
        return {
          ok: true,
          serverVersion,
          latencyMs,
          canReadMetadata,
          canReadData,
          tablesVisible: visible,
        };
      });
    } catch (e) {
      const err = this.#error(e);
      return {
        ok: false,
        serverVersion: null,
        latencyMs: null,
        canReadMetadata: false,
        canReadData: false,
        error: { kind: err.kind, message: err.message },
      };
    }
  }

  async discover(opts: DiscoverOptions = {}): Promise<DiscoverResult> {
    const wanted = (opts.includeSchemas ?? [this.#database]).map(String);
    if (wanted.length === 0) return { databaseName: this.#database, schemas: [] };
    const [schemaRows, rels, cols, keys] = await Promise.all([
      this.#query<{ name: string }>(
        `SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME IN (?)`,
        [wanted],
      ),
      this.#query<{
        schema: string;
        name: string;
        type: string;
        comment: string | null;
        rows: string | number | null;
      }>(
        `SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS name, TABLE_TYPE AS type, TABLE_COMMENT AS comment,
                TABLE_ROWS AS \`rows\`
         FROM information_schema.TABLES WHERE TABLE_SCHEMA IN (?)`,
        [wanted],
      ),
      this.#query<{
        schema: string;
        table: string;
        name: string;
        data_type: string;
        nullable: string;
        default_value: string | null;
        comment: string | null;
        extra: string | null;
        generation: string | null;
      }>(
        `SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS \`table\`, COLUMN_NAME AS name, COLUMN_TYPE AS data_type,
                IS_NULLABLE AS nullable, COLUMN_DEFAULT AS default_value, COLUMN_COMMENT AS comment, EXTRA AS extra,
                GENERATION_EXPRESSION AS generation
         FROM information_schema.COLUMNS WHERE TABLE_SCHEMA IN (?)
         ORDER BY TABLE_SCHEMA, TABLE_NAME, ORDINAL_POSITION`,
        [wanted],
      ),
      this.#query<{
        schema: string;
        table: string;
        name: string;
        col: string;
        ref_schema: string | null;
        ref_table: string | null;
        ref_col: string | null;
      }>(
        `SELECT TABLE_SCHEMA AS \`schema\`, TABLE_NAME AS \`table\`, CONSTRAINT_NAME AS name, COLUMN_NAME AS col,
                REFERENCED_TABLE_SCHEMA AS ref_schema, REFERENCED_TABLE_NAME AS ref_table, REFERENCED_COLUMN_NAME AS ref_col
         FROM information_schema.KEY_COLUMN_USAGE
         WHERE TABLE_SCHEMA IN (?) AND (CONSTRAINT_NAME = 'PRIMARY' OR REFERENCED_TABLE_NAME IS NOT NULL)
         ORDER BY TABLE_SCHEMA, TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION`,
        [wanted],
      ),
    ]);
    const mariadb = this.#flavor === 'mariadb';
    const relations: RelationRow[] = rels.map((r) => {
      const view = r.type === 'VIEW' || r.type === 'SYSTEM VIEW';
      return {
        schema: r.schema,
        name: r.name,
        kind: view ? 'view' : 'table',
        comment: view ? null : r.comment || null,
        rowCountEstimate: view || r.rows === null ? null : Number(r.rows),
      };
    });
    const columns: ColumnRow[] = cols.map((c) => {
      const extra = (c.extra ?? '').toLowerCase();
      let defaultValue = c.default_value;
      // MariaDB reports "no default" on a nullable column as the literal NULL (string defaults are quoted).
      if (mariadb && defaultValue === 'NULL') defaultValue = null;
      if (extra.includes('generated') && c.generation)
        defaultValue = `GENERATED ALWAYS AS (${c.generation}) ${extra.includes('stored') ? 'STORED' : 'VIRTUAL'}`;
      else if (extra.includes('auto_increment')) defaultValue = 'AUTO_INCREMENT';
      return {
        schema: c.schema,
        table: c.table,
        name: c.name,
        dataType: c.data_type,
        nullable: c.nullable === 'YES',
        defaultValue,
        comment: c.comment || null,
      };
    });
    const keyRows: KeyRow[] = [];
    for (const k of keys) {
      const last = keyRows[keyRows.length - 1];
      if (last && last.schema === k.schema && last.table === k.table && last.name === k.name) {
        last.columns.push(k.col);
        if (k.ref_col !== null) last.referencedColumns!.push(k.ref_col);
        continue;
      }
      keyRows.push({
        schema: k.schema,
        table: k.table,
        type: k.name === 'PRIMARY' ? 'primary' : 'foreign',
        name: k.name,
        columns: [k.col],
        referencedSchema: k.ref_schema,
        referencedTable: k.ref_table,
        referencedColumns: k.ref_col === null ? [] : [k.ref_col],
      });
    }
    // Sampling metadata from this discovery: kind, estimate, single integer primary key.
    const colType = new Map(
      columns.map((c) => [`${c.schema}\u0000${c.table}\u0000${c.name}`, c.dataType]),
    );
    const pkOf = new Map(
      keyRows
        .filter((k) => k.type === 'primary')
        .map((k) => [`${k.schema}\u0000${k.table}`, k.columns]),
    );
    for (const r of relations) {
      const pk = pkOf.get(`${r.schema}\u0000${r.name}`);
      const single = pk?.length === 1 ? pk[0]! : null;
      const intPk =
        single && INT_TYPE.test(colType.get(`${r.schema}\u0000${r.name}\u0000${single}`) ?? '')
          ? single
          : null;
      this.#meta.set(metaKey({ schema: r.schema, table: r.name }), {
        view: r.kind === 'view',
        rows: r.rowCountEstimate,
        intPk,
      });
    }
    const schemaNames = schemaRows.map((s) => s.name);
    return assembleDiscover(this.#database, schemaNames, relations, columns, keyRows);
  }

  async #tableMeta(ref: TableRef): Promise<TableMeta> {
    const cached = this.#meta.get(metaKey(ref));
    if (cached) return cached;
    const rows = await this.#query<{
      type: string;
      rows: string | number | null;
      pk: string | null;
      pk_type: string | null;
    }>(
      `SELECT t.TABLE_TYPE AS type, t.TABLE_ROWS AS \`rows\`, k.COLUMN_NAME AS pk, c.DATA_TYPE AS pk_type
       FROM information_schema.TABLES t
       LEFT JOIN information_schema.KEY_COLUMN_USAGE k
         ON k.TABLE_SCHEMA = t.TABLE_SCHEMA AND k.TABLE_NAME = t.TABLE_NAME AND k.CONSTRAINT_NAME = 'PRIMARY'
       LEFT JOIN information_schema.COLUMNS c
         ON c.TABLE_SCHEMA = k.TABLE_SCHEMA AND c.TABLE_NAME = k.TABLE_NAME AND c.COLUMN_NAME = k.COLUMN_NAME
       WHERE t.TABLE_SCHEMA = ? AND t.TABLE_NAME = ?`,
      [ref.schema, ref.table],
    );
    const first = rows[0];
    if (!first)
      throw new ConnectorError(
        'not_found',
        `Table ${ref.schema}.${ref.table} does not exist`,
        'mysql',
        'ER_NO_SUCH_TABLE',
      );
    const view = first.type === 'VIEW' || first.type === 'SYSTEM VIEW';
    const meta: TableMeta = {
      view,
      rows: view || first.rows === null ? null : Number(first.rows),
      intPk: rows.length === 1 && first.pk && INT_TYPE.test(first.pk_type ?? '') ? first.pk : null,
    };
    this.#meta.set(metaKey(ref), meta);
    return meta;
  }

  async preview(ref: TableRef, limit: number): Promise<PreviewResult> {
    checkRef('mysql', ref);
    const n = capRows(limit, this.#opts.maxRows);
    const { fields, rows } = await this.#queryArrays(
      `SELECT * FROM ${qualified('mysql', ref)} LIMIT ?`,
      [n],
    );
    return {
      columns: fields,
      rows: rows.map((r) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) o[fields[i]!] = toJsonSafe(r[i]);
        return o;
      }),
    };
  }

  async sample(
    ref: TableRef,
    columns: string[],
    n: number,
    strategy: SampleStrategy = 'random',
  ): Promise<SampleResult> {
    checkRef('mysql', ref);
    const limit = capRows(n, this.#opts.maxRows);
    const cols = [...new Set(columns)];
    const list = cols.length ? cols.map(quoteMysqlIdent).join(', ') : '*';
    const from = qualified('mysql', ref);
    let result: { fields: string[]; rows: unknown[][] };
    if (strategy === 'first') {
      result = await this.#queryArrays(`SELECT ${list} FROM ${from} LIMIT ?`, [limit]);
    } else {
      const meta = await this.#tableMeta(ref);
      const big =
        !meta.view && meta.rows !== null && meta.rows > Math.max(SMALL_TABLE_ROWS, 20 * limit);
      if (!big) {
        result = await this.#queryArrays(`SELECT ${list} FROM ${from} ORDER BY RAND() LIMIT ?`, [
          limit,
        ]);
      } else if (meta.intPk) {
        result = await this.#sampleBlocks(from, list, meta.intPk, limit);
      } else {
        const p = Math.min(1, (3 * limit) / meta.rows!);
        result = await this.#queryArrays(
          `SELECT ${list} FROM ${from} WHERE RAND() < ? ORDER BY RAND() LIMIT ?`,
          [p, limit],
        );
      }
    }
    const out: SampleResult = {};
    result.fields.forEach((name, i) => {
      out[name] = result.rows.map((r) => toJsonSafe(r[i]));
    });
    return out;
  }

  /**
   * Random blocks of consecutive primary-key values: k random starting points
   * in [min, max], up to b rows from each (an index range seek apiece), all in
   * one UNION ALL; ~1.5× n rows gathered, de-duplicated, n kept at random.
   * Gaps in the key make rows after a gap a little likelier; no table scan.
   */
  async #sampleBlocks(
    from: string,
    list: string,
    pk: string,
    limit: number,
  ): Promise<{ fields: string[]; rows: unknown[][] }> {
    if (limit === 0) return this.#queryArrays(`SELECT ${list} FROM ${from} LIMIT 0`);
    const key = quoteMysqlIdent(pk);
    const [range] = await this.#query<{ lo: string | null; hi: string | null }>(
      `SELECT MIN(${key}) AS lo, MAX(${key}) AS hi FROM ${from}`,
    );
    const lo = range?.lo === null || range?.lo === undefined ? NaN : Number(range.lo);
    const hi = range?.hi === null || range?.hi === undefined ? NaN : Number(range.hi);
    if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi)) {
      return this.#queryArrays(`SELECT ${list} FROM ${from} ORDER BY RAND() LIMIT ?`, [limit]);
    }
    const blocks = Math.min(limit, 16);
    const per = Math.ceil((1.5 * limit) / blocks);
    const parts: string[] = [];
    const values: number[] = [];
    for (let i = 0; i < blocks; i++) {
      parts.push(
        `(SELECT ${list}, ${key} AS ${PK_ALIAS} FROM ${from} WHERE ${key} >= ? ORDER BY ${key} LIMIT ?)`,
      );
      values.push(lo + Math.floor(Math.random() * (hi - lo + 1)), per);
    }
    const { fields, rows } = await this.#queryArrays(parts.join(' UNION ALL '), values);
    const pkIndex = fields.lastIndexOf(PK_ALIAS);
    const seen = new Set<unknown>();
    const unique = rows.filter((r) =>
      seen.has(r[pkIndex]) ? false : (seen.add(r[pkIndex]), true),
    );
    // Partial Fisher–Yates: a uniform pick of `limit` rows from what the blocks gathered.
    for (let i = 0; i < Math.min(limit, unique.length); i++) {
      const j = i + Math.floor(Math.random() * (unique.length - i));
      [unique[i], unique[j]] = [unique[j]!, unique[i]!];
    }
    return {
      fields: fields.filter((_, i) => i !== pkIndex),
      rows: unique.slice(0, limit).map((r) => r.filter((_, i) => i !== pkIndex)),
    };
  }

  async profile(ref: TableRef, column: string, opts: ProfileOptions = {}): Promise<ProfileResult> {
    checkRef('mysql', ref);
    const meta = await this.#tableMeta(ref);
    const col = quoteMysqlIdent(column);
    const from = qualified('mysql', ref);
    const exact = !(meta.rows !== null && meta.rows > this.#opts.profileMaxRows);
    // Over the limit: the first profileMaxRows rows (MySQL has no cheap table sample).
    const source = exact
      ? `SELECT ${col} AS v FROM ${from}`
      : `SELECT ${col} AS v FROM ${from} LIMIT ?`;
    const sourceValues = exact ? [] : [this.#opts.profileMaxRows];
    const [counts, top] = await Promise.all([
      this.#query<{
        row_count: string;
        non_null: string;
        distinct_count: string;
        min: unknown;
        max: unknown;
      }>(
        `SELECT COUNT(*) AS row_count, COUNT(v) AS non_null, COUNT(DISTINCT v) AS distinct_count, MIN(v) AS min, MAX(v) AS max
         FROM (${source}) s`,
        sourceValues,
      ),
      this.#query<{ value: unknown; cnt: string }>(
        `SELECT v AS value, COUNT(*) AS cnt FROM (${source}) s WHERE v IS NOT NULL GROUP BY v ORDER BY cnt DESC, v LIMIT ?`,
        [...sourceValues, topN(opts.topN)],
      ),
    ]);
    const c = counts[0]!;
    return profileResult(
      {
        rowCount: c.row_count,
        nonNull: c.non_null,
        distinct: c.distinct_count,
        min: c.min,
        max: c.max,
      },
      top.map((t) => ({ value: t.value, count: t.cnt })),
      exact,
      toJsonSafe,
    );
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    // end() rejects with the last connection error when the pool never connected; closing still succeeded.
    await this.#pool.end().catch(() => {});
  }
}
