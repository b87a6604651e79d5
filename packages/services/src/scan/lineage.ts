import type { Db } from '@racine/db';
import type { DiscoverResult } from '../connectors/types';
import { qualify } from './catalog-sync';

/**
 * Foreign keys become table-level lineage: data flows from the referenced
 * (upstream) table to the referencing (downstream) one. The note says which
 * columns. Idempotent.
 */
export async function recordForeignKeyLineage(db: Db, discovered: DiscoverResult, tableIds: Map<string, string>): Promise<number> {
  const edges: { fromAssetId: string; toAssetId: string; kind: string; note: string }[] = [];
  for (const schema of discovered.schemas)
    for (const table of schema.tables)
      for (const fk of table.foreignKeys) {
        const to = tableIds.get(qualify(discovered.databaseName, schema.name, table.name));
        const from = tableIds.get(qualify(discovered.databaseName, fk.referencedSchema, fk.referencedTable));
        if (from && to && from !== to)
          edges.push({ fromAssetId: from, toAssetId: to, kind: 'foreign_key', note: `${table.name}(${fk.columns.join(', ')}) → ${fk.referencedTable}(${fk.referencedColumns.join(', ')})` });
      }
  if (edges.length) await db.lineageEdge.createMany({ data: edges, skipDuplicates: true });
  return edges.length;
}
