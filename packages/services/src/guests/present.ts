/** Invite rows as the API shows them: names instead of ids, the computed status, and what the guest has done. */
import type { DbOrTx, GuestInvite } from '@racine/db';
import { inviteStatus } from './status';
import { guestRoleOf } from './shared';

export async function presentInvites(db: DbOrTx, rows: readonly GuestInvite[], now: Date) {
  if (!rows.length) return [];
  const userIds = [...new Set(rows.flatMap((r) => [r.invitedById, r.revokedById, r.acceptedUserId].filter((id): id is string => !!id)))];
  const guestIds = [...new Set(rows.map((r) => r.acceptedUserId).filter((id): id is string => !!id))];
  const [workspaces, users, roles, activity] = await Promise.all([
    db.workspace.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.workspaceId))] } }, select: { id: true, name: true } }),
    db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true, isActive: true } }),
    db.role.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.roleKey))] } }, select: { id: true, name: true } }),
    guestIds.length
      ? db.activityEvent.groupBy({ by: ['actorId'], where: { actorId: { in: guestIds } }, _count: { _all: true }, _max: { occurredAt: true } })
      : Promise.resolve([]),
  ]);
  const workspace = new Map(workspaces.map((w) => [w.id, w.name]));
  const user = new Map(users.map((u) => [u.id, u]));
  const role = new Map(roles.map((r) => [r.id, r.name]));
  const stats = new Map(activity.map((a) => [a.actorId, { count: a._count._all, lastAt: a._max.occurredAt }]));
  const person = (id: string | null) => (id && user.get(id) ? { id, name: user.get(id)!.name } : null);
  return rows.map((r) => {
    const guest = r.acceptedUserId ? user.get(r.acceptedUserId) : undefined;
    const seen = r.acceptedUserId ? stats.get(r.acceptedUserId) : undefined;
    return {
      id: r.id,
      email: r.email,
      workspaceId: r.workspaceId,
      workspaceName: workspace.get(r.workspaceId) ?? 'Deleted workspace',
      role: guestRoleOf(r.roleKey),
      roleName: role.get(r.roleKey) ?? r.roleKey,
      message: r.message,
      status: inviteStatus(r, now),
      invitedBy: person(r.invitedById),
      createdAt: r.createdAt,
      linkExpiresAt: r.linkExpiresAt,
      accessEndsAt: r.accessEndsAt,
      acceptedAt: r.acceptedAt,
      revokedAt: r.revokedAt,
      revokedBy: person(r.revokedById),
      guest: guest && r.acceptedUserId ? { id: r.acceptedUserId, name: guest.name, isActive: guest.isActive } : null,
      activityCount: seen?.count ?? 0,
      lastActivityAt: seen?.lastAt ?? null,
    };
  });
}

export type GuestInviteView = Awaited<ReturnType<typeof presentInvites>>[number];
