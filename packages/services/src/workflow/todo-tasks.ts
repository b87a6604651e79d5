/**
 * Todos: tasks attached to any resource (an asset, a finding, a workflow…),
 * with an assignee, a due date and a status, linking back to the resource.
 * Whoever can read the resource may create one, for someone who can read it
 * too; the assignee is notified (kind `task.assigned`). The creator, the
 * assignee, an admin of the task's workspace or a global admin may move it.
 */
import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import { requireReadableResource, type ResolvedResource, resolveResource } from '../collab/resource-ref';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { sendNotifications } from '../notifications/notifications';
import { AccessChecker } from '../rbac/resolve';
import type { createTaskInput, tasksForResourceInput, updateTaskInput } from './task-schemas';
import { decidableFilterOf, taskViews, todoManagerOf } from './tasks';

function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Tasks are created by people');
  return actor.userId;
}

/** The assignee must exist, be active and be able to see the resource: a task they cannot open helps nobody. */
async function requireAssignee(deps: ServiceDeps, resource: ResolvedResource, userId: string) {
  const user = await deps.db.user.findUnique({ where: { id: userId }, select: { id: true, name: true, isActive: true } });
  if (!user?.isActive) throw new AppError('BAD_REQUEST', `No active user ${userId} to assign the task to`);
  const theirs = new AccessChecker(deps.db, { kind: 'user', userId });
  if (!(await theirs.can(resource.read.permission, resource.read.scope))) throw new AppError('BAD_REQUEST', `${user.name} cannot see “${resource.title}”, so cannot be assigned a task on it`);
  return user;
}

const dueText = (dueAt: Date | null | undefined) => (dueAt ? `, due ${dueAt.toISOString().slice(0, 10)}` : '');

async function notifyAssignee(tx: Tx, deps: ServiceDeps, actorId: string, task: { id: string; title: string; dueAt: Date | null }, assigneeId: string, resource: { title: string; link: string }) {
  if (assigneeId === actorId) return;
  const by = await tx.user.findUnique({ where: { id: actorId }, select: { name: true } });
  // One notification per assignment: a task reassigned back to someone tells them again.
  await sendNotifications(tx, [assigneeId], `task.assigned:${task.id}:${assigneeId}:${deps.clock().getTime()}`, {
    kind: 'task.assigned',
    title: `${by?.name ?? 'Someone'} assigned you “${task.title}”`,
    body: `On ${resource.title}${dueText(task.dueAt)}`,
    link: resource.link,
  });
}

export async function createTodoTask(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof createTaskInput>) {
  const userId = personOf(access.actor);
  const resource = await requireReadableResource(deps.db, access, input);
  await requireAssignee(deps, resource, input.assigneeUserId);
  const spec = { type: 'task.created', category: 'data' as const, sourceGroup: 'collaboration', action: 'create', resourceType: 'humanTask', workspaceId: resource.workspaceId };
  const id = await mutate(deps, access.actor, spec, async (tx) => {
    const task = await tx.humanTask.create({
      data: { kind: 'todo', workspaceId: resource.workspaceId, resourceType: input.resourceType, resourceId: input.resourceId, link: resource.link, createdById: userId, title: input.title, description: input.description ?? '', assigneeUserId: input.assigneeUserId, dueAt: input.dueAt ?? null },
    });
    await notifyAssignee(tx, deps, userId, task, input.assigneeUserId, resource);
    return {
      result: task.id,
      resourceId: task.id,
      after: { title: task.title, assigneeUserId: task.assigneeUserId, dueAt: task.dueAt, status: task.status },
      details: { on: { resourceType: input.resourceType, resourceId: input.resourceId, title: resource.title } },
    };
  });
  const [view] = await taskViews(deps, access, [await deps.db.humanTask.findUniqueOrThrow({ where: { id } })], await decidableFilterOf(deps, access));
  return view!;
}

export async function updateTodoTask(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof updateTaskInput>) {
  const userId = personOf(access.actor);
  const task = await deps.db.humanTask.findUnique({ where: { id: input.id } });
  if (!task) throw notFound('Task', input.id);
  if (task.kind !== 'todo') throw new AppError('BAD_REQUEST', `“${task.title}” is ${task.kind === 'access' ? 'an access request' : 'an approval'}: decide it instead of editing it`);
  const spec = { type: 'task.updated', category: 'data' as const, sourceGroup: 'collaboration', action: 'update', resourceType: 'humanTask', resourceId: task.id, workspaceId: task.workspaceId };
  await mutate(deps, access.actor, spec, async (tx) => {
    const manager = await todoManagerOf(access, [task]);
    if (task.createdById !== userId && task.assigneeUserId !== userId && !manager(task.workspaceId)) {
      throw new AppError('FORBIDDEN', `Only the creator or the assignee of “${task.title}”, or an admin of its workspace, may change it`);
    }
    // Re-read under a row lock so two edits at once apply one after the other.
    const [current] = await tx.$queryRaw<{ status: string; assigneeUserId: string | null; dueAt: Date | null; title: string }[]>`SELECT status::text AS status, "assigneeUserId", "dueAt", title FROM "HumanTask" WHERE id = ${task.id} FOR UPDATE`;
    if (!current) throw notFound('Task', task.id);
    const resource = task.resourceType && task.resourceId ? await resolveResource(tx, { resourceType: task.resourceType as ResolvedResource['resourceType'], resourceId: task.resourceId }) : null;
    const reassigned = input.assigneeUserId !== undefined && input.assigneeUserId !== current.assigneeUserId;
    if (reassigned) {
      if (!resource) throw new AppError('CONFLICT', `The resource of “${task.title}” no longer exists; it cannot be reassigned`);
      await requireAssignee(deps, resource, input.assigneeUserId!);
    }
    const closing = input.status === 'done' || input.status === 'cancelled';
    const data = {
      ...(input.status !== undefined ? { status: input.status, decidedById: closing ? userId : null, decidedAt: closing ? deps.clock() : null } : {}),
      ...(input.assigneeUserId !== undefined ? { assigneeUserId: input.assigneeUserId } : {}),
      ...(input.dueAt !== undefined ? { dueAt: input.dueAt } : {}),
      ...(input.title !== undefined ? { title: input.title } : {}),
    };
    const updated = await tx.humanTask.update({ where: { id: task.id }, data });
    if (reassigned && resource) await notifyAssignee(tx, deps, userId, updated, input.assigneeUserId!, resource);
    const pick = (t: { status: string; assigneeUserId: string | null; dueAt: Date | null; title: string }) => ({ status: t.status, assigneeUserId: t.assigneeUserId, dueAt: t.dueAt, title: t.title });
    return { result: null, before: pick(current), after: pick(updated), details: { title: updated.title } };
  });
  const [view] = await taskViews(deps, access, [await deps.db.humanTask.findUniqueOrThrow({ where: { id: task.id } })], await decidableFilterOf(deps, access));
  return view!;
}

/** The tasks on one resource, newest first, for whoever can read the resource. */
export async function tasksForResource(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof tasksForResourceInput>) {
  personOf(access.actor);
  await requireReadableResource(deps.db, access, input);
  const rows = await deps.db.humanTask.findMany({
    where: { resourceType: input.resourceType, resourceId: input.resourceId },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const items = await taskViews(deps, access, page, await decidableFilterOf(deps, access));
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}
