/**
 * Inviting a guest: one invite row holding only the sha256 of a random
 * token, and the invitation email in the outbox, in the same transaction as
 * the audit row. The link is returned once, so the inviter can also pass it on.
 */
import { randomBytes } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import { hashToken } from '../users/tokens';
import { renderInviteEmail } from './invite-email';
import { presentInvites } from './present';
import { maxGuestAccessDays, type inviteGuestInput } from './schemas';
import { guestSpec, inviteLink, roleKeyOf, utc } from './shared';

export function inviterOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Guests are invited and revoked by people');
  return actor.userId;
}

/** When access ends: N days from now, or the date given (in the future, at most 90 days away). */
function accessEnd(input: z.output<typeof inviteGuestInput>, now: Date): Date {
  const limit = now.getTime() + maxGuestAccessDays * 86_400_000;
  if (input.accessDays !== undefined) return new Date(now.getTime() + input.accessDays * 86_400_000);
  const end = input.accessEndsAt!;
  if (end <= now) throw new AppError('BAD_REQUEST', 'Access must end in the future', { field: 'accessEndsAt' });
  if (end.getTime() > limit) throw new AppError('BAD_REQUEST', `Guest access lasts at most ${maxGuestAccessDays} days`, { field: 'accessEndsAt' });
  return end;
}

export async function inviteGuest(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof inviteGuestInput>) {
  const inviterId = inviterOf(actor);
  // Accounts are keyed by lower-case email (sign-in lowercases too); the schema does this already, in-process callers may not.
  input = { ...input, email: input.email.trim().toLowerCase() };
  await access.require('guest.manage', workspaceScope(input.workspaceId));
  const now = deps.clock();
  const accessEndsAt = accessEnd(input, now);
  // A link never outlives the access it grants.
  const linkExpiresAt = new Date(Math.min(now.getTime() + input.linkValidHours * 3_600_000, accessEndsAt.getTime()));
  const roleKey = roleKeyOf(input.roleKey);
  const token = randomBytes(32).toString('base64url');
  const link = inviteLink(token);

  const invite = await mutate(deps, actor, guestSpec('guest.invited', 'invite', undefined, input.workspaceId), async (tx) => {
    const [workspace, inviter, role, account] = await Promise.all([
      tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true, name: true } }),
      tx.user.findUniqueOrThrow({ where: { id: inviterId }, select: { name: true } }),
      tx.role.findUniqueOrThrow({ where: { id: roleKey }, select: { name: true } }),
      tx.user.findUnique({ where: { email: input.email }, select: { id: true, isGuest: true } }),
    ]);
    if (!workspace) throw notFound('Workspace', input.workspaceId);
    if (account && !account.isGuest)
      throw new AppError('CONFLICT', `${input.email} already has a Racine account: add them to ${workspace.name} as a member, or let them request access`, { field: 'email' });
    const open = await tx.guestInvite.findFirst({
      where: { email: input.email, workspaceId: workspace.id, revokedAt: null, OR: [{ acceptedAt: null, linkExpiresAt: { gt: now } }, { acceptedAt: { not: null }, accessEndsAt: { gt: now } }] },
      select: { id: true, acceptedAt: true, accessEndsAt: true },
    });
    if (open)
      throw new AppError(
        'CONFLICT',
        open.acceptedAt
          ? `${input.email} is already a guest of ${workspace.name} until ${utc(open.accessEndsAt)}; revoke that access first to invite them again`
          : `${input.email} already has a pending invitation to ${workspace.name}; revoke it to send a new one`,
        { inviteId: open.id },
      );

    const row = await tx.guestInvite.create({
      data: { email: input.email, workspaceId: workspace.id, roleKey, tokenHash: hashToken(token), message: input.message ?? '', invitedById: inviterId, linkExpiresAt, accessEndsAt },
    });
    const email = renderInviteEmail({ inviterName: inviter.name, workspaceName: workspace.name, roleName: role.name, link, linkExpiresAt, accessEndsAt, message: row.message });
    await tx.emailOutbox.create({ data: { userId: account?.id ?? null, toAddress: input.email, subject: email.subject, text: email.text, html: email.html, kind: 'invite', status: 'pending' } });
    return {
      result: row,
      resourceId: row.id,
      // Never the token or the link: the audit trail is readable by many.
      after: { email: row.email, roleKey, linkExpiresAt, accessEndsAt, message: row.message },
      details: { workspaceName: workspace.name },
    };
  });
  const [view] = await presentInvites(deps.db, [invite], now);
  return { invite: view!, link };
}
