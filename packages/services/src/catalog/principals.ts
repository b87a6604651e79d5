import type { DbOrTx } from '@racine/db';
import { AppError } from '../errors';
import type { Principal } from './schemas';

/**
 * Owners and stewards must exist: a user (active), or a team — a workspace of
 * kind "team". The error names the first one that does not.
 */
export async function assertPrincipals(db: DbOrTx, principals: readonly Principal[]): Promise<void> {
  const userIds = [...new Set(principals.filter((p) => p.type === 'user').map((p) => p.id))];
  const teamIds = [...new Set(principals.filter((p) => p.type === 'team').map((p) => p.id))];
  const [users, teams] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, isActive: true } }) : [],
    teamIds.length ? db.workspace.findMany({ where: { id: { in: teamIds } }, select: { id: true, kind: true, name: true } }) : [],
  ]);
  for (const id of userIds) {
    const user = users.find((u) => u.id === id);
    if (!user) throw new AppError('NOT_FOUND', `User ${id} was not found`, { principal: { type: 'user', id } });
    if (!user.isActive) throw new AppError('BAD_REQUEST', `User ${id} is deactivated and cannot own or steward assets`, { principal: { type: 'user', id } });
  }
  for (const id of teamIds) {
    const team = teams.find((t) => t.id === id);
    if (!team) throw new AppError('NOT_FOUND', `Team ${id} was not found`, { principal: { type: 'team', id } });
    if (team.kind !== 'team') throw new AppError('BAD_REQUEST', `Workspace "${team.name}" is a personal workspace, not a team`, { principal: { type: 'team', id } });
  }
}

export const samePrincipal = (a: Principal, b: { principalType: string; principalId: string }) => a.type === b.principalType && a.id === b.principalId;
