import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { workspaceRoleId, type WorkspaceRoleKey } from '../rbac/catalog';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import type { addMemberInput, removeMemberInput, setMemberRoleInput } from './schemas';

const spec = (type: string, action: string, workspaceId: string) =>
  ({ type, category: 'access', sourceGroup: 'workspace', targetGroup: 'rbac', action, resourceType: 'workspace', resourceId: workspaceId, workspaceId, complianceRelevant: true }) as const;

/** Only owners (or those who may manage members everywhere) hand out or take away ownership. */
async function hasOwnerPower(access: AccessChecker, workspaceId: string): Promise<boolean> {
  return (await access.can('workspace.members.manage')) || (await access.can('workspace.delete', workspaceScope(workspaceId)));
}

function requireOwnerPower(ownerPower: boolean) {
  if (!ownerPower) throw new AppError('FORBIDDEN', 'Only a workspace owner can grant or remove the owner role');
}

async function ensureAnotherOwner(tx: Tx, workspaceId: string, leavingUserId: string) {
  const owners = await tx.workspaceMember.count({ where: { workspaceId, roleId: 'ws.owner', userId: { not: leavingUserId } } });
  if (owners === 0) throw new AppError('PRECONDITION_FAILED', 'A workspace needs at least one owner; make someone else owner first');
}

export async function addMember(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof addMemberInput>) {
  if (input.role === 'owner') requireOwnerPower(await hasOwnerPower(access, input.workspaceId));
  return mutate(deps, actor, spec('workspace.member.added', 'add-member', input.workspaceId), async (tx) => {
    const workspace = await tx.workspace.findUnique({ where: { id: input.workspaceId }, select: { id: true, maxMembers: true, _count: { select: { members: true } } } });
    if (!workspace) throw notFound('Workspace', input.workspaceId);
    const user = await tx.user.findFirst({
      where: input.userId ? { id: input.userId } : { email: input.email!.toLowerCase() },
      select: { id: true, name: true, email: true, isActive: true },
    });
    if (!user || !user.isActive) throw new AppError('NOT_FOUND', `No active user ${input.email ?? input.userId}`, { field: 'email' });
    const existing = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: workspace.id, userId: user.id } } });
    if (existing) throw new AppError('CONFLICT', `${user.email} is already a member`);
    if (workspace._count.members >= workspace.maxMembers)
      throw new AppError('QUOTA_EXCEEDED', `This workspace is at its member quota (${workspace._count.members} of ${workspace.maxMembers})`, { quota: 'maxMembers', limit: workspace.maxMembers });
    await tx.workspaceMember.create({ data: { workspaceId: workspace.id, userId: user.id, roleId: workspaceRoleId(input.role) } });
    return { result: { ...user, role: input.role }, details: { userId: user.id, email: user.email }, after: { userId: user.id, role: input.role } };
  });
}

// Permission lookups happen before the transaction opens: the embedded PGlite runs one
// connection's transaction at a time, so a lookup on another connection inside it would wait forever.
export async function removeMember(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof removeMemberInput>) {
  const ownerPower = await hasOwnerPower(access, input.workspaceId);
  return mutate(deps, actor, spec('workspace.member.removed', 'remove-member', input.workspaceId), async (tx) => {
    const member = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } } });
    if (!member) throw new AppError('NOT_FOUND', 'That person is not a member of this workspace');
    if (member.roleId === 'ws.owner') {
      requireOwnerPower(ownerPower);
      await ensureAnotherOwner(tx, input.workspaceId, input.userId);
    }
    await tx.workspaceMember.delete({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } } });
    return { result: { userId: input.userId, removed: true as const }, details: { userId: input.userId }, before: { userId: input.userId, role: member.roleId.slice(3) } };
  });
}

export async function setMemberRole(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof setMemberRoleInput>) {
  const ownerPower = await hasOwnerPower(access, input.workspaceId);
  return mutate(deps, actor, spec('workspace.member.role-changed', 'set-member-role', input.workspaceId), async (tx) => {
    const member = await tx.workspaceMember.findUnique({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } } });
    if (!member) throw new AppError('NOT_FOUND', 'That person is not a member of this workspace');
    const from = member.roleId.slice(3) as WorkspaceRoleKey;
    if (from === 'owner' || input.role === 'owner') requireOwnerPower(ownerPower);
    if (from === 'owner' && input.role !== 'owner') await ensureAnotherOwner(tx, input.workspaceId, input.userId);
    await tx.workspaceMember.update({ where: { workspaceId_userId: { workspaceId: input.workspaceId, userId: input.userId } }, data: { roleId: workspaceRoleId(input.role) } });
    return { result: { userId: input.userId, role: input.role }, details: { userId: input.userId }, before: { role: from }, after: { role: input.role } };
  });
}
