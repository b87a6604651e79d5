/**
 * The invitee's side, before they have an account: preview a link, then
 * accept it once. Both are public, so neither says anything about emails
 * other than the one the link was sent to. Acceptance takes the invite row
 * FOR UPDATE, so two tabs racing with the same link yield one account.
 */
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { systemActor } from '../actor';
import { mutate, recordActivity } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, isUniqueViolation } from '../errors';
import { sendNotifications } from '../notifications/notifications';
import { hashPassword } from '../users/password';
import { hashToken } from '../users/tokens';
import type { acceptGuestInviteInput, guestTokenInput } from './schemas';
import { guestRoleOf, guestSpec, lockInvite, utc } from './shared';
import { unusableReason } from './status';

const invalidLink = 'This invitation link is not valid. Check that you copied all of it, or ask for a new invitation.';

const findByToken = (deps: ServiceDeps, token: string) => deps.db.guestInvite.findUnique({ where: { tokenHash: hashToken(token) } });

/** What the invite page shows before the guest commits to anything. */
export async function previewGuestInvite(deps: ServiceDeps, input: z.output<typeof guestTokenInput>) {
  const invite = await findByToken(deps, input.token);
  const reason = invite ? unusableReason(invite, deps.clock()) : invalidLink;
  if (!invite || reason) return { usable: false as const, reason: reason ?? invalidLink };
  const [workspace, inviter, role, account] = await Promise.all([
    deps.db.workspace.findUnique({ where: { id: invite.workspaceId }, select: { id: true, name: true } }),
    deps.db.user.findUnique({ where: { id: invite.invitedById }, select: { name: true } }),
    deps.db.role.findUnique({ where: { id: invite.roleKey }, select: { name: true, description: true } }),
    deps.db.user.findUnique({ where: { email: invite.email }, select: { isGuest: true } }),
  ]);
  if (!workspace) return { usable: false as const, reason: 'The workspace this invitation was for no longer exists.' };
  return {
    usable: true as const,
    email: invite.email,
    workspaceId: workspace.id,
    workspaceName: workspace.name,
    inviterName: inviter?.name ?? 'A Racine admin',
    role: guestRoleOf(invite.roleKey),
    roleName: role?.name ?? invite.roleKey,
    roleDescription: role?.description ?? '',
    message: invite.message,
    linkExpiresAt: invite.linkExpiresAt,
    accessEndsAt: invite.accessEndsAt,
    // They were a guest before: accepting sets a new name and password on that account.
    returningGuest: account?.isGuest === true,
  };
}

/** Lost a race for the same link inside the transaction: rolled back, then reported as the reason. */
class LinkTaken extends Error {}

export async function acceptGuestInvite(deps: ServiceDeps, input: z.output<typeof acceptGuestInviteInput>) {
  const invite = await findByToken(deps, input.token);
  if (!invite) throw new AppError('BAD_REQUEST', invalidLink);
  const refuse = async (reason: string, code: 'BAD_REQUEST' | 'CONFLICT') => {
    // Someone holds a real link that no longer works: worth a line in the audit trail (the invite's admins see it).
    await recordActivity(deps, systemActor, { ...guestSpec('guest.accepted', 'accept', invite.id, invite.workspaceId), status: 'failure', details: { email: invite.email, error: { code, message: reason } } }).catch(() => {});
    return new AppError(code, reason);
  };
  const early = unusableReason(invite, deps.clock());
  if (early) throw await refuse(early, invite.acceptedAt ? 'CONFLICT' : 'BAD_REQUEST');
  const account = await deps.db.user.findUnique({ where: { email: invite.email }, select: { id: true, isGuest: true } });
  if (account && !account.isGuest) throw await refuse(`${invite.email} now has a Racine account: sign in with it and ask for access to the workspace instead.`, 'CONFLICT');

  const passwordHash = await hashPassword(input.password);
  const userId = account?.id ?? randomUUID();
  // Audited as the guest: the row is theirs, and flagged as a guest's.
  const guest: Actor = { kind: 'user', userId, guest: true };
  try {
    return await mutate(deps, guest, guestSpec('guest.accepted', 'accept', invite.id, invite.workspaceId), async (tx) => {
      const now = deps.clock();
      const locked = await lockInvite(tx, invite.id);
      const reason = locked ? unusableReason(locked, now) : invalidLink;
      if (reason) throw new LinkTaken(reason);

      const data = { name: input.name, passwordHash, isActive: true, passwordChangedAt: now };
      if (account) await tx.user.update({ where: { id: userId }, data });
      else await tx.user.create({ data: { ...data, id: userId, email: invite.email, isGuest: true, profile: { create: { defaultWorkspaceId: invite.workspaceId } } } });
      // The assignment ends by itself at accessEndsAt (rbac/resolve.ts ignores an expired one).
      const grant = { expiresAt: invite.accessEndsAt, guestInviteId: invite.id, grantedById: invite.invitedById };
      await tx.roleAssignment.upsert({
        where: { userId_roleId_scopeType_scopeId: { userId, roleId: invite.roleKey, scopeType: 'workspace', scopeId: invite.workspaceId } },
        create: { userId, roleId: invite.roleKey, scopeType: 'workspace', scopeId: invite.workspaceId, ...grant },
        update: grant,
      });
      await tx.guestInvite.update({ where: { id: invite.id }, data: { acceptedAt: now, acceptedUserId: userId } });

      const workspace = await tx.workspace.findUnique({ where: { id: invite.workspaceId }, select: { name: true } });
      const role = guestRoleOf(invite.roleKey);
      await sendNotifications(tx, [invite.invitedById], `guest.accepted:${invite.id}`, {
        kind: 'guest.accepted',
        title: `${input.name} accepted your invitation to ${workspace?.name ?? 'a workspace'}`,
        body: `${input.name} (${invite.email}) is a guest ${role} until ${utc(invite.accessEndsAt)}.`,
        link: '/admin/guests',
      });
      return {
        result: { userId, email: invite.email, workspaceId: invite.workspaceId, accessEndsAt: invite.accessEndsAt },
        before: { acceptedAt: null },
        after: { acceptedAt: now, userId, roleKey: invite.roleKey, accessEndsAt: invite.accessEndsAt },
        details: { email: invite.email, returningGuest: !!account },
      };
    });
  } catch (error) {
    if (error instanceof LinkTaken) throw new AppError('CONFLICT', error.message);
    // Two invites to the same new address accepted at the same instant: the other one made the account.
    if (isUniqueViolation(error)) throw new AppError('CONFLICT', 'Your account was just created from another invitation: open this link again to finish.');
    throw error;
  }
}
