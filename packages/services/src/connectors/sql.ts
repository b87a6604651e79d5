/**
 * Identifier quoting and the limits every connector applies. Identifiers are
 * always quoted (never validated against a pattern and pasted): a table named
 * `x"; DROP TABLE people; --` is just a strange name. Values never go through
 * here: they are parameters.
 */
import { ConnectorError } from './errors';
import type { Engine, TableRef } from './types';
import { DEFAULTS } from './types';

function checkIdentifier(name: unknown, engine: Engine): string {
  if (typeof name !== 'string' || name.length === 0) {
    throw new ConnectorError('query', 'An identifier must be a non-empty string', engine);
  }
  if (name.includes('\u0000'))
    throw new ConnectorError('query', 'An identifier cannot contain a NUL character', engine);
  return name;
}

/** PostgreSQL / SQLite / standard SQL: `"name"`, inner `"` doubled. */
export function quoteIdent(name: string, engine: Engine = 'postgres'): string {
  return `"${checkIdentifier(name, engine).replace(/"/g, '""')}"`;
}

/** MySQL / MariaDB: `` `name` ``, inner backtick doubled. */
export function quoteMysqlIdent(name: string): string {
  return `\`${checkIdentifier(name, 'mysql').replace(/`/g, '``')}\``;
}

export function quoteFor(engine: Engine): (name: string) => string {
  return engine === 'mysql' ? quoteMysqlIdent : (name) => quoteIdent(name, engine);
}

/** `"schema"."table"` in the engine's quoting. */
export function qualified(engine: Engine, ref: TableRef): string {
  const q = quoteFor(engine);
  return `${q(ref.schema)}.${q(ref.table)}`;
}

export function checkRef(engine: Engine, ref: TableRef): TableRef {
  if (!ref || typeof ref !== 'object')
    throw new ConnectorError('query', 'A table reference is required', engine);
  checkIdentifier(ref.schema, engine);
  checkIdentifier(ref.table, engine);
  return ref;
}

/** A row count asked by a caller, as an integer in [0, maxRows]. */
export function capRows(n: unknown, maxRows: number): number {
  const v = typeof n === 'number' && Number.isFinite(n) ? Math.floor(n) : 0;
  return Math.max(0, Math.min(v, maxRows));
}

export interface ResolvedOptions {
  ssl: boolean;
  connectTimeoutMs: number;
  statementTimeoutMs: number;
  maxRows: number;
  poolSize: number;
  profileMaxRows: number;
}

export function resolveOptions(
  options: {
    ssl?: boolean;
    connectTimeoutMs?: number;
    statementTimeoutMs?: number;
    maxRows?: number;
    poolSize?: number;
    profileMaxRows?: number;
  } = {},
): ResolvedOptions {
  const int = (v: number | undefined, fallback: number, min: number) =>
    typeof v === 'number' && Number.isFinite(v) ? Math.max(min, Math.floor(v)) : fallback;
  return {
    ssl: options.ssl === true,
    connectTimeoutMs: int(options.connectTimeoutMs, DEFAULTS.connectTimeoutMs, 1),
    statementTimeoutMs: int(options.statementTimeoutMs, DEFAULTS.statementTimeoutMs, 1),
    maxRows: int(options.maxRows, DEFAULTS.maxRows, 1),
    poolSize: int(options.poolSize, DEFAULTS.poolSize, 1),
    profileMaxRows: int(options.profileMaxRows, DEFAULTS.profileMaxRows, 1),
  };
}

export function topN(n: number | undefined): number {
  return capRows(n ?? DEFAULTS.topValues, 100);
}

/** Milliseconds since `start` (performance.now()), to 0.01 ms. */
export function elapsedMs(start: number): number {
  return Math.round((performance.now() - start) * 100) / 100;
}

/** Sample values per column from row objects, in the order of `columns`. */
export function rowsToColumns(
  columns: string[],
  rows: Record<string, unknown>[],
): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const c of columns) out[c] = new Array<unknown>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    for (const c of columns) out[c]![i] = row[c] ?? null;
  }
  return out;
}

/** Number from a driver count (bigint, numeric string or number). */
export function toCount(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'string') return Number(v);
  return 0;
}

export function profileResult(
  counts: { rowCount: unknown; nonNull: unknown; distinct: unknown; min: unknown; max: unknown },
  topValues: { value: unknown; count: unknown }[],
  exact: boolean,
  toJson: (v: unknown) => unknown,
) {
  const rowCount = toCount(counts.rowCount);
  const nullCount = rowCount - toCount(counts.nonNull);
  return {
    rowCount,
    nullCount,
    nullRatio: rowCount === 0 ? 0 : nullCount / rowCount,
    distinctCount: toCount(counts.distinct),
    min: toJson(counts.min),
    max: toJson(counts.max),
    topValues: topValues.map((t) => ({ value: toJson(t.value), count: toCount(t.count) })),
    exact,
  };
}
