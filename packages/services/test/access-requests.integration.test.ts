/**
 * Access requests end to end against Postgres: a request opens one access
 * task and notifies the scope's approvers; approval grants a time-bound role
 * that the AccessChecker honours until its end and not a second after (before
 * any sweep); the sweep then closes and audits it once. Refusals: own
 * request, double decision, wrong role for the scope, duplicates, cancel.
 */
import { describe, expect, it } from 'vitest';
import { approveAccessRequest, rejectAccessRequest } from '../src/access/decide';
import { expireAccessGrants } from '../src/access/expiry';
import { accessReport } from '../src/access/report';
import { cancelAccessRequest, createAccessRequest, getAccessRequest, listAccessRequests } from '../src/access/requests';
import { AccessChecker, dataSourceScope, workspaceScope } from '../src/rbac/resolve';
import { approveTask } from '../src/workflow/tasks';
import { makeSource } from './catalog-scene';
import { makeWorkspace, person, testDeps } from './harness';

const justification = 'Investigating the churn dashboard numbers';

async function scene() {
  const deps = await testDeps();
  const [owner, admin, member, requester, globalAdmin] = await Promise.all([person(deps), person(deps), person(deps), person(deps), person(deps, ['admin'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: admin.user.id, role: 'admin' }, { userId: member.user.id, role: 'member' }] });
  return { deps, ws, owner, admin, member, requester, globalAdmin };
}

const fresh = (deps: Awaited<ReturnType<typeof testDeps>>, userId: string) => new AccessChecker(deps.db, { kind: 'user', userId });

