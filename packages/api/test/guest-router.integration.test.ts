/**
 * A guest through the real API context: invited and accepted over the
 * router (signed out), they read their workspace with their browser session
 * and an API token; the moment an admin revokes them, both are refused.
 */
import { describe, expect, it } from 'vitest';
import { createCallerFactory } from '../src/trpc';
import { appRouter } from '../src/root';
import { createApiToken } from '@racine/services';
import { createTRPCContext } from '../src/context';
import { callerFor, makeWorkspace, personWith, testDeps } from './harness';

const createCaller = createCallerFactory(appRouter);

describe('guest router', () => {
  it('a revoked guest is refused at once, by session and by token', async () => {
    const { deps, feed } = await testDeps();
    const admin = await personWith(['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: admin.user.id });
    const email = `guest-${crypto.randomUUID()}@outside.test`;
    const { invite, link } = await admin.caller.guest.invite({ workspaceId: ws.id, email, roleKey: 'viewer', accessDays: 2 });
    const token = link.split('/invite/')[1]!;

    const anonymous = await callerFor(null);
    expect(await anonymous.guest.preview({ token })).toMatchObject({ usable: true, workspaceName: ws.name });
    const { userId } = await anonymous.guest.accept({ token, name: 'Gus Guest', password: 'a long enough password' });

    const session = await deps.db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) } });
    const asBrowser = async () => createCaller(await createTRPCContext({ headers: new Headers(), sessionUserId: userId, sessionId: session.id, deps, feed }));
    const browser = await asBrowser();
    expect(await browser.workspace.get({ id: ws.id })).toMatchObject({ id: ws.id });
    expect(await browser.user.me()).toMatchObject({ guest: { workspaces: [{ workspaceId: ws.id }] } });
    // Guests hold no token.manage; a token made for them anyway (e.g. before a policy change) must die with the access.
    const { token: apiToken } = await createApiToken(deps, { kind: 'user', userId, guest: true }, { name: 'guest script', expiresInDays: null });
    const viaToken = async () => createCaller(await createTRPCContext({ headers: new Headers({ authorization: `Bearer ${apiToken}` }), sessionUserId: null, deps, feed }));
    expect(await (await viaToken()).workspace.get({ id: ws.id })).toMatchObject({ id: ws.id });

    await admin.caller.guest.revoke({ inviteId: invite.id });
    await expect(asBrowser()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(viaToken()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    // Even a cookie without a session row (an in-process caller) gets nothing: the account is inactive.
    const noSession = createCaller(await createTRPCContext({ headers: new Headers(), sessionUserId: userId, deps, feed }));
    await expect(noSession.workspace.get({ id: ws.id })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect((await admin.caller.guest.list({ workspaceId: ws.id })).items).toEqual([expect.objectContaining({ id: invite.id, status: 'revoked' })]);
  });
});
