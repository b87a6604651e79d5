import { describe, expect, it } from 'vitest';
import { AccessChecker, globalScope, grantsAt, workspaceScope } from '../src/rbac/resolve';
import { authenticateApiToken, createApiToken, listApiTokens, revokeApiToken } from '../src/users/tokens';
import { authenticateWithPassword, createUser, setGlobalRoles } from '../src/users/users';
import { createUserInput } from '../src/users/schemas';
import { makeWorkspace, person, testDeps, userActor } from './harness';
import { DEFAULT_TEST_PASSWORD } from '@racine/db/factories';

describe('permission resolution', () => {
  it('gives each built-in global role its permissions', async () => {
    const deps = await testDeps();
    const admin = await person(deps, ['admin']);
    const steward = await person(deps, ['steward']);
    const viewer = await person(deps, ['viewer']);
    expect(await admin.access.can('user.manage')).toBe(true);
    expect(await steward.access.can('workspace.create')).toBe(true);
    expect(await steward.access.can('user.manage')).toBe(false);
    expect(await viewer.access.can('workspace.create')).toBe(false);
    expect(await viewer.access.can('system.read')).toBe(true);
  });

  it('adds workspace-role permissions only inside that workspace', async () => {
    const deps = await testDeps();
    const owner = await person(deps, ['viewer']);
    const member = await person(deps, ['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: member.user.id, role: 'viewer' }] });
    const other = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    expect(await member.access.can('workspace.read', workspaceScope(ws.id))).toBe(true);
    expect(await member.access.can('workspace.update', workspaceScope(ws.id))).toBe(false);
    expect(await member.access.can('workspace.read', globalScope)).toBe(false);
    expect(await new AccessChecker(deps.db, member.actor).can('workspace.read', workspaceScope(other.id))).toBe(false);
    expect(await owner.access.can('workspace.delete', workspaceScope(ws.id))).toBe(true);
    const grants = await grantsAt(deps.db, member.user.id, workspaceScope(ws.id));
    expect(grants.map((g) => [g.roleKey, g.via])).toEqual(expect.arrayContaining([['viewer', 'global'], ['ws.viewer', 'workspace-member']]));
  });

  it('ignores expired assignments', async () => {
    const deps = await testDeps();
    const p = await person(deps, []);
    await deps.db.roleAssignment.create({ data: { userId: p.user.id, roleId: 'admin', scopeType: 'global', expiresAt: new Date(Date.now() - 1000) } });
    expect(await new AccessChecker(deps.db, p.actor).can('user.manage')).toBe(false);
  });

  it('keeps at least one admin', async () => {
    const deps = await testDeps();
    const admin = await person(deps, ['admin']);
    // Other tests create admins too; remove admin from everyone but this one inside a rollback-only check.
    const others = await deps.db.roleAssignment.count({ where: { roleId: 'admin', scopeType: 'global', userId: { not: admin.user.id } } });
    if (others === 0) await expect(setGlobalRoles(deps, admin.actor, { userId: admin.user.id, roles: ['viewer'] })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    const r = await setGlobalRoles(deps, admin.actor, { userId: (await person(deps, ['viewer'])).user.id, roles: ['steward', 'analyst'] });
    expect(r.roles).toEqual(['analyst', 'steward']);
  });
});

describe('users and sign-in', () => {
  it('creates a user with an argon2id hash and signs in only with the right password', async () => {
    const deps = await testDeps();
    const admin = await person(deps, ['admin']);
    const email = `Ada.${crypto.randomUUID().slice(0, 6)}@Example.test`;
    const created = await createUser(deps, admin.actor, createUserInput.parse({ email, name: 'Ada', password: 'a-long-enough-password', roles: ['analyst'] }));
    const stored = await deps.db.user.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.email).toBe(email.toLowerCase());
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await authenticateWithPassword(deps, email, 'a-long-enough-password')).toMatchObject({ id: created.id });
    expect(await authenticateWithPassword(deps, email, 'wrong-password!!')).toBeNull();
    await expect(createUser(deps, admin.actor, createUserInput.parse({ email, name: 'Ada 2', password: 'a-long-enough-password' }))).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = await deps.db.activityEvent.findMany({ where: { resourceId: created.id, type: { startsWith: 'user.sign' } }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => [a.type, a.status, (a.details as { reason?: string }).reason ?? null])).toEqual([
      ['user.signed-in', 'success', null],
      ['user.sign-in.failed', 'failure', 'wrong password'],
    ]);
    expect(JSON.stringify(audit.map((a) => a.details))).not.toContain('a-long-enough-password');
  });

  it('refuses inactive users', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    await deps.db.user.update({ where: { id: p.user.id }, data: { isActive: false } });
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD)).toBeNull();
  });
});

describe('API tokens', () => {
  it('returns the token once, stores only its hash, authenticates, and stops after revoke', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const created = await createApiToken(deps, p.actor, { name: 'ci', expiresInDays: 30 });
    expect(created.token).toMatch(/^rcn_/);
    const row = await deps.db.apiToken.findUniqueOrThrow({ where: { id: created.id } });
    expect(row.tokenHash).not.toContain(created.token);
    expect(JSON.stringify(await listApiTokens(deps, p.actor))).not.toContain(created.token);
    expect(await authenticateApiToken(deps, created.token)).toEqual({ kind: 'token', userId: p.user.id, tokenId: created.id });
    expect((await deps.db.apiToken.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt).not.toBeNull();
    await revokeApiToken(deps, p.actor, { tokenId: created.id });
    expect(await authenticateApiToken(deps, created.token)).toBeNull();
  });

  it('refuses expired, unknown and other users’ tokens', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const other = await person(deps);
    const created = await createApiToken(deps, p.actor, { name: 'old', expiresInDays: 1 });
    await deps.db.apiToken.update({ where: { id: created.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await authenticateApiToken(deps, created.token)).toBeNull();
    expect(await authenticateApiToken(deps, 'rcn_nope')).toBeNull();
    await expect(revokeApiToken(deps, userActor(other.user.id), { tokenId: created.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
