import type { Tx } from '@racine/db';
import type { ActivityCategory } from '../activity/types';
import { type GuestRole, guestRoles } from './schemas';

/** The audit spec every guest mutation shares. */
export const guestSpec = (type: string, action: string, inviteId?: string, workspaceId?: string | null) =>
  ({ type, category: 'access' as ActivityCategory, sourceGroup: 'collaboration', action, resourceType: 'guestInvite', resourceId: inviteId, workspaceId, complianceRelevant: true }) as const;

export const roleKeyOf = (role: GuestRole) => guestRoles[role];
export const guestRoleOf = (roleKey: string): GuestRole => (roleKey === guestRoles.member ? 'member' : 'viewer');

/** The address a link in an email is absolute against: the app's public URL (a mail client has no "current site"). */
export function publicAppUrl(env: NodeJS.ProcessEnv = process.env): string {
  return (env.RACINE_PUBLIC_URL || env.NEXTAUTH_URL || 'http://localhost:3000').replace(/\/+$/, '');
}

export const inviteLink = (token: string) => `${publicAppUrl()}/invite/${token}`;

/** `2026-12-01 14:00 UTC`: emails and notifications have no viewer time zone to format in. */
export const utc = (d: Date) => `${d.toISOString().replace('T', ' ').slice(0, 16)} UTC`;

/** Takes the invite's row lock for the rest of the transaction, then reads it (null when gone). */
export async function lockInvite(tx: Tx, id: string) {
  await tx.$queryRaw`SELECT id FROM "GuestInvite" WHERE id = ${id} FOR UPDATE`;
  return tx.guestInvite.findUnique({ where: { id } });
}

/**
 * Ends what one invite granted, at `now`: its assignment stops granting, and
 * when the guest holds nothing else live, their account is deactivated and
 * every session and API token revoked, so the next request is refused (the
 * API context refuses inactive users and revoked sessions).
 */
export async function endGuestAccess(tx: Tx, invite: { id: string; acceptedUserId: string | null }, now: Date) {
  if (!invite.acceptedUserId) return { assignmentsEnded: 0, deactivated: false, sessionsRevoked: 0, tokensRevoked: 0 };
  const userId = invite.acceptedUserId;
  const live = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const { count: assignmentsEnded } = await tx.roleAssignment.updateMany({ where: { guestInviteId: invite.id, ...live }, data: { expiresAt: now } });
  const [user, stillHeld, memberships] = await Promise.all([
    tx.user.findUnique({ where: { id: userId }, select: { isGuest: true, isActive: true } }),
    tx.roleAssignment.count({ where: { userId, ...live } }),
    tx.workspaceMember.count({ where: { userId } }),
  ]);
  // A guest with access elsewhere (another invite) keeps their account; a non-guest (promoted since) is never deactivated here.
  if (!user?.isGuest || stillHeld > 0 || memberships > 0) return { assignmentsEnded, deactivated: false, sessionsRevoked: 0, tokensRevoked: 0 };
  await tx.user.update({ where: { id: userId }, data: { isActive: false } });
  const [sessions, tokens] = await Promise.all([
    tx.userSession.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
    tx.apiToken.updateMany({ where: { userId, revokedAt: null }, data: { revokedAt: now } }),
  ]);
  return { assignmentsEnded, deactivated: user.isActive, sessionsRevoked: sessions.count, tokensRevoked: tokens.count };
}
