/**
 * External collaborators against Postgres: an invite's link is single-use
 * and expires; accepting makes a guest who can read that one workspace and
 * nothing else, until the window ends (at the second, before any sweep) or
 * an admin revokes it (at once: account, sessions and tokens). The sweep then
 * closes the account and audits it once. Everything the guest does is flagged.
 */
import { randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { isSessionLive } from '../src/account/sessions';
import { listActivity } from '../src/activity/queries';
import { activityVisibility } from '../src/activity/visibility';
import { acceptGuestInvite, previewGuestInvite } from '../src/guests/accept';
import { expireGuestAccess } from '../src/guests/expiry';
import { inviteGuest } from '../src/guests/invite';
import { listGuestInvites } from '../src/guests/list';
import { guestAccessOf } from '../src/guests/my-access';
import { revokeGuestInvite } from '../src/guests/revoke';
import { markNotificationsRead } from '../src/notifications/notifications';
import { AccessChecker, grantsAt, workspaceScope } from '../src/rbac/resolve';
import { authenticateApiToken, createApiToken } from '../src/users/tokens';
import { authenticateWithPassword } from '../src/users/users';
import { makeWorkspace, person, testDeps } from './harness';

type Deps = Awaited<ReturnType<typeof testDeps>>;
const password = 'correct horse battery staple';
const guestEmail = () => `guest-${randomUUID()}@outside.test`;
const tokenOf = (link: string) => link.split('/invite/')[1]!;
const fresh = (deps: Deps, userId: string) => new AccessChecker(deps.db, { kind: 'user', userId });
const at = (deps: Deps, date: Date): Deps => ({ ...deps, clock: () => date });

async function scene() {
  const deps = await testDeps();
  const [owner, admin, member] = await Promise.all([person(deps), person(deps), person(deps)]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: admin.user.id, role: 'admin' }, { userId: member.user.id, role: 'member' }] });
  const other = await makeWorkspace(deps.db, { ownerId: owner.user.id });
  const invite = (email = guestEmail(), over: Partial<Parameters<typeof inviteGuest>[3]> = {}, d: Deps = deps) =>
    inviteGuest(d, admin.actor, admin.access, { workspaceId: ws.id, email, roleKey: 'viewer', accessDays: 7, linkValidHours: 72, ...over });
  return { deps, ws, other, owner, admin, member, invite };
}

