import type { Prisma } from '@racine/db';
import type { AccessChecker } from '../rbac/resolve';

/**
 * Who may see an activity row: holders of activity.read everywhere see all;
 * others see rows of workspaces where they hold activity.read, and their own.
 */
export interface ActivityVisibility {
  all: boolean;
  userId: string | null;
  workspaceIds: Set<string>;
}

export async function activityVisibility(access: AccessChecker): Promise<ActivityVisibility> {
  const workspaces = await access.workspacesWith('activity.read');
  const userId = access.actor.kind === 'system' ? null : access.actor.userId;
  return workspaces === 'all'
    ? { all: true, userId, workspaceIds: new Set() }
    : { all: false, userId, workspaceIds: new Set(workspaces) };
}

export function visibilityWhere(v: ActivityVisibility): Prisma.ActivityEventWhereInput {
  if (v.all) return {};
  const or: Prisma.ActivityEventWhereInput[] = [{ workspaceId: { in: [...v.workspaceIds] } }];
  if (v.userId) or.push({ actorId: v.userId });
  return { OR: or };
}

export function canSee(v: ActivityVisibility, event: { workspaceId: string | null; actorId: string | null }): boolean {
  return v.all || (event.workspaceId !== null && v.workspaceIds.has(event.workspaceId)) || (v.userId !== null && event.actorId === v.userId);
}

/**
 * Keeps a live subscriber's visibility current: joining or creating a workspace
 * opens its events, being removed closes them. Returns true if the event
 * changed what the subscriber may see.
 */
export function updateVisibility(v: ActivityVisibility, event: { type: string; workspaceId: string | null; actorId: string | null; details: unknown }): boolean {
  if (v.all || !v.userId || !event.workspaceId) return false;
  const subject = (event.details as { userId?: string } | null)?.userId;
  if (event.type === 'workspace.created' && event.actorId === v.userId) return v.workspaceIds.add(event.workspaceId), true;
  if (event.type === 'workspace.member.added' && subject === v.userId) return v.workspaceIds.add(event.workspaceId), true;
  if ((event.type === 'workspace.member.removed' && subject === v.userId) || event.type === 'workspace.deleted')
    return v.workspaceIds.delete(event.workspaceId);
  return false;
}
