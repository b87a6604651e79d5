/** Comment threads on a resource: who may read and write, mentions, reactions, the live stream. */
import { describe, expect, it } from 'vitest';
import { commentStream, watchComments } from '../src/collab/comment-stream';
import { listComments, mentionableUsers, recentComments } from '../src/collab/comment-views';
import { createComment, deleteComment, reactToComment, unreactToComment, updateComment } from '../src/collab/comments';
import { mentionToken } from '../src/collab/mentions';
import { makeWorkspace, person, testDeps } from './harness';

/** A workflow in a workspace with an owner and a viewer; an outsider is a viewer of another workspace; an admin sees all. */
async function scene() {
  const deps = await testDeps();
  const [owner, viewer, outsider, admin] = await Promise.all([person(deps), person(deps), person(deps), person(deps, ['admin'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: viewer.user.id, role: 'viewer' }] });
  await makeWorkspace(deps.db, { ownerId: admin.user.id, members: [{ userId: outsider.user.id, role: 'viewer' }] });
  const workflow = await deps.db.workflow.create({ data: { workspaceId: ws.id, name: `Discussed ${crypto.randomUUID().slice(0, 8)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  return { deps, ws, owner, viewer, outsider, admin, workflow, ref };
}

type Scene = Awaited<ReturnType<typeof scene>>;
type Who = Scene['owner'];
const write = (s: Scene, who: Who, body: string, parentId?: string) => createComment(s.deps, who.actor, who.access, { ...s.ref, body, parentId });
const list = (s: Scene, who: Who) => listComments(s.deps, who.access, { ...s.ref, limit: 50 });
const notificationsOf = (s: Scene, who: Who) => s.deps.db.notification.findMany({ where: { userId: who.user.id }, orderBy: { createdAt: 'asc' } });

describe('comment threads', () => {
  it('keeps replies under their first comment, one level deep, on the same resource only', async () => {
    const s = await scene();
    const first = await write(s, s.owner, 'Should this run nightly?');
    const reply = await write(s, s.viewer, 'Yes, **nightly**.', first.id);
    await write(s, s.owner, 'A second thread');
    await expect(write(s, s.owner, 'Reply to a reply', reply.id)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const other = await s.deps.db.workflow.create({ data: { workspaceId: s.ws.id, name: `Other ${crypto.randomUUID().slice(0, 8)}` } });
    await expect(createComment(s.deps, s.owner.actor, s.owner.access, { resourceType: 'workflow', resourceId: other.id, body: 'x', parentId: first.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/another resource/) });

    const thread = await list(s, s.viewer);
    expect(thread.total).toBe(3);
    expect(thread.items.map((c) => c.body)).toEqual(['Should this run nightly?', 'A second thread']);
    expect(thread.items[0]!.replies.map((r) => [r.author.name, r.body, r.canEdit])).toEqual([[s.viewer.user.name, 'Yes, **nightly**.', true]]);
    expect(thread.items[0]!.canEdit).toBe(false);

    // Paged by thread.
    const page = await listComments(s.deps, s.viewer.access, { ...s.ref, limit: 1 });
    expect(page.items).toHaveLength(1);
    const rest = await listComments(s.deps, s.viewer.access, { ...s.ref, limit: 1, cursor: page.nextCursor });
    expect(rest.items.map((c) => c.body)).toEqual(['A second thread']);
    expect(rest.nextCursor).toBeNull();
  });

  it('refuses someone who cannot read the resource, to read and to write', async () => {
    const s = await scene();
    await write(s, s.owner, 'Internal only');
    await expect(list(s, s.outsider)).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/workflow\.read/) });
    await expect(write(s, s.outsider, 'Let me in')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(commentStream(s.deps, s.outsider.access, s.ref)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(mentionableUsers(s.deps, s.outsider.access, { ...s.ref, q: '' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await recentComments(s.deps, s.outsider.access, { limit: 50 })).items.filter((c) => c.resource.id === s.workflow.id)).toEqual([]);
    expect((await recentComments(s.deps, s.viewer.access, { limit: 50 })).items.map((c) => c.excerpt)).toContain('Internal only');
  });

  it('edits are the author’s; deletes the author’s or an admin’s, keeping the replies', async () => {
    const s = await scene();
    const first = await write(s, s.owner, 'Draft');
    await write(s, s.viewer, 'A reply', first.id);
    await expect(updateComment(s.deps, s.viewer.actor, s.viewer.access, { id: first.id, body: 'Hijack' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await updateComment(s.deps, s.owner.actor, s.owner.access, { id: first.id, body: 'Final' });
    expect((await list(s, s.viewer)).items[0]).toMatchObject({ body: 'Final', editedAt: expect.any(Date) });

    await expect(deleteComment(s.deps, s.viewer.actor, s.viewer.access, { id: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await deleteComment(s.deps, s.admin.actor, s.admin.access, { id: first.id });
    const [thread] = (await list(s, s.viewer)).items;
    expect(thread).toMatchObject({ body: 'comment deleted', deleted: true, canDelete: false });
    expect(thread!.replies.map((r) => r.body)).toEqual(['A reply']);
    await expect(updateComment(s.deps, s.owner.actor, s.owner.access, { id: first.id, body: 'Back' })).rejects.toMatchObject({ code: 'CONFLICT' });

    const types = (await s.deps.db.activityEvent.findMany({ where: { resourceId: s.workflow.id, status: 'success' }, orderBy: { id: 'asc' } })).map((a) => [a.type, a.workspaceId]);
    expect(types).toEqual([['comment.created', s.ws.id], ['comment.created', s.ws.id], ['comment.updated', s.ws.id], ['comment.deleted', s.ws.id]]);
  });

  it('notifies mentioned readers once, never someone who cannot see it, and says who was unreachable', async () => {
    const s = await scene();
    const body = `${mentionToken({ id: s.viewer.user.id, name: s.viewer.user.name })} and ${mentionToken({ id: s.outsider.user.id, name: s.outsider.user.name })}, also @${s.admin.user.email.toUpperCase()} and @nobody@example.test`;
    const created = await write(s, s.owner, body);
    expect(created.unreachableMentions).toEqual([s.outsider.user.name]);
    expect(created.unknownMentions).toEqual(['nobody@example.test']);

    const [toViewer] = await notificationsOf(s, s.viewer);
    expect(toViewer).toMatchObject({ kind: 'mention', title: `${s.owner.user.name} mentioned you on ${s.workflow.name}`, link: `/workflows/${s.workflow.id}#comment-${created.id}` });
    expect(toViewer!.body).toContain(`@${s.viewer.user.name}`);
    expect(await notificationsOf(s, s.admin)).toHaveLength(1);
    expect(await notificationsOf(s, s.outsider)).toHaveLength(0);

    // Editing mentions them again: still one notification each.
    await updateComment(s.deps, s.owner.actor, s.owner.access, { id: created.id, body: `${body} (edited)` });
    expect(await notificationsOf(s, s.viewer)).toHaveLength(1);
    const [thread] = (await list(s, s.viewer)).items;
    expect(thread!.mentions.map((m) => m.name).sort()).toEqual([s.viewer.user.name, s.outsider.user.name, s.admin.user.name].sort());
    expect((await recentComments(s.deps, s.viewer.access, { limit: 10, mine: 'mentions' })).items.map((c) => c.id)).toEqual([created.id]);
    expect((await recentComments(s.deps, s.owner.access, { limit: 10, mine: 'mentions' })).items).toEqual([]);
  });

  it('a reply notifies the first comment’s author, unless they reply to themselves', async () => {
    const s = await scene();
    const first = await write(s, s.owner, 'Who owns this?');
    await write(s, s.owner, 'Me, it seems', first.id);
    expect(await notificationsOf(s, s.owner)).toHaveLength(0);
    const reply = await write(s, s.viewer, 'I do', first.id);
    expect(await notificationsOf(s, s.owner)).toMatchObject([{ kind: 'comment.reply', link: `/workflows/${s.workflow.id}#comment-${reply.id}` }]);
  });

  it('pages recent discussions newest first, only on what the caller may read', async () => {
    const s = await scene();
    for (const body of ['one', 'two', 'three']) await write(s, s.owner, body);
    // Someone else's comment elsewhere, unreadable to the owner: never listed for them.
    const elsewhere = await s.deps.db.workflow.create({ data: { workspaceId: (await makeWorkspace(s.deps.db, { ownerId: s.admin.user.id })).id, name: `Elsewhere ${crypto.randomUUID().slice(0, 8)}` } });
    await createComment(s.deps, s.admin.actor, s.admin.access, { resourceType: 'workflow', resourceId: elsewhere.id, body: 'hidden' });
    const first = await recentComments(s.deps, s.owner.access, { limit: 2, mine: 'authored' });
    expect(first.items.map((c) => c.excerpt)).toEqual(['three', 'two']);
    expect(first.items[0]).toMatchObject({ resource: { type: 'workflow', id: s.workflow.id, title: s.workflow.name }, link: `/workflows/${s.workflow.id}#comment-${first.items[0]!.id}` });
    const second = await recentComments(s.deps, s.owner.access, { limit: 2, mine: 'authored', cursor: first.nextCursor });
    expect(second).toMatchObject({ items: [{ excerpt: 'one' }], nextCursor: null });
    expect((await recentComments(s.deps, s.owner.access, { limit: 100 })).items.map((c) => c.excerpt)).not.toContain('hidden');
  });

  it('offers to mention only people who may read the resource', async () => {
    const s = await scene();
    const found = await mentionableUsers(s.deps, s.viewer.access, { ...s.ref, q: s.outsider.user.name });
    expect(found.items).toEqual([]);
    const owner = await mentionableUsers(s.deps, s.viewer.access, { ...s.ref, q: s.owner.user.email });
    expect(owner.items).toEqual([{ id: s.owner.user.id, name: s.owner.user.name, email: s.owner.user.email }]);
  });

  it('toggles reactions, counting each person once per emoji', async () => {
    const s = await scene();
    const c = await write(s, s.owner, 'Ship it?');
    await reactToComment(s.deps, s.viewer.actor, s.viewer.access, { commentId: c.id, emoji: '👍' });
    await reactToComment(s.deps, s.viewer.actor, s.viewer.access, { commentId: c.id, emoji: '👍' });
    const afterOwner = await reactToComment(s.deps, s.owner.actor, s.owner.access, { commentId: c.id, emoji: '👍' });
    expect(afterOwner).toMatchObject({ count: 2, changed: true });
    await reactToComment(s.deps, s.owner.actor, s.owner.access, { commentId: c.id, emoji: '🎉' });
    expect((await list(s, s.viewer)).items[0]!.reactions).toEqual([{ emoji: '👍', count: 2, mine: true }, { emoji: '🎉', count: 1, mine: false }]);
    await unreactToComment(s.deps, s.viewer.actor, s.viewer.access, { commentId: c.id, emoji: '👍' });
    expect((await list(s, s.viewer)).items[0]!.reactions).toEqual([{ emoji: '👍', count: 1, mine: false }, { emoji: '🎉', count: 1, mine: false }]);
    await expect(reactToComment(s.deps, s.outsider.actor, s.outsider.access, { commentId: c.id, emoji: '👍' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('streams changes live, and a reconnect with lastEventId gets exactly what it missed', async () => {
    const s = await scene();
    const abort = new AbortController();
    const live = watchComments(s.deps, s.ref, null, abort.signal);
    const sync = (await live.next()).value!;
    expect(sync.change).toBe('sync');
    const c = await write(s, s.owner, 'First');
    const created = (await live.next()).value!;
    expect(created).toMatchObject({ change: 'comment.created', commentId: c.id, actorId: s.owner.user.id });
    abort.abort();
    await live.return(undefined);

    // While disconnected: a reaction and a reply.
    await reactToComment(s.deps, s.viewer.actor, s.viewer.access, { commentId: c.id, emoji: '👀' });
    const reply = await write(s, s.viewer, 'Second', c.id);
    const again = new AbortController();
    const resumed = watchComments(s.deps, s.ref, created.cursor, again.signal);
    const missed = [(await resumed.next()).value!, (await resumed.next()).value!];
    expect(missed.map((m) => [m.change, m.commentId])).toEqual([['comment.reacted', c.id], ['comment.created', reply.id]]);
    expect(BigInt(missed[1]!.cursor)).toBeGreaterThan(BigInt(missed[0]!.cursor));
    again.abort();
    await resumed.return(undefined);
  });
});
