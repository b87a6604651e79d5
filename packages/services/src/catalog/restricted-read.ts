/**
 * Reads of Restricted assets are audited (catalog.asset.viewed), so the insights engine can tell
 * when someone reads far more of them than usual. Only Restricted ones, so the chain does not fill
 * with reads, and at most one row per (user, asset, minute): reopening a page, or a preview right
 * after the asset page, is one read, not several.
 */
import type { Actor } from '../actor';
import { appendActivity } from '../activity/append';
import type { ServiceDeps } from '../deps';

export const restrictedReadType = 'catalog.asset.viewed';

interface ReadAsset {
  id: string;
  sensitivity: string | null;
  qualifiedName: string;
  type: string;
  dataSource: { id: string; workspaceId: string | null };
}

/** Records the read when the asset is Restricted and the reader is a person; returns whether a row was written. */
export async function recordRestrictedRead(deps: ServiceDeps, actor: Actor, asset: ReadAsset, via: 'asset' | 'preview'): Promise<boolean> {
  if (asset.sensitivity !== 'Restricted' || actor.kind === 'system') return false;
  const now = deps.clock();
  const minute = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const id = await deps.db.$transaction(async (tx) => {
    // Serialises the check-then-append for this (user, asset), so two tabs opening at once write one row.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`restricted-read:${actor.userId}:${asset.id}`}))`;
    const seen = await tx.activityEvent.findFirst({
      where: { resourceType: 'asset', resourceId: asset.id, type: restrictedReadType, actorId: actor.userId, occurredAt: { gte: minute, lt: new Date(minute.getTime() + 60_000) } },
      select: { id: true },
    });
    if (seen) return null;
    return appendActivity(
      tx,
      actor,
      {
        type: restrictedReadType,
        category: 'data',
        sourceGroup: 'catalog',
        action: 'read',
        resourceType: 'asset',
        resourceId: asset.id,
        workspaceId: asset.dataSource.workspaceId,
        details: { sensitivity: asset.sensitivity, dataSourceId: asset.dataSource.id, qualifiedName: asset.qualifiedName, assetType: asset.type, via },
        complianceRelevant: true,
      },
      now,
    );
  });
  if (id === null) return false;
  await deps.bus.publish(id).catch(() => {});
  return true;
}

/** The table or view a preview reads, found by source, schema and table name (null when not catalogued). */
export async function previewedAsset(deps: ServiceDeps, dataSourceId: string, schema: string, table: string): Promise<ReadAsset | null> {
  return deps.db.asset.findFirst({
    where: { dataSourceId, type: { in: ['table', 'view'] }, name: table, removedAt: null, parent: { name: schema } },
    select: { id: true, sensitivity: true, qualifiedName: true, type: true, dataSource: { select: { id: true, workspaceId: true } } },
  });
}

