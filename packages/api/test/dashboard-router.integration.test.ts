/**
 * Dashboards through a tRPC caller: another user's personal dashboard is
 * NOT_FOUND to everyone else on every procedure; bad widgets are refused
 * with a message that says what was wrong; a stale save is CONFLICT; and
 * dashboard.watch delivers tracked events to another member of the workspace.
 */
import { recordActivity } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { makeWorkspace, personWith, testDeps } from './harness';

const kpi = { id: 'runs', type: 'kpi' as const, title: 'Scan runs', metric: 'scan.runs', x: 0, y: 0, w: 3, h: 2 };

async function nextEvent(stream: unknown): Promise<[string, { widgetIds: string[]; layout: boolean; deleted: boolean }]> {
  const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
  const { value } = await iterator.next();
  await iterator.return?.();
  return value as never;
}

describe('dashboard router', () => {
  it("keeps a personal dashboard its owner's: NOT_FOUND for anyone else on every procedure", async () => {
    const [owner, other] = await Promise.all([personWith(['viewer']), personWith(['admin'])]);
    const d = await owner.caller.dashboard.create({ name: 'Private board', widgets: [kpi] });
    const c = other.caller.dashboard;
    await expect(c.get({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.update({ id: d.id, version: 1, name: 'Mine now' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.delete({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.clone({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.setDefault({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(c.data({ id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(nextEvent(await c.watch({ id: d.id }))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await c.list()).items.map((x) => x.id)).not.toContain(d.id);
    expect(await owner.caller.dashboard.get({ id: d.id })).toMatchObject({ name: 'Private board', mine: true });
  });

  it('refuses widgets off the grid, duplicate widget ids and unknown widget types, saying why; a stale save is CONFLICT', async () => {
    const me = await personWith(['viewer']);
    const c = me.caller.dashboard;
    await expect(c.create({ name: 'Wide', widgets: [{ ...kpi, x: 10, w: 4 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('x + w ≤ 12') });
    await expect(c.create({ name: 'Twice', widgets: [kpi, { ...kpi, x: 3 }] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('widget ids must be unique') });
    await expect(c.data({ widgets: [{ ...kpi, type: 'pie' } as never] })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/widgets\.0\.type|type/) });
    await expect(c.data({})).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('either the id') });
    const d = await c.create({ name: 'Saved twice', widgets: [kpi] });
    await c.update({ id: d.id, version: 1, name: 'First save' });
    await expect(c.update({ id: d.id, version: 1, name: 'Second save' })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('Someone else saved') });
    const data = await c.data({ id: d.id });
    expect(data.widgets.runs).toMatchObject({ status: 'ok', result: { metric: 'scan.runs' } });
  });

  it('watch: a member of the workspace hears of relevant activity and of the owner editing the shared dashboard', async () => {
    const { deps } = await testDeps();
    const [owner, member] = await Promise.all([personWith(['viewer']), personWith(['viewer'])]);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }] });
    const d = await owner.caller.dashboard.create({ name: 'Team ops', widgets: [kpi], workspaceId: ws.id });

    const first = nextEvent(await member.caller.dashboard.watch({ id: d.id }));
    // The subscription fixes its starting point on its first read; give it a moment before the row lands.
    await new Promise((r) => setTimeout(r, 500));
    const scan = await recordActivity(deps, owner.actor, { type: 'scan.run.completed', category: 'execution', sourceGroup: 'scan', action: 'run', workspaceId: ws.id });
    const [id, event] = await first;
    expect(id).toBe(String(scan));
    expect(event).toMatchObject({ widgetIds: ['runs'], layout: false });

    await owner.caller.dashboard.update({ id: d.id, version: 1, widgets: [kpi, { ...kpi, id: 'wf', metric: 'workflow.success_rate', x: 3 }] });
    const [, edited] = await nextEvent(await member.caller.dashboard.watch({ id: d.id, lastEventId: id }));
    expect(edited).toMatchObject({ layout: true, widgetIds: ['runs', 'wf'] });
  });
});
