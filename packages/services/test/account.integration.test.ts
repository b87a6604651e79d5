import { DEFAULT_TEST_PASSWORD } from '@racine/db/factories';
import { describe, expect, it } from 'vitest';
import type { Actor } from '../src/actor';
import { effectivePermissions } from '../src/account/effective-permissions';
import { changePassword } from '../src/account/change-password';
import { disableMfa, enrollMfa, verifyMfa } from '../src/account/mfa';
import { mfaSetupRequiredBy } from '../src/account/mfa-policy';
import { ownActivity } from '../src/account/own-activity';
import { getProfile, updateProfile } from '../src/account/profile';
import { changePasswordInput, effectivePermissionsInput, ownActivityInput, updateProfileInput } from '../src/account/schemas';
import { isSessionLive, listSessions, revokeOtherSessions, revokeSession, startUserSession } from '../src/account/sessions';
import { totpCode } from '../src/account/totp';
import { authenticateWithPassword, MFA_INVALID, MFA_REQUIRED } from '../src/users/users';
import { makeWorkspace, person, testDeps } from './harness';

const withSession = (userId: string, sessionId: string): Actor => ({ kind: 'user', userId, sessionId });
const lastActivity = async (deps: Awaited<ReturnType<typeof testDeps>>, userId: string, type: string) =>
  deps.db.activityEvent.findFirst({ where: { actorId: userId, type }, orderBy: { id: 'desc' } });

/** A role of the test's own that requires MFA (flipping a built-in one would lock out every other test's users). */
async function mfaRole(deps: Awaited<ReturnType<typeof testDeps>>, scopeType: 'global' | 'workspace' = 'workspace') {
  const key = `test.mfa.${crypto.randomUUID()}`;
  return deps.db.role.create({ data: { key, name: `Auditor ${key.slice(-4)}`, description: 'test', scopeType, requiresMfa: true } });
}

describe('profile', () => {
  it('rejects an unknown time zone and a workspace the user cannot open, and audits a change with before and after', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const owner = await person(deps);
    const theirs = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const mine = await makeWorkspace(deps.db, { ownerId: p.user.id });

    expect(updateProfileInput.safeParse({ timeZone: 'Mars/Olympus_Mons' }).success).toBe(false);
    expect(updateProfileInput.safeParse({ timeZone: 'Europe/Paris' }).success).toBe(true);
    expect(updateProfileInput.safeParse({ timeZone: 'UTC' }).success).toBe(true);
    expect(updateProfileInput.safeParse({ theme: 'blue' }).success).toBe(false);
    expect(updateProfileInput.safeParse({ isAdmin: true }).success).toBe(false);

    await expect(updateProfile(deps, p.actor, p.access, updateProfileInput.parse({ defaultWorkspaceId: theirs.id }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const saved = await updateProfile(deps, p.actor, p.access, updateProfileInput.parse({ name: 'Ada Lovelace', timeZone: 'Europe/Paris', theme: 'dark', defaultWorkspaceId: mine.id }));
    expect(saved.profile).toMatchObject({ timeZone: 'Europe/Paris', theme: 'dark', defaultWorkspaceId: mine.id });
    const profile = await getProfile(deps, p.actor);
    expect(profile).toMatchObject({ name: 'Ada Lovelace', profile: { timeZone: 'Europe/Paris', theme: 'dark' }, mfa: { enabled: false, requiredBy: null } });

    const row = await lastActivity(deps, p.user.id, 'user.profile.updated');
    expect(row?.before).toMatchObject({ name: p.user.name, timeZone: 'UTC', theme: 'system', defaultWorkspaceId: null });
    expect(row?.after).toMatchObject({ name: 'Ada Lovelace', timeZone: 'Europe/Paris', theme: 'dark', defaultWorkspaceId: mine.id });
    // Only what was asked to change is in the row.
    expect(Object.keys(row?.after as object).sort()).toEqual(['defaultWorkspaceId', 'name', 'theme', 'timeZone']);
  });
});

describe('password change', () => {
  it('needs the current password, a new one of 12+ characters that differs, and signs out the other sessions only', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const here = await startUserSession(deps, { userId: p.user.id, userAgent: 'here', method: 'credentials' });
    const there = await startUserSession(deps, { userId: p.user.id, userAgent: 'there', method: 'credentials' });
    const actor = withSession(p.user.id, here.id);

    expect(changePasswordInput.safeParse({ currentPassword: DEFAULT_TEST_PASSWORD, newPassword: 'too-short' }).success).toBe(false);
    await expect(changePassword(deps, actor, { currentPassword: 'not-my-password', newPassword: 'a-brand-new-password' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'The current password is wrong' });
    await expect(changePassword(deps, actor, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: DEFAULT_TEST_PASSWORD })).rejects.toMatchObject({ code: 'BAD_REQUEST' });

    const result = await changePassword(deps, actor, { currentPassword: DEFAULT_TEST_PASSWORD, newPassword: 'a-brand-new-password' });
    expect(result.sessionsRevoked).toBe(1);
    expect(await isSessionLive(deps, p.user.id, here.id)).toBe(true);
    expect(await isSessionLive(deps, p.user.id, there.id)).toBe(false);
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD)).toBeNull();
    expect(await authenticateWithPassword(deps, p.user.email, 'a-brand-new-password')).toMatchObject({ id: p.user.id });
    expect((await deps.db.user.findUniqueOrThrow({ where: { id: p.user.id } })).passwordChangedAt).not.toBeNull();

    const row = await lastActivity(deps, p.user.id, 'user.password.changed');
    expect(row?.status).toBe('success');
    expect(JSON.stringify({ ...row, id: String(row?.id) })).not.toContain('a-brand-new-password');
    // The wrong-password attempt is on record as a failure.
    expect(await deps.db.activityEvent.count({ where: { actorId: p.user.id, type: 'user.password.changed', status: 'failure' } })).toBe(1);
  });
});

