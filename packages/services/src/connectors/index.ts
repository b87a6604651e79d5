/**
 * Connectors: PostgreSQL, MySQL/MariaDB and SQLite behind one interface.
 * See README.md for the safety rules and the sampling strategies.
 */
import { ConnectorError } from './errors';
import { MysqlConnector } from './mysql';
import { PostgresConnector } from './postgres';
import { SqliteConnector } from './sqlite';
import type { ConnectionConfig, Connector } from './types';

export * from './types';
export { ConnectorError, isTransient, redact, toConnectorError } from './errors';
export { quoteIdent, quoteMysqlIdent } from './sql';
export { toJsonSafe } from './values';
export { PostgresConnector, MysqlConnector, SqliteConnector };

/** A connector for `config`. Nothing connects until the first call; call close() when done. */
export function createConnector(config: ConnectionConfig): Connector {
  switch (config?.engine) {
    case 'postgres':
      return new PostgresConnector(config);
    case 'mysql':
      return new MysqlConnector(config);
    case 'sqlite':
      return new SqliteConnector(config);
    default:
      throw new ConnectorError(
        'query',
        `Unsupported engine: ${String((config as { engine?: unknown } | undefined)?.engine)}`,
      );
  }
}

/** The config without its password, for logs and error reports. */
export function redactConfig(
  config: ConnectionConfig,
): Omit<ConnectionConfig, 'password'> & { password?: '***' } {
  const { password, ...rest } = config;
  return password ? { ...rest, password: '***' } : rest;
}
