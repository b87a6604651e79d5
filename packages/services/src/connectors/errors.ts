/**
 * Every driver error leaves a connector as a ConnectorError: a `kind` callers
 * can act on, the driver's code, whether a retry may help, and a message with
 * the password (and anything that looks like a connection-string credential)
 * removed. The driver error itself is not kept (no `cause`): driver errors and
 * their attached objects can carry connection parameters, and errors get logged.
 */
import type { ConnectorErrorKind, Engine } from './types';

export class ConnectorError extends Error {
  readonly transient: boolean;
  constructor(
    readonly kind: ConnectorErrorKind,
    message: string,
    readonly engine?: Engine,
    /** The driver's code: SQLSTATE for postgres, the error name for mysql (`ER_NO_SUCH_TABLE`), `SQLITE_*`. */
    readonly driverCode?: string,
    transient?: boolean,
  ) {
    super(message);
    this.name = 'ConnectorError';
    this.transient = transient ?? (kind === 'unreachable' || kind === 'timeout');
  }

  toJSON(): Record<string, unknown> {
    return {
      name: this.name,
      kind: this.kind,
      engine: this.engine,
      driverCode: this.driverCode,
      transient: this.transient,
      message: this.message,
    };
  }
}

/** Network error codes from Node's net/dns layer. */
const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'EHOSTUNREACH',
  'EHOSTDOWN',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EADDRNOTAVAIL',
]);

/** Driver codes worth a retry even though their kind is not unreachable/timeout. */
const TRANSIENT_CODES = new Set([
  // postgres
  '40001', // serialization_failure
  '40P01', // deadlock_detected
  '53300', // too_many_connections
  '55P03', // lock_not_available
  // mysql
  'ER_LOCK_DEADLOCK',
  'ER_LOCK_WAIT_TIMEOUT',
  'ER_CON_COUNT_ERROR',
  'ER_TOO_MANY_USER_CONNECTIONS',
  // sqlite
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
]);

/** True when retrying the same operation later may succeed (unreachable, timeout, reset, lock contention). */
export function isTransient(error: unknown): boolean {
  if (error instanceof ConnectorError) return error.transient;
  const code = (error as { code?: unknown } | null)?.code;
  return (
    typeof code === 'string' &&
    (NETWORK_CODES.has(code) || code === 'ETIMEDOUT' || TRANSIENT_CODES.has(code))
  );
}

/** Removes every secret (and URL userinfo like `user:pass@`) from a message. */
export function redact(message: string, secrets: readonly (string | undefined)[]): string {
  let out = message;
  for (const secret of secrets) {
    if (secret) out = out.split(secret).join('***');
  }
  return out.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^:/@\s]*):[^@\s]*@/gi, '$1:***@');
}

function pgKind(code: string, message: string): ConnectorErrorKind {
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '42501' || code === '25006') return 'permission';
  if (code === '57014') return 'timeout'; // query_canceled: statement_timeout
  if (
    code === '3D000' ||
    code === '42P01' ||
    code === '42703' ||
    code === '3F000' ||
    code === '42704'
  )
    return 'not_found';
  if (
    code.startsWith('08') ||
    code === '57P01' ||
    code === '57P02' ||
    code === '57P03' ||
    code === '53300'
  )
    return 'unreachable';
  if (/timeout/i.test(message) && /connect/i.test(message)) return 'timeout';
  if (/Connection terminated|connection closed|socket hang up/i.test(message)) return 'unreachable';
  return 'query';
}

