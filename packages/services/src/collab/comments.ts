/**
 * Comment threads on any resource: write, edit, delete, react. Everything
 * takes read access to the resource (resource-ref.ts); editing is the
 * author's, deleting the author's or a global admin's. Each change goes
 * through `mutate`, its activity row naming the commented resource (so the
 * resource's and its workspace's history show the discussion, and
 * comment-stream.ts reads the thread's changes from the log).
 */
import { randomUUID } from 'node:crypto';
import type { Comment, Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate, type MutationSpec } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { sendNotifications } from '../notifications/notifications';
import { AccessChecker, globalScope } from '../rbac/resolve';
import { excerptOf, parseMentions } from './mentions';
import { readersAmong, requireReadableResource, type ResolvedResource, type ResourceType } from './resource-ref';
import type { createCommentInput, deleteCommentInput, reactInput, updateCommentInput } from './schemas';

export function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Comments are written by people');
  return actor.userId;
}

/** Only a global admin holds user.manage everywhere: the one who may delete anyone's comment. */
export const isGlobalAdmin = (access: AccessChecker) => access.can('user.manage', globalScope);

const specFor = (type: string, action: string, resource: ResolvedResource): MutationSpec => ({
  type,
  category: 'data',
  sourceGroup: 'collaboration',
  action,
  resourceType: resource.resourceType,
  resourceId: resource.resourceId,
  workspaceId: resource.workspaceId,
});

/** A comment and the resource it is on, if the caller may read that resource. */
async function commentInReach(deps: ServiceDeps, access: AccessChecker, id: string) {
  const comment = await deps.db.comment.findUnique({ where: { id } });
  if (!comment) throw notFound('Comment', id);
  const resource = await requireReadableResource(deps.db, access, { resourceType: comment.resourceType as ResourceType, resourceId: comment.resourceId });
  return { comment, resource };
}

interface MentionOutcome {
  mentionedUserIds: string[];
  readers: string[];
  /** Names of people mentioned who cannot see the resource: not notified. */
  unreachableMentions: string[];
  /** `@email`s that match nobody. */
  unknownMentions: string[];
}

/** Who a body mentions (never the author), and which of them may read the resource. */
async function resolveMentions(deps: ServiceDeps, resource: ResolvedResource, body: string, authorId: string): Promise<MentionOutcome> {
  const parsed = parseMentions(body);
  if (!parsed.userIds.length && !parsed.emails.length) return { mentionedUserIds: [], readers: [], unreachableMentions: [], unknownMentions: [] };
  const users = await deps.db.user.findMany({
    where: { isActive: true, OR: [{ id: { in: parsed.userIds } }, ...parsed.emails.map((email) => ({ email: { equals: email, mode: 'insensitive' as const } }))] },
    select: { id: true, name: true, email: true },
  });
  const mentioned = users.filter((u) => u.id !== authorId);
  const readers = await readersAmong(deps.db, resource, mentioned.map((u) => u.id), (userId) => new AccessChecker(deps.db, { kind: 'user', userId }));
  const known = new Set(users.map((u) => u.email.toLowerCase()));
  return {
    mentionedUserIds: mentioned.map((u) => u.id),
    readers,
    unreachableMentions: mentioned.filter((u) => !readers.includes(u.id)).map((u) => u.name),
    unknownMentions: parsed.emails.filter((e) => !known.has(e)),
  };
}

/** Mentioned readers hear of it once per comment (the source key), even when an edit mentions them again. */
async function notifyMentions(tx: Tx, comment: Pick<Comment, 'id' | 'body'>, resource: ResolvedResource, authorName: string, readers: string[]) {
  const names = new Map((await tx.user.findMany({ where: { id: { in: readers } }, select: { id: true, name: true } })).map((u) => [u.id, u.name]));
  return sendNotifications(tx, readers, `comment:${comment.id}:mention`, {
    kind: 'mention',
    title: `${authorName} mentioned you on ${resource.title}`,
    body: excerptOf(comment.body, names),
    link: `${resource.link}#comment-${comment.id}`,
  });
}

