/**
 * Not part of the Connector interface: a raw statement through a connector's
 * own (read-only, time-limited) session, for tests and benchmarks that must
 * prove those limits hold. Nothing in the product calls it.
 */
export const rawQuery: unique symbol = Symbol('racine.connectors.rawQuery');

export interface RawQueryable {
  [rawQuery](sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
}