const MYSQL_KINDS: Record<string, ConnectorErrorKind> = {
  ER_ACCESS_DENIED_ERROR: 'auth',
  ER_ACCESS_DENIED_NO_PASSWORD_ERROR: 'auth',
  ER_NOT_SUPPORTED_AUTH_MODE: 'auth',
  ER_DBACCESS_DENIED_ERROR: 'permission',
  ER_TABLEACCESS_DENIED_ERROR: 'permission',
  ER_COLUMNACCESS_DENIED_ERROR: 'permission',
  ER_SPECIFIC_ACCESS_DENIED_ERROR: 'permission',
  ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION: 'permission',
  ER_OPTION_PREVENTS_STATEMENT: 'permission',
  ER_BAD_DB_ERROR: 'not_found',
  ER_NO_SUCH_TABLE: 'not_found',
  ER_BAD_FIELD_ERROR: 'not_found',
  ER_UNKNOWN_TABLE: 'not_found',
  ER_QUERY_TIMEOUT: 'timeout', // MySQL max_execution_time
  ER_STATEMENT_TIMEOUT: 'timeout', // MariaDB max_statement_time
  ER_QUERY_INTERRUPTED: 'timeout',
  PROTOCOL_SEQUENCE_TIMEOUT: 'timeout',
  ETIMEDOUT: 'timeout',
  PROTOCOL_CONNECTION_LOST: 'unreachable',
  ER_CON_COUNT_ERROR: 'unreachable',
  ER_SERVER_SHUTDOWN: 'unreachable',
  ER_HOST_IS_BLOCKED: 'unreachable',
  ER_HOST_NOT_PRIVILEGED: 'auth',
};
/** MariaDB errors mysql2 has no name for (errno → kind). */
const MYSQL_ERRNO_KINDS: Record<number, ConnectorErrorKind> = {
  1969: 'timeout', // ER_STATEMENT_TIMEOUT (MariaDB)
  3024: 'timeout', // ER_QUERY_TIMEOUT (MySQL)
  1792: 'permission', // ER_CANT_EXECUTE_IN_READ_ONLY_TRANSACTION
  1045: 'auth',
  1044: 'permission',
  1049: 'not_found',
  1146: 'not_found',
  1054: 'not_found',
};

function mysqlKind(code: string, errno: number | undefined, message: string): ConnectorErrorKind {
  const byCode = MYSQL_KINDS[code];
  if (byCode) return byCode;
  const byErrno = errno === undefined ? undefined : MYSQL_ERRNO_KINDS[errno];
  if (byErrno) return byErrno;
  if (/max_statement_time|max_execution_time/i.test(message)) return 'timeout';
  return 'query';
}

function sqliteKind(code: string, message: string): ConnectorErrorKind {
  if (code === 'SQLITE_CANTOPEN' || code === 'SQLITE_NOTADB') return 'not_found';
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_AUTH' || code === 'SQLITE_PERM')
    return 'permission';
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED' || code === 'SQLITE_INTERRUPT')
    return 'timeout';
  if (/^no such (table|column)/i.test(message)) return 'not_found';
  if (/attempt to write a readonly database|query_only/i.test(message)) return 'permission';
  if (/unable to open database file|directory does not exist|file does not exist/i.test(message))
    return 'not_found';
  return 'query';
}

/**
 * A driver (or Node) error as a ConnectorError, with the password redacted.
 * ConnectorErrors pass through (their message is redacted again, which is harmless).
 */
export function toConnectorError(
  engine: Engine,
  error: unknown,
  secrets: readonly (string | undefined)[] = [],
): ConnectorError {
  if (error instanceof ConnectorError) {
    const message = redact(error.message, secrets);
    return message === error.message
      ? error
      : new ConnectorError(error.kind, message, error.engine, error.driverCode, error.transient);
  }
  const e = (error ?? {}) as { code?: unknown; errno?: unknown; message?: unknown };
  const rawMessage = typeof e.message === 'string' && e.message ? e.message : String(error);
  const message = redact(rawMessage, secrets);
  const code = typeof e.code === 'string' ? e.code : undefined;

  if (code && NETWORK_CODES.has(code))
    return new ConnectorError('unreachable', message, engine, code, true);
  if (code === 'ETIMEDOUT') return new ConnectorError('timeout', message, engine, code, true);
  // AggregateError from net.connect when every address failed (Node 20 happy-eyeballs).
  const inner = (error as { errors?: unknown[] } | null)?.errors;
  if (Array.isArray(inner) && inner.length > 0) {
    const first = toConnectorError(engine, inner[0], secrets);
    return new ConnectorError(
      first.kind,
      message || first.message,
      engine,
      first.driverCode,
      first.transient,
    );
  }

  let kind: ConnectorErrorKind;
  switch (engine) {
    case 'postgres':
      kind = pgKind(code ?? '', rawMessage);
      break;
    case 'mysql':
      kind = mysqlKind(code ?? '', typeof e.errno === 'number' ? e.errno : undefined, rawMessage);
      break;
    case 'sqlite':
      kind = sqliteKind(code ?? '', rawMessage);
      break;
  }
  const transient =
    kind === 'unreachable' ||
    kind === 'timeout' ||
    (code !== undefined && TRANSIENT_CODES.has(code));
  return new ConnectorError(kind, message, engine, code, transient);
}
