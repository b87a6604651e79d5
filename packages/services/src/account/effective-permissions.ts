import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type PermissionKey, permissions as permissionCatalog } from '../rbac/catalog';
import { type AccessChecker, dataSourceScope, type Grant, globalScope, grantsAt, type Scope, workspaceScope } from '../rbac/resolve';
import { requireUserActor } from './profile';
import type { effectivePermissionsInput } from './schemas';

type Named = Scope & { name: string };
const scopeKey = (type: string, id: string) => `${type}:${id}`;

/**
 * What a user may do and where, and through which role: the global scope,
 * then every workspace and data source where they hold something. Built on
 * grantsAt, the same resolution the API's permission checks use, so this
 * view cannot disagree with what is enforced. Global roles are listed once,
 * at the global scope (they apply everywhere).
 */
export async function effectivePermissions(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof effectivePermissionsInput>) {
  const callerId = requireUserActor(access.actor);
  const userId = input.userId ?? callerId;
  if (userId !== callerId && !(await access.can('user.read')))
    throw new AppError('FORBIDDEN', 'Seeing another user’s permissions needs the user.read permission; you can always see your own');
  const now = deps.clock();
  const [user, assignments, memberships] = await Promise.all([
    deps.db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, email: true, isGuest: true } }),
    deps.db.roleAssignment.findMany({
      where: { userId, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] },
      select: { roleId: true, role: { select: { key: true } }, scopeType: true, scopeId: true, expiresAt: true },
    }),
    deps.db.workspaceMember.findMany({ where: { userId }, select: { workspaceId: true } }),
  ]);
  if (!user) throw notFound('User', userId);

  const workspaceIds = [...new Set([...memberships.map((m) => m.workspaceId), ...assignments.filter((a) => a.scopeType === 'workspace').map((a) => a.scopeId)])];
  const sourceIds = [...new Set(assignments.filter((a) => a.scopeType === 'datasource').map((a) => a.scopeId))];
  const [workspaces, sources, roles] = await Promise.all([
    deps.db.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { id: true, name: true }, orderBy: { name: 'asc' } }),
    deps.db.dataSource.findMany({ where: { id: { in: sourceIds } }, select: { id: true, name: true, workspaceId: true }, orderBy: { name: 'asc' } }),
    deps.db.role.findMany({ select: { key: true, name: true, scopeType: true, requiresMfa: true } }),
  ]);
  const names = new Map<string, string>([
    ...workspaces.map((w) => [scopeKey('workspace', w.id), w.name] as const),
    ...sources.map((s) => [scopeKey('datasource', s.id), s.name] as const),
  ]);
  const roleByKey = new Map(roles.map((r) => [r.key, r]));
  const expiry = new Map(assignments.map((a) => [`${a.role.key}|${scopeKey(a.scopeType, a.scopeId)}`, a.expiresAt]));
  const nameOf = (scope: Scope): Named => (scope.type === 'global' ? { ...scope, name: 'Everywhere' } : { ...scope, name: names.get(scopeKey(scope.type, scope.id)) ?? scope.id });

  const describe = (scope: Scope, grants: Grant[]) => {
    const byPermission = new Map<PermissionKey, ReturnType<typeof grantView>[]>();
    for (const g of grants) for (const p of g.permissions) byPermission.set(p, [...(byPermission.get(p) ?? []), grantView(g)]);
    return {
      scope: nameOf(scope),
      roles: [...new Set(grants.map((g) => g.roleKey))].map((key) => ({ key, name: roleByKey.get(key)?.name ?? key, requiresMfa: roleByKey.get(key)?.requiresMfa ?? false })),
      permissions: [...byPermission.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, through]) => ({ key, description: permissionCatalog[key] ?? '', through })),
    };
  };
  const grantView = (g: Grant) => ({
    roleKey: g.roleKey,
    roleName: roleByKey.get(g.roleKey)?.name ?? g.roleKey,
    via: g.via,
    grantedAt: nameOf(g.scope),
    expiresAt: g.via === 'workspace-member' ? null : (expiry.get(`${g.roleKey}|${g.scope.type === 'global' ? 'global:*' : scopeKey(g.scope.type, g.scope.id)}`) ?? null),
  });

  // Scoped grants only below the global scope: a global role would repeat on every row.
  const scoped = (grants: Grant[]) => grants.filter((g) => g.via !== 'global');
  const [globalGrants, perWorkspace, perSource] = await Promise.all([
    grantsAt(deps.db, userId, globalScope, now),
    Promise.all(workspaces.map(async (w) => describe(workspaceScope(w.id), scoped(await grantsAt(deps.db, userId, workspaceScope(w.id), now))))),
    Promise.all(sources.map(async (s) => describe(dataSourceScope(s.id), scoped(await grantsAt(deps.db, userId, dataSourceScope(s.id), now))))),
  ]);
  return {
    user,
    scopes: [describe(globalScope, globalGrants), ...perWorkspace, ...perSource].filter((s) => s.scope.type === 'global' || s.permissions.length > 0),
  };
}
