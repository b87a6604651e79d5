/**
 * dashboard.watch against real Postgres and the real activity feed: it wakes
 * on activity that can change a widget's metric (and names that widget), not
 * on unrelated activity nor on rows the caller may not see; bursts coalesce;
 * a reconnect with lastEventId gets what it missed; someone else's edit of
 * the dashboard (and its deletion) reaches a watcher.
 */
import { describe, expect, it } from 'vitest';
import { ActivityFeed } from '../src/activity/feed';
import { recordActivity } from '../src/activity/record';
import type { Actor } from '../src/actor';
import { createDashboard, deleteDashboard, updateDashboard } from '../src/dashboards/mutations';
import { createDashboardInput, updateDashboardInput } from '../src/dashboards/schemas';
import { watchDashboard } from '../src/dashboards/watch';
import { makeWorkspace, person, testDeps } from './harness';
import { waitFor } from './wait-for';

const widget = (id: string, metric: string, x: number) => ({ id, type: 'kpi', title: id, metric, x, y: 0, w: 3, h: 2 });
const widgets = [widget('scan-runs', 'scan.runs', 0), widget('wf', 'workflow.success_rate', 3)];

type Gen = ReturnType<typeof watchDashboard>;
/** Reads a watch in the background; `stop` aborts it. */
function watching(start: (signal: AbortSignal) => Gen) {
  const ctrl = new AbortController();
  const got: { id: string; event: Awaited<ReturnType<Gen['next']>>['value'] & object }[] = [];
  const at: number[] = [];
  const done = (async () => {
    for await (const e of start(ctrl.signal)) {
      got.push(e as never);
      at.push(performance.now());
    }
  })();
  return { got, at, done, stop: async () => (ctrl.abort(), await done) };
}

const row = (actor: Actor, type: string, workspaceId: string | null = null) =>
  recordActivity(
    // recordActivity only needs db, bus and clock; the feed polls, so the bus of another deps is fine.
    { db: deps.db, bus: deps.bus, clock: () => new Date() },
    actor,
    { type, category: 'execution', sourceGroup: 'test', action: 'run', resourceType: 'test', resourceId: crypto.randomUUID(), workspaceId },
  ).then(String);

let deps: Awaited<ReturnType<typeof testDeps>>;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function started(feed: ActivityFeed) {
  await waitFor('the watch to subscribe', async () => feed.subscriberCount > 0);
  await sleep(150);
}

describe('dashboard.watch', () => {
  it('wakes on activity a widget metric is invalidated by, naming that widget, and resumes from lastEventId', async () => {
    deps = await testDeps();
    const feed = new ActivityFeed(deps.db, deps.bus, 100);
    const [me, stranger] = await Promise.all([person(deps), person(deps)]);
    const d = await createDashboard(deps, me.actor, me.access, createDashboardInput.parse({ name: 'Watched', widgets }));
    const w = watching((signal) => watchDashboard(deps, feed, me.access, { id: d.id }, { signal, windowMs: 200 }));
    await started(feed);

    // Unrelated to either widget, or not the caller's to see: nothing.
    await row(me.actor, 'kb.article.created');
    await row(stranger.actor, 'scan.run.completed');
    await sleep(700);
    expect(w.got).toEqual([]);

    const scanRow = await row(me.actor, 'scan.run.completed');
    await waitFor('the scan event', async () => w.got.length >= 1, 5000);
    expect(w.got).toEqual([{ id: scanRow, event: { at: expect.any(Date), widgetIds: ['scan-runs'], layout: false, deleted: false } }]);
    await w.stop();

    // Missed while away: a reconnect with the last id it saw receives it.
    const wfRow = await row(me.actor, 'workflow.execution.failed');
    const again = watching((signal) => watchDashboard(deps, feed, me.access, { id: d.id, lastEventId: scanRow }, { signal, windowMs: 200 }));
    await waitFor('the missed event', async () => again.got.length >= 1, 5000);
    expect(again.got[0]).toMatchObject({ id: wfRow, event: { widgetIds: ['wf'] } });
    await sleep(400);
    expect(again.got).toHaveLength(1);
    await again.stop();
  });

  it('coalesces a burst into at most one event per window, the last covering the last row', async () => {
    deps = await testDeps();
    const feed = new ActivityFeed(deps.db, deps.bus, 100);
    const me = await person(deps);
    const d = await createDashboard(deps, me.actor, me.access, createDashboardInput.parse({ name: 'Burst', widgets }));
    const windowMs = 600;
    const w = watching((signal) => watchDashboard(deps, feed, me.access, { id: d.id }, { signal, windowMs }));
    await started(feed);
    let last = '';
    for (let i = 0; i < 6; i++) last = await row(me.actor, i % 2 ? 'workflow.execution.completed' : 'scan.run.completed');
    await waitFor('the burst to be delivered', async () => w.got.at(-1)?.id === last, 5000);
    await sleep(windowMs + 200);
    expect(w.got.length).toBeGreaterThanOrEqual(1);
    expect(w.got.length).toBeLessThanOrEqual(2);
    expect(w.got.at(-1)!.id).toBe(last);
    expect(new Set(w.got.flatMap((g) => g.event.widgetIds))).toEqual(new Set(['scan-runs', 'wf']));
    if (w.at.length === 2) expect(w.at[1]! - w.at[0]!).toBeGreaterThanOrEqual(windowMs - 20);
    await w.stop();
  });

  it("passes on someone else's edit of a shared dashboard, and its deletion, then ends", async () => {
    deps = await testDeps();
    const feed = new ActivityFeed(deps.db, deps.bus, 100);
    const [owner, member] = await Promise.all([person(deps), person(deps)]);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }] });
    const d = await createDashboard(deps, owner.actor, owner.access, createDashboardInput.parse({ name: 'Team', widgets, workspaceId: ws.id }));
    const theirs = watching((signal) => watchDashboard(deps, feed, member.access, { id: d.id }, { signal, windowMs: 100 }));
    const mine = watching((signal) => watchDashboard(deps, feed, owner.access, { id: d.id }, { signal, windowMs: 100 }));
    await waitFor('both watches', async () => feed.subscriberCount >= 2);
    await sleep(150);

    await updateDashboard(deps, owner.actor, owner.access, updateDashboardInput.parse({ id: d.id, version: 1, widgets: [widget('queue', 'queue.depth', 0)] }));
    await waitFor('the layout event', async () => theirs.got.length >= 1, 5000);
    expect(theirs.got[0]!.event).toMatchObject({ layout: true, deleted: false, widgetIds: ['queue'] });

    // The new layout is what it matches now: a scan no longer concerns it (queue.depth is invalidated by nothing).
    await row(member.actor, 'scan.run.completed', ws.id);
    await sleep(500);
    expect(theirs.got).toHaveLength(1);

    // Unshared: the member may no longer read it, so for them it is gone and their watch ends; the owner's goes on.
    await updateDashboard(deps, owner.actor, owner.access, updateDashboardInput.parse({ id: d.id, version: 2, workspaceId: null }));
    await theirs.done;
    expect(theirs.got.at(-1)!.event).toMatchObject({ layout: true, deleted: true, widgetIds: [] });
    await sleep(300);
    expect(mine.got).toEqual([]);
    await deleteDashboard(deps, owner.actor, owner.access, d.id);
    // The owner's own edit does not bounce back to the owner, but their watch follows the new layout (the scan woke nothing) and ends on the deletion.
    await mine.done;
    expect(mine.got.map((g) => g.event)).toEqual([{ at: expect.any(Date), widgetIds: [], layout: true, deleted: true }]);
  });
});
