/**
 * Reading comments: a resource's threads (top-level comments with their
 * replies, reactions counted, mentions named), the caller's recent
 * discussions across everything they may read, and whom they may mention.
 */
import type { Comment, Prisma } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { AccessChecker } from '../rbac/resolve';
import { isGlobalAdmin, personOf } from './comments';
import { excerptOf } from './mentions';
import { readersAmong, requireReadableResource, resolveResource, type ResolvedResource, type ResourceType } from './resource-ref';
import type { listCommentsInput, mentionableInput, recentCommentsInput } from './schemas';

export const DELETED_BODY = 'comment deleted';

type ReactionRow = { commentId: string; userId: string; emoji: string };

/** Comments as the thread shows them, with everything they refer to looked up in three queries. */
async function viewsOf(deps: ServiceDeps, comments: Comment[], viewerId: string, admin: boolean) {
  const ids = comments.map((c) => c.id);
  const [reactions, users] = await Promise.all([
    deps.db.commentReaction.findMany({ where: { commentId: { in: ids } }, select: { commentId: true, userId: true, emoji: true }, orderBy: { createdAt: 'asc' } }),
    deps.db.user.findMany({ where: { id: { in: [...new Set(comments.flatMap((c) => [c.authorId, ...c.mentionedUserIds]))] } }, select: { id: true, name: true } }),
  ]);
  const names = new Map(users.map((u) => [u.id, u.name]));
  return comments.map((c) => {
    const deleted = c.deletedAt !== null;
    return {
      id: c.id,
      seq: c.seq.toString(),
      parentId: c.parentId,
      author: { id: c.authorId, name: names.get(c.authorId) ?? 'Unknown user' },
      body: deleted ? DELETED_BODY : c.body,
      deleted,
      mentions: deleted ? [] : c.mentionedUserIds.map((id) => ({ id, name: names.get(id) ?? 'Unknown user' })),
      reactions: aggregate(reactions.filter((r) => r.commentId === c.id), viewerId),
      createdAt: c.createdAt,
      editedAt: c.editedAt,
      canEdit: !deleted && c.authorId === viewerId,
      canDelete: !deleted && (c.authorId === viewerId || admin),
    };
  });
}

/** `{ emoji, count, mine }` per emoji, in the order each was first used. */
export function aggregate(rows: readonly Omit<ReactionRow, 'commentId'>[], viewerId: string) {
  const byEmoji = new Map<string, { emoji: string; count: number; mine: boolean }>();
  for (const r of rows) {
    const entry = byEmoji.get(r.emoji) ?? { emoji: r.emoji, count: 0, mine: false };
    entry.count += 1;
    entry.mine ||= r.userId === viewerId;
    byEmoji.set(r.emoji, entry);
  }
  return [...byEmoji.values()];
}

