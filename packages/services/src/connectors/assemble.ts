/**
 * Discovery is a few set-based catalog queries per engine (relations,
 * columns, keys) whose rows are assembled here into the nested result, so
 * every engine returns the same shape in the same order: schemas, tables
 * and foreign keys by name, columns by position.
 */
import type { DiscoverResult, ForeignKeyInfo, SchemaInfo, TableInfo } from './types';

export interface RelationRow {
  schema: string;
  name: string;
  kind: 'table' | 'view';
  comment: string | null;
  rowCountEstimate: number | null;
}

export interface ColumnRow {
  schema: string;
  table: string;
  name: string;
  dataType: string;
  nullable: boolean;
  defaultValue: string | null;
  comment: string | null;
}

export interface KeyRow {
  schema: string;
  table: string;
  type: 'primary' | 'foreign';
  name: string;
  columns: string[];
  referencedSchema?: string | null;
  referencedTable?: string | null;
  referencedColumns?: string[] | null;
}

const key = (schema: string, table: string) => `${schema}\u0000${table}`;
const byName = (a: { name: string }, b: { name: string }) =>
  a.name < b.name ? -1 : a.name > b.name ? 1 : 0;

export function assembleDiscover(
  databaseName: string,
  schemaNames: readonly string[],
  relations: readonly RelationRow[],
  /** In column order within each table. */
  columns: readonly ColumnRow[],
  keys: readonly KeyRow[],
): DiscoverResult {
  const schemas = new Map<string, SchemaInfo>();
  for (const name of schemaNames) schemas.set(name, { name, tables: [] });
  const tables = new Map<string, TableInfo>();
  for (const r of relations) {
    let schema = schemas.get(r.schema);
    if (!schema) {
      schema = { name: r.schema, tables: [] };
      schemas.set(r.schema, schema);
    }
    const table: TableInfo = {
      name: r.name,
      kind: r.kind,
      comment: r.comment || null,
      rowCountEstimate: r.rowCountEstimate,
      primaryKey: [],
      foreignKeys: [],
      columns: [],
    };
    schema.tables.push(table);
    tables.set(key(r.schema, r.name), table);
  }
  for (const c of columns) {
    const table = tables.get(key(c.schema, c.table));
    if (!table) continue;
    table.columns.push({
      name: c.name,
      ordinal: table.columns.length + 1,
      dataType: c.dataType,
      nullable: c.nullable,
      defaultValue: c.defaultValue,
      comment: c.comment || null,
    });
  }
  for (const k of keys) {
    const table = tables.get(key(k.schema, k.table));
    if (!table) continue;
    if (k.type === 'primary') table.primaryKey = [...k.columns];
    else {
      const fk: ForeignKeyInfo = {
        name: k.name,
        columns: [...k.columns],
        referencedSchema: k.referencedSchema ?? k.schema,
        referencedTable: k.referencedTable ?? '',
        referencedColumns: [...(k.referencedColumns ?? [])],
      };
      table.foreignKeys.push(fk);
    }
  }
  const out = [...schemas.values()].sort(byName);
  for (const s of out) {
    s.tables.sort(byName);
    for (const t of s.tables) t.foreignKeys.sort(byName);
  }
  return { databaseName, schemas: out };
}
