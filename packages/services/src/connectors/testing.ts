/**
 * Fixture databases for connector tests and benchmarks: a throwaway
 * `racine_conn_<random>` database on the PostgreSQL / MariaDB servers named
 * by the environment, dropped afterwards.
 *
 * - CONNECTOR_TEST_PG_URL (else TEST_DATABASE_URL, else
 *   postgresql://postgres@127.0.0.1:5432/postgres): an admin connection.
 * - CONNECTOR_TEST_MYSQL_URL (else mysql://root@127.0.0.1:3306/test).
 */
import { randomBytes } from 'node:crypto';
import mysql from 'mysql2/promise';
import pg from 'pg';
import type { ConnectionConfig } from './types';

export const pgAdminUrl = () =>
  process.env.CONNECTOR_TEST_PG_URL ||
  process.env.TEST_DATABASE_URL ||
  'postgresql://postgres@127.0.0.1:5432/postgres';
export const mysqlAdminUrl = () =>
  process.env.CONNECTOR_TEST_MYSQL_URL || 'mysql://root@127.0.0.1:3306/test';

export const fixtureName = () =>
  `racine_conn_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;

export interface Fixture {
  name: string;
  config: ConnectionConfig;
  /** Admin connection string of the fixture database (postgres only). */
  url?: string;
  /** Runs admin SQL (read-write) inside the fixture database. */
  exec(sql: string, params?: unknown[]): Promise<Record<string, unknown>[]>;
  drop(): Promise<void>;
}

/** True when a server answers at all (tests skip an engine whose server is missing). */
export async function pgAvailable(): Promise<boolean> {
  const c = new pg.Client({ connectionString: pgAdminUrl(), connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

export async function mysqlAvailable(): Promise<boolean> {
  try {
    const c = await mysql.createConnection({ uri: mysqlAdminUrl(), connectTimeout: 2000 });
    await c.end();
    return true;
  } catch {
    return false;
  }
}

export async function createPgFixture(): Promise<Fixture> {
  const admin = new URL(pgAdminUrl());
  const name = fixtureName();
  const root = new pg.Client({ connectionString: admin.toString() });
  await root.connect();
  try {
    await root.query(`CREATE DATABASE "${name}"`);
  } finally {
    await root.end();
  }
  const url = new URL(admin.toString());
  url.pathname = `/${name}`;
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  return {
    name,
    url: url.toString(),
    config: {
      engine: 'postgres',
      host: admin.hostname,
      port: Number(admin.port || 5432),
      database: name,
      username: decodeURIComponent(admin.username) || 'postgres',
      password: decodeURIComponent(admin.password) || undefined,
    },
    exec: async (sql, params) => (await client.query(sql, params)).rows,
    drop: async () => {
      await client.end().catch(() => {});
      const r = new pg.Client({ connectionString: admin.toString() });
      await r.connect();
      try {
        await r.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await r.end();
      }
    },
  };
}

export async function createMysqlFixture(): Promise<Fixture> {
  const admin = new URL(mysqlAdminUrl());
  const name = fixtureName();
  const conn = await mysql.createConnection({ uri: admin.toString(), multipleStatements: true });
  await conn.query(`CREATE DATABASE \`${name}\` CHARACTER SET utf8mb4`);
  await conn.query(`USE \`${name}\``);
  return {
    name,
    config: {
      engine: 'mysql',
      host: admin.hostname,
      port: Number(admin.port || 3306),
      database: name,
      username: decodeURIComponent(admin.username) || 'root',
      password: decodeURIComponent(admin.password) || undefined,
    },
    exec: async (sql, params) => {
      const [rows] = await conn.query(sql, params);
      return Array.isArray(rows) ? (rows as Record<string, unknown>[]) : [];
    },
    drop: async () => {
      try {
        await conn.query(`DROP DATABASE IF EXISTS \`${name}\``);
      } finally {
        await conn.end().catch(() => {});
      }
    },
  };
}
