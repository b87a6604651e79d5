/**
 * Who decides a request: everyone holding `access.approve` at its scope. At a
 * workspace that is its owners and admins (as members or through workspace
 * assignments); at a data source, its `ds.owner` assignees plus the approvers
 * of the workspace that owns it; global admins everywhere. Computed from the
 * roles that carry the permission, so a custom role with it counts too.
 */
import type { DbOrTx } from '@racine/db';
import { type AccessChecker, dataSourceScope, type Scope, workspaceScope } from '../rbac/resolve';

export type RequestScope = { type: 'workspace' | 'datasource'; id: string };

export const scopeOf = (r: { scopeType: string; scopeId: string }): Scope =>
  r.scopeType === 'workspace' ? workspaceScope(r.scopeId) : dataSourceScope(r.scopeId);

/** Active users who may approve requests at the scope (the requester is removed by the caller). */
export async function approversAt(db: DbOrTx, scope: RequestScope, now: Date): Promise<string[]> {
  const roles = await db.role.findMany({ where: { permissions: { some: { permissionKey: 'access.approve' } } }, select: { id: true } });
  const roleIds = roles.map((r) => r.id);
  const active = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }], user: { isActive: true }, roleId: { in: roleIds } };
  const workspaceId =
    scope.type === 'workspace' ? scope.id : ((await db.dataSource.findUnique({ where: { id: scope.id }, select: { workspaceId: true } }))?.workspaceId ?? null);
  const [globals, members, workspaceAssigned, sourceAssigned] = await Promise.all([
    db.roleAssignment.findMany({ where: { scopeType: 'global', ...active }, select: { userId: true } }),
    workspaceId ? db.workspaceMember.findMany({ where: { workspaceId, roleId: { in: roleIds }, user: { isActive: true } }, select: { userId: true } }) : [],
    workspaceId ? db.roleAssignment.findMany({ where: { scopeType: 'workspace', scopeId: workspaceId, ...active }, select: { userId: true } }) : [],
    scope.type === 'datasource' ? db.roleAssignment.findMany({ where: { scopeType: 'datasource', scopeId: scope.id, ...active }, select: { userId: true } }) : [],
  ]);
  return [...new Set([...globals, ...members, ...workspaceAssigned, ...sourceAssigned].map((r) => r.userId))];
}

/**
 * Requests the caller may decide, as a Prisma filter: those at the
 * workspaces and sources where they hold access.approve (everything when
 * they hold it globally), never their own.
 */
export async function decidableRequestsWhere(access: AccessChecker, userId: string) {
  const [workspaces, sources] = await Promise.all([access.workspacesWith('access.approve'), access.dataSourcesWith('access.approve')]);
  const notMine = { requesterId: { not: userId } };
  if (workspaces === 'all' || sources === 'all') return notMine;
  return {
    ...notMine,
    OR: [
      { scopeType: 'workspace' as const, scopeId: { in: workspaces } },
      { scopeType: 'datasource' as const, scopeId: { in: sources } },
    ],
  };
}