describe('two-factor authentication', () => {
  it('enrols with an encrypted secret, turns on with a code, then sign-in needs a TOTP or a single-use recovery code', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const { secret, uri, qrDataUrl } = await enrollMfa(deps, p.actor);
    expect(uri).toContain('issuer=Racine');
    expect(qrDataUrl).toMatch(/^data:image\/png;base64,/);
    const stored = (await deps.db.user.findUniqueOrThrow({ where: { id: p.user.id } })).mfaSecret!;
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain(secret);

    // Not on until confirmed: the password alone still signs in.
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD)).toMatchObject({ id: p.user.id });
    await expect(verifyMfa(deps, p.actor, { code: totpCode(secret, new Date(Date.now() - 5 * 60_000)) })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const { recoveryCodes } = await verifyMfa(deps, p.actor, { code: totpCode(secret, new Date()) });
    expect(recoveryCodes).toHaveLength(10);
    const hashes = await deps.db.mfaRecoveryCode.findMany({ where: { userId: p.user.id } });
    expect(hashes).toHaveLength(10);
    expect(hashes.map((h) => h.codeHash)).not.toContain(recoveryCodes[0]);
    await expect(enrollMfa(deps, p.actor)).rejects.toMatchObject({ code: 'CONFLICT' });

    await expect(authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD)).rejects.toMatchObject({ message: MFA_REQUIRED });
    await expect(authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD, '000000')).rejects.toMatchObject({ message: MFA_INVALID });
    // A wrong password with a right code is a plain mismatch: no hint that the password was the wrong part.
    expect(await authenticateWithPassword(deps, p.user.email, 'wrong-password!!', totpCode(secret, new Date()))).toBeNull();
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD, totpCode(secret, new Date()))).toMatchObject({ id: p.user.id });

    const recovery = recoveryCodes[3]!;
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD, recovery.toUpperCase())).toMatchObject({ id: p.user.id });
    await expect(authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD, recovery)).rejects.toMatchObject({ message: MFA_INVALID });
    expect((await getProfile(deps, p.actor)).mfa).toMatchObject({ enabled: true, recoveryCodesLeft: 9 });
    const signIn = await lastActivity(deps, p.user.id, 'user.signed-in');
    expect(signIn?.details).toMatchObject({ secondFactor: 'recovery-code' });
  });

  it('cannot be turned off while a role requires it, and otherwise needs the password and a code', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const role = await mfaRole(deps);
    const ws = await makeWorkspace(deps.db, { ownerId: (await person(deps)).user.id });
    const { secret } = await enrollMfa(deps, p.actor);
    await verifyMfa(deps, p.actor, { code: totpCode(secret, new Date()) });
    await deps.db.workspaceMember.create({ data: { workspaceId: ws.id, userId: p.user.id, roleId: role.id } });

    const input = () => ({ password: DEFAULT_TEST_PASSWORD, code: totpCode(secret, new Date()) });
    await expect(disableMfa(deps, p.actor, input())).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(role.name) });
    await deps.db.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId: ws.id, userId: p.user.id } } });
    await expect(disableMfa(deps, p.actor, { ...input(), password: 'wrong-password!!' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await disableMfa(deps, p.actor, input());
    expect(await deps.db.mfaRecoveryCode.count({ where: { userId: p.user.id } })).toBe(0);
    expect(await authenticateWithPassword(deps, p.user.email, DEFAULT_TEST_PASSWORD)).toMatchObject({ id: p.user.id });
  });

  it('is required by a role through any route until set up, and not by an expired assignment', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const role = await mfaRole(deps, 'global');
    expect(await mfaSetupRequiredBy(deps.db, p.user.id)).toBeNull();
    await deps.db.roleAssignment.create({ data: { userId: p.user.id, roleId: role.id, scopeType: 'global', expiresAt: new Date(Date.now() - 1000) } });
    expect(await mfaSetupRequiredBy(deps.db, p.user.id)).toBeNull();
    await deps.db.roleAssignment.updateMany({ where: { userId: p.user.id, roleId: role.id }, data: { expiresAt: null } });
    expect(await mfaSetupRequiredBy(deps.db, p.user.id)).toBe(role.name);
    const { secret } = await enrollMfa(deps, p.actor);
    await verifyMfa(deps, p.actor, { code: totpCode(secret, new Date()) });
    expect(await mfaSetupRequiredBy(deps.db, p.user.id)).toBeNull();
  });
});

