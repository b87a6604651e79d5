/**
 * Dashboards against real Postgres: CRUD and their audit rows, sharing
 * (members of the workspace see it, others do not, and only dashboard.share
 * holders may share or edit someone else's), the version conflict, built-in
 * copies made once under concurrent first calls, reset, clone, default, and
 * a dashboard whose one broken widget fails alone.
 */
import { describe, expect, it } from 'vitest';
import { builtInDashboards } from '../src/dashboards/builtins';
import { dashboardData } from '../src/dashboards/data';
import { cloneDashboard, createDashboard, deleteDashboard, setDefaultDashboard, updateDashboard } from '../src/dashboards/mutations';
import { getDashboard, listDashboards } from '../src/dashboards/queries';
import { createDashboardInput, dashboardDataInput, updateDashboardInput } from '../src/dashboards/schemas';
import { makeWorkspace, person, testDeps } from './harness';

const kpi = (id: string, metric = 'sensitive.columns', x = 0) => ({ id, type: 'kpi', title: `KPI ${id}`, metric, x, y: 0, w: 3, h: 2 });
type Who = Awaited<ReturnType<typeof person>>;

async function create(who: Who, input: Record<string, unknown>) {
  return createDashboard(await testDeps(), who.actor, who.access, createDashboardInput.parse(input));
}
async function update(who: Who, input: Record<string, unknown>) {
  return updateDashboard(await testDeps(), who.actor, who.access, updateDashboardInput.parse(input));
}
const rowsOf = async (id: string) =>
  (await testDeps()).db.activityEvent.findMany({ where: { resourceType: 'dashboard', resourceId: id }, orderBy: { id: 'asc' } });

/** A workspace with an owner, a member (dashboard.share there) and a ws viewer (reads it, may not share); an outsider elsewhere. */
async function sharingScene() {
  const deps = await testDeps();
  const [owner, member, wsViewer, outsider] = await Promise.all([person(deps), person(deps), person(deps), person(deps)]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: member.user.id, role: 'member' },
      { userId: wsViewer.user.id, role: 'viewer' },
    ],
  });
  return { deps, ws, owner, member, wsViewer, outsider };
}

