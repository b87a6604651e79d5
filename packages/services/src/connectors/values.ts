/**
 * Driver values → JSON-safe values, the same rules for every engine:
 *
 * - bigint → its decimal string (engines that hand out bigints for every
 *   integer, like SQLite with safeIntegers, turn safe ones into numbers first);
 * - NaN / ±Infinity → the strings 'NaN', 'Infinity', '-Infinity';
 * - Date → ISO 8601 string (invalid dates → null);
 * - binary (Buffer / Uint8Array) → the text itself when the bytes are
 *   printable UTF-8 (a BLOB holding an e-mail address is still an e-mail
 *   address for classification), otherwise `\x` + lowercase hex of the first
 *   BINARY_HEX_BYTES bytes (PostgreSQL's bytea text form), `…` appended when
 *   cut;
 * - arrays and plain objects (json columns) → converted recursively;
 * - anything else with toJSON() → that; other objects → String(value).
 */

export const BINARY_HEX_BYTES = 256;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function printableText(b: Uint8Array): string | undefined {
  if (b.length === 0) return '';
  let text: string;
  try {
    text = utf8.decode(b);
  } catch {
    return undefined;
  }
  // Control characters other than tab, newline and carriage return → binary.
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? undefined : text;
}

export function binaryToJson(b: Uint8Array): string {
  const text = printableText(b);
  if (text !== undefined) return text;
  const n = Math.min(b.length, BINARY_HEX_BYTES);
  let hex = '\\x';
  for (let i = 0; i < n; i++) hex += b[i]!.toString(16).padStart(2, '0');
  return b.length > n ? `${hex}…` : hex;
}

export function toJsonSafe(value: unknown): unknown {
  // Fast path: most values are already JSON-safe.
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      return Number.isFinite(value) ? value : String(value);
    case 'bigint':
      return value.toString();
    case 'undefined':
      return null;
    case 'object': {
      if (value === null) return null;
      if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
      if (value instanceof Uint8Array) return binaryToJson(value);
      if (Array.isArray(value)) return value.map(toJsonSafe);
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto === Object.prototype || proto === null) {
        const out: Record<string, unknown> = {};
        for (const [k, v] of Object.entries(value)) out[k] = toJsonSafe(v);
        return out;
      }
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === 'function') return toJsonSafe(toJSON.call(value));
      return String(value);
    }
    default:
      return String(value);
  }
}

/** A row object with every value made JSON-safe (in place for speed; rows are ours). */
export function rowToJsonSafe(row: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(row)) {
    const v = row[key];
    if (
      v !== null &&
      typeof v !== 'string' &&
      typeof v !== 'boolean' &&
      !(typeof v === 'number' && Number.isFinite(v))
    ) {
      row[key] = toJsonSafe(v);
    }
  }
  return row;
}