export async function listComments(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listCommentsInput>) {
  const viewerId = personOf(access.actor);
  const resource = await requireReadableResource(deps.db, access, input);
  // A deleted first comment stays while it has live replies (they would make no sense alone).
  const where: Prisma.CommentWhereInput = { resourceType: input.resourceType, resourceId: input.resourceId, parentId: null, OR: [{ deletedAt: null }, { replies: { some: { deletedAt: null } } }] };
  const [rows, total, admin] = await Promise.all([
    deps.db.comment.findMany({ where, orderBy: [{ seq: 'asc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) }),
    deps.db.comment.count({ where: { resourceType: input.resourceType, resourceId: input.resourceId, deletedAt: null } }),
    isGlobalAdmin(access),
  ]);
  const page = rows.slice(0, input.limit);
  const replies = await deps.db.comment.findMany({ where: { parentId: { in: page.map((c) => c.id) } }, orderBy: { seq: 'asc' } });
  const views = await viewsOf(deps, [...page, ...replies], viewerId, admin);
  const items = views
    .filter((v) => v.parentId === null)
    .map((top) => ({ ...top, replies: views.filter((v) => v.parentId === top.id) }));
  return { resource: { title: resource.title, link: resource.link }, total, items, nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null };
}

/** How many comments a "recent" page may look through to fill itself with readable ones. */
const RECENT_SCAN = 500;

/**
 * Recent comments, newest first, on resources the caller may read: all of
 * them, those mentioning the caller, or the caller's own. Readability is
 * checked once per resource.
 */
export async function recentComments(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof recentCommentsInput>) {
  const viewerId = personOf(access.actor);
  const where: Prisma.CommentWhereInput = {
    deletedAt: null,
    ...(input.mine === 'mentions' ? { mentionedUserIds: { has: viewerId } } : input.mine === 'authored' ? { authorId: viewerId } : {}),
  };
  const readable = new Map<string, ResolvedResource | null>();
  const isReadable = async (c: Comment) => {
    const key = `${c.resourceType}:${c.resourceId}`;
    if (!readable.has(key)) {
      const resource = await resolveResource(deps.db, { resourceType: c.resourceType as ResourceType, resourceId: c.resourceId });
      readable.set(key, resource && (await access.can(resource.read.permission, resource.read.scope)) ? resource : null);
    }
    return readable.get(key) ?? null;
  };
  const found: { comment: Comment; resource: ResolvedResource }[] = [];
  let cursor = input.cursor ?? null;
  let scanned = 0;
  let exhausted = false;
  while (found.length <= input.limit && scanned < RECENT_SCAN) {
    const batch = await deps.db.comment.findMany({ where, orderBy: [{ seq: 'desc' }], take: 100, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    for (const comment of batch) {
      scanned += 1;
      cursor = comment.id;
      const resource = await isReadable(comment);
      if (resource) found.push({ comment, resource });
      if (found.length > input.limit) break;
    }
    if (batch.length < 100) {
      exhausted = true;
      break;
    }
  }
  const page = found.slice(0, input.limit);
  const names = new Map(
    (await deps.db.user.findMany({ where: { id: { in: [...new Set(page.flatMap(({ comment }) => [comment.authorId, ...comment.mentionedUserIds]))] } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]),
  );
  const items = page.map(({ comment, resource }) => ({
    id: comment.id,
    parentId: comment.parentId,
    resource: { type: resource.resourceType, id: resource.resourceId, title: resource.title, link: resource.link },
    link: `${resource.link}#comment-${comment.id}`,
    author: { id: comment.authorId, name: names.get(comment.authorId) ?? 'Unknown user' },
    excerpt: excerptOf(comment.body, names),
    mentionsMe: comment.mentionedUserIds.includes(viewerId),
    createdAt: comment.createdAt,
  }));
  // When the scan stopped early the caller can go on from where it stopped, even with a short page.
  const nextCursor = found.length > input.limit ? (page.at(-1)?.comment.id ?? null) : exhausted ? null : cursor;
  return { items, nextCursor };
}

/** Up to 8 people who may read the resource and match `q` by name or email: whom the composer offers to mention. */
export async function mentionableUsers(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof mentionableInput>) {
  const resource = await requireReadableResource(deps.db, access, input);
  const match: Prisma.UserWhereInput = input.q ? { OR: [{ name: { contains: input.q, mode: 'insensitive' } }, { email: { contains: input.q, mode: 'insensitive' } }] } : {};
  const out: { id: string; name: string; email: string }[] = [];
  for (let skip = 0; out.length < 8 && skip < 400; skip += 50) {
    const batch = await deps.db.user.findMany({ where: { isActive: true, ...match }, select: { id: true, name: true, email: true }, orderBy: [{ name: 'asc' }, { id: 'asc' }], skip, take: 50 });
    const readers = new Set(await readersAmong(deps.db, resource, batch.map((u) => u.id), (userId) => new AccessChecker(deps.db, { kind: 'user', userId })));
    out.push(...batch.filter((u) => readers.has(u.id)).slice(0, 8 - out.length));
    if (batch.length < 50) break;
  }
  return { items: out };
}
