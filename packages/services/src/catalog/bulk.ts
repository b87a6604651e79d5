/**
 * Bulk curation of up to 500 assets, possibly across sources: the caller
 * needs catalog.curate on every source involved, or nothing happens. One
 * transaction; one activity row per asset with its own before/after.
 */
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ActivityInput } from '../activity/types';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import { assertPrincipals } from './principals';
import type { BulkUpdateAssetsInput } from './schemas';
import { MAX_TAGS } from './tags';

/** The tags an asset ends with: existing order kept, additions appended, removals dropped. */
export function applyTagChange(current: readonly string[], add: readonly string[] = [], remove: readonly string[] = []): string[] {
  const removed = new Set(remove);
  return [...new Set([...current, ...add])].filter((t) => !removed.has(t));
}

/** `audit` adds to every activity row's details (e.g. the workflow step that made the change). */
export async function bulkUpdateAssets(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: BulkUpdateAssetsInput, audit: Record<string, unknown> = {}): Promise<{ updated: number }> {
  const ids = [...new Set(input.ids)];
  const assets = await deps.db.asset.findMany({
    where: { id: { in: ids } },
    select: { id: true, qualifiedName: true, tags: true, certification: true, dataSourceId: true, dataSource: { select: { name: true, workspaceId: true } } },
  });
  if (assets.length !== ids.length) {
    const missing = ids.filter((id) => !assets.some((a) => a.id === id));
    throw new AppError('NOT_FOUND', `${missing.length} of the assets were not found: ${missing.slice(0, 5).join(', ')}${missing.length > 5 ? '…' : ''}`, { missing });
  }
  const sources = new Map(assets.map((a) => [a.dataSourceId, a.dataSource.name]));
  for (const [sourceId, name] of sources)
    if (!(await access.can('catalog.curate', dataSourceScope(sourceId))))
      throw new AppError('FORBIDDEN', `You need the catalog.curate permission on data source "${name}" (${sourceId}) to change its assets; nothing was changed`, { dataSourceId: sourceId });
  const principals = [input.addOwner, input.addSteward].filter((p) => p !== undefined);
  await assertPrincipals(deps.db, principals);

  const planned = assets.map((a) => ({ asset: a, tags: applyTagChange(a.tags, input.addTags, input.removeTags) }));
  const tooMany = planned.find((p) => p.tags.length > MAX_TAGS);
  if (tooMany) throw new AppError('BAD_REQUEST', `${tooMany.asset.qualifiedName} would have ${tooMany.tags.length} tags; at most ${MAX_TAGS}`);

  const spec = { category: 'data' as const, sourceGroup: 'catalog', action: 'update', resourceType: 'asset', type: 'catalog.asset.updated', complianceRelevant: true };
  return mutate(deps, actor, { ...spec, details: { ...audit, bulk: true, count: assets.length } }, async (tx) => {
    const rows: ActivityInput[] = [];
    const now = deps.clock();
    for (const { asset, tags } of planned) {
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      if (JSON.stringify(tags) !== JSON.stringify(asset.tags)) {
        before.tags = asset.tags;
        after.tags = tags;
      }
      if (input.certification && input.certification !== asset.certification) {
        before.certification = asset.certification;
        after.certification = input.certification;
      }
      if (input.addOwner) after.addedOwner = input.addOwner;
      if (input.addSteward) after.addedSteward = input.addSteward;
      rows.push({ ...spec, resourceId: asset.id, workspaceId: asset.dataSource.workspaceId, before, after, details: { ...audit, bulk: true } });
    }
    // Tags differ per asset; assets that end with the same tags are updated together.
    const byTags = new Map<string, string[]>();
    for (const p of planned) if (JSON.stringify(p.tags) !== JSON.stringify(p.asset.tags)) byTags.set(JSON.stringify(p.tags), [...(byTags.get(JSON.stringify(p.tags)) ?? []), p.asset.id]);
    for (const [tags, group] of byTags) await tx.asset.updateMany({ where: { id: { in: group } }, data: { tags: JSON.parse(tags) as string[] } });
    if (input.certification)
      await tx.asset.updateMany({ where: { id: { in: ids }, certification: { not: input.certification } }, data: { certification: input.certification, certifiedById: actorUserId(actor), certifiedAt: now } });
    for (const [role, p] of [['owner', input.addOwner], ['steward', input.addSteward]] as const)
      if (p) await tx.assetSteward.createMany({ data: ids.map((assetId) => ({ assetId, role, principalType: p.type, principalId: p.id })), skipDuplicates: true });
    const [first, ...rest] = rows;
    return { result: { updated: assets.length }, resourceId: first!.resourceId!, workspaceId: first!.workspaceId, before: first!.before, after: first!.after, also: rest };
  });
}
