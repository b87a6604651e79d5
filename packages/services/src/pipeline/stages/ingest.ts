/**
 * ingest: refreshes each table's catalog entry from the live source. One
 * discovery per schema per batch (not per table); then per table: row
 * estimate and comment, and its columns' type, nullability, default, order
 * and key flag. A column new on the source is added to the catalog, one gone
 * is marked removed (as a scan would). Upserts by qualified name: a re-run
 * changes nothing more. A table the source no longer has fails the item.
 */
import type { Db, Prisma } from '@racine/db';
import type { TableInfo } from '../../connectors/types';
import { columnFields, rowEstimate } from '../../scan/catalog-sync';
import { StageFailure, type StageHandler } from './types';

export const ingestStage: StageHandler<'ingest'> = {
  kind: 'ingest',
  async processBatch(ctx, items) {
    const connector = ctx.connector();
    const bySchema = new Map<string, Map<string, TableInfo>>();
    for (const schema of new Set(items.map((i) => i.item.schema))) {
      const found = await connector.discover({ includeSchemas: [schema] });
      bySchema.set(
        schema,
        new Map(
          found.schemas
            .filter((s) => s.name === schema)
            .flatMap((s) => s.tables.map((t) => [t.name, t] as const)),
        ),
      );
    }
    const results = [];
    for (const { item } of items) {
      const started = performance.now();
      try {
        const table = bySchema.get(item.schema)?.get(item.table);
        if (!table)
          throw new StageFailure(
            `Table ${item.schema}.${item.table} is not in the source any more (a scan will mark it removed)`,
          );
        results.push({
          ok: true as const,
          output: await refreshTable(
            ctx.deps.db,
            ctx.source.id,
            ctx.source.engine,
            item.assetId,
            item.qualifiedName,
            table,
            ctx.deps.clock(),
          ),
          durationMs: performance.now() - started,
        });
      } catch (error) {
        results.push({
          ok: false as const,
          error: (error as Error).message,
          durationMs: performance.now() - started,
        });
      }
    }
    return results;
  },
};

/** Writes only what differs from the catalog: after a scan, a table that did not change costs one read. */
async function refreshTable(
  db: Db,
  dataSourceId: string,
  engine: 'postgres' | 'mysql' | 'sqlite',
  tableId: string,
  tableKey: string,
  table: TableInfo,
  now: Date,
) {
  const pk = new Set(table.primaryKey);
  const [current, existing] = await Promise.all([
    db.asset.findUnique({
      where: { id: tableId },
      select: { comment: true, rowCountEstimate: true, removedAt: true },
    }),
    db.asset.findMany({
      where: { parentId: tableId, type: 'column' },
      select: {
        id: true,
        name: true,
        dataType: true,
        normalizedType: true,
        nullable: true,
        defaultValue: true,
        comment: true,
        ordinal: true,
        isPrimaryKey: true,
        removedAt: true,
      },
    }),
  ]);
  const byName = new Map(existing.map((c) => [c.name, c]));
  const live = new Set(table.columns.map((c) => c.name));
  let added = 0;
  let changed = 0;
  const writes: Prisma.PrismaPromise<unknown>[] = [];
  const rowCountEstimate = rowEstimate(table.rowCountEstimate);
  if (
    !current ||
    current.comment !== table.comment ||
    current.rowCountEstimate !== rowCountEstimate ||
    current.removedAt
  )
    writes.push(
      db.asset.update({
        where: { id: tableId },
        data: { comment: table.comment, rowCountEstimate, removedAt: null },
      }),
    );
  for (const column of table.columns) {
    const fields = columnFields(column, engine, pk);
    const old = byName.get(column.name);
    if (!old) added++;
    else if (
      old.removedAt ||
      old.dataType !== column.dataType ||
      old.nullable !== column.nullable ||
      old.defaultValue !== column.defaultValue
    )
      changed++;
    const same =
      old &&
      !old.removedAt &&
      (Object.keys(fields) as (keyof typeof fields)[]).every((k) => old[k] === fields[k]);
    if (same) continue;
    const qualifiedName = `${tableKey}.${column.name}`;
    writes.push(
      db.asset.upsert({
        where: { dataSourceId_qualifiedName: { dataSourceId, qualifiedName } },
        create: {
          dataSourceId,
          type: 'column',
          parentId: tableId,
          qualifiedName,
          name: column.name,
          ...fields,
          lastScannedAt: now,
        },
        update: { ...fields, removedAt: null },
      }),
    );
  }
  const gone = existing.filter((c) => !live.has(c.name) && !c.removedAt).map((c) => c.id);
  if (gone.length)
    writes.push(db.asset.updateMany({ where: { id: { in: gone } }, data: { removedAt: now } }));
  if (writes.length) await db.$transaction(writes);
  return {
    columns: table.columns.length,
    rowEstimate: table.rowCountEstimate,
    primaryKey: table.primaryKey,
    kind: table.kind,
    columnsAdded: added,
    columnsChanged: changed,
    columnsRemoved: gone.length,
    catalogWrites: writes.length,
  };
}
