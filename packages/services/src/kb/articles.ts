/**
 * Writing the knowledge base: create, update (title, body, tags, status —
 * audited with the before and after of exactly what changed), publish,
 * archive, link and unlink. Every change goes through mutate() under the
 * collaboration group; the router has already checked kb.write.
 */
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { requireReadableResource } from '../collab/resource-ref';
import { requireTarget } from './article-access';
import { getArticle } from './article-queries';
import type { ArticleStatus, CreateArticleInput, LinkArticleInput, UpdateArticleInput } from './schemas';

const spec = (type: string, action: string, resourceId?: string) => ({ type, category: 'data' as const, sourceGroup: 'collaboration', action, resourceType: 'kbArticle', resourceId });

function authorOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Articles are written by people');
  return actor.userId;
}

export async function createArticle(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: CreateArticleInput) {
  const authorId = authorOf(actor);
  // Checked before the transaction: resolving a target reads other tables, and a refusal needs no rollback.
  const targets = await Promise.all(input.links.map((l) => requireTarget(deps.db, access, l)));
  // A workspace only files the article (every kb.read holder reads published ones); it must exist and be the writer's to see.
  if (input.workspaceId) await requireReadableResource(deps.db, access, { resourceType: 'workspace', resourceId: input.workspaceId });
  const id = await mutate(deps, actor, spec('kb.article.created', 'create'), async (tx) => {
    const article = await tx.kbArticle.create({
      data: {
        title: input.title,
        body: input.body,
        tags: input.tags,
        workspaceId: input.workspaceId ?? null,
        authorId,
        links: { createMany: { data: targets.map((t) => ({ targetType: t.resourceType, targetId: t.resourceId })), skipDuplicates: true } },
      },
      select: { id: true },
    });
    return { result: article.id, resourceId: article.id, workspaceId: input.workspaceId ?? null, after: { title: input.title, tags: input.tags, status: 'draft', links: targets.map((t) => `${t.resourceType}:${t.resourceId}`) } };
  });
  return getArticle(deps, access, id);
}

const statusEvent: Record<ArticleStatus, string> = { draft: 'kb.article.unpublished', published: 'kb.article.published', archived: 'kb.article.archived' };

export async function updateArticle(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateArticleInput) {
  const updatedById = authorOf(actor);
  const { id, ...changes } = input;
  const found = await deps.db.kbArticle.findUnique({ where: { id }, select: { workspaceId: true } });
  if (!found) throw notFound('Article', id);
  const type = changes.status && changes.title === undefined && changes.body === undefined && changes.tags === undefined ? statusEvent[changes.status] : 'kb.article.updated';
  await mutate(deps, actor, { ...spec(type, changes.status ? 'publish' : 'update', id), workspaceId: found.workspaceId }, async (tx) => {
    // Under a row lock, so the before of two saves at once is each one's true before.
    await tx.$queryRaw`SELECT 1 FROM "KbArticle" WHERE id = ${id} FOR UPDATE`;
    const current = await tx.kbArticle.findUniqueOrThrow({ where: { id }, select: { title: true, body: true, tags: true, status: true } });
    // Only fields that really change are written and audited.
    const changed = Object.fromEntries(Object.entries(changes).filter(([k, v]) => v !== undefined && JSON.stringify(v) !== JSON.stringify(current[k as keyof typeof current]))) as Partial<typeof current>;
    if (Object.keys(changed).length) await tx.kbArticle.update({ where: { id }, data: { ...changed, updatedById } });
    const pick = (from: Record<string, unknown>) => Object.fromEntries(Object.keys(changed).map((k) => [k, k === 'body' ? summariseBody(from[k] as string) : from[k]]));
    return { result: null, before: pick(current), after: pick(changed), details: { title: changed.title ?? current.title, changed: Object.keys(changed) } };
  });
  return getArticle(deps, access, id);
}

/** Bodies can be long: the log keeps their length and start, enough to tell versions apart. */
const summariseBody = (body: string) => ({ chars: body.length, start: body.slice(0, 200) });

export const publishArticle = (deps: ServiceDeps, actor: Actor, access: AccessChecker, id: string) => updateArticle(deps, actor, access, { id, status: 'published' });
export const archiveArticle = (deps: ServiceDeps, actor: Actor, access: AccessChecker, id: string) => updateArticle(deps, actor, access, { id, status: 'archived' });

export async function linkArticle(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: LinkArticleInput) {
  const article = await deps.db.kbArticle.findUnique({ where: { id: input.articleId }, select: { id: true, title: true, workspaceId: true } });
  if (!article) throw notFound('Article', input.articleId);
  const target = await requireTarget(deps.db, access, input);
  await mutate(deps, actor, { ...spec('kb.article.linked', 'link', article.id), workspaceId: article.workspaceId }, async (tx) => {
    const existing = await tx.kbArticleLink.findUnique({ where: { articleId_targetType_targetId: { articleId: article.id, targetType: input.targetType, targetId: input.targetId } } });
    if (existing) throw new AppError('CONFLICT', `"${article.title}" is already linked to ${target.title}`);
    await tx.kbArticleLink.create({ data: { articleId: article.id, targetType: input.targetType, targetId: input.targetId } });
    return { result: null, after: { targetType: input.targetType, targetId: input.targetId }, details: { title: article.title, target: target.title } };
  });
  return getArticle(deps, access, article.id);
}

export async function unlinkArticle(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: LinkArticleInput) {
  const article = await deps.db.kbArticle.findUnique({ where: { id: input.articleId }, select: { id: true, title: true, workspaceId: true } });
  if (!article) throw notFound('Article', input.articleId);
  await mutate(deps, actor, { ...spec('kb.article.unlinked', 'unlink', article.id), workspaceId: article.workspaceId }, async (tx) => {
    const { count } = await tx.kbArticleLink.deleteMany({ where: { articleId: article.id, targetType: input.targetType, targetId: input.targetId } });
    if (count === 0) throw new AppError('NOT_FOUND', `"${article.title}" is not linked to that ${input.targetType}`);
    return { result: null, before: { targetType: input.targetType, targetId: input.targetId }, details: { title: article.title } };
  });
  return getArticle(deps, access, article.id);
}
