import { existsSync } from 'node:fs';
import path from 'node:path';
import type { DataSource } from '@racine/db';
import { ConnectorError, createConnector } from '../connectors';
import type { ConnectionConfig, Connector, ConnectorErrorKind } from '../connectors/types';
import { decryptSecret, secretKeyFromEnv } from '../crypto/secrets';
import type { ServiceDeps } from '../deps';
import { AppError, type AppErrorCode } from '../errors';

export const keyOf = (deps: ServiceDeps) => deps.secretKey ?? secretKeyFromEnv();

/**
 * SQLite sources are files on the Racine server, so only files under allowed
 * folders may be registered: the data directory, plus RACINE_SQLITE_ROOTS
 * (a path-list). Anything else could expose the server's own files.
 */
export function sqliteRoots(): string[] {
  const dataDir = path.resolve(process.env.RACINE_DATA_DIR ?? '.racine');
  const extra = (process.env.RACINE_SQLITE_ROOTS ?? '').split(path.delimiter).filter(Boolean);
  return [dataDir, ...extra].map((p) => path.resolve(p));
}

export function assertSqlitePathAllowed(file: string): string {
  const resolved = path.resolve(file);
  const ok = sqliteRoots().some((root) => resolved === root || resolved.startsWith(root + path.sep));
  if (!ok)
    throw new AppError('FORBIDDEN', `SQLite files must be under ${sqliteRoots().join(' or ')} (set RACINE_SQLITE_ROOTS to allow more)`, { field: 'database' });
  return resolved;
}

export interface ConnectionDraft {
  engine: 'postgres' | 'mysql' | 'sqlite';
  host?: string | null;
  port?: number | null;
  database: string;
  username?: string | null;
  password?: string | null;
  options?: { ssl?: boolean; connectTimeoutMs?: number; statementTimeoutMs?: number } | null;
}

export function connectionConfig(draft: ConnectionDraft): ConnectionConfig {
  return {
    engine: draft.engine,
    host: draft.host ?? undefined,
    port: draft.port ?? undefined,
    database: draft.engine === 'sqlite' ? assertSqlitePathAllowed(draft.database) : draft.database,
    username: draft.username ?? undefined,
    password: draft.password ?? undefined,
    options: draft.options ?? undefined,
  };
}

export function storedPassword(deps: ServiceDeps, source: Pick<DataSource, 'secret'>): string | undefined {
  if (!source.secret) return undefined;
  return (JSON.parse(decryptSecret(source.secret, keyOf(deps))) as { password?: string }).password;
}

/** A connector for a saved source, with its credentials decrypted only here, in memory. */
export function connectorForSource(deps: ServiceDeps, source: DataSource, extra?: { poolSize?: number }): Connector {
  const config = connectionConfig({ ...source, options: source.options as ConnectionDraft['options'], password: storedPassword(deps, source) });
  return createConnector({ ...config, options: { ...config.options, ...(extra?.poolSize ? { poolSize: extra.poolSize } : {}) } });
}

const errorCodes: Record<ConnectorErrorKind, AppErrorCode> = {
  auth: 'BAD_REQUEST',
  permission: 'FORBIDDEN',
  not_found: 'NOT_FOUND',
  unreachable: 'UNAVAILABLE',
  timeout: 'UNAVAILABLE',
  query: 'BAD_REQUEST',
};

/** A connector failure as a domain error, so callers see "the source refused the password", not a 500. */
export function toAppError(error: unknown): unknown {
  return error instanceof ConnectorError ? new AppError(errorCodes[error.kind], error.message, { connector: error.kind }) : error;
}

/** Runs `fn` with a connector and always closes it. */
export async function withConnector<T>(connector: Connector, fn: (c: Connector) => Promise<T>): Promise<T> {
  try {
    return await fn(connector);
  } catch (error) {
    throw toAppError(error);
  } finally {
    await connector.close().catch(() => {});
  }
}

/** The demo shop database the seed writes, if it is there: the create form offers it as a one-click source. */
export function demoConnection(): { engine: 'sqlite'; database: string } | null {
  const file = path.join(path.resolve(process.env.RACINE_DATA_DIR ?? '.racine'), 'demo', 'demo-shop.sqlite');
  return existsSync(file) ? { engine: 'sqlite', database: file } : null;
}
