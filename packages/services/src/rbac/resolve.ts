import type { DbOrTx } from '@racine/db';
import type { Actor } from '../actor';
import { blockedRoleKeys } from '../access/attestation-blocking';
import { AppError } from '../errors';
import type { PermissionKey } from './catalog';

export type Scope = { type: 'global' } | { type: 'workspace'; id: string } | { type: 'datasource'; id: string };
export const globalScope: Scope = { type: 'global' };
export const workspaceScope = (id: string): Scope => ({ type: 'workspace', id });
export const dataSourceScope = (id: string): Scope => ({ type: 'datasource', id });

/** A role that reached the user at a scope, and how. */
export interface Grant {
  roleKey: string;
  via: 'global' | 'workspace-member' | 'assignment';
  scope: Scope;
  permissions: PermissionKey[];
}

const active = (now: Date) => ({ OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });

/**
 * Every grant that gives the user permissions at `scope`. Global grants apply
 * everywhere; a data source also inherits the roles its owner workspace gives.
 */
export async function grantsAt(db: DbOrTx, userId: string, scope: Scope, now = new Date()): Promise<Grant[]> {
  if (scope.type === 'datasource') {
    const source = await db.dataSource.findUnique({ where: { id: scope.id }, select: { workspaceId: true } });
    const [own, inherited] = await Promise.all([
      db.roleAssignment.findMany({
        where: { userId, scopeType: 'datasource', scopeId: scope.id, ...active(now) },
        select: { role: { select: { key: true, permissions: { select: { permissionKey: true } } } } },
      }),
      source?.workspaceId ? grantsAt(db, userId, workspaceScope(source.workspaceId), now) : grantsAt(db, userId, globalScope, now),
    ]);
    return [
      ...inherited,
      ...own.map((a) => ({ roleKey: a.role.key, via: 'assignment' as const, scope, permissions: a.role.permissions.map((p) => p.permissionKey as PermissionKey) })),
    ];
  }
  const scopeFilter =
    scope.type === 'global'
      ? [{ scopeType: 'global' as const }]
      : [{ scopeType: 'global' as const }, { scopeType: 'workspace' as const, scopeId: scope.id }];
  const [assignments, membership] = await Promise.all([
    db.roleAssignment.findMany({
      where: { userId, AND: [{ OR: scopeFilter }, active(now)] },
      select: { scopeType: true, scopeId: true, role: { select: { key: true, permissions: { select: { permissionKey: true } } } } },
    }),
    scope.type === 'workspace'
      ? db.workspaceMember.findUnique({
          where: { workspaceId_userId: { workspaceId: scope.id, userId } },
          select: { role: { select: { key: true, permissions: { select: { permissionKey: true } } } } },
        })
      : null,
  ]);
  const grants: Grant[] = assignments.map((a) => ({
    roleKey: a.role.key,
    via: a.scopeType === 'global' ? 'global' : 'assignment',
    scope: a.scopeType === 'global' ? globalScope : workspaceScope(a.scopeId),
    permissions: a.role.permissions.map((p) => p.permissionKey as PermissionKey),
  }));
  if (membership)
    grants.push({
      roleKey: membership.role.key,
      via: 'workspace-member',
      scope,
      permissions: membership.role.permissions.map((p) => p.permissionKey as PermissionKey),
    });
  // A global role held by someone overdue on a blocking attestation counts for nothing until they attest.
  const blocked = await blockedRoleKeys(db, userId, grants.filter((g) => g.via === 'global').map((g) => g.roleKey), now);
  return blocked.size ? grants.filter((g) => !(g.via === 'global' && blocked.has(g.roleKey))) : grants;
}

export async function permissionsAt(db: DbOrTx, userId: string, scope: Scope): Promise<Set<PermissionKey>> {
  const grants = await grantsAt(db, userId, scope);
  return new Set(grants.flatMap((g) => g.permissions));
}

/**
 * Answers "may this actor do X at this scope?", remembering answers for the
 * life of one request. The system actor may do everything.
 */
export class AccessChecker {
  private readonly cache = new Map<string, Promise<Set<PermissionKey>>>();

  constructor(
    private readonly db: DbOrTx,
    readonly actor: Actor,
  ) {}

  private permissions(scope: Scope): Promise<Set<PermissionKey>> {
    if (this.actor.kind === 'system') return Promise.resolve(new Set());
    const key = scope.type === 'global' ? 'global' : `${scope.type}:${scope.id}`;
    let found = this.cache.get(key);
    if (!found) {
      found = permissionsAt(this.db, this.actor.userId, scope);
      this.cache.set(key, found);
    }
    return found;
  }

  async can(permission: PermissionKey, scope: Scope = globalScope): Promise<boolean> {
    if (this.actor.kind === 'system') return true;
    return (await this.permissions(scope)).has(permission);
  }

  async require(permission: PermissionKey, scope: Scope = globalScope): Promise<void> {
    if (!(await this.can(permission, scope))) {
      const where = scope.type === 'global' ? '' : ` in ${scope.type} ${scope.id}`;
      throw new AppError('FORBIDDEN', `You need the ${permission} permission${where}`, { permission, scope });
    }
  }

  /**
   * Data sources where the actor holds `permission`, or 'all' when it is held
   * globally: sources of workspaces that grant it, plus direct assignments.
   */
  async dataSourcesWith(permission: PermissionKey): Promise<'all' | string[]> {
    if (this.actor.kind === 'system' || (await this.can(permission))) return 'all';
    const userId = this.actor.userId;
    const workspaces = await this.workspacesWith(permission);
    const [inWorkspaces, assignments] = await Promise.all([
      workspaces === 'all' ? [] : this.db.dataSource.findMany({ where: { workspaceId: { in: workspaces } }, select: { id: true } }),
      this.db.roleAssignment.findMany({
        where: { userId, scopeType: 'datasource', role: { permissions: { some: { permissionKey: permission } } }, ...active(new Date()) },
        select: { scopeId: true },
      }),
    ]);
    return [...new Set([...inWorkspaces.map((s) => s.id), ...assignments.map((a) => a.scopeId)])];
  }

  /** Workspaces where the actor holds `permission`, or 'all' when it is held globally. */
  async workspacesWith(permission: PermissionKey): Promise<'all' | string[]> {
    if (await this.can(permission)) return 'all';
    if (this.actor.kind === 'system') return 'all';
    const userId = this.actor.userId;
    const now = new Date();
    const [memberships, assignments] = await Promise.all([
      this.db.workspaceMember.findMany({
        where: { userId, role: { permissions: { some: { permissionKey: permission } } } },
        select: { workspaceId: true },
      }),
      this.db.roleAssignment.findMany({
        where: { userId, scopeType: 'workspace', role: { permissions: { some: { permissionKey: permission } } }, ...active(now) },
        select: { scopeId: true },
      }),
    ]);
    return [...new Set([...memberships.map((m) => m.workspaceId), ...assignments.map((a) => a.scopeId)])];
  }
}
