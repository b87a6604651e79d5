import type { DbOrTx } from '@racine/db';
import { type PipelineDefinition, globToRegExp } from './definition';

/** One item of a run: a table (or view) of the source as the catalog knows it. */
export interface TableItem {
  assetId: string;
  qualifiedName: string;
  /** The connector's names: schema (the catalog's parent asset) and table. */
  schema: string;
  table: string;
  type: 'table' | 'view';
}

/**
 * The source's tables from the catalog (what its scans found and did not see
 * removed since), filtered by the definition's schemas and table glob, in a
 * stable order. A source never scanned has no items: scan it first.
 */
export async function listSourceItems(
  db: DbOrTx,
  source: PipelineDefinition['source'],
): Promise<TableItem[]> {
  const rows = await db.asset.findMany({
    where: {
      dataSourceId: source.dataSourceId,
      type: { in: ['table', 'view'] },
      removedAt: null,
      ...(source.schemas?.length ? { parent: { name: { in: source.schemas } } } : {}),
    },
    select: {
      id: true,
      qualifiedName: true,
      name: true,
      type: true,
      parent: { select: { name: true } },
    },
    orderBy: { qualifiedName: 'asc' },
  });
  const glob = source.tableGlob ? globToRegExp(source.tableGlob) : null;
  return rows
    .filter((r) => !glob || glob.test(r.name))
    .map((r) => ({
      assetId: r.id,
      qualifiedName: r.qualifiedName,
      schema: r.parent?.name ?? '',
      table: r.name,
      type: r.type as 'table' | 'view',
    }));
}
