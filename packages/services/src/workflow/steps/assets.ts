/**
 * Which assets a catalog step acts on: given ids, or a source's assets
 * filtered by label (and type). Every asset must be in a source of the
 * workflow's workspace.
 */
import { z } from 'zod';
import type { Prisma } from '@racine/db';
import { AppError } from '../../errors';
import type { StepContext } from '../step-type';
import { sourceInWorkspace } from './scope';

export const assetTypes = ['table', 'view', 'column'] as const;

/** The selection fields both catalog steps share. */
export const assetSelection = {
  assetIds: z.array(z.uuid('Not an asset id')).min(1).max(5_000).optional(),
  dataSourceId: z.uuid('Not a data source id').optional(),
  /** With dataSourceId: assets carrying any of these labels ("PII.*" is a prefix); all assets when absent. */
  labels: z.array(z.string().trim().min(1).max(80)).max(50).optional(),
  /** With dataSourceId: which kinds of asset (default tables, views and columns). */
  types: z.array(z.enum(assetTypes)).min(1).optional(),
};

export const selectionRefinement = (c: { assetIds?: string[]; dataSourceId?: string }) => Boolean(c.assetIds?.length) !== Boolean(c.dataSourceId);
export const selectionMessage = 'Name the assets (assetIds) or a data source (dataSourceId) with an optional label filter, not both';

const assetFields = { id: true, dataSourceId: true, qualifiedName: true, tags: true, labels: true } satisfies Prisma.AssetSelect;

export interface Selection {
  assetIds?: string[];
  dataSourceId?: string;
  labels?: string[];
  types?: (typeof assetTypes)[number][];
}

/** Whether an asset's labels (Asset.labels: nobody rejected them; a table's are its columns') match the filter. */
export function matchesLabels(assetLabels: readonly string[], filter: readonly string[] | undefined): boolean {
  if (!filter?.length) return true;
  return filter.some((f) => (/[.*]$/.test(f) ? assetLabels.some((l) => l.startsWith(f.replace(/\*$/, ''))) : assetLabels.includes(f)));
}

export interface SelectedAsset {
  id: string;
  dataSourceId: string;
  qualifiedName: string;
  tags: string[];
  labels: string[];
}

export async function selectAssets<T extends Selection>(ctx: StepContext<T>): Promise<SelectedAsset[]> {
  const { db } = ctx.deps;
  const c = ctx.config;
  if (c.assetIds?.length) {
    const rows = await db.asset.findMany({ where: { id: { in: c.assetIds } }, select: assetFields });
    const missing = c.assetIds.filter((id) => !rows.some((r) => r.id === id));
    if (missing.length) throw new AppError('NOT_FOUND', `${missing.length} of the assets were not found: ${missing.slice(0, 5).join(', ')}`);
    for (const sourceId of new Set(rows.map((r) => r.dataSourceId))) await sourceInWorkspace(db, ctx.execution.workspaceId, sourceId);
    return rows;
  }
  const source = await sourceInWorkspace(db, ctx.execution.workspaceId, c.dataSourceId!);
  // Label prefixes cannot be filtered on an array column through Prisma; a source's assets are few enough to filter here.
  const rows = await db.asset.findMany({ where: { dataSourceId: source.id, removedAt: null, type: { in: c.types ?? [...assetTypes] } }, select: assetFields, orderBy: { qualifiedName: 'asc' } });
  return rows.filter((r) => matchesLabels(r.labels, c.labels));
}
