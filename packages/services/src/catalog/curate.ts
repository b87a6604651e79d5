/**
 * Curation of one asset: description, tags, certification, owners, stewards
 * and glossary terms. Audited with before/after of exactly what changed.
 */
import type { Tx } from '@racine/db';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { getAsset } from './asset-view';
import { assertPrincipals } from './principals';
import type { Principal, UpdateAssetInput } from './schemas';

const sortPrincipals = (ps: readonly Principal[]) =>
  [...new Map(ps.map((p) => [`${p.type}:${p.id}`, p])).values()].sort((a, b) => `${a.type}:${a.id}`.localeCompare(`${b.type}:${b.id}`));
const sameList = (a: readonly unknown[], b: readonly unknown[]) => JSON.stringify(a) === JSON.stringify(b);

export async function assertTermsExist(db: Tx | ServiceDeps['db'], termIds: readonly string[]) {
  const unique = [...new Set(termIds)];
  if (!unique.length) return;
  const found = await db.glossaryTerm.findMany({ where: { id: { in: unique } }, select: { id: true } });
  const missing = unique.filter((id) => !found.some((f) => f.id === id));
  if (missing.length) throw new AppError('NOT_FOUND', `Glossary term ${missing.join(', ')} was not found`, { termIds: missing });
}

/** Replaces the asset's principals of one role with `wanted`. */
async function setPrincipals(tx: Tx, assetId: string, role: 'owner' | 'steward', wanted: readonly Principal[]) {
  await tx.assetSteward.deleteMany({ where: { assetId, role } });
  if (wanted.length) await tx.assetSteward.createMany({ data: wanted.map((p) => ({ assetId, role, principalType: p.type, principalId: p.id })) });
}

export async function updateAsset(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateAssetInput) {
  await assertPrincipals(deps.db, [...(input.owners ?? []), ...(input.stewards ?? [])]);
  if (input.termIds) await assertTermsExist(deps.db, input.termIds);
  await mutate(deps, actor, { type: 'catalog.asset.updated', category: 'data', sourceGroup: 'catalog', action: 'update', resourceType: 'asset', resourceId: input.id, complianceRelevant: true }, async (tx) => {
    const current = await tx.asset.findUnique({
      where: { id: input.id },
      select: { description: true, tags: true, certification: true, dataSource: { select: { workspaceId: true } }, stewards: { select: { role: true, principalType: true, principalId: true } }, terms: { select: { termId: true } } },
    });
    if (!current) throw notFound('Asset', input.id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    const data: Record<string, unknown> = {};
    const change = (field: string, was: unknown, now: unknown) => {
      before[field] = was;
      after[field] = now;
    };
    if (input.description !== undefined && input.description !== current.description) {
      change('description', current.description, input.description);
      data.description = input.description;
    }
    if (input.tags !== undefined && !sameList(input.tags, current.tags)) {
      change('tags', current.tags, input.tags);
      data.tags = input.tags;
    }
    if (input.certification !== undefined && input.certification !== current.certification) {
      change('certification', current.certification, input.certification);
      // Who set the certification and when, whichever way it moved.
      Object.assign(data, { certification: input.certification, certifiedById: actorUserId(actor), certifiedAt: deps.clock() });
    }
    if (Object.keys(data).length) await tx.asset.update({ where: { id: input.id }, data });
    for (const [role, wanted] of [['owner', input.owners], ['steward', input.stewards]] as const) {
      if (!wanted) continue;
      const was = sortPrincipals(current.stewards.filter((s) => s.role === role).map((s) => ({ type: s.principalType, id: s.principalId })));
      const now = sortPrincipals(wanted);
      if (sameList(was, now)) continue;
      change(`${role}s`, was, now);
      await setPrincipals(tx, input.id, role, now);
    }
    if (input.termIds) {
      const was = current.terms.map((t) => t.termId).sort();
      const now = [...new Set(input.termIds)].sort();
      if (!sameList(was, now)) {
        change('termIds', was, now);
        await tx.glossaryTermAsset.deleteMany({ where: { assetId: input.id } });
        if (now.length) await tx.glossaryTermAsset.createMany({ data: now.map((termId) => ({ termId, assetId: input.id })) });
      }
    }
    return { result: null, workspaceId: current.dataSource.workspaceId, before, after, details: { changed: Object.keys(after) } };
  });
  return getAsset(deps, access, input.id);
}
