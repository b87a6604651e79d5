/**
 * SQLite through better-sqlite3, a file on the Racine server. There are no
 * schemas: everything lives in one schema named `main`.
 *
 * Safety: the file is opened `readonly: true, fileMustExist: true` (the OS
 * file handle cannot write), with `PRAGMA query_only = ON` and
 * `trusted_schema = OFF` on top. better-sqlite3 is synchronous and offers no
 * way to interrupt a running statement, so there is NO statement timeout:
 * the row cap (every preview and sample has a LIMIT ≤ maxRows) and the
 * profile cap (profileMaxRows) are the protections. A statement blocks the
 * event loop while it runs; SQLite sources are local files, and counting or
 * sorting even a few million rows takes well under a second.
 *
 * Discovery uses the table-valued pragmas (table_list, table_xinfo,
 * foreign_key_list, index_list) joined in a few queries rather than one
 * PRAGMA per table; row estimates come from sqlite_stat1 when ANALYZE has
 * been run, otherwise from count(*).
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { assembleDiscover, type ColumnRow, type KeyRow, type RelationRow } from './assemble';
import { ConnectorError, toConnectorError } from './errors';
import { rawQuery, type RawQueryable } from './internal';
import {
  capRows,
  checkRef,
  elapsedMs,
  profileResult,
  qualified,
  quoteIdent,
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

const SCHEMA = 'main';
const USER_TABLES = `l.schema = 'main' AND l.type IN ('table', 'view', 'virtual') AND l.name NOT LIKE 'sqlite\\_%' ESCAPE '\\'`;

/** Integers arrive as bigint (safeIntegers): numbers when exact, decimal strings beyond 2^53. */
function sqliteValue(v: unknown): unknown {
  if (typeof v === 'bigint') {
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER)
      ? Number(v)
      : v.toString();
  }
  return toJsonSafe(v);
}

export class SqliteConnector implements Connector, RawQueryable {
  readonly engine = 'sqlite' as const;
  readonly #file: string;
  readonly #opts: ResolvedOptions;
  #db: Database.Database | undefined;
  #closed = false;

  constructor(config: ConnectionConfig) {
    this.#file = config.database;
    this.#opts = resolveOptions(config.options);
  }

  #open(): Database.Database {
    if (this.#closed) throw new ConnectorError('query', 'The connector is closed', 'sqlite');
    if (!this.#db) {
      const db = new Database(this.#file, {
        readonly: true,
        fileMustExist: true,
        timeout: Math.min(this.#opts.statementTimeoutMs, 5_000), // busy timeout while a writer holds a lock
      });
      try {
        db.pragma('query_only = ON');
        db.pragma('trusted_schema = OFF');
        // Reading the schema proves the file is a database (opening alone does not).
        db.prepare('SELECT count(*) FROM sqlite_schema').get();
      } catch (e) {
        db.close();
        throw e;
      }
      this.#db = db;
    }
    return this.#db;
  }

  /** Runs synchronous driver work and converts its errors. */
  #run<T>(fn: (db: Database.Database) => T): T {
    try {
      return fn(this.#open());
    } catch (e) {
      throw toConnectorError('sqlite', e);
    }
  }