describe('sessions', () => {
  it('lists the live ones with the current marked, revokes one of the user’s own only, or all the others', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const stranger = await person(deps);
    const [a, b, c] = await Promise.all(['A', 'B', 'C'].map((ua) => startUserSession(deps, { userId: p.user.id, userAgent: ua, ip: '10.0.0.1', method: 'credentials' })));
    const actor = withSession(p.user.id, a!.id);
    const listed = await listSessions(deps, actor);
    expect(listed.map((s) => s.id).sort()).toEqual([a!.id, b!.id, c!.id].sort());
    expect(listed.find((s) => s.current)?.id).toBe(a!.id);

    await expect(revokeSession(deps, stranger.actor, { id: b!.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await revokeSession(deps, actor, { id: b!.id });
    expect(await isSessionLive(deps, p.user.id, b!.id)).toBe(false);
    expect(await revokeOtherSessions(deps, actor)).toEqual({ revoked: 1 });
    expect((await listSessions(deps, actor)).map((s) => s.id)).toEqual([a!.id]);
    // Another user's id never validates a session.
    expect(await isSessionLive(deps, stranger.user.id, a!.id)).toBe(false);
  });
});

describe('effective permissions', () => {
  it('lists each scope with the roles and routes that grant each permission, and expiries', async () => {
    const deps = await testDeps();
    const p = await person(deps, ['viewer']);
    const owner = await person(deps);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: p.user.id, role: 'member' }] });
    const source = await deps.db.dataSource.create({ data: { name: `perm-${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: '/nowhere.sqlite' } });
    const until = new Date(Date.now() + 7 * 86_400_000);
    await deps.db.roleAssignment.create({ data: { userId: p.user.id, roleId: 'ds.reader', scopeType: 'datasource', scopeId: source.id, expiresAt: until } });

    const view = await effectivePermissions(deps, p.access, effectivePermissionsInput.parse({}));
    const global = view.scopes.find((s) => s.scope.type === 'global')!;
    expect(global.permissions.find((x) => x.key === 'system.read')?.through).toEqual([expect.objectContaining({ roleKey: 'viewer', via: 'global' })]);

    const inWorkspace = view.scopes.find((s) => s.scope.type === 'workspace')!;
    expect(inWorkspace.scope).toMatchObject({ id: ws.id, name: ws.name });
    expect(inWorkspace.permissions.find((x) => x.key === 'workflow.execute')?.through).toEqual([expect.objectContaining({ roleKey: 'ws.member', via: 'workspace-member', expiresAt: null })]);
    // Global roles are not repeated below the global scope.
    expect(inWorkspace.permissions.flatMap((x) => x.through).some((t) => t.via === 'global')).toBe(false);

    const onSource = view.scopes.find((s) => s.scope.type === 'datasource')!;
    expect(onSource.scope).toMatchObject({ id: source.id, name: source.name });
    const reader = onSource.permissions.flatMap((x) => x.through).find((t) => t.roleKey === 'ds.reader');
    expect(reader).toMatchObject({ via: 'assignment', expiresAt: until });

    // It agrees with what is enforced.
    for (const perm of inWorkspace.permissions) expect(await p.access.can(perm.key, { type: 'workspace', id: ws.id })).toBe(true);
  });

  it('shows another user only to holders of user.read, and says why it refuses', async () => {
    const deps = await testDeps();
    const target = await person(deps, ['viewer']);
    const viewer = await person(deps, ['viewer']);
    const analyst = await person(deps, ['analyst']);
    await expect(effectivePermissions(deps, viewer.access, { userId: target.user.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining('user.read') });
    expect((await effectivePermissions(deps, analyst.access, { userId: target.user.id })).user.id).toBe(target.user.id);
    await expect(effectivePermissions(deps, analyst.access, { userId: crypto.randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('own activity', () => {
  it('is the caller’s rows only, newest first, paginated and filterable by type', async () => {
    const deps = await testDeps();
    const p = await person(deps);
    const other = await person(deps);
    for (const theme of ['dark', 'light', 'system'] as const) await updateProfile(deps, p.actor, p.access, { theme });
    await updateProfile(deps, other.actor, other.access, { theme: 'dark' });
    await startUserSession(deps, { userId: p.user.id, method: 'credentials' });

    const first = await ownActivity(deps, p.actor, ownActivityInput.parse({ limit: 2 }));
    expect(first.items).toHaveLength(2);
    expect(first.items[0]!.type).toBe('user.session.started');
    const second = await ownActivity(deps, p.actor, ownActivityInput.parse({ limit: 10, cursor: first.nextCursor! }));
    expect(second.items.map((e) => e.type)).toEqual(['user.profile.updated', 'user.profile.updated']);
    expect(second.nextCursor).toBeNull();
    const filtered = await ownActivity(deps, p.actor, ownActivityInput.parse({ type: 'user.profile.updated' }));
    expect(filtered.items).toHaveLength(3);
    expect(filtered.items.every((e) => e.actorId === p.user.id)).toBe(true);
  });
});
