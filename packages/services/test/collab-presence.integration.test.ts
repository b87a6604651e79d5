/** Presence: who has a resource open, gone at once on leave and by itself after the TTL. */
import { describe, expect, it } from 'vitest';
import { currentViewers, heartbeat, leave, presenceCleanupTask, presenceStream, PRESENCE_TTL_MS, watchPresence } from '../src/collab/presence';
import { makeWorkspace, person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const [owner, viewer, outsider] = await Promise.all([person(deps), person(deps), person(deps)]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: viewer.user.id, role: 'viewer' }] });
  const workflow = await deps.db.workflow.create({ data: { workspaceId: ws.id, name: `Watched ${crypto.randomUUID().slice(0, 8)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  return { deps, owner, viewer, outsider, ref };
}

const tab = () => `tab-${crypto.randomUUID()}`;
const ids = (viewers: { userId: string }[]) => viewers.map((v) => v.userId).sort();

describe('presence', () => {
  it('lists distinct people with a live heartbeat, and drops a tab that left', async () => {
    const s = await scene();
    const [ownerTab1, ownerTab2, viewerTab] = [tab(), tab(), tab()];
    await heartbeat(s.deps, s.owner.access, { clientId: ownerTab1, ...s.ref });
    await heartbeat(s.deps, s.owner.access, { clientId: ownerTab2, ...s.ref });
    await heartbeat(s.deps, s.viewer.access, { clientId: viewerTab, ...s.ref });
    expect(ids(await currentViewers(s.deps, s.ref))).toEqual([s.owner.user.id, s.viewer.user.id].sort());

    await leave(s.deps, s.viewer.actor, { clientId: viewerTab });
    // One of two tabs closing leaves the person there.
    await leave(s.deps, s.owner.actor, { clientId: ownerTab1 });
    expect(ids(await currentViewers(s.deps, s.ref))).toEqual([s.owner.user.id]);
  });

  it('refuses someone who cannot read the resource, and never lets one user take over another’s tab', async () => {
    const s = await scene();
    await expect(heartbeat(s.deps, s.outsider.access, { clientId: tab(), ...s.ref })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(presenceStream(s.deps, s.outsider.access, s.ref)).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const ownerTab = tab();
    await heartbeat(s.deps, s.owner.access, { clientId: ownerTab, ...s.ref });
    await expect(heartbeat(s.deps, s.viewer.access, { clientId: ownerTab, ...s.ref })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await leave(s.deps, s.viewer.actor, { clientId: ownerTab })).toEqual({ left: false });
    expect(ids(await currentViewers(s.deps, s.ref))).toEqual([s.owner.user.id]);
    // Presence is not audited.
    expect(await s.deps.db.activityEvent.count({ where: { resourceId: s.ref.resourceId } })).toBe(0);
  });

  it('forgets a tab that stopped beating after the TTL, and the cleanup task removes old rows', async () => {
    const s = await scene();
    const stale = tab();
    await heartbeat(s.deps, s.viewer.access, { clientId: stale, ...s.ref });
    await s.deps.db.presenceHeartbeat.update({ where: { clientId: stale }, data: { lastSeenAt: new Date(Date.now() - PRESENCE_TTL_MS - 1_000) } });
    expect(await currentViewers(s.deps, s.ref)).toEqual([]);
    await s.deps.db.presenceHeartbeat.update({ where: { clientId: stale }, data: { lastSeenAt: new Date(Date.now() - 2 * 60 * 60 * 1000) } });
    await presenceCleanupTask.run(s.deps);
    expect(await s.deps.db.presenceHeartbeat.findUnique({ where: { clientId: stale } })).toBeNull();
  });

  it('streams the viewer set each time it changes: a join, then a leave', async () => {
    const s = await scene();
    const abort = new AbortController();
    const stream = watchPresence(s.deps, s.ref, abort.signal);
    expect((await stream.next()).value).toEqual([]);
    const viewerTab = tab();
    const started = Date.now();
    await heartbeat(s.deps, s.viewer.access, { clientId: viewerTab, ...s.ref });
    expect((await stream.next()).value).toMatchObject([{ userId: s.viewer.user.id, name: s.viewer.user.name }]);
    // A heartbeat of someone already there changes nothing; the leave does.
    await heartbeat(s.deps, s.viewer.access, { clientId: viewerTab, ...s.ref });
    await leave(s.deps, s.viewer.actor, { clientId: viewerTab });
    expect((await stream.next()).value).toEqual([]);
    // Woken in-process, not by the 2 s poll.
    expect(Date.now() - started).toBeLessThan(1_500);
    abort.abort();
    await stream.return(undefined);
  });
});
