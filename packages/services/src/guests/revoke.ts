/**
 * Revoking: a pending link stops working, and an accepted guest loses access
 * at once (see endGuestAccess): no waiting for the sweep or for their session
 * to expire.
 */
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import { inviterOf } from './invite';
import { presentInvites } from './present';
import type { revokeGuestInviteInput } from './schemas';
import { endGuestAccess, guestSpec, lockInvite } from './shared';
import { inviteStatus } from './status';

export async function revokeGuestInvite(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof revokeGuestInviteInput>) {
  const revokerId = inviterOf(actor);
  const found = await deps.db.guestInvite.findUnique({ where: { id: input.inviteId }, select: { workspaceId: true } });
  if (!found) throw notFound('Guest invite', input.inviteId);
  await access.require('guest.manage', workspaceScope(found.workspaceId));
  const revoked = await mutate(deps, actor, guestSpec('guest.revoked', 'revoke', input.inviteId, found.workspaceId), async (tx) => {
    const now = deps.clock();
    const invite = await lockInvite(tx, input.inviteId);
    if (!invite) throw notFound('Guest invite', input.inviteId);
    if (invite.revokedAt) throw new AppError('CONFLICT', `This invite to ${invite.email} was already revoked at ${invite.revokedAt.toISOString()}`);
    const before = inviteStatus(invite, now);
    const row = await tx.guestInvite.update({ where: { id: invite.id }, data: { revokedAt: now, revokedById: revokerId } });
    const ended = await endGuestAccess(tx, invite, now);
    return { result: row, before: { status: before }, after: { status: 'revoked', revokedAt: now }, details: { email: invite.email, guestUserId: invite.acceptedUserId, ...ended } };
  });
  const [view] = await presentInvites(deps.db, [revoked], deps.clock());
  return view!;
}
