import type { DbOrTx } from './index';

export interface BulkColumn {
  /** The column's name, exactly as in the table. */
  name: string;
  /** Its SQL type for the unnest cast: 'text', 'int', 'jsonb', '"AssetType"'… */
  type: string;
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * Inserts many rows in one statement per chunk: each column travels as one
 * array parameter and `unnest` turns them back into rows. Prisma's createMany
 * builds a VALUES list through its query compiler, which costs far more per
 * row for wide inserts (measured on the catalog: ~0.35 ms vs ~0.02 ms per row).
 */
export async function bulkInsert(
  db: DbOrTx,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: { chunk?: number; onConflictDoNothing?: boolean } = {},
): Promise<void> {
  const chunk = options.chunk ?? 5000;
  const names = columns.map((c) => quote(c.name)).join(', ');
  // Arrays of enums or jsonb are sent as text[] and cast element-wise.
  const params = columns.map((c, i) => `$${i + 1}::text[]::${c.type}[]`).join(', ');
  const sql = `INSERT INTO ${quote(table)} (${names}) SELECT * FROM unnest(${params})${options.onConflictDoNothing ? ' ON CONFLICT DO NOTHING' : ''}`;
  for (let start = 0; start < rows.length; start += chunk) {
    const slice = rows.slice(start, start + chunk);
    const arrays = columns.map((_, i) => slice.map((r) => serialize(r[i])));
    await db.$executeRawUnsafe(sql, ...arrays);
  }
}

function serialize(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}