  #all<R = Record<string, unknown>>(
    db: Database.Database,
    sql: string,
    params: unknown[] = [],
  ): R[] {
    return db
      .prepare<unknown[], R>(sql)
      .safeIntegers(true)
      .all(...params);
  }

  #arrays(
    db: Database.Database,
    sql: string,
    params: unknown[] = [],
  ): { fields: string[]; rows: unknown[][] } {
    const stmt = db.prepare<unknown[], unknown[]>(sql).safeIntegers(true);
    const fields = stmt.columns().map((c) => c.name);
    const rows = stmt.raw(true).all(...params) as unknown[][];
    return { fields, rows };
  }

  async [rawQuery](sql: string, params: unknown[] = []): Promise<Record<string, unknown>[]> {
    return this.#run((db) => {
      const stmt = db.prepare(sql).safeIntegers(true);
      if (stmt.reader) return stmt.all(...params) as Record<string, unknown>[];
      stmt.run(...params);
      return [];
    });
  }

  #checkSchema(ref: TableRef): void {
    checkRef('sqlite', ref);
    if (ref.schema !== SCHEMA)
      throw new ConnectorError(
        'not_found',
        `SQLite has one schema, "${SCHEMA}"; "${ref.schema}" does not exist`,
        'sqlite',
      );
  }

  async testConnection(): Promise<TestConnectionResult> {
    try {
      return this.#run((db) => {
        const start = performance.now();
        const version = db.prepare('SELECT sqlite_version() AS v').pluck().get() as string;
        const latencyMs = elapsedMs(start);
        let canReadMetadata = false;
        let canReadData = false;
        let visible = 0;
        try {
          const tables = db
            .prepare(`SELECT l.name FROM pragma_table_list l WHERE ${USER_TABLES} ORDER BY l.name`)
            .pluck()
            .all() as string[];
          canReadMetadata = true;
          visible = tables.length;
          if (tables[0] !== undefined) {
            try {
              db.prepare(
                `SELECT * FROM ${qualified('sqlite', { schema: SCHEMA, table: tables[0] })} LIMIT 0`,
              ).all();
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
          serverVersion: `SQLite ${version}`,
          latencyMs,
          canReadMetadata,
          canReadData,
          tablesVisible: visible,
          tablesReadable: canReadData ? visible : 0,
        };
      });
    } catch (e) {
      const err = toConnectorError('sqlite', e);
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
    const databaseName = path.basename(this.#file);
    if (opts.includeSchemas && !opts.includeSchemas.includes(SCHEMA))
      return { databaseName, schemas: [] };
    return this.#run((db) => {
      const tables = this.#all<{ name: string; type: string; wr: bigint }>(
        db,
        `SELECT l.name, l.type, l.wr FROM pragma_table_list l WHERE ${USER_TABLES}`,
      );
      const cols = this.#all<{
        tbl: string;
        name: string;
        type: string;
        notnull: bigint;
        dflt_value: string | null;
        pk: bigint;
        hidden: bigint;
      }>(
        db,
        `SELECT l.name AS tbl, c.name, c.type, c."notnull" AS "notnull", c.dflt_value, c.pk, c.hidden
         FROM pragma_table_list l JOIN pragma_table_xinfo(l.name, 'main') c
         WHERE ${USER_TABLES} AND c.hidden <> 1
         ORDER BY l.name, c.cid`,
      );
      const fks = this.#all<{
        tbl: string;
        id: bigint;
        ref_table: string;
        col: string;
        ref_col: string | null;
      }>(
        db,
        `SELECT l.name AS tbl, f.id, f."table" AS ref_table, f."from" AS col, f."to" AS ref_col
         FROM pragma_table_list l JOIN pragma_foreign_key_list(l.name, 'main') f
         WHERE ${USER_TABLES} AND l.type = 'table'
         ORDER BY l.name, f.id, f.seq`,
      );
      const pkIndexed = new Set(
        db
          .prepare(
            `SELECT DISTINCT l.name FROM pragma_table_list l JOIN pragma_index_list(l.name, 'main') i
               WHERE ${USER_TABLES} AND l.type = 'table' AND i.origin = 'pk'`,
          )
          .pluck()
          .all() as string[],
      );
      const stats = new Map<string, number>();
      const hasStat1 =
        db
          .prepare(`SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'sqlite_stat1'`)
          .get() !== undefined;
      if (hasStat1) {
        for (const s of this.#all<{ tbl: string; stat: string }>(
          db,
          `SELECT tbl, stat FROM sqlite_stat1`,
        )) {
          const n = Number.parseInt(String(s.stat), 10);
          if (Number.isFinite(n)) stats.set(s.tbl, Math.max(stats.get(s.tbl) ?? 0, n));
        }
      }

      const typeOf = new Map(tables.map((t) => [t.name, t]));
      const pkCols = new Map<string, { name: string; pos: number; type: string }[]>();
      for (const c of cols) {
        if (c.pk > 0n) {
          const list = pkCols.get(c.tbl) ?? [];
          list.push({ name: c.name, pos: Number(c.pk), type: c.type });
          pkCols.set(c.tbl, list);
        }
      }
      const primaryKey = (tbl: string) =>
        (pkCols.get(tbl) ?? []).sort((a, b) => a.pos - b.pos).map((c) => c.name);

      const relations: RelationRow[] = tables.map((t) => {
        const view = t.type === 'view';
        let rows: number | null = null;
        if (!view)
          rows =
            stats.get(t.name) ??
            Number(
              db
                .prepare(
                  `SELECT count(*) FROM ${qualified('sqlite', { schema: SCHEMA, table: t.name })}`,
                )
                .pluck()
                .get(),
            );
        return {
          schema: SCHEMA,
          name: t.name,
          kind: view ? 'view' : 'table',
          comment: null,
          rowCountEstimate: rows,
        };
      });
      const columns: ColumnRow[] = cols.map((c) => {
        const t = typeOf.get(c.tbl);
        const pk = pkCols.get(c.tbl) ?? [];
        // PRIMARY KEY does not imply NOT NULL in SQLite, except for the rowid alias (a lone
        // INTEGER PRIMARY KEY of a rowid table) and in WITHOUT ROWID tables.
        const rowidAlias =
          pk.length === 1 &&
          c.pk > 0n &&
          c.type.toUpperCase() === 'INTEGER' &&
          !pkIndexed.has(c.tbl) &&
          t?.wr === 0n;
        const pkNotNull = c.pk > 0n && (rowidAlias || t?.wr === 1n);
        let defaultValue = c.dflt_value;
        if (c.hidden === 2n) defaultValue = 'GENERATED ALWAYS (VIRTUAL)';
        else if (c.hidden === 3n) defaultValue = 'GENERATED ALWAYS (STORED)';
        return {
          schema: SCHEMA,
          table: c.tbl,
          name: c.name,
          dataType: c.type,
          nullable: c.notnull === 0n && !pkNotNull,
          defaultValue,
          comment: null,
        };
      });
      const keys: KeyRow[] = [];
      for (const t of tables) {
        const pk = primaryKey(t.name);
        if (pk.length)
          keys.push({
            schema: SCHEMA,
            table: t.name,
            type: 'primary',
            name: `${t.name}_pkey`,
            columns: pk,
          });
      }
      let current: KeyRow | undefined;
      let currentId: bigint | undefined;
      for (const f of fks) {
        if (!current || current.table !== f.tbl || currentId !== f.id) {
          current = {
            schema: SCHEMA,
            table: f.tbl,
            type: 'foreign',
            name: '',
            columns: [],
            referencedSchema: SCHEMA,
            referencedTable: f.ref_table,
            referencedColumns: [],
          };
          currentId = f.id;
          keys.push(current);
        }
        current.columns.push(f.col);
        if (f.ref_col !== null) current.referencedColumns!.push(f.ref_col);
      }
      for (const k of keys) {
        if (k.type !== 'foreign') continue;
        // `REFERENCES parent` without columns means the parent's primary key.
        if (k.referencedColumns!.length === 0) k.referencedColumns = primaryKey(k.referencedTable!);
        // SQLite does not expose constraint names; name them the way PostgreSQL would.
        k.name = `${k.table}_${k.columns.join('_')}_fkey`;
      }
      return assembleDiscover(databaseName, [SCHEMA], relations, columns, keys);
    });
  }

  async preview(ref: TableRef, limit: number): Promise<PreviewResult> {
    this.#checkSchema(ref);
    const n = capRows(limit, this.#opts.maxRows);
    const { fields, rows } = this.#run((db) =>
      this.#arrays(db, `SELECT * FROM ${qualified('sqlite', ref)} LIMIT ?`, [n]),
    );
    return {
      columns: fields,
      rows: rows.map((r) => {
        const o: Record<string, unknown> = {};
        for (let i = 0; i < fields.length; i++) o[fields[i]!] = sqliteValue(r[i]);
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
    this.#checkSchema(ref);
    const limit = capRows(n, this.#opts.maxRows);
    const cols = [...new Set(columns)];
    const list = cols.length ? cols.map((c) => quoteIdent(c, 'sqlite')).join(', ') : '*';
    const order = strategy === 'first' ? '' : ' ORDER BY random()';
    const { fields, rows } = this.#run((db) =>
      this.#arrays(db, `SELECT ${list} FROM ${qualified('sqlite', ref)}${order} LIMIT ?`, [limit]),
    );
    const out: SampleResult = {};
    fields.forEach((name, i) => {
      out[name] = rows.map((r) => sqliteValue(r[i]));
    });
    return out;
  }

  async profile(ref: TableRef, column: string, opts: ProfileOptions = {}): Promise<ProfileResult> {
    this.#checkSchema(ref);
    const col = quoteIdent(column, 'sqlite');
    const from = qualified('sqlite', ref);
    const max = this.#opts.profileMaxRows;
    return this.#run((db) => {
      // Over profileMaxRows rows: profile the first profileMaxRows (and say so).
      const probe = db
        .prepare(`SELECT count(*) FROM (SELECT 1 FROM ${from} LIMIT ?)`)
        .pluck()
        .get(max + 1);
      const exact = Number(probe) <= max;
      const source = exact
        ? `SELECT ${col} AS v FROM ${from}`
        : `SELECT ${col} AS v FROM ${from} LIMIT ${'?'}`;
      const sourceParams = exact ? [] : [max];
      const c = this.#all<{
        row_count: bigint;
        non_null: bigint;
        distinct_count: bigint;
        min: unknown;
        max: unknown;
      }>(
        db,
        `SELECT count(*) AS row_count, count(v) AS non_null, count(DISTINCT v) AS distinct_count, min(v) AS min, max(v) AS max
         FROM (${source})`,
        sourceParams,
      )[0]!;
      const top = this.#all<{ value: unknown; cnt: bigint }>(
        db,
        `SELECT v AS value, count(*) AS cnt FROM (${source}) WHERE v IS NOT NULL GROUP BY v ORDER BY cnt DESC, v LIMIT ?`,
        [...sourceParams, topN(opts.topN)],
      );
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
        sqliteValue,
      );
    });
  }

  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    this.#db?.close();
    this.#db = undefined;
  }
}
