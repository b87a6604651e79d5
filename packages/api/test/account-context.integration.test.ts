/**
 * What the API enforces for accounts on every request: a session row that
 * was signed out is refused, and a role that requires MFA leaves its holder
 * only their own account until they set it up.
 */
import { startUserSession, totpCode } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { createTRPCContext } from '../src/context';
import { callerFor, makeWorkspace, personWith, testDeps } from './harness';

describe('createTRPCContext and session rows', () => {
  it('accepts a live session and refuses one that is revoked, unknown, someone else’s or missing', async () => {
    const { deps, feed } = await testDeps();
    const p = await personWith(['viewer']);
    const other = await personWith(['viewer']);
    const headers = new Headers();
    const context = (sessionId: string | null | undefined, userId = p.user.id) => createTRPCContext({ headers, sessionUserId: userId, sessionId, deps, feed });
    const session = await startUserSession(deps, { userId: p.user.id, method: 'credentials' });

    const ctx = await context(session.id);
    expect(ctx.actor).toMatchObject({ kind: 'user', userId: p.user.id, sessionId: session.id });
    // In-process callers that do not track sessions leave the field out.
    expect((await context(undefined)).actor).toMatchObject({ userId: p.user.id });

    const signedOut = { code: 'UNAUTHORIZED', message: expect.stringContaining('This session was signed out') };
    await expect(context(null)).rejects.toMatchObject(signedOut);
    await expect(context(crypto.randomUUID())).rejects.toMatchObject(signedOut);
    await expect(context(session.id, other.user.id)).rejects.toMatchObject(signedOut);
    await p.caller.user.revokeSession({ id: session.id });
    await expect(context(session.id)).rejects.toMatchObject(signedOut);

    const expired = await deps.db.userSession.create({ data: { userId: p.user.id, expiresAt: new Date(Date.now() - 1000) } });
    await expect(context(expired.id)).rejects.toMatchObject(signedOut);
  });
});

describe('a role that requires MFA', () => {
  it('blocks every procedure but the own account until the holder has set up MFA', async () => {
    const { deps } = await testDeps();
    const admin = await personWith(['admin']);
    const p = await personWith(['viewer']);
    const key = `test.mfa.${crypto.randomUUID()}`;
    const role = await deps.db.role.create({ data: { key, name: 'Auditor', description: 'test', scopeType: 'workspace' } });
    const ws = await makeWorkspace(deps.db, { ownerId: admin.user.id });
    await deps.db.workspaceMember.create({ data: { workspaceId: ws.id, userId: p.user.id, roleId: role.id } });
    const caller = await callerFor(p.actor);
    expect((await caller.workspace.list({ limit: 5 })).items).toBeDefined();

    const switched = await admin.caller.rbac.setRoleRequiresMfa({ roleId: role.id, requiresMfa: true });
    expect(switched).toMatchObject({ requiresMfa: true, holdersWithoutMfa: 1 });

    // A new request (context) sees the requirement.
    const blocked = await callerFor(p.actor);
    const refusal = { code: 'FORBIDDEN', message: 'Your role Auditor (workspace) requires two-factor authentication: set it up in Settings → Security' };
    await expect(blocked.workspace.list({ limit: 5 })).rejects.toMatchObject(refusal);
    await expect(blocked.orchestration.health()).rejects.toMatchObject(refusal);
    expect((await blocked.user.me()).mfaRequiredBy).toBe('Auditor (workspace)');
    expect((await blocked.user.profile()).mfa.requiredBy).toBe('Auditor (workspace)');

    const { secret } = await blocked.user.enrollMfa();
    await blocked.user.verifyMfa({ code: totpCode(secret, new Date()) });
    const unblocked = await callerFor(p.actor);
    expect((await unblocked.workspace.list({ limit: 5 })).items).toBeDefined();
    expect((await unblocked.user.me()).mfaRequiredBy).toBeNull();
  });
});
