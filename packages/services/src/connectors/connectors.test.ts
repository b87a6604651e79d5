import { describe, expect, it } from 'vitest';
import {
  ConnectorError,
  createConnector,
  isTransient,
  redact,
  redactConfig,
  toConnectorError,
} from './index';
import { capRows, qualified, quoteIdent, quoteMysqlIdent, resolveOptions } from './sql';
import { connectionConfigSchema, DEFAULTS } from './types';
import { binaryToJson, toJsonSafe } from './values';

describe('identifier quoting', () => {
  it('double-quotes for postgres/sqlite, doubling inner quotes', () => {
    expect(quoteIdent('people')).toBe('"people"');
    expect(quoteIdent('Order Details')).toBe('"Order Details"');
    expect(quoteIdent('weird"name')).toBe('"weird""name"');
    expect(quoteIdent('x"; DROP TABLE people; --')).toBe('"x""; DROP TABLE people; --"');
    expect(quoteIdent('back`tick')).toBe('"back`tick"');
  });

  it('backticks for mysql, doubling inner backticks', () => {
    expect(quoteMysqlIdent('people')).toBe('`people`');
    expect(quoteMysqlIdent('a`b')).toBe('`a``b`');
    expect(quoteMysqlIdent('x"; DROP TABLE people; --')).toBe('`x"; DROP TABLE people; --`');
    expect(quoteMysqlIdent('`; DROP TABLE t; --')).toBe('```; DROP TABLE t; --`');
  });

  it('qualifies schema and table', () => {
    expect(qualified('postgres', { schema: 'public', table: 'a"b' })).toBe('"public"."a""b"');
    expect(qualified('mysql', { schema: 'shop', table: 'a`b' })).toBe('`shop`.`a``b`');
    expect(qualified('sqlite', { schema: 'main', table: 'Order Details' })).toBe(
      '"main"."Order Details"',
    );
  });

  it('rejects empty names and NUL characters', () => {
    expect(() => quoteIdent('')).toThrow(ConnectorError);
    expect(() => quoteIdent('a\u0000b')).toThrow(/NUL/);
    expect(() => quoteMysqlIdent('a\u0000b')).toThrow(/NUL/);
    expect(() => quoteIdent(undefined as unknown as string)).toThrow(ConnectorError);
  });
});

describe('limits and options', () => {
  it('caps rows to [0, maxRows]', () => {
    expect(capRows(10, 1000)).toBe(10);
    expect(capRows(5000, 1000)).toBe(1000);
    expect(capRows(-3, 1000)).toBe(0);
    expect(capRows(2.9, 1000)).toBe(2);
    expect(capRows(Number.NaN, 1000)).toBe(0);
    expect(capRows('100' as unknown as number, 1000)).toBe(0);
  });

  it('fills defaults', () => {
    expect(resolveOptions()).toEqual({
      ssl: false,
      connectTimeoutMs: DEFAULTS.connectTimeoutMs,
      statementTimeoutMs: 15_000,
      maxRows: 1000,
      poolSize: 4,
      profileMaxRows: 1_000_000,
    });
    expect(resolveOptions({ statementTimeoutMs: 250.7, poolSize: 0 })).toMatchObject({
      statementTimeoutMs: 250,
      poolSize: 1,
    });
  });

  it('validates a config from outside', () => {
    expect(
      connectionConfigSchema.safeParse({ engine: 'postgres', database: 'x', port: 5432 }).success,
    ).toBe(true);
    expect(connectionConfigSchema.safeParse({ engine: 'oracle', database: 'x' }).success).toBe(
      false,
    );
    expect(
      connectionConfigSchema.safeParse({ engine: 'mysql', database: 'x', options: { maxRows: 0 } })
        .success,
    ).toBe(false);
  });

  it('creates a connector per engine without connecting', async () => {
    for (const engine of ['postgres', 'mysql', 'sqlite'] as const) {
      const c = createConnector({ engine, database: 'nothing', port: 1 });
      expect(c.engine).toBe(engine);
      await c.close();
    }
    expect(() => createConnector({ engine: 'oracle' as 'postgres', database: 'x' })).toThrow(
      /Unsupported engine/,
    );
  });
});