describe('dashboards', () => {
  it('creates, updates and deletes, each with an activity row holding the before and after', async () => {
    const deps = await testDeps();
    const me = await person(deps);
    const d = await create(me, { name: 'Sensitive data', widgets: [kpi('a')] });
    expect(d).toMatchObject({ name: 'Sensitive data', version: 1, mine: true, canEdit: true, workspaceId: null, isDefault: false });
    expect(d.widgets).toEqual([expect.objectContaining({ id: 'a', grain: 'day', range: '30d', filters: {} })]);

    const renamed = await update(me, { id: d.id, version: 1, name: 'PII footprint', widgets: [kpi('a'), kpi('b', 'classification.coverage', 3)] });
    expect(renamed).toMatchObject({ name: 'PII footprint', version: 2 });
    expect(renamed.widgets.map((w) => w.id)).toEqual(['a', 'b']);
    // Saving the same thing again changes nothing and is not a new version.
    expect((await update(me, { id: d.id, version: 2, name: 'PII footprint' })).version).toBe(2);

    await deleteDashboard(deps, me.actor, me.access, d.id);
    await expect(getDashboard(deps, me.access, { id: d.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const rows = await rowsOf(d.id);
    expect(rows.map((r) => [r.type, r.status, r.actorId])).toEqual([
      ['dashboard.created', 'success', me.user.id],
      ['dashboard.updated', 'success', me.user.id],
      ['dashboard.updated', 'success', me.user.id],
      ['dashboard.deleted', 'success', me.user.id],
    ]);
    expect(rows[0]!.after).toMatchObject({ name: 'Sensitive data', widgets: [expect.objectContaining({ id: 'a' })] });
    expect(rows[1]!.before).toMatchObject({ name: 'Sensitive data', widgets: [expect.objectContaining({ id: 'a' })] });
    expect(rows[1]!.after).toMatchObject({ name: 'PII footprint', widgets: [expect.objectContaining({ id: 'a' }), expect.objectContaining({ id: 'b' })] });
    expect(rows[2]!.details).toMatchObject({ changed: [] });
    expect(rows[3]!.before).toMatchObject({ name: 'PII footprint' });
  });

  it('refuses a save from a stale version with CONFLICT, saying someone else saved first', async () => {
    const me = await person(await testDeps());
    const d = await create(me, { name: 'Race', widgets: [] });
    const results = await Promise.allSettled([update(me, { id: d.id, version: 1, name: 'Mine' }), update(me, { id: d.id, version: 1, name: 'Theirs' })]);
    const ok = results.filter((r) => r.status === 'fulfilled');
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(ok).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(failed[0]!.reason).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/Someone else saved .* first .*version 2/) });
    const rows = await rowsOf(d.id);
    expect(rows.filter((r) => r.type === 'dashboard.updated').map((r) => r.status).sort()).toEqual(['failure', 'success']);
  });

  it('shows a shared dashboard to members of its workspace and to no one else; only dashboard.share holders edit it', async () => {
    const { deps, ws, owner, member, wsViewer, outsider } = await sharingScene();
    const personal = await create(owner, { name: `Personal ${ws.slug}`, widgets: [] });
    const shared = await create(owner, { name: `Team ${ws.slug}`, widgets: [kpi('a')], workspaceId: ws.id });
    expect(shared).toMatchObject({ workspaceId: ws.id, workspaceName: ws.name });

    const idsFor = async (who: Who) => (await listDashboards(deps, who.access)).items.map((d) => d.id);
    for (const who of [member, wsViewer]) {
      const ids = await idsFor(who);
      expect(ids).toContain(shared.id);
      expect(ids).not.toContain(personal.id);
    }
    expect(await idsFor(outsider)).not.toContain(shared.id);
    expect((await listDashboards(deps, member.access, { workspaceId: ws.id })).items.map((d) => d.id)).toEqual([shared.id]);
    await expect(getDashboard(deps, outsider.access, { id: shared.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(getDashboard(deps, member.access, { id: personal.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(dashboardData(deps, outsider.access, { id: shared.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // A workspace member holds dashboard.share there: they may edit it; a ws viewer reads it but may not.
    expect((await getDashboard(deps, member.access, { id: shared.id })).canEdit).toBe(true);
    expect((await getDashboard(deps, wsViewer.access, { id: shared.id })).canEdit).toBe(false);
    await expect(update(wsViewer, { id: shared.id, version: 1, name: 'Hijacked' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await update(member, { id: shared.id, version: 1, name: `Team board ${ws.slug}` })).toMatchObject({ version: 2, mine: false });

    // Sharing needs dashboard.share at the workspace: the outsider cannot share there.
    const theirs = await create(outsider, { name: 'Outsider board', widgets: [] });
    await expect(update(outsider, { id: theirs.id, version: 1, workspaceId: ws.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(create(outsider, { name: 'Pushed in', workspaceId: ws.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    // Unsharing makes it personal again: the member loses sight of it; the row is filed under the workspace it left.
    await update(owner, { id: shared.id, version: 2, workspaceId: null });
    expect(await idsFor(member)).not.toContain(shared.id);
    const unshare = (await rowsOf(shared.id)).at(-1)!;
    expect(unshare).toMatchObject({ type: 'dashboard.updated', workspaceId: ws.id, before: { workspaceId: ws.id }, after: { workspaceId: null } });

    // Anyone who may read a dashboard may clone it into a personal copy.
    const shared2 = await create(owner, { name: 'Ops', widgets: [kpi('a'), kpi('b', 'scan.runs', 3)], workspaceId: ws.id });
    const copy = await cloneDashboard(deps, wsViewer.actor, wsViewer.access, { id: shared2.id });
    expect(copy).toMatchObject({ name: 'Ops (copy)', ownerId: wsViewer.user.id, workspaceId: null, canEdit: true, builtInKey: null });
    expect(copy.widgets.map((w) => w.id)).toEqual(['a', 'b']);
    await expect(cloneDashboard(deps, outsider.actor, outsider.access, { id: shared2.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect((await rowsOf(copy.id))[0]).toMatchObject({ type: 'dashboard.cloned', details: { clonedFrom: shared2.id } });
  });

  it('makes the three built-in copies once under five concurrent first calls, with the executive summary as default', async () => {
    const deps = await testDeps();
    const me = await person(deps);
    const lists = await Promise.all(Array.from({ length: 5 }, (_, i) => (i % 2 ? listDashboards(deps, me.access) : getDashboard(deps, me.access, {}))));
    const rows = await deps.db.dashboard.findMany({ where: { ownerId: me.user.id } });
    expect(rows.map((r) => r.builtInKey).sort()).toEqual(['executive', 'my-work', 'operations']);
    expect(rows.filter((r) => r.isDefault).map((r) => r.builtInKey)).toEqual(['executive']);
    const exec = rows.find((r) => r.builtInKey === 'executive')!;
    for (const l of lists) expect('items' in l ? l.defaultId : l.id).toBe(exec.id);
    expect(await deps.db.activityEvent.count({ where: { actorId: me.user.id, type: 'dashboard.builtins.created' } })).toBe(1);

    // Personalise, then reset to the built-in layout.
    const mine = await getDashboard(deps, me.access, { id: exec.id });
    expect(mine.widgets).toEqual(builtInDashboards.executive.widgets);
    await update(me, { id: exec.id, version: mine.version, name: 'My board', widgets: [kpi('only')] });
    const reset = await update(me, { id: exec.id, version: mine.version + 1, reset: true });
    expect(reset).toMatchObject({ name: 'Executive summary', version: mine.version + 2 });
    expect(reset.widgets).toEqual(builtInDashboards.executive.widgets);
    const own = await create(me, { name: 'Not built in' });
    await expect(update(me, { id: own.id, version: 1, reset: true })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    // A deleted built-in copy stays deleted: the copies are made the first time only.
    const ops = rows.find((r) => r.builtInKey === 'operations')!;
    await deleteDashboard(deps, me.actor, me.access, ops.id);
    expect((await listDashboards(deps, me.access)).items.filter((d) => d.builtInKey === 'operations')).toEqual([]);
  });

  it('moves the default: setDefault on one of my own, and to another of mine when the default is deleted', async () => {
    const deps = await testDeps();
    const [me, other] = await Promise.all([person(deps), person(deps)]);
    const { items } = await listDashboards(deps, me.access);
    const myWork = items.find((d) => d.builtInKey === 'my-work')!;
    await Promise.all([setDefaultDashboard(deps, me.actor, me.access, myWork.id), setDefaultDashboard(deps, me.actor, me.access, myWork.id)]);
    const after = await listDashboards(deps, me.access);
    expect(after.defaultId).toBe(myWork.id);
    expect(after.items.filter((d) => d.isDefault)).toHaveLength(1);
    const { defaultId } = await deleteDashboard(deps, me.actor, me.access, myWork.id);
    expect(defaultId).toBe(items.find((d) => d.builtInKey === 'executive')!.id);
    expect((await getDashboard(deps, me.access, {})).id).toBe(defaultId);
    // Someone else's dashboard cannot be my default (and I cannot even see their personal one).
    const theirs = await create(other, { name: 'Theirs' });
    await expect(setDefaultDashboard(deps, me.actor, me.access, theirs.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('computes every widget, each with its own result or its own error', async () => {
    const deps = await testDeps();
    const me = await person(deps);
    const d = await create(me, {
      name: 'Partly broken',
      widgets: [kpi('ok'), kpi('unknown', 'no.such.metric', 3), { ...kpi('bad-group', 'posture.score', 6), type: 'bar', groupBy: 'user' }],
    });
    const data = await dashboardData(deps, me.access, { id: d.id });
    expect(data).toMatchObject({ id: d.id, version: 1, asOf: expect.any(Date) });
    expect(Object.keys(data.widgets).sort()).toEqual(['bad-group', 'ok', 'unknown']);
    expect(data.widgets.ok).toMatchObject({ status: 'ok', result: { metric: 'sensitive.columns', unit: 'count', better: 'neither', value: expect.any(Number) } });
    expect(data.widgets.unknown).toMatchObject({ status: 'error', error: { code: 'BAD_REQUEST', message: expect.stringContaining('Unknown metric "no.such.metric"') } });
    expect(data.widgets['bad-group']).toMatchObject({ status: 'error', error: { code: 'BAD_REQUEST', message: expect.stringContaining('cannot be grouped by user') } });

    // Unsaved widgets (the editor's preview) compute the same way.
    const preview = await dashboardData(deps, me.access, dashboardDataInput.parse({ widgets: [{ ...kpi('p', 'scan.runs'), range: '7d' }] }));
    expect(preview).toMatchObject({ id: null, version: null, widgets: { p: { status: 'ok', result: { metric: 'scan.runs' } } } });
  });
});