describe('guests', () => {
  it('invites by email with a link whose token is stored hashed, and a guest who accepts can read that workspace only', async () => {
    const s = await scene();
    const email = guestEmail();
    const { invite, link } = await s.invite(email.toUpperCase(), { roleKey: 'member', message: 'Welcome to the audit' });
    expect(invite).toMatchObject({ email, status: 'pending', role: 'member', workspaceName: s.ws.name, invitedBy: { id: s.admin.user.id }, guest: null });
    expect(link).toMatch(/^https?:\/\/.+\/invite\/[A-Za-z0-9_-]{43}$/);
    const token = tokenOf(link);

    const row = await s.deps.db.guestInvite.findUniqueOrThrow({ where: { id: invite.id } });
    expect(row.tokenHash).not.toContain(token);
    expect(row.roleKey).toBe('ws.member');
    const mail = await s.deps.db.emailOutbox.findFirstOrThrow({ where: { toAddress: email, kind: 'invite' } });
    expect(mail).toMatchObject({ status: 'pending' });
    expect(mail.text).toContain(link);
    expect(mail.text).toContain('Welcome to the audit');
    const audit = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'guest.invited', resourceId: invite.id } });
    expect(audit).toMatchObject({ actorId: s.admin.user.id, workspaceId: s.ws.id, complianceRelevant: true });
    expect(JSON.stringify([audit.details, audit.after])).not.toContain(token);

    const preview = await previewGuestInvite(s.deps, { token });
    expect(preview).toMatchObject({ usable: true, email, workspaceName: s.ws.name, inviterName: s.admin.user.name, roleName: 'Member', returningGuest: false });

    const accepted = await acceptGuestInvite(s.deps, { token, name: 'Ada Auditor', password });
    const guestId = accepted.userId;
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { id: guestId } })).toMatchObject({ email, name: 'Ada Auditor', isGuest: true, isActive: true });
    const assignment = await s.deps.db.roleAssignment.findFirstOrThrow({ where: { userId: guestId } });
    expect(assignment).toMatchObject({ roleId: 'ws.member', scopeType: 'workspace', scopeId: s.ws.id, guestInviteId: invite.id, expiresAt: row.accessEndsAt });

    const access = fresh(s.deps, guestId);
    expect(await access.can('workspace.read', workspaceScope(s.ws.id))).toBe(true);
    expect(await access.can('workspace.read', workspaceScope(s.other.id))).toBe(false);
    expect(await access.can('workspace.read')).toBe(false);
    expect(await access.can('guest.manage', workspaceScope(s.ws.id))).toBe(false);
    expect(await authenticateWithPassword(s.deps, email, password)).toMatchObject({ id: guestId });
    expect(await guestAccessOf(s.deps.db, guestId)).toEqual({ workspaces: [{ workspaceId: s.ws.id, workspaceName: s.ws.name, roleKey: 'ws.member', accessEndsAt: row.accessEndsAt }] });
    expect(await guestAccessOf(s.deps.db, s.admin.user.id)).toBeNull();

    // The acceptance is the guest's own row, flagged; so is anything they do next.
    const acceptedRow = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'guest.accepted', resourceId: invite.id, status: 'success' } });
    expect(acceptedRow).toMatchObject({ actorId: guestId, details: expect.objectContaining({ guest: true }) });
    await markNotificationsRead(s.deps, { kind: 'user', userId: guestId, guest: true }, { all: true });
    const own = await s.deps.db.activityEvent.findMany({ where: { actorId: guestId } });
    expect(own.length).toBeGreaterThanOrEqual(2);
    expect(own.every((r) => (r.details as { guest?: boolean }).guest === true)).toBe(true);

    // The activity page's "Guests only" filter finds exactly those rows, in the workspace's log.
    const guestRows = await listActivity(s.deps, await activityVisibility(s.owner.access), { workspaceId: s.ws.id, guestOnly: true, limit: 50 });
    expect(guestRows.items.map((r) => r.type)).toEqual(['guest.accepted']);
    const everything = await listActivity(s.deps, await activityVisibility(s.owner.access), { workspaceId: s.ws.id, limit: 50 });
    expect(everything.items.map((r) => r.type)).toContain('guest.invited');

    const told = await s.deps.db.notification.findFirstOrThrow({ where: { sourceKey: `guest.accepted:${invite.id}` } });
    expect(told).toMatchObject({ userId: s.admin.user.id, kind: 'guest.accepted', link: '/admin/guests' });

    const listed = await listGuestInvites(s.deps, s.owner.access, { workspaceId: s.ws.id, status: 'active', limit: 10 });
    expect(listed.items.find((i) => i.id === invite.id)).toMatchObject({ status: 'active', guest: { id: guestId, name: 'Ada Auditor' }, activityCount: own.length });
    expect(listed.items.find((i) => i.id === invite.id)?.lastActivityAt).toBeInstanceOf(Date);
    expect((await listGuestInvites(s.deps, s.member.access, { limit: 100 })).items.map((i) => i.id)).not.toContain(invite.id);
  });

  it('makes a link single-use: a second acceptance, even concurrent, fails and makes no second account', async () => {
    const s = await scene();
    const email = guestEmail();
    const token = tokenOf((await s.invite(email)).link);
    const results = await Promise.allSettled([acceptGuestInvite(s.deps, { token, name: 'One', password }), acceptGuestInvite(s.deps, { token, name: 'Two', password })]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({ reason: { code: 'CONFLICT', message: expect.stringMatching(/already used/) } });
    await expect(acceptGuestInvite(s.deps, { token, name: 'Three', password })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await s.deps.db.user.count({ where: { email } })).toBe(1);
    expect(await previewGuestInvite(s.deps, { token })).toEqual({ usable: false, reason: expect.stringMatching(/already used/) });
  });

  it('refuses an expired link, an unknown token, and never says which other emails exist', async () => {
    const s = await scene();
    const twoHoursAgo = new Date(Date.now() - 2 * 3_600_000);
    const { invite, link } = await s.invite(guestEmail(), { linkValidHours: 1 }, at(s.deps, twoHoursAgo));
    const token = tokenOf(link);
    expect((await listGuestInvites(s.deps, s.admin.access, { workspaceId: s.ws.id, status: 'expired', limit: 10 })).items.map((i) => i.id)).toContain(invite.id);
    expect(await previewGuestInvite(s.deps, { token })).toEqual({ usable: false, reason: expect.stringMatching(/expired/) });
    await expect(acceptGuestInvite(s.deps, { token, name: 'Late', password })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/expired/) });
    const unknown = await previewGuestInvite(s.deps, { token: 'x'.repeat(43) });
    expect(unknown).toEqual({ usable: false, reason: expect.stringMatching(/not valid/) });
    await expect(acceptGuestInvite(s.deps, { token: 'x'.repeat(43), name: 'Nobody', password })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/not valid/) });
  });

  it('refuses inviting an existing member account, a second pending invite, and a non-admin inviter', async () => {
    const s = await scene();
    await expect(s.invite(s.member.user.email)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already has a Racine account.*member.*request access/) });
    const email = guestEmail();
    const { invite } = await s.invite(email);
    await expect(s.invite(email)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/pending invitation.*revoke/), details: { inviteId: invite.id } });
    await expect(inviteGuest(s.deps, s.member.actor, s.member.access, { workspaceId: s.ws.id, email: guestEmail(), roleKey: 'viewer', accessDays: 1, linkValidHours: 1 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(s.invite(guestEmail(), { accessDays: undefined, accessEndsAt: new Date(Date.now() - 1_000) })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /future/ });
    // Revoking the pending one makes room for a new invitation; its link stops working.
    const token = tokenOf((await s.invite(guestEmail())).link);
    const revokedPending = await s.deps.db.guestInvite.findFirstOrThrow({ where: { workspaceId: s.ws.id }, orderBy: { createdAt: 'desc' } });
    await revokeGuestInvite(s.deps, s.owner.actor, s.owner.access, { inviteId: revokedPending.id });
    await expect(acceptGuestInvite(s.deps, { token, name: 'Too late', password })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: /withdrawn/ });
    await revokeGuestInvite(s.deps, s.admin.actor, s.admin.access, { inviteId: invite.id });
    await expect(s.invite(email)).resolves.toMatchObject({ invite: { status: 'pending' } });
    await expect(revokeGuestInvite(s.deps, s.member.actor, s.member.access, { inviteId: invite.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('revoke ends an accepted guest’s access at once: assignment, account, sessions and API tokens', async () => {
    const s = await scene();
    const email = guestEmail();
    const { invite, link } = await s.invite(email);
    const { userId } = await acceptGuestInvite(s.deps, { token: tokenOf(link), name: 'Revoked Rita', password });
    const session = await s.deps.db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) } });
    const { token: apiToken } = await createApiToken(s.deps, { kind: 'user', userId, guest: true }, { name: 'script', expiresInDays: null });
    expect(await isSessionLive(s.deps, userId, session.id)).toBe(true);
    expect(await authenticateApiToken(s.deps, apiToken)).toMatchObject({ userId, guest: true });

    const revoked = await revokeGuestInvite(s.deps, s.admin.actor, s.admin.access, { inviteId: invite.id });
    expect(revoked).toMatchObject({ status: 'revoked', revokedBy: { id: s.admin.user.id }, guest: { id: userId, isActive: false } });
    expect(await fresh(s.deps, userId).can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    expect(await isSessionLive(s.deps, userId, session.id)).toBe(false);
    expect(await authenticateApiToken(s.deps, apiToken)).toBeNull();
    expect(await authenticateWithPassword(s.deps, email, password)).toBeNull();
    const audit = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'guest.revoked', resourceId: invite.id } });
    expect(audit).toMatchObject({ actorId: s.admin.user.id, before: { status: 'active' }, details: expect.objectContaining({ deactivated: true, sessionsRevoked: 1, tokensRevoked: 1 }) });
    await expect(revokeGuestInvite(s.deps, s.admin.actor, s.admin.access, { inviteId: invite.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    // A revoked invite is not swept again as expired.
    await expireGuestAccess(at(s.deps, new Date(Date.now() + 30 * 86_400_000)));
    expect(await s.deps.db.activityEvent.count({ where: { type: 'guest.expired', resourceId: invite.id } })).toBe(0);
  });

  it('access ends on its own at the window’s end, before any sweep; the sweep then closes the account once', async () => {
    const s = await scene();
    const email = guestEmail();
    // Invited "a day minus three seconds ago" for a day: the window ends three seconds from now.
    const { invite, link } = await s.invite(email, { accessDays: 1 }, at(s.deps, new Date(Date.now() - 86_400_000 + 3_000)));
    const { userId } = await acceptGuestInvite(s.deps, { token: tokenOf(link), name: 'Brief Bea', password });
    const session = await s.deps.db.userSession.create({ data: { userId, expiresAt: new Date(Date.now() + 3_600_000) } });
    expect(await fresh(s.deps, userId).can('workspace.read', workspaceScope(s.ws.id))).toBe(true);
    expect(await expireGuestAccess(s.deps)).toMatchObject({ expired: 0 });

    await new Promise((r) => setTimeout(r, 3_200));
    expect(await fresh(s.deps, userId).can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    expect(await grantsAt(s.deps.db, userId, workspaceScope(s.ws.id))).toEqual([]);
    expect((await listGuestInvites(s.deps, s.admin.access, { workspaceId: s.ws.id, status: 'expired', limit: 10 })).items.map((i) => i.id)).toContain(invite.id);
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { isActive: true } })).toEqual({ isActive: true });

    const [first, second] = await Promise.all([expireGuestAccess(s.deps), expireGuestAccess(s.deps)]);
    expect(first.expired + second.expired).toBeGreaterThanOrEqual(1);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'guest.expired', resourceId: invite.id } })).toBe(1);
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { isActive: true } })).toEqual({ isActive: false });
    expect(await isSessionLive(s.deps, userId, session.id)).toBe(false);
    expect(await s.deps.db.notification.count({ where: { sourceKey: `guest.expired:${invite.id}`, userId: s.admin.user.id } })).toBe(1);
    await expireGuestAccess(s.deps);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'guest.expired', resourceId: invite.id } })).toBe(1);
  });

  it('the sweep follows deps.clock: a window that ends tomorrow is closed by a sweep run "tomorrow"', async () => {
    const s = await scene();
    const { invite, link } = await s.invite(guestEmail(), { accessDays: 1 });
    const { userId } = await acceptGuestInvite(s.deps, { token: tokenOf(link), name: 'Clocked Cleo', password });
    const tomorrow = new Date(Date.now() + 86_400_000 + 60_000);
    expect(await grantsAt(s.deps.db, userId, workspaceScope(s.ws.id), tomorrow)).toEqual([]);
    await expireGuestAccess(s.deps);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'guest.expired', resourceId: invite.id } })).toBe(0);
    await expireGuestAccess(at(s.deps, tomorrow));
    expect(await s.deps.db.activityEvent.count({ where: { type: 'guest.expired', resourceId: invite.id } })).toBe(1);
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { isActive: true } })).toEqual({ isActive: false });
  });

  it('a guest of two workspaces keeps their account when one invite is revoked, and a returning guest reuses it', async () => {
    const s = await scene();
    const email = guestEmail();
    const first = await s.invite(email);
    const { userId } = await acceptGuestInvite(s.deps, { token: tokenOf(first.link), name: 'Two Hats', password });
    const second = await inviteGuest(s.deps, s.owner.actor, s.owner.access, { workspaceId: s.other.id, email, roleKey: 'viewer', accessDays: 3, linkValidHours: 24 });
    expect(await previewGuestInvite(s.deps, { token: tokenOf(second.link) })).toMatchObject({ usable: true, returningGuest: true });
    const again = await acceptGuestInvite(s.deps, { token: tokenOf(second.link), name: 'Two Hats', password: 'another long password' });
    expect(again.userId).toBe(userId);
    await revokeGuestInvite(s.deps, s.admin.actor, s.admin.access, { inviteId: first.invite.id });
    const access = fresh(s.deps, userId);
    expect(await access.can('workspace.read', workspaceScope(s.ws.id))).toBe(false);
    expect(await access.can('workspace.read', workspaceScope(s.other.id))).toBe(true);
    expect(await s.deps.db.user.findUniqueOrThrow({ where: { id: userId }, select: { isActive: true } })).toEqual({ isActive: true });
    expect(await authenticateWithPassword(s.deps, email, 'another long password')).toMatchObject({ id: userId });
  });
});
