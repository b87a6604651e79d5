/**
 * What a step may touch. A workflow lives in one workspace, and its steps act
 * as the system actor (there may be no person behind a cron or event run), so
 * the workspace is the boundary: a step only reaches data sources that belong
 * to the workflow's workspace (their `workspaceId`) or are linked to it (a
 * `WorkspaceResource` of type "datasource"), and only people who belong to it.
 * A source owned by, or linked only to, another workspace is refused.
 */
import type { DbOrTx } from '@racine/db';
import { AppError } from '../../errors';
import { workspaceRoleKeys } from '../../rbac/catalog';
import type { StepContext } from '../step-type';

/** Recorded in the details of every activity row a step writes, so the audit trail says which step acted. */
export const stepAudit = (ctx: Pick<StepContext<unknown>, 'execution' | 'step'>) => ({
  workflowId: ctx.execution.workflowId,
  executionId: ctx.execution.id,
  stepId: ctx.step.id,
  stepRunId: ctx.step.runId,
  idempotencyKey: ctx.step.idempotencyKey,
});

export async function workspaceSourceIds(db: DbOrTx, workspaceId: string): Promise<string[]> {
  const [own, linked] = await Promise.all([
    db.dataSource.findMany({ where: { workspaceId }, select: { id: true } }),
    db.workspaceResource.findMany({ where: { workspaceId, resourceType: 'datasource' }, select: { resourceId: true } }),
  ]);
  const linkedIds = linked.map((l) => l.resourceId);
  // A link may outlive its source: keep only sources that exist.
  const existing = linkedIds.length ? await db.dataSource.findMany({ where: { id: { in: linkedIds } }, select: { id: true } }) : [];
  return [...new Set([...own.map((s) => s.id), ...existing.map((s) => s.id)])];
}

/** The source, if the workflow's workspace may use it; NOT_FOUND or FORBIDDEN (with the reason) otherwise. */
export async function sourceInWorkspace(db: DbOrTx, workspaceId: string, dataSourceId: string) {
  const source = await db.dataSource.findUnique({ where: { id: dataSourceId }, select: { id: true, name: true, workspaceId: true } });
  if (!source) throw new AppError('NOT_FOUND', `Data source ${dataSourceId} was not found`, { dataSourceId });
  if (source.workspaceId === workspaceId) return source;
  const link = await db.workspaceResource.findUnique({ where: { workspaceId_resourceType_resourceId: { workspaceId, resourceType: 'datasource', resourceId: dataSourceId } }, select: { id: true } });
  if (link) return source;
  throw new AppError('FORBIDDEN', `Data source "${source.name}" (${source.id}) does not belong to this workflow's workspace and is not linked to it; link it to the workspace first`, { dataSourceId });
}

type WorkspaceRole = (typeof workspaceRoleKeys)[number];
const isWorkspaceRole = (role: string): role is WorkspaceRole => (workspaceRoleKeys as readonly string[]).includes(role);

/**
 * Users holding `role` for the workspace. A workspace role key (owner, admin,
 * member, viewer) means that role or a higher one (an owner may do what an
 * admin may), held as a member or through a workspace-scoped assignment; any
 * other key is a global role (steward, analyst…), held through a global
 * assignment. Only active users.
 */
export async function roleHolders(db: DbOrTx, workspaceId: string, role: string, now = new Date()): Promise<string[]> {
  const active = { OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  if (isWorkspaceRole(role)) {
    const roleIds = workspaceRoleKeys.slice(0, workspaceRoleKeys.indexOf(role) + 1).map((k) => `ws.${k}`);
    const [members, assigned] = await Promise.all([
      db.workspaceMember.findMany({ where: { workspaceId, roleId: { in: roleIds }, user: { isActive: true } }, select: { userId: true } }),
      db.roleAssignment.findMany({ where: { scopeType: 'workspace', scopeId: workspaceId, roleId: { in: roleIds }, user: { isActive: true }, ...active }, select: { userId: true } }),
    ]);
    return [...new Set([...members, ...assigned].map((m) => m.userId))];
  }
  const assigned = await db.roleAssignment.findMany({ where: { scopeType: 'global', role: { key: role }, user: { isActive: true }, ...active }, select: { userId: true } });
  return [...new Set(assigned.map((a) => a.userId))];
}

/** Whether a role key names something a task can be assigned to: a workspace role, or a global role that exists. */
export async function assertKnownRole(db: DbOrTx, role: string): Promise<void> {
  if (isWorkspaceRole(role)) return;
  const found = await db.role.findFirst({ where: { key: role, scopeType: 'global' }, select: { id: true } });
  if (!found) throw new AppError('BAD_REQUEST', `Unknown role "${role}": use a workspace role (${workspaceRoleKeys.join(', ')}) or a global role key`, { role });
}

/** Every active member of the workspace (members and workspace-scoped assignments). */
export async function workspaceMembers(db: DbOrTx, workspaceId: string): Promise<string[]> {
  return roleHolders(db, workspaceId, 'viewer');
}

/**
 * The users, if each belongs to the workspace (a member, a workspace-scoped
 * assignment) or is a global admin; the first that does not is named.
 */
export async function usersInWorkspace(db: DbOrTx, workspaceId: string, userIds: readonly string[]): Promise<{ id: string; name: string }[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const [users, members, admins] = await Promise.all([
    db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true, isActive: true } }),
    workspaceMembers(db, workspaceId),
    db.roleAssignment.findMany({ where: { userId: { in: ids }, scopeType: 'global', role: { key: 'admin' } }, select: { userId: true } }),
  ]);
  const globalAdmins = new Set(admins.map((a) => a.userId));
  const inWorkspace = new Set(members);
  for (const id of ids) {
    const user = users.find((u) => u.id === id);
    if (!user) throw new AppError('NOT_FOUND', `User ${id} was not found`, { userId: id });
    if (!user.isActive) throw new AppError('BAD_REQUEST', `User ${user.name} is deactivated`, { userId: id });
    if (!inWorkspace.has(id) && !globalAdmins.has(id)) throw new AppError('FORBIDDEN', `User ${user.name} (${id}) is not a member of this workflow's workspace`, { userId: id });
  }
  return users.map((u) => ({ id: u.id, name: u.name }));
}

/**
 * Of these users, those a workflow of the workspace may notify: its members
 * and the global admins. A global role's holders (stewards…) are platform-wide;
 * a notification about this workspace's workflow goes only to those inside it.
 */
export async function notifiable(db: DbOrTx, workspaceId: string, userIds: readonly string[]): Promise<string[]> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return [];
  const [members, admins] = await Promise.all([
    workspaceMembers(db, workspaceId),
    db.roleAssignment.findMany({ where: { userId: { in: ids }, scopeType: 'global', role: { key: 'admin' } }, select: { userId: true } }),
  ]);
  const allowed = new Set([...members, ...admins.map((a) => a.userId)]);
  return ids.filter((id) => allowed.has(id));
}
