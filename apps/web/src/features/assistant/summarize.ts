/**
 * A tool's input or output in a line a person can read: scalars as
 * `key: value`, lists as their size and first few names. The raw JSON is
 * shown beside it for anyone who wants the whole thing.
 */
export function summarize(value: unknown, depth = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value === 'string') return value.length > 80 ? `${value.slice(0, 77)}…` : value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) {
    if (!value.length) return 'none';
    const names = value.map(nameOf).filter((n): n is string => !!n);
    const shown = names.slice(0, 3).join(', ');
    const more = value.length > 3 ? `, +${value.length - 3} more` : '';
    return names.length ? `${value.length} (${shown}${more})` : `${value.length} items`;
  }
  if (typeof value === 'object') {
    if (depth > 0) return nameOf(value) ?? '{…}';
    const parts = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined && v !== null && v !== '')
      .slice(0, 5)
      .map(([k, v]) => `${humanKey(k)}: ${summarize(v, depth + 1)}`);
    return parts.length ? parts.join(' · ') : 'nothing';
  }
  return String(value);
}

/** What a record is called, by the fields Racine's records use for that. */
function nameOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (!value || typeof value !== 'object') return undefined;
  const v = value as Record<string, unknown>;
  for (const key of ['qualifiedName', 'name', 'title', 'label', 'key', 'tool', 'id'])
    if (typeof v[key] === 'string' && v[key]) return v[key] as string;
  return undefined;
}

const humanKey = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