export async function createComment(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof createCommentInput>) {
  const authorId = personOf(actor);
  const resource = await requireReadableResource(deps.db, access, input);
  const parent = input.parentId ? await deps.db.comment.findUnique({ where: { id: input.parentId } }) : null;
  if (input.parentId && !parent) throw notFound('Comment', input.parentId);
  if (parent && (parent.resourceType !== input.resourceType || parent.resourceId !== input.resourceId)) throw new AppError('BAD_REQUEST', 'The comment replied to is on another resource');
  if (parent?.parentId) throw new AppError('BAD_REQUEST', 'Reply to the thread’s first comment: replies have no replies of their own');
  const mentions = await resolveMentions(deps, resource, input.body, authorId);
  const id = randomUUID();
  return mutate(deps, actor, specFor('comment.created', 'create', resource), async (tx) => {
    const author = await tx.user.findUniqueOrThrow({ where: { id: authorId }, select: { name: true } });
    const comment = await tx.comment.create({
      data: { id, resourceType: input.resourceType, resourceId: input.resourceId, workspaceId: resource.workspaceId, parentId: parent?.id ?? null, authorId, body: input.body, mentionedUserIds: mentions.mentionedUserIds },
    });
    const notified = await notifyMentions(tx, comment, resource, author.name, mentions.readers);
    // The parent's author hears of a reply, unless it is theirs or the mention already told them.
    let replyNotified = 0;
    if (parent && parent.authorId !== authorId && !parent.deletedAt && !mentions.readers.includes(parent.authorId)) {
      const [reader] = await readersAmong(tx, resource, [parent.authorId], (userId) => new AccessChecker(tx, { kind: 'user', userId }));
      if (reader)
        replyNotified = await sendNotifications(tx, [reader], `comment:${id}:reply`, {
          kind: 'comment.reply',
          title: `${author.name} replied to your comment on ${resource.title}`,
          body: excerptOf(input.body),
          link: `${resource.link}#comment-${id}`,
        });
    }
    return {
      result: { id: comment.id, seq: comment.seq.toString(), parentId: comment.parentId, createdAt: comment.createdAt, unreachableMentions: mentions.unreachableMentions, unknownMentions: mentions.unknownMentions },
      after: { body: comment.body, parentId: comment.parentId },
      details: { commentId: comment.id, parentId: comment.parentId, title: resource.title, mentioned: mentions.mentionedUserIds.length, notified: notified + replyNotified },
    };
  });
}

export async function updateComment(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof updateCommentInput>) {
  const userId = personOf(actor);
  const { comment, resource } = await commentInReach(deps, access, input.id);
  const mentions = await resolveMentions(deps, resource, input.body, comment.authorId);
  return mutate(deps, actor, specFor('comment.updated', 'update', resource), async (tx) => {
    if (comment.authorId !== userId) throw new AppError('FORBIDDEN', 'Only its author may edit a comment');
    if (comment.deletedAt) throw new AppError('CONFLICT', 'This comment was deleted; it can no longer be edited');
    const editedAt = deps.clock();
    await tx.comment.update({ where: { id: comment.id }, data: { body: input.body, editedAt, mentionedUserIds: mentions.mentionedUserIds } });
    const author = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true } });
    const notified = await notifyMentions(tx, { id: comment.id, body: input.body }, resource, author.name, mentions.readers);
    return {
      result: { id: comment.id, editedAt, unreachableMentions: mentions.unreachableMentions, unknownMentions: mentions.unknownMentions },
      before: { body: comment.body },
      after: { body: input.body },
      details: { commentId: comment.id, title: resource.title, notified },
    };
  });
}

/** Soft delete: the thread keeps its shape (replies stay), the text goes. */
export async function deleteComment(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof deleteCommentInput>) {
  const userId = personOf(actor);
  const { comment, resource } = await commentInReach(deps, access, input.id);
  const admin = await isGlobalAdmin(access);
  return mutate(deps, actor, specFor('comment.deleted', 'delete', resource), async (tx) => {
    if (comment.authorId !== userId && !admin) throw new AppError('FORBIDDEN', 'Only its author or an admin may delete a comment');
    if (comment.deletedAt) return { result: { id: comment.id, deletedAt: comment.deletedAt }, details: { commentId: comment.id, already: true } };
    const deletedAt = deps.clock();
    await tx.comment.update({ where: { id: comment.id }, data: { deletedAt } });
    await tx.commentReaction.deleteMany({ where: { commentId: comment.id } });
    return { result: { id: comment.id, deletedAt }, before: { body: comment.body }, details: { commentId: comment.id, title: resource.title, byAdmin: comment.authorId !== userId } };
  });
}

async function setReaction(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof reactInput>, on: boolean) {
  const userId = personOf(actor);
  const { comment, resource } = await commentInReach(deps, access, input.commentId);
  if (comment.deletedAt) throw new AppError('CONFLICT', 'This comment was deleted; it takes no reactions');
  return mutate(deps, actor, specFor(on ? 'comment.reacted' : 'comment.unreacted', on ? 'react' : 'unreact', resource), async (tx) => {
    const key = { commentId: comment.id, userId, emoji: input.emoji };
    // Idempotent both ways: reacting twice keeps one reaction, removing a missing one changes nothing.
    const changed = on
      ? (await tx.commentReaction.createMany({ data: [key], skipDuplicates: true })).count
      : (await tx.commentReaction.deleteMany({ where: key })).count;
    const count = await tx.commentReaction.count({ where: { commentId: comment.id, emoji: input.emoji } });
    return { result: { commentId: comment.id, emoji: input.emoji, mine: on, count, changed: changed > 0 }, details: { commentId: comment.id, emoji: input.emoji, changed: changed > 0 } };
  });
}

export const reactToComment = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof reactInput>) => setReaction(deps, actor, access, input, true);
export const unreactToComment = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof reactInput>) => setReaction(deps, actor, access, input, false);
