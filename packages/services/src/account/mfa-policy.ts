import type { DbOrTx } from '@racine/db';

/**
 * The name of a role the user holds that requires two-factor authentication,
 * when they have not set it up yet; null when nothing is required or MFA is
 * on. Any route counts: a global or scoped assignment (unexpired) or a
 * workspace membership. Two indexed reads; the API runs it once per request.
 */
export async function mfaSetupRequiredBy(db: DbOrTx, userId: string, now = new Date()): Promise<string | null> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { mfaEnabledAt: true } });
  if (!user || user.mfaEnabledAt) return null;
  return roleRequiringMfa(db, userId, now);
}

/** A role of the user's that requires MFA (its label), whether or not they have it on. */
export async function roleRequiringMfa(db: DbOrTx, userId: string, now = new Date()): Promise<string | null> {
  const role = await db.role.findFirst({
    where: {
      requiresMfa: true,
      OR: [
        { assignments: { some: { userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] } } },
        { members: { some: { userId } } },
      ],
    },
    select: { name: true, scopeType: true },
    orderBy: { key: 'asc' },
  });
  return role ? roleLabel(role) : null;
}

/** "Admin" is both a global and a workspace role: say which one. */
export const roleLabel = (role: { name: string; scopeType: string }) =>
  role.scopeType === 'global' ? role.name : `${role.name} (${role.scopeType === 'workspace' ? 'workspace' : 'data source'})`;

export const mfaRequiredMessage = (roleName: string) =>
  `Your role ${roleName} requires two-factor authentication: set it up in Settings → Security`;
