/** What a guest holds right now, for the "you are a guest in … until …" banner. Null for everyone else. */
import type { DbOrTx } from '@racine/db';

export async function guestAccessOf(db: DbOrTx, userId: string, now = new Date()) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { isGuest: true } });
  if (!user?.isGuest) return null;
  const invites = await db.guestInvite.findMany({
    where: { acceptedUserId: userId, revokedAt: null, accessEndsAt: { gt: now } },
    select: { workspaceId: true, accessEndsAt: true, roleKey: true },
    orderBy: { accessEndsAt: 'asc' },
  });
  const workspaces = await db.workspace.findMany({ where: { id: { in: invites.map((i) => i.workspaceId) } }, select: { id: true, name: true } });
  const name = new Map(workspaces.map((w) => [w.id, w.name]));
  return {
    workspaces: invites.map((i) => ({ workspaceId: i.workspaceId, workspaceName: name.get(i.workspaceId) ?? 'a workspace', roleKey: i.roleKey, accessEndsAt: i.accessEndsAt })),
  };
}
