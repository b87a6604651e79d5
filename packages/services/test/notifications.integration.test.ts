/** Notifications are per user: nobody lists, counts or marks someone else's. */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../src/actor';
import { listNotifications, markNotificationsRead, sendNotifications, unreadNotificationCount } from '../src/notifications/notifications';
import { markNotificationsReadInput } from '../src/notifications/schemas';
import { person, testDeps } from './harness';

async function twoPeople() {
  const deps = await testDeps();
  const [a, b] = await Promise.all([person(deps), person(deps)]);
  const key = `test:${crypto.randomUUID()}`;
  await deps.db.$transaction(async (tx) => {
    await sendNotifications(tx, [a.user.id, b.user.id], key, { kind: 'test', title: 'Both' });
    await sendNotifications(tx, [a.user.id], `${key}:a`, { kind: 'test', title: 'Only A' });
  });
  return { deps, a, b, key };
}

describe('notifications', () => {
  it('lists and counts only the caller’s own, newest first, paged', async () => {
    const { deps, a, b } = await twoPeople();
    const listA = await listNotifications(deps, a.actor, { unreadOnly: false, limit: 1 });
    expect(listA.items).toHaveLength(1);
    const rest = await listNotifications(deps, a.actor, { unreadOnly: false, limit: 10, cursor: listA.nextCursor! });
    expect([...listA.items, ...rest.items].map((n) => n.title).sort()).toEqual(['Both', 'Only A']);
    expect((await listNotifications(deps, b.actor, { unreadOnly: false, limit: 10 })).items.map((n) => n.title)).toEqual(['Both']);
    expect(await unreadNotificationCount(deps, a.actor)).toEqual({ count: 2 });
    expect(await unreadNotificationCount(deps, b.actor)).toEqual({ count: 1 });
    await expect(listNotifications(deps, systemActor, { unreadOnly: false, limit: 10 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });

  it('a user cannot mark another’s notification read; marking their own (or all) works', async () => {
    const { deps, a, b } = await twoPeople();
    const aOnly = (await listNotifications(deps, a.actor, { unreadOnly: false, limit: 10 })).items.find((n) => n.title === 'Only A')!;
    await expect(markNotificationsRead(deps, b.actor, { ids: [aOnly.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const bOwn = (await listNotifications(deps, b.actor, { unreadOnly: false, limit: 10 })).items[0]!;
    // One of someone else's among one's own: nothing is changed.
    await expect(markNotificationsRead(deps, b.actor, { ids: [bOwn.id, aOnly.id] })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await unreadNotificationCount(deps, a.actor)).toEqual({ count: 2 });
    expect(await unreadNotificationCount(deps, b.actor)).toEqual({ count: 1 });
    expect(await markNotificationsRead(deps, a.actor, { ids: [aOnly.id] })).toEqual({ updated: 1 });
    expect((await listNotifications(deps, a.actor, { unreadOnly: true, limit: 10 })).items.map((n) => n.title)).toEqual(['Both']);
    expect(await markNotificationsRead(deps, b.actor, { all: true })).toEqual({ updated: 1 });
    expect(await unreadNotificationCount(deps, a.actor)).toEqual({ count: 1 });
    expect(markNotificationsReadInput.safeParse({}).success).toBe(false);
  });

  it('writes one row per user and source key, however often it is sent', async () => {
    const { deps, a, key } = await twoPeople();
    const again = await deps.db.$transaction((tx) => sendNotifications(tx, [a.user.id, a.user.id], key, { kind: 'test', title: 'Both' }));
    expect(again).toBe(0);
    expect(await deps.db.notification.count({ where: { sourceKey: key } })).toBe(2);
  });
});
