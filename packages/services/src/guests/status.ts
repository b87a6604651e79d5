/**
 * An invite's status is computed, never stored: it follows from its dates and
 * the clock, so a link or an access window ends at the second without a job
 * having run. The list filter and the view use the same rules.
 */
import type { Prisma } from '@racine/db';
import type { GuestStatus } from './schemas';

export interface InviteDates {
  linkExpiresAt: Date;
  accessEndsAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

export function inviteStatus(invite: InviteDates, now: Date): GuestStatus {
  if (invite.revokedAt) return 'revoked';
  if (invite.acceptedAt) return invite.accessEndsAt > now ? 'active' : 'expired';
  return invite.linkExpiresAt > now && invite.accessEndsAt > now ? 'pending' : 'expired';
}

/** Why a link cannot be used, in words for the person holding it; null when it can. */
export function unusableReason(invite: InviteDates, now: Date): string | null {
  if (invite.revokedAt) return 'This invitation was withdrawn. Ask the person who invited you for a new one.';
  if (invite.acceptedAt) return 'This invitation link was already used. Sign in with the account you created, or ask for a new invitation.';
  if (invite.linkExpiresAt <= now || invite.accessEndsAt <= now) return 'This invitation link has expired. Ask the person who invited you for a new one.';
  return null;
}

/** The same rules as inviteStatus, as a Prisma filter. */
export function statusWhere(status: GuestStatus, now: Date): Prisma.GuestInviteWhereInput {
  switch (status) {
    case 'revoked':
      return { revokedAt: { not: null } };
    case 'active':
      return { revokedAt: null, acceptedAt: { not: null }, accessEndsAt: { gt: now } };
    case 'pending':
      return { revokedAt: null, acceptedAt: null, linkExpiresAt: { gt: now }, accessEndsAt: { gt: now } };
    case 'expired':
      return {
        revokedAt: null,
        OR: [
          { acceptedAt: { not: null }, accessEndsAt: { lte: now } },
          { acceptedAt: null, OR: [{ linkExpiresAt: { lte: now } }, { accessEndsAt: { lte: now } }] },
        ],
      };
  }
}
