import { describe, expect, it } from 'vitest';
import { ActivityFeed } from '../src/activity/feed';
import { recordActivity } from '../src/activity/record';
import type { ActivityEventView } from '../src/activity/types';
import { activityVisibility, canSee, updateVisibility } from '../src/activity/visibility';
import { addMember } from '../src/workspace/members';
import { makeWorkspace, person, testDeps } from './harness';

async function take(gen: AsyncGenerator<ActivityEventView>, n: number, timeoutMs = 5000): Promise<ActivityEventView[]> {
  const out: ActivityEventView[] = [];
  const timer = setTimeout(() => void gen.return(undefined), timeoutMs);
  for await (const e of gen) {
    out.push(e);
    if (out.length === n) break;
  }
  clearTimeout(timer);
  return out;
}

const spec = (marker: string, i: number) => ({ type: 'test.feed', category: 'system', sourceGroup: 'test', action: 'tick', resourceId: marker, details: { i } }) as const;

describe('ActivityFeed', () => {
  it('delivers new events live, in order, once each', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const feed = new ActivityFeed(deps.db, deps.bus, 200);
    const marker = crypto.randomUUID();
    const stream = feed.subscribe({ after: null, accept: (e) => e.resourceId === marker });
    const received = take(stream, 3);
    await new Promise((r) => setTimeout(r, 100));
    for (let i = 0; i < 3; i++) await recordActivity(deps, actor, spec(marker, i));
    const events = await received;
    expect(events.map((e) => (e.details as { i: number }).i)).toEqual([0, 1, 2]);
    expect(feed.subscriberCount).toBe(0);
  });

  it('resumes after lastEventId: exactly the missed events, then live ones', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const feed = new ActivityFeed(deps.db, deps.bus, 200);
    const marker = crypto.randomUUID();
    const ids: bigint[] = [];
    for (let i = 0; i < 4; i++) ids.push(await recordActivity(deps, actor, spec(marker, i)));
    const stream = feed.subscribe({ after: ids[1]!, accept: (e) => e.resourceId === marker });
    const received = take(stream, 3);
    await new Promise((r) => setTimeout(r, 150));
    await recordActivity(deps, actor, spec(marker, 4));
    expect((await received).map((e) => (e.details as { i: number }).i)).toEqual([2, 3, 4]);
  });

  it('still delivers when the bus notification is lost (polling)', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps);
    const silentBus = { ...deps.bus, kind: 'memory' as const, onNotify: () => () => {}, publish: async () => {} };
    const feed = new ActivityFeed(deps.db, silentBus, 100);
    const marker = crypto.randomUUID();
    const received = take(feed.subscribe({ after: null, accept: (e) => e.resourceId === marker }), 1);
    await new Promise((r) => setTimeout(r, 150));
    await recordActivity({ ...deps, bus: silentBus }, actor, spec(marker, 0));
    expect(await received).toHaveLength(1);
  });
});

describe('activity visibility', () => {
  it('shows members their workspaces’ events and their own, and follows membership changes live', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const viewer = await person(deps, ['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const v = await activityVisibility(viewer.access);
    const inWs = { workspaceId: ws.id, actorId: owner.user.id };
    expect(canSee(v, inWs)).toBe(false);
    expect(canSee(v, { workspaceId: null, actorId: viewer.user.id })).toBe(true);
    await addMember(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: viewer.user.id, role: 'viewer' });
    const added = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'workspace.member.added', workspaceId: ws.id } });
    expect(updateVisibility(v, added)).toBe(true);
    expect(canSee(v, inWs)).toBe(true);
    const admin = await activityVisibility((await person(deps, ['admin'])).access);
    expect(canSee(admin, inWs)).toBe(true);
  });
});
