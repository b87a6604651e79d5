import { describe, expect, it } from 'vitest';
import { addMember, removeMember, setMemberRole } from '../src/workspace/members';
import { linkResource, unlinkResource } from '../src/workspace/resources';
import { createWorkspaceFromTemplate, createWorkspace, deleteWorkspace, getWorkspace, listWorkspaces, updateWorkspace } from '../src/workspace/workspaces';
import { createWorkspaceInput, listWorkspacesInput } from '../src/workspace/schemas';
import { makeWorkspace, person, testDeps } from './harness';

const newWorkspace = (name: string, extra: object = {}) => createWorkspaceInput.parse({ name, ...extra });

describe('creating workspaces', () => {
  it('makes the creator owner and records the creation in the same transaction', async () => {
    const deps = await testDeps();
    const { actor, user, access } = await person(deps, ['steward']);
    const ws = await createWorkspace(deps, actor, newWorkspace(`Finance ${crypto.randomUUID().slice(0, 6)}`, { environment: 'prod' }));
    expect(ws.environment).toBe('prod');
    const detail = await getWorkspace(deps, access, ws.id);
    expect(detail.members).toEqual([expect.objectContaining({ id: user.id, role: 'owner' })]);
    expect(detail.permissions).toEqual({ canUpdate: true, canDelete: true, canManageMembers: true, canManageResources: true });
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'workspace.created', resourceId: ws.id } });
    expect(row).toMatchObject({ workspaceId: ws.id, actorId: user.id, after: expect.objectContaining({ name: ws.name }) });
  });

  it('derives a unique slug from the name and refuses a taken explicit slug', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps, ['steward']);
    const name = `Data Office ${crypto.randomUUID().slice(0, 6)}`;
    const a = await createWorkspace(deps, actor, newWorkspace(name));
    const b = await createWorkspace(deps, actor, newWorkspace(name));
    expect(b.slug).toBe(`${a.slug}-2`);
    await expect(createWorkspace(deps, actor, newWorkspace('Other', { slug: a.slug }))).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('creates from a template with its defaults and remembers the template', async () => {
    const deps = await testDeps();
    const { actor } = await person(deps, ['steward']);
    const ws = await createWorkspaceFromTemplate(deps, actor, { templateKey: 'compliance-audit', name: 'Q4 audit' });
    expect(ws).toMatchObject({ templateKey: 'compliance-audit', environment: 'prod', maxMembers: 15 });
    await expect(createWorkspaceFromTemplate(deps, actor, { templateKey: 'nope', name: 'x y' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('listing workspaces', () => {
  it('shows members only their workspaces, and admins all of them', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const outsider = await person(deps, ['viewer']);
    const admin = await person(deps, ['admin']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const q = (query: string) => listWorkspacesInput.parse({ query });
    expect((await listWorkspaces(deps, owner.access, q(ws.slug))).items.map((w) => w.id)).toEqual([ws.id]);
    expect((await listWorkspaces(deps, outsider.access, q(ws.slug))).items).toEqual([]);
    expect((await listWorkspaces(deps, admin.access, q(ws.slug))).items.map((w) => w.id)).toEqual([ws.id]);
  });

  it('paginates with a cursor', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    for (let i = 0; i < 5; i++) await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const first = await listWorkspaces(deps, owner.access, listWorkspacesInput.parse({ limit: 3 }));
    expect(first.items).toHaveLength(3);
    expect(first.total).toBe(5);
    const second = await listWorkspaces(deps, owner.access, listWorkspacesInput.parse({ limit: 3, cursor: first.nextCursor! }));
    expect(second.items).toHaveLength(2);
    expect(second.nextCursor).toBeNull();
  });
});

describe('members and quotas', () => {
  it('enforces the member quota with a clear error', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, maxMembers: 2 });
    const a = await person(deps);
    const b = await person(deps);
    await addMember(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: a.user.id, role: 'member' });
    const refused = addMember(deps, owner.actor, owner.access, { workspaceId: ws.id, email: b.user.email, role: 'viewer' });
    await expect(refused).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED', message: expect.stringContaining('2 of 2') });
  });

  it('refuses duplicates and unknown people', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    await expect(addMember(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: owner.user.id, role: 'member' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(addMember(deps, owner.actor, owner.access, { workspaceId: ws.id, email: 'nobody@example.test', role: 'member' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('keeps at least one owner, and only owners hand out ownership', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const wsAdmin = await person(deps);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: wsAdmin.user.id, role: 'admin' }] });
    await expect(removeMember(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: owner.user.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await expect(setMemberRole(deps, wsAdmin.actor, wsAdmin.access, { workspaceId: ws.id, userId: wsAdmin.user.id, role: 'owner' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await setMemberRole(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: wsAdmin.user.id, role: 'owner' });
    await setMemberRole(deps, owner.actor, owner.access, { workspaceId: ws.id, userId: owner.user.id, role: 'member' });
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'workspace.member.role-changed', workspaceId: ws.id }, orderBy: { id: 'desc' } });
    expect(row).toMatchObject({ before: { role: 'owner' }, after: { role: 'member' }, complianceRelevant: true });
  });
});

describe('linked resources', () => {
  it('links, enforces the quota, refuses duplicates, and unlinks', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, maxResources: 1 });
    await linkResource(deps, owner.actor, { workspaceId: ws.id, resourceType: 'datasource', resourceId: 'ds-1', label: 'Warehouse' });
    await expect(linkResource(deps, owner.actor, { workspaceId: ws.id, resourceType: 'datasource', resourceId: 'ds-1', label: '' })).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(linkResource(deps, owner.actor, { workspaceId: ws.id, resourceType: 'scan', resourceId: 's-1', label: '' })).rejects.toMatchObject({ code: 'QUOTA_EXCEEDED' });
    await unlinkResource(deps, owner.actor, { workspaceId: ws.id, resourceType: 'datasource', resourceId: 'ds-1' });
    await expect(unlinkResource(deps, owner.actor, { workspaceId: ws.id, resourceType: 'datasource', resourceId: 'ds-1' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('updating and deleting', () => {
  it('records before/after and refuses quotas below current usage', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const member = await person(deps);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'member' }] });
    await expect(updateWorkspace(deps, owner.actor, { id: ws.id, maxMembers: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await updateWorkspace(deps, owner.actor, { id: ws.id, name: 'Renamed', environment: 'staging' });
    const row = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'workspace.updated', resourceId: ws.id, status: 'success' } });
    expect(await deps.db.activityEvent.count({ where: { type: 'workspace.updated', resourceId: ws.id, status: 'failure' } })).toBe(1);
    expect(row.before).toMatchObject({ name: ws.name, environment: 'dev' });
    expect(row.after).toMatchObject({ name: 'Renamed', environment: 'staging' });
  });

  it('deletes the workspace with its memberships; the log keeps the record', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['steward']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    await deleteWorkspace(deps, owner.actor, ws.id);
    expect(await deps.db.workspace.findUnique({ where: { id: ws.id } })).toBeNull();
    expect(await deps.db.workspaceMember.count({ where: { workspaceId: ws.id } })).toBe(0);
    expect(await deps.db.activityEvent.count({ where: { type: 'workspace.deleted', workspaceId: ws.id } })).toBe(1);
  });
});
