/**
 * Changing the glossary: create, update (no parent cycles), delete (children
 * move up to the deleted term's parent) and link to assets. Audited under
 * the catalog group.
 */
import type { Tx } from '@racine/db';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation, notFound } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import { getTerm } from './term-queries';
import type { CreateTermInput, LinkTermInput, UpdateTermInput } from './schemas';

const spec = (type: string, action: string, resourceId?: string) => ({ type, category: 'data' as const, sourceGroup: 'catalog', action, resourceType: 'glossaryTerm', resourceId, complianceRelevant: false });
const nameTaken = (name: string) => new AppError('CONFLICT', `A glossary term named "${name}" already exists`, { field: 'name' });

async function assertRefs(tx: Tx, input: { parentId?: string | null; ownerId?: string | null }) {
  if (input.parentId && !(await tx.glossaryTerm.findUnique({ where: { id: input.parentId }, select: { id: true } }))) throw notFound('Parent term', input.parentId);
  if (input.ownerId && !(await tx.user.findUnique({ where: { id: input.ownerId }, select: { id: true } }))) throw notFound('User', input.ownerId);
}

/** The term and everything under it: a parent chosen from these would close a loop. */
async function selfAndDescendants(tx: Tx, id: string): Promise<Set<string>> {
  const rows = await tx.$queryRawUnsafe<{ id: string }[]>(
    `WITH RECURSIVE down(id) AS (SELECT $1::text UNION SELECT t.id FROM "GlossaryTerm" t JOIN down d ON t."parentId" = d.id) SELECT id FROM down`,
    id,
  );
  return new Set(rows.map((r) => r.id));
}

export async function createTerm(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: CreateTermInput) {
  try {
    const id = await mutate(deps, actor, spec('glossary.term.created', 'create'), async (tx) => {
      await assertRefs(tx, input);
      const term = await tx.glossaryTerm.create({
        data: { name: input.name, definition: input.definition, synonyms: input.synonyms, parentId: input.parentId ?? null, ownerId: input.ownerId ?? null, status: input.status, labels: input.labels, createdById: actorUserId(actor) },
        select: { id: true },
      });
      return { result: term.id, resourceId: term.id, after: input };
    });
    return getTerm(deps, access, id);
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name);
    throw error;
  }
}

export async function updateTerm(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateTermInput) {
  const { id, ...changes } = input;
  try {
    await mutate(deps, actor, spec('glossary.term.updated', 'update', id), async (tx) => {
      const current = await tx.glossaryTerm.findUnique({ where: { id }, select: { name: true, definition: true, synonyms: true, parentId: true, ownerId: true, status: true, labels: true } });
      if (!current) throw notFound('Glossary term', id);
      if (changes.parentId) {
        if ((await selfAndDescendants(tx, id)).has(changes.parentId))
          throw new AppError('BAD_REQUEST', changes.parentId === id ? 'A term cannot be its own parent' : 'That parent is under this term already: the hierarchy would loop', { field: 'parentId' });
      }
      await assertRefs(tx, changes);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(changes) as [keyof typeof current, unknown][])
        if (value !== undefined && JSON.stringify(value) !== JSON.stringify(current[key])) [before[key], after[key]] = [current[key], value];
      await tx.glossaryTerm.update({ where: { id }, data: changes });
      return { result: null, before, after };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name ?? '');
    throw error;
  }
  return getTerm(deps, access, id);
}

export async function deleteTerm(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, spec('glossary.term.deleted', 'delete', id), async (tx) => {
    const current = await tx.glossaryTerm.findUnique({ where: { id }, select: { name: true, parentId: true, status: true, labels: true, _count: { select: { assets: true } } } });
    if (!current) throw notFound('Glossary term', id);
    // Children move up a level rather than losing their place in the hierarchy.
    const moved = await tx.glossaryTerm.updateMany({ where: { parentId: id }, data: { parentId: current.parentId } });
    await tx.glossaryTerm.delete({ where: { id } });
    return { result: { deleted: true, id, childrenMoved: moved.count }, before: { name: current.name, parentId: current.parentId, status: current.status, labels: current.labels, linkedAssets: current._count.assets }, details: { childrenMoved: moved.count } };
  });
}

/** Links and unlinks assets (each readable by the caller) and sets the labels the term stands for. */
export async function linkTerm(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: LinkTermInput) {
  const ids = [...new Set([...(input.assetIds ?? []), ...(input.unlinkAssetIds ?? [])])];
  const assets = ids.length ? await deps.db.asset.findMany({ where: { id: { in: ids } }, select: { id: true, dataSourceId: true, dataSource: { select: { name: true } } } }) : [];
  const missing = ids.filter((id) => !assets.some((a) => a.id === id));
  if (missing.length) throw new AppError('NOT_FOUND', `Asset ${missing.slice(0, 5).join(', ')} was not found`, { missing });
  for (const [sourceId, name] of new Map(assets.map((a) => [a.dataSourceId, a.dataSource.name])))
    if (!(await access.can('datasource.read', dataSourceScope(sourceId))))
      throw new AppError('FORBIDDEN', `You need the datasource.read permission on data source "${name}" (${sourceId}) to link its assets`, { dataSourceId: sourceId });
  await mutate(deps, actor, spec('glossary.term.linked', 'link', input.termId), async (tx) => {
    const term = await tx.glossaryTerm.findUnique({ where: { id: input.termId }, select: { labels: true } });
    if (!term) throw notFound('Glossary term', input.termId);
    const linked = input.assetIds?.length ? await tx.glossaryTermAsset.createMany({ data: input.assetIds.map((assetId) => ({ termId: input.termId, assetId })), skipDuplicates: true }) : { count: 0 };
    const unlinked = input.unlinkAssetIds?.length ? await tx.glossaryTermAsset.deleteMany({ where: { termId: input.termId, assetId: { in: input.unlinkAssetIds } } }) : { count: 0 };
    if (input.labels) await tx.glossaryTerm.update({ where: { id: input.termId }, data: { labels: input.labels } });
    return {
      result: null,
      before: input.labels ? { labels: term.labels } : undefined,
      after: { linked: input.assetIds ?? [], unlinked: input.unlinkAssetIds ?? [], ...(input.labels ? { labels: input.labels } : {}) },
      details: { linked: linked.count, unlinked: unlinked.count },
    };
  });
  return getTerm(deps, access, input.termId);
}