describe('JSON-safe values', () => {
  it('converts driver values', () => {
    expect(toJsonSafe(12345678901234567890n)).toBe('12345678901234567890');
    expect(toJsonSafe(new Date('2024-01-02T03:04:05.000Z'))).toBe('2024-01-02T03:04:05.000Z');
    expect(toJsonSafe(new Date('nope'))).toBeNull();
    expect(toJsonSafe(Number.NaN)).toBe('NaN');
    expect(toJsonSafe(Number.POSITIVE_INFINITY)).toBe('Infinity');
    expect(toJsonSafe(undefined)).toBeNull();
    expect(toJsonSafe({ a: [1n, Buffer.from('hi')], b: null })).toEqual({
      a: ['1', 'hi'],
      b: null,
    });
  });

  it('keeps printable binary as text and hex-encodes the rest', () => {
    expect(binaryToJson(Buffer.from('jane@example.com'))).toBe('jane@example.com');
    expect(binaryToJson(Buffer.from([0, 255, 16]))).toBe('\\x00ff10');
    expect(binaryToJson(Buffer.alloc(300, 1))).toBe(`\\x${'01'.repeat(256)}…`);
    expect(binaryToJson(Buffer.from([0xc3, 0x28]))).toBe('\\xc328'); // invalid UTF-8
  });
});

describe('errors', () => {
  it('maps driver codes to kinds', () => {
    expect(
      toConnectorError('postgres', { code: '28P01', message: 'password authentication failed' })
        .kind,
    ).toBe('auth');
    expect(
      toConnectorError('postgres', {
        code: '57014',
        message: 'canceling statement due to statement timeout',
      }).kind,
    ).toBe('timeout');
    expect(
      toConnectorError('postgres', { code: '42P01', message: 'relation does not exist' }).kind,
    ).toBe('not_found');
    expect(
      toConnectorError('postgres', { code: '25006', message: 'read-only transaction' }).kind,
    ).toBe('permission');
    expect(toConnectorError('postgres', { code: '42601', message: 'syntax error' }).kind).toBe(
      'query',
    );
    expect(
      toConnectorError('postgres', new Error('timeout exceeded when trying to connect')).kind,
    ).toBe('timeout');
    expect(toConnectorError('postgres', new Error('Connection terminated unexpectedly')).kind).toBe(
      'unreachable',
    );
    expect(
      toConnectorError('mysql', {
        code: 'ER_ACCESS_DENIED_ERROR',
        errno: 1045,
        message: 'Access denied',
      }).kind,
    ).toBe('auth');
    expect(
      toConnectorError('mysql', {
        code: 'UNKNOWN',
        errno: 1969,
        message: 'max_statement_time exceeded',
      }).kind,
    ).toBe('timeout');
    expect(
      toConnectorError('mysql', { code: 'ER_NO_SUCH_TABLE', message: "Table doesn't exist" }).kind,
    ).toBe('not_found');
    expect(
      toConnectorError('sqlite', {
        code: 'SQLITE_READONLY',
        message: 'attempt to write a readonly database',
      }).kind,
    ).toBe('permission');
    expect(
      toConnectorError('sqlite', { code: 'SQLITE_ERROR', message: 'no such table: main.x' }).kind,
    ).toBe('not_found');
  });

  it('treats network failures, timeouts and lock contention as transient', () => {
    const reset = toConnectorError(
      'postgres',
      Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }),
    );
    expect(reset).toMatchObject({ kind: 'unreachable', transient: true });
    expect(isTransient(reset)).toBe(true);
    expect(
      isTransient(toConnectorError('mysql', { code: 'ER_LOCK_DEADLOCK', message: 'Deadlock' })),
    ).toBe(true);
    expect(isTransient(toConnectorError('postgres', { code: '28P01', message: 'auth' }))).toBe(
      false,
    );
    expect(isTransient(Object.assign(new Error('x'), { code: 'ETIMEDOUT' }))).toBe(true);
    expect(isTransient(new Error('plain'))).toBe(false);
    const aggregate = new AggregateError(
      [Object.assign(new Error('connect ECONNREFUSED ::1:5432'), { code: 'ECONNREFUSED' })],
      '',
    );
    expect(toConnectorError('postgres', aggregate)).toMatchObject({
      kind: 'unreachable',
      transient: true,
    });
  });

  it('never carries the password', () => {
    const e = toConnectorError(
      'postgres',
      new Error('failed for postgres://bob:hunter2@db/x with hunter2'),
      ['hunter2'],
    );
    expect(e.message).not.toContain('hunter2');
    expect(JSON.stringify(e)).not.toContain('hunter2');
    expect((e as { cause?: unknown }).cause).toBeUndefined();
    expect(redact('mysql://root:pw@host/db', [])).toBe('mysql://root:***@host/db');
    expect(redactConfig({ engine: 'postgres', database: 'x', password: 'hunter2' })).toEqual({
      engine: 'postgres',
      database: 'x',
      password: '***',
    });
  });
});