describe('access requests', () => {
  it('opens one task, notifies every approver but the requester, and the approval grants the role until it ends', async () => {
    const s = await scene();
    const request = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 60 });
    expect(request.status).toBe('pending');

    const task = await s.deps.db.humanTask.findUniqueOrThrow({ where: { accessRequestId: request.id } });
    expect(task).toMatchObject({ kind: 'access', workspaceId: s.ws.id, assigneeRole: 'admin', status: 'open', description: justification, link: `/admin/access-requests?request=${request.id}` });
    expect(task.title).toBe(`${s.requester.user.name} requests Viewer on ${s.ws.name}`);
    const notified = await s.deps.db.notification.findMany({ where: { sourceKey: `access.requested:${request.id}` }, select: { userId: true, kind: true } });
    const ids = notified.map((n) => n.userId);
    expect(ids).toEqual(expect.arrayContaining([s.owner.user.id, s.admin.user.id, s.globalAdmin.user.id]));
    expect(ids).not.toContain(s.member.user.id);
    expect(ids).not.toContain(s.requester.user.id);
    expect(notified.every((n) => n.kind === 'access.requested')).toBe(true);

    // The approver's inbox has it; the member's does not.
    const toDecide = await listAccessRequests(s.deps, s.admin.actor, s.admin.access, { view: 'toDecide', status: 'pending', limit: 50 });
    expect(toDecide.items.find((r) => r.id === request.id)).toMatchObject({ canDecide: true, taskId: task.id, scopeName: s.ws.name, roleKey: 'ws.viewer', justification });
    const memberView = await listAccessRequests(s.deps, s.member.actor, s.member.access, { view: 'toDecide', limit: 50 });
    expect(memberView.items.map((r) => r.id)).not.toContain(request.id);
    await expect(getAccessRequest(s.deps, s.member.actor, s.member.access, { id: request.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    expect(await fresh(s.deps, s.requester.user.id).can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    // Approved "59 min 57 s ago" for an hour: the grant ends three seconds from now.
    const approvedAt = new Date(Date.now() - 60 * 60_000 + 3_000);
    const decided = await approveAccessRequest({ ...s.deps, clock: () => approvedAt }, s.admin.actor, s.admin.access, { id: request.id, comment: 'for the review' });
    expect(decided.expiresAt!.getTime()).toBe(approvedAt.getTime() + 60 * 60_000);

    const assignment = await s.deps.db.roleAssignment.findUniqueOrThrow({ where: { id: decided.assignmentId! } });
    expect(assignment).toMatchObject({ userId: s.requester.user.id, roleId: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, accessRequestId: request.id, grantedById: s.admin.user.id });
    expect(await fresh(s.deps, s.requester.user.id).can('workspace.read', workspaceScope(s.ws.id))).toBe(true);
    expect(await s.deps.db.humanTask.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: 'approved', decidedById: s.admin.user.id, comment: 'for the review' });
    expect(await s.deps.db.notification.count({ where: { userId: s.requester.user.id, kind: 'access.decided', sourceKey: `access.decided:${request.id}` } })).toBe(1);
    const audit = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'access.approved', resourceId: request.id } });
    expect(audit).toMatchObject({ complianceRelevant: true, actorId: s.admin.user.id });
    expect(audit.before).toEqual({ status: 'pending' });

    // Gone the moment it ends: no sweep has run.
    while (Date.now() <= decided.expiresAt!.getTime()) await new Promise((r) => setTimeout(r, 200));
    expect(await fresh(s.deps, s.requester.user.id).can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    expect((await s.deps.db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('approved');

    // The sweep closes the books once; a second run changes nothing.
    const first = await expireAccessGrants(s.deps);
    expect(first.expired).toBeGreaterThanOrEqual(1);
    expect((await s.deps.db.accessRequest.findUniqueOrThrow({ where: { id: request.id } })).status).toBe('expired');
    await expireAccessGrants(s.deps);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'access.expired', resourceId: request.id } })).toBe(1);
    expect(await s.deps.db.notification.count({ where: { userId: s.requester.user.id, kind: 'access.expired' } })).toBe(1);
    const mine = await listAccessRequests(s.deps, s.requester.actor, s.requester.access, { view: 'mine', limit: 10 });
    expect(mine.items[0]).toMatchObject({ id: request.id, status: 'expired', active: false, decidedByName: s.admin.user.name });
  });

  it('refuses self-approval, a second decision, and deciders without access.approve there', async () => {
    const s = await scene();
    // The workspace admin asks for more at their own workspace: they may not approve it themselves.
    const own = await createAccessRequest(s.deps, s.member.actor, { roleKey: 'ws.admin', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 });
    await expect(approveAccessRequest(s.deps, s.member.actor, s.member.access, { id: own.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/your own/) });
    const outsider = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.member', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 });
    await expect(approveAccessRequest(s.deps, s.member.actor, s.member.access, { id: outsider.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/access\.approve/) });
    // Two approvers at once: exactly one wins.
    const results = await Promise.allSettled([
      approveAccessRequest(s.deps, s.admin.actor, s.admin.access, { id: outsider.id }),
      rejectAccessRequest(s.deps, s.owner.actor, s.owner.access, { id: outsider.id, comment: 'no' }),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT' } });
    await expect(approveAccessRequest(s.deps, s.globalAdmin.actor, s.globalAdmin.access, { id: outsider.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('rejects with a comment, cancels, and refuses duplicates, held roles and roles of the wrong scope', async () => {
    const s = await scene();
    await expect(createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ds.reader', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(createAccessRequest(s.deps, s.member.actor, { roleKey: 'ws.member', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already hold/) });
    await expect(createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: crypto.randomUUID(), justification, durationMinutes: 30 })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const first = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 });
    await expect(createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 45 })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/pending/) });
    // The generic task page may not decide it behind the request's back.
    const task = await s.deps.db.humanTask.findUniqueOrThrow({ where: { accessRequestId: first.id } });
    await expect(approveTask(s.deps, s.admin.actor, s.admin.access, { id: task.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/decide access requests on the access request page/) });

    await expect(cancelAccessRequest(s.deps, s.admin.actor, { id: first.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await cancelAccessRequest(s.deps, s.requester.actor, { id: first.id });
    expect((await s.deps.db.humanTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
    await expect(cancelAccessRequest(s.deps, s.requester.actor, { id: first.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(approveAccessRequest(s.deps, s.admin.actor, s.admin.access, { id: first.id })).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, justification, durationMinutes: 30 });
    await rejectAccessRequest(s.deps, s.owner.actor, s.owner.access, { id: second.id, comment: 'Use the public dashboard' });
    const rejected = await s.deps.db.accessRequest.findUniqueOrThrow({ where: { id: second.id } });
    expect(rejected).toMatchObject({ status: 'rejected', decisionComment: 'Use the public dashboard', decidedById: s.owner.user.id, assignmentId: null });
    expect(await fresh(s.deps, s.requester.user.id).can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'access.rejected', resourceId: second.id } })).toBe(1);
  });

  it('at a data source: its owner and the owning workspace’s admins approve, and a second approval extends the grant', async () => {
    const s = await scene();
    const sourceOwner = await person(s.deps);
    const { source } = await makeSource(s.deps, { workspaceId: s.ws.id, tables: [{ name: 'orders', columns: { email: ['PII.Email'] } }] });
    await s.deps.db.roleAssignment.create({ data: { userId: sourceOwner.user.id, roleId: 'ds.owner', scopeType: 'datasource', scopeId: source.id } });
    const request = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ds.reader', scopeType: 'datasource', scopeId: source.id, justification, durationMinutes: 60 });
    const ids = (await s.deps.db.notification.findMany({ where: { sourceKey: `access.requested:${request.id}` }, select: { userId: true } })).map((n) => n.userId);
    expect(ids).toEqual(expect.arrayContaining([sourceOwner.user.id, s.admin.user.id, s.owner.user.id]));
    expect((await s.deps.db.humanTask.findUniqueOrThrow({ where: { accessRequestId: request.id } })).workspaceId).toBe(s.ws.id);

    const first = await approveAccessRequest(s.deps, sourceOwner.actor, sourceOwner.access, { id: request.id });
    expect(await fresh(s.deps, s.requester.user.id).can('datasource.read', dataSourceScope(source.id))).toBe(true);
    // Asking again while holding it is refused; after a shorter second grant the longer end stays.
    await expect(createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ds.reader', scopeType: 'datasource', scopeId: source.id, justification, durationMinutes: 600 })).rejects.toMatchObject({ code: 'CONFLICT' });
    await s.deps.db.roleAssignment.update({ where: { id: first.assignmentId! }, data: { expiresAt: new Date(Date.now() - 1_000) } });
    const again = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ds.reader', scopeType: 'datasource', scopeId: source.id, justification, durationMinutes: 600 });
    const second = await approveAccessRequest(s.deps, s.admin.actor, s.admin.access, { id: again.id });
    expect(second.assignmentId).toBe(first.assignmentId);
    expect(second.expiresAt!.getTime()).toBeGreaterThan(Date.now() + 590 * 60_000);
    expect((await s.deps.db.roleAssignment.findUniqueOrThrow({ where: { id: first.assignmentId! } })).accessRequestId).toBe(again.id);
  });
});

describe('the restricted-access report', () => {
  it('lists who could read a restricted source in the range, by route, with the justification and approver', async () => {
    const s = await scene();
    const { source } = await makeSource(s.deps, { workspaceId: s.ws.id, tables: [{ name: 'people', columns: { ssn: ['PII.NationalId'] } }] });
    const { source: tame } = await makeSource(s.deps, { workspaceId: s.ws.id, tables: [{ name: 'notes', columns: { email: ['PII.Email'] } }] });
    const reader = await person(s.deps);
    await s.deps.db.roleAssignment.create({ data: { userId: reader.user.id, roleId: 'ds.reader', scopeType: 'datasource', scopeId: source.id, grantedById: s.owner.user.id } });
    const request = await createAccessRequest(s.deps, s.requester.actor, { roleKey: 'ds.steward', scopeType: 'datasource', scopeId: source.id, justification: 'Reconciling the national id column', durationMinutes: 60 });
    await approveAccessRequest(s.deps, s.admin.actor, s.admin.access, { id: request.id, comment: 'one hour' });
    const from = new Date(Date.now() - 60_000);
    const report = await accessReport(s.deps, { from, to: new Date(Date.now() + 60_000), format: 'csv' });

    expect(report.sources.map((x) => x.id)).toContain(source.id);
    expect(report.sources.map((x) => x.id)).not.toContain(tame.id);
    const entries = report.sources.find((x) => x.id === source.id)!.entries;
    expect(entries.find((e) => e.userId === s.requester.user.id)).toMatchObject({ route: 'access-request', roleKey: 'ds.steward', grantedBy: s.admin.user.name, reason: expect.stringContaining('Reconciling the national id column') });
    expect(entries.find((e) => e.userId === reader.user.id)).toMatchObject({ route: 'source-assignment', grantedBy: s.owner.user.name });
    expect(entries.find((e) => e.userId === s.member.user.id)).toMatchObject({ route: 'workspace-member', roleKey: 'ws.member' });
    expect(entries.find((e) => e.userId === s.globalAdmin.user.id)).toMatchObject({ route: 'global-role', roleKey: 'admin' });
    const csv = Buffer.from(report.csv!.base64, 'base64').toString('utf8');
    expect(csv.split('\r\n')[0]).toBe('source,environment,workspace,person,email,guest,role,route,from,until,reason,granted by');
    expect(csv).toContain('Reconciling the national id column');

    // A grant that ended before the range is not in it.
    const later = await accessReport(s.deps, { from: new Date(Date.now() + 2 * 3_600_000), to: new Date(Date.now() + 3 * 3_600_000), dataSourceId: source.id, format: 'json' });
    expect(later.sources[0]!.entries.find((e) => e.route === 'access-request' && e.userId === s.requester.user.id)).toBeUndefined();
    expect(later.sources[0]!.entries.find((e) => e.userId === reader.user.id)).toBeDefined();
  });
});
