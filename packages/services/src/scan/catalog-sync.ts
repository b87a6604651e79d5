import { randomUUID } from 'node:crypto';
import type { AssetType, Db, Prisma } from '@racine/db';
import { type BulkColumn, bulkInsert } from '@racine/db/bulk';
import { normalizeDataType } from '../classification/column';
import type { ColumnInfo, DiscoverResult, Engine } from '../connectors/types';

/** Where each discovered table and column now lives in the catalog. */
export interface SyncedCatalog {
  tableIds: Map<string, string>;
  columnIds: Map<string, string>;
  added: number;
  removed: number;
  changed: number;
}

export const qualify = (...parts: string[]) => parts.join('.');

/** A table's row estimate as the catalog stores it: a whole, non-negative bigint, or null. */
export const rowEstimate = (n: number | null | undefined) => (n == null ? null : BigInt(Math.max(0, Math.round(n))));

/** What the catalog stores of a discovered column (a scan's sync and a pipeline's ingest stage alike). */
export function columnFields(column: ColumnInfo, engine: Engine, primaryKey: ReadonlySet<string>) {
  return {
    dataType: column.dataType,
    normalizedType: normalizeDataType(column.dataType, engine),
    nullable: column.nullable,
    defaultValue: column.defaultValue,
    comment: column.comment,
    ordinal: column.ordinal,
    isPrimaryKey: primaryKey.has(column.name),
  };
}

const ASSET_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'dataSourceId', type: 'text' },
  { name: 'type', type: '"AssetType"' },
  { name: 'parentId', type: 'text' },
  { name: 'qualifiedName', type: 'text' },
  { name: 'name', type: 'text' },
  { name: 'dataType', type: 'text' },
  { name: 'normalizedType', type: 'text' },
  { name: 'nullable', type: 'boolean' },
  { name: 'defaultValue', type: 'text' },
  { name: 'comment', type: 'text' },
  { name: 'ordinal', type: 'int' },
  { name: 'isPrimaryKey', type: 'boolean' },
  { name: 'rowCountEstimate', type: 'bigint' },
  { name: 'lastRunId', type: 'text' },
  { name: 'lastScannedAt', type: 'timestamp(3)' },
  { name: 'updatedAt', type: 'timestamp(3)' },
];

const CHANGE_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'runId', type: 'text' },
  { name: 'assetType', type: '"AssetType"' },
  { name: 'qualifiedName', type: 'text' },
  { name: 'change', type: '"DriftChange"' },
  { name: 'before', type: 'jsonb' },
  { name: 'after', type: 'jsonb' },
];

/** New assets per insert statement (a 500-table source has ~10,500). */
const ASSET_INSERT_ROWS = 1000;

interface Node {
  qualifiedName: string;
  type: AssetType;
  name: string;
  parentKey: string | null;
  fields: Omit<Prisma.AssetCreateManyInput, 'id' | 'dataSourceId' | 'type' | 'parentId' | 'qualifiedName' | 'name'>;
}

/** Flattens a discovery into catalog nodes, parents before children. */
function nodesOf(discovered: DiscoverResult, engine: Engine): Node[] {
  const db = discovered.databaseName;
  const nodes: Node[] = [{ qualifiedName: db, type: 'database', name: db, parentKey: null, fields: {} }];
  for (const schema of discovered.schemas) {
    const schemaKey = qualify(db, schema.name);
    nodes.push({ qualifiedName: schemaKey, type: 'schema', name: schema.name, parentKey: db, fields: {} });
    for (const table of schema.tables) {
      const tableKey = qualify(schemaKey, table.name);
      nodes.push({
        qualifiedName: tableKey,
        type: table.kind,
        name: table.name,
        parentKey: schemaKey,
        fields: { comment: table.comment, rowCountEstimate: rowEstimate(table.rowCountEstimate) },
      });
      const pk = new Set(table.primaryKey);
      for (const column of table.columns)
        nodes.push({
          qualifiedName: qualify(tableKey, column.name),
          type: 'column',
          name: column.name,
          parentKey: tableKey,
          fields: columnFields(column, engine, pk),
        });
    }
  }
  return nodes;
}

/**
 * Schema drift is a change of kind (table ⇄ view) or of a column's type,
 * nullability or default; row estimates and comments are refreshed silently.
 *
 * Brings the catalog in line with a discovery and records drift against what
 * the previous scans left: added, removed (soft: removedAt) and changed
 * assets. The first scan of a source is the baseline and records no drift.
 */
