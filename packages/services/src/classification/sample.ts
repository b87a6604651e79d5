/**
 * From driver values to what detectors read: every sampled value coerced to
 * a trimmed string; null, blank and placeholder values set aside; the
 * column's names normalized once.
 */
import type { ColumnInput } from './column';
import { normalizeName } from './column';
import type { ColumnSample } from './types';

export const MAX_VALUE_LENGTH = 16_384;
const MAX_COMMENT_LENGTH = 200;

const PLACEHOLDERS = new Set([
  'null', 'none', 'n/a', 'na', 'nan', '-', '--', '---', '?', 'unknown', 'undefined', 'nil', '(null)', '#n/a',
  'tbd', 'not available', 'not applicable', '0000-00-00', '0000-00-00 00:00:00',
]);

function isPlaceholder(s: string): boolean {
  if (s.length > 19) return false;
  const c = s.charCodeAt(0) | 0x20;
  // n, -, ?, u, #, t, (, 0 (with the case bit set: N→n, '-'→'-'…)
  if (c !== 110 && c !== 45 && c !== 63 && c !== 117 && c !== 35 && c !== 116 && c !== 40 && c !== 48) return false;
  return PLACEHOLDERS.has(s.toLowerCase());
}

function bytesToString(b: Uint8Array): string {
  let printable = b.length <= MAX_VALUE_LENGTH;
  for (let i = 0; printable && i < b.length; i++) {
    const c = b[i]!;
    if (!((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13)) printable = false;
  }
  if (printable) return String.fromCharCode(...b);
  // Binary: Postgres-style hex of the first 64 bytes, enough to recognise a digest.
  let hex = '\\x';
  for (let i = 0; i < Math.min(64, b.length); i++) hex += b[i]!.toString(16).padStart(2, '0');
  return hex;
}

/** A sampled value as the string detectors see, or null for null/blank. */
export function coerceValue(v: unknown): string | null {
  let s: string;
  switch (typeof v) {
    case 'string':
      s = v;
      break;
    case 'number':
      if (!Number.isFinite(v)) return null;
      s = String(v);
      break;
    case 'bigint':
      s = v.toString();
      break;
    case 'boolean':
      s = v ? 'true' : 'false';
      break;
    case 'object':
      if (v === null) return null;
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) return null;
        s = v.toISOString();
      } else if (v instanceof Uint8Array) s = bytesToString(v);
      else {
        try {
          s = JSON.stringify(v) ?? '';
        } catch {
          return null;
        }
      }
      break;
    default:
      return null;
  }
  const n = s.length;
  if (n === 0) return null;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) {
    s = s.trim();
    if (s.length === 0) return null;
  }
  return s.length > MAX_VALUE_LENGTH ? s.slice(0, MAX_VALUE_LENGTH) : s;
}

export interface PreparedColumn {
  column: ColumnInput;
  values: string[];
  sampled: number;
  placeholders: number;
  distinct: number;
  distinctRatio: number;
  rowCount?: number;
  name: string;
  qualified: string | undefined;
  comment: string | undefined;
}

export function prepareColumn(column: ColumnInput, sample: ColumnSample): PreparedColumn {
  const values: string[] = [];
  let placeholders = 0;
  const seen = new Set<string>();
  for (const raw of sample.values) {
    const s = coerceValue(raw);
    if (s === null) continue;
    if (isPlaceholder(s)) {
      placeholders++;
      continue;
    }
    values.push(s);
    seen.add(s);
  }
  const name = normalizeName(column.name);
  const comment = column.comment ? normalizeName(column.comment.slice(0, MAX_COMMENT_LENGTH)) : undefined;
  return {
    column,
    values,
    sampled: sample.values.length,
    placeholders,
    distinct: sample.distinctCount ?? seen.size,
    distinctRatio: values.length ? seen.size / values.length : 0,
    rowCount: sample.rowCount,
    name,
    qualified: column.table ? `${normalizeName(column.table)}.${name}` : undefined,
    comment: comment || undefined,
  };
}
