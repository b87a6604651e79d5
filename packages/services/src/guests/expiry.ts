/**
 * The minute sweep over guests whose access window has ended. Access itself
 * already ended at accessEndsAt (the assignment expires then), so this closes
 * the account: deactivated, sessions and tokens revoked, `guest.expired`
 * audited and the inviter told. The audit row is the mark of "done": an
 * invite that has one is never swept again, so a tick that runs twice, or
 * two workers at once, change nothing twice.
 */
import type { DbOrTx } from '@racine/db';
import { mutate } from '../activity/record';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { sendNotifications } from '../notifications/notifications';
import { endGuestAccess, guestSpec, lockInvite, utc } from './shared';

class AlreadySwept extends Error {}

const alreadyExpired = (db: DbOrTx, inviteId: string) =>
  db.activityEvent.findFirst({ where: { resourceType: 'guestInvite', resourceId: inviteId, type: 'guest.expired' }, select: { id: true } });

export async function expireGuestAccess(deps: ServiceDeps): Promise<{ expired: number }> {
  const now = deps.clock();
  const due = await deps.db.$queryRaw<{ id: string }[]>`
    SELECT g.id FROM "GuestInvite" g
    WHERE g."acceptedAt" IS NOT NULL AND g."revokedAt" IS NULL AND g."accessEndsAt" <= ${now}
      AND NOT EXISTS (SELECT 1 FROM "ActivityEvent" a WHERE a."resourceType" = 'guestInvite' AND a."resourceId" = g.id AND a.type = 'guest.expired')
    ORDER BY g."accessEndsAt" LIMIT 200`;
  let expired = 0;
  for (const { id } of due) {
    try {
      await mutate(deps, systemActor, guestSpec('guest.expired', 'expire', id), async (tx) => {
        const invite = await lockInvite(tx, id);
        // Under the lock, a sweep that got here first has committed its row.
        if (!invite || invite.revokedAt || !invite.acceptedAt || invite.accessEndsAt > now || (await alreadyExpired(tx, id))) throw new AlreadySwept();
        const ended = await endGuestAccess(tx, invite, now);
        const [guest, workspace] = await Promise.all([
          tx.user.findUnique({ where: { id: invite.acceptedUserId! }, select: { name: true } }),
          tx.workspace.findUnique({ where: { id: invite.workspaceId }, select: { name: true } }),
        ]);
        await sendNotifications(tx, [invite.invitedById], `guest.expired:${invite.id}`, {
          kind: 'guest.expired',
          title: `${guest?.name ?? invite.email}'s guest access to ${workspace?.name ?? 'a workspace'} has ended`,
          body: `It ended ${utc(invite.accessEndsAt)}. Invite them again if they still need it.`,
          link: '/admin/guests?status=expired',
        });
        return { result: null, workspaceId: invite.workspaceId, before: { status: 'active' }, after: { status: 'expired' }, details: { email: invite.email, guestUserId: invite.acceptedUserId, accessEndsAt: invite.accessEndsAt, ...ended } };
      });
      expired++;
    } catch (error) {
      if (!(error instanceof AlreadySwept)) throw error;
    }
  }
  return { expired };
}

export const guestExpiryTask: PeriodicTask = { name: 'guests:expire', cron: '* * * * *', run: expireGuestAccess };