export async function syncCatalog(db: Db, params: { dataSourceId: string; runId: string; engine: Engine; discovered: DiscoverResult; now: Date }): Promise<SyncedCatalog> {
  const { dataSourceId, runId, now } = params;
  const existing = await db.asset.findMany({
    where: { dataSourceId },
    select: { id: true, qualifiedName: true, type: true, dataType: true, nullable: true, defaultValue: true, removedAt: true, rowCountEstimate: true, comment: true },
  });
  const byKey = new Map(existing.map((a) => [a.qualifiedName, a]));
  const baseline = existing.length === 0;
  const ids = new Map<string, string>();
  const creates: Prisma.AssetCreateManyInput[] = [];
  const updates: { id: string; data: Prisma.AssetUpdateInput }[] = [];
  const changes: Prisma.ScanRunChangeCreateManyInput[] = [];
  const seen = new Set<string>();
  const counts = { added: 0, removed: 0, changed: 0 };
  const change = (c: Omit<Prisma.ScanRunChangeCreateManyInput, 'runId'>) => {
    counts[c.change]++;
    if (!baseline) changes.push({ ...c, runId });
  };

  const nodes = nodesOf(params.discovered, params.engine);
  for (const node of nodes) {
    const old = byKey.get(node.qualifiedName);
    const parentId = node.parentKey ? (ids.get(node.parentKey) ?? null) : null;
    if (!old) {
      const id = randomUUID();
      ids.set(node.qualifiedName, id);
      creates.push({ id, dataSourceId, type: node.type, parentId, qualifiedName: node.qualifiedName, name: node.name, ...node.fields, lastRunId: runId, lastScannedAt: now });
      if (node.type === 'table' || node.type === 'view' || node.type === 'column') change({ assetType: node.type, qualifiedName: node.qualifiedName, change: 'added', after: { ...driftView({ type: node.type, ...node.fields }) } });
      continue;
    }
    ids.set(node.qualifiedName, old.id);
    seen.add(old.id);
    const next = { type: node.type, ...node.fields };
    const drifted =
      node.type !== old.type ||
      (node.type === 'column' && (node.fields.dataType !== old.dataType || node.fields.nullable !== old.nullable || node.fields.defaultValue !== old.defaultValue));
    const statsChanged = node.fields.rowCountEstimate !== undefined && node.fields.rowCountEstimate !== old.rowCountEstimate;
    const commentChanged = node.fields.comment !== undefined && node.fields.comment !== old.comment;
    if (old.removedAt) change({ assetType: node.type, qualifiedName: node.qualifiedName, change: 'added', after: driftView(next), before: { removedAt: old.removedAt.toISOString() } });
    else if (drifted) change({ assetType: node.type, qualifiedName: node.qualifiedName, change: 'changed', before: driftView(old), after: driftView(next) });
    if (old.removedAt || drifted || statsChanged || commentChanged)
      updates.push({ id: old.id, data: { ...node.fields, type: node.type, removedAt: null } });
  }
  const gone = existing.filter((a) => !seen.has(a.id) && !a.removedAt);
  for (const a of gone) if (a.type !== 'database' && a.type !== 'schema') change({ assetType: a.type, qualifiedName: a.qualifiedName, change: 'removed', before: driftView(a) });

  // In slices, each turned into insert rows only when it is sent: the rows, their serialised
  // arrays and the driver's request for one slice are alive at a time, not for the whole catalog.
  for (let i = 0; i < creates.length; i += ASSET_INSERT_ROWS)
    await bulkInsert(db, 'Asset', ASSET_COLUMNS, creates.slice(i, i + ASSET_INSERT_ROWS).map((a) => ASSET_COLUMNS.map((c) => (c.name === 'updatedAt' ? now : c.name === 'isPrimaryKey' ? (a.isPrimaryKey ?? false) : (a as Record<string, unknown>)[c.name]))));
  for (let i = 0; i < updates.length; i += 200) await db.$transaction(updates.slice(i, i + 200).map((u) => db.asset.update({ where: { id: u.id }, data: u.data })));
  for (let i = 0; i < gone.length; i += 1000) await db.asset.updateMany({ where: { id: { in: gone.slice(i, i + 1000).map((a) => a.id) } }, data: { removedAt: now } });
  // Assets created above already carry this run and time: only the others need stamping (a
  // first scan of 10,000 columns no longer rewrites every row it just inserted).
  const unstamped = [{ lastRunId: null }, { lastScannedAt: null }, { lastRunId: { not: runId } }, { lastScannedAt: { not: now } }];
  await db.asset.updateMany({ where: { dataSourceId, removedAt: null, OR: unstamped }, data: { lastRunId: runId, lastScannedAt: now } });
  await bulkInsert(db, 'ScanRunChange', CHANGE_COLUMNS, changes.map((c) => [randomUUID(), c.runId, c.assetType, c.qualifiedName, c.change, c.before ?? null, c.after ?? null]));

  const tableIds = new Map<string, string>();
  const columnIds = new Map<string, string>();
  for (const node of nodes) {
    if (node.type === 'table' || node.type === 'view') tableIds.set(node.qualifiedName, ids.get(node.qualifiedName)!);
    if (node.type === 'column') columnIds.set(node.qualifiedName, ids.get(node.qualifiedName)!);
  }
  return { tableIds, columnIds, ...(baseline ? { added: 0, removed: 0, changed: 0 } : counts) };
}

function driftView(a: { type?: string; dataType?: string | null; nullable?: boolean | null; defaultValue?: string | null }) {
  return { type: a.type ?? null, dataType: a.dataType ?? null, nullable: a.nullable ?? null, defaultValue: a.defaultValue ?? null };
}
