/**
 * One interface over the database engines Racine reads from. Every value a
 * connector returns is JSON-safe (see ./values.ts), every identifier it sends
 * is quoted, every value is a parameter, and every session is read-only with a
 * statement timeout and a row cap (see README.md).
 */
import { z } from 'zod';

export type Engine = 'postgres' | 'mysql' | 'sqlite';
export const ENGINES = ['postgres', 'mysql', 'sqlite'] as const satisfies readonly Engine[];

export interface ConnectionOptions {
  ssl?: boolean;
  /** Time allowed to open a connection. Default 10 000 ms. */
  connectTimeoutMs?: number;
  /** Server-side statement timeout of every session. Default 15 000 ms (not enforceable on SQLite). */
  statementTimeoutMs?: number;
  /** Upper bound on rows any preview or sample returns. Default 1000. */
  maxRows?: number;
  /** Connections in the pool (postgres, mysql). Default 4. Sample tables concurrently up to this. */
  poolSize?: number;
  /**
   * `profile` reads the whole table up to this many estimated rows; above it,
   * it profiles a sample and says so (`exact: false`). Default 1 000 000.
   */
  profileMaxRows?: number;
}

export interface ConnectionConfig {
  engine: Engine;
  host?: string;
  port?: number;
  /** Database name; for SQLite the file path. */
  database: string;
  username?: string;
  password?: string;
  options?: ConnectionOptions;
}

export const DEFAULTS = {
  connectTimeoutMs: 10_000,
  statementTimeoutMs: 15_000,
  maxRows: 1000,
  poolSize: 4,
  profileMaxRows: 1_000_000,
  topValues: 10,
} as const;

/** Validates a connection config coming from outside (API input, stored JSON). */
export const connectionConfigSchema = z.object({
  engine: z.enum(ENGINES),
  host: z.string().min(1).max(255).optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  database: z.string().min(1).max(4096),
  username: z.string().max(255).optional(),
  password: z.string().max(4096).optional(),
  options: z
    .object({
      ssl: z.boolean().optional(),
      connectTimeoutMs: z.number().int().min(100).max(120_000).optional(),
      statementTimeoutMs: z.number().int().min(100).max(3_600_000).optional(),
      maxRows: z.number().int().min(1).max(100_000).optional(),
      poolSize: z.number().int().min(1).max(32).optional(),
      profileMaxRows: z.number().int().min(1).optional(),
    })
    .optional(),
});

export interface TableRef {
  schema: string;
  table: string;
}

export type ConnectorErrorKind =
  'auth' | 'unreachable' | 'timeout' | 'not_found' | 'permission' | 'query';

export interface TestConnectionResult {
  ok: boolean;
  /** e.g. `PostgreSQL 15.20`, `MariaDB 10.11.19`, `SQLite 3.53.2`; null when the connection failed. */
  serverVersion: string | null;
  /** Round trip of a trivial query over an open connection, in ms (0.01 ms resolution). */
  latencyMs: number | null;
  /** The catalog could be read (and shows the tables the user may see). */
  canReadMetadata: boolean;
  /** At least one table or view could be read (SELECT allowed). False for an empty database. */
  canReadData: boolean;
  /** Tables and views seen in the catalog, and how many of them the user may SELECT from. */
  tablesVisible?: number;
  tablesReadable?: number;
  error?: { kind: ConnectorErrorKind; message: string };
}

export interface DiscoverOptions {
  /** Only these schemas (MySQL: databases). Default: every non-system schema (MySQL: the configured database). */
  includeSchemas?: string[];
}

export interface ForeignKeyInfo {
  name: string;
  columns: string[];
  referencedSchema: string;
  referencedTable: string;
  referencedColumns: string[];
}

export interface ColumnInfo {
  name: string;
  /** 1-based position in the table. */
  ordinal: number;
  /** The type exactly as the engine reports it: `character varying(255)`, `tinyint(1)`, `TEXT`. */
  dataType: string;
  nullable: boolean;
  /** The default as an SQL expression (`'pending'::text`, `current_timestamp()`, `0`), or null. */
  defaultValue: string | null;
  comment: string | null;
}

export interface TableInfo {
  name: string;
  kind: 'table' | 'view';
  comment: string | null;
  /** The engine's estimate (statistics), not a count. Null when unknown (views, never-analyzed tables). */
  rowCountEstimate: number | null;
  primaryKey: string[];
  foreignKeys: ForeignKeyInfo[];
  columns: ColumnInfo[];
}

export interface SchemaInfo {
  name: string;
  tables: TableInfo[];
}

export interface DiscoverResult {
  databaseName: string;
  schemas: SchemaInfo[];
}

export interface PreviewResult {
  columns: string[];
  rows: Record<string, unknown>[];
}

export type SampleStrategy = 'random' | 'first';

/** Sampled values per column (JSON-safe), all arrays the same length. */
export type SampleResult = Record<string, unknown[]>;

export interface ProfileOptions {
  /** How many most frequent values to return. Default 10, at most 100. */
  topN?: number;
}

export interface ProfileResult {
  /** Rows profiled: the whole table, or the sample when `exact` is false. */
  rowCount: number;
  nullCount: number;
  /** nullCount / rowCount, 0 for an empty table. */
  nullRatio: number;
  distinctCount: number;
  min: unknown;
  max: unknown;
  topValues: { value: unknown; count: number }[];
  /** False when the table was bigger than `profileMaxRows` and a sample was profiled instead. */
  exact: boolean;
}

export interface Connector {
  readonly engine: Engine;
  testConnection(): Promise<TestConnectionResult>;
  discover(opts?: DiscoverOptions): Promise<DiscoverResult>;
  preview(ref: TableRef, limit: number): Promise<PreviewResult>;
  /** `columns` empty → every column. `n` is capped at `maxRows`. */
  sample(
    ref: TableRef,
    columns: string[],
    n: number,
    strategy?: SampleStrategy,
  ): Promise<SampleResult>;
  profile(ref: TableRef, column: string, opts?: ProfileOptions): Promise<ProfileResult>;
  close(): Promise<void>;
}
