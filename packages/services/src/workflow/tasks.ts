/**
 * Human tasks (approval steps): who sees them, who may decide them, and the
 * decision. A task is decided by its assignee, by anyone holding its role
 * for the task's workspace (a workspace role or higher; or the global role),
 * or by a global admin. The decision and the step's completion commit in one
 * transaction, with the activity row: a task is never approved without its
 * step moving on, nor the reverse.
 */
import type { HumanTask, Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { workspaceRoleKeys } from '../rbac/catalog';
import { type AccessChecker, globalScope, workspaceScope } from '../rbac/resolve';
import { completeWaitingStep } from './engine/control';
import { roleHolders } from './steps/scope';
import { approvalOutcome, type OnReject } from './task-outcome';
import type { decideTaskInput, listTasksInput } from './task-schemas';

function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Tasks are decided by people');
  return actor.userId;
}

/** A global admin (every permission everywhere) sees and decides every task. */
const isGlobalAdmin = (access: AccessChecker) => access.can('workflow.execute', globalScope);

/**
 * The tasks a user may decide, as a filter: assigned to them, or to a role
 * they hold — per workspace for workspace roles (a higher role covers the
 * lower ones), anywhere for global roles.
 */
async function decidableWhere(deps: ServiceDeps, userId: string): Promise<Prisma.HumanTaskWhereInput> {
  const now = new Date();
  const [members, assigned, globals] = await Promise.all([
    deps.db.workspaceMember.findMany({ where: { userId }, select: { workspaceId: true, roleId: true } }),
    deps.db.roleAssignment.findMany({ where: { userId, scopeType: 'workspace', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { scopeId: true, roleId: true } }),
    deps.db.roleAssignment.findMany({ where: { userId, scopeType: 'global', OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] }, select: { role: { select: { key: true } } } }),
  ]);
  // For each workspace, the best role held: it covers every role below it.
  const best = new Map<string, number>();
  for (const { workspaceId, roleId } of [...members, ...assigned.map((a) => ({ workspaceId: a.scopeId, roleId: a.roleId }))]) {
    const rank = workspaceRoleKeys.indexOf(roleId.replace(/^ws\./, '') as (typeof workspaceRoleKeys)[number]);
    if (rank >= 0 && rank < (best.get(workspaceId) ?? Infinity)) best.set(workspaceId, rank);
  }
  const globalRoles = globals.map((g) => g.role.key).filter((k) => !(workspaceRoleKeys as readonly string[]).includes(k));
  return {
    OR: [
      { assigneeUserId: userId },
      ...[...best].map(([workspaceId, rank]) => ({ workspaceId, assigneeRole: { in: workspaceRoleKeys.slice(rank) as string[] } })),
      ...(globalRoles.length ? [{ assigneeRole: { in: globalRoles } }] : []),
    ],
  };
}

async function mayDecide(deps: ServiceDeps, access: AccessChecker, userId: string, task: Pick<HumanTask, 'assigneeUserId' | 'assigneeRole' | 'workspaceId'>): Promise<boolean> {
  if (task.assigneeUserId === userId) return true;
  if (task.assigneeRole && task.workspaceId && (await roleHolders(deps.db, task.workspaceId, task.assigneeRole)).includes(userId)) return true;
  return isGlobalAdmin(access);
}

export async function listTasks(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listTasksInput>) {
  const userId = personOf(access.actor);
  const admin = await isGlobalAdmin(access);
  const mine = await decidableWhere(deps, userId);
  // Besides what one may decide: the todos one created for someone else.
  const visible: Prisma.HumanTaskWhereInput = { OR: [...(mine.OR ?? []), { createdById: userId }] };
  const where: Prisma.HumanTaskWhereInput = {
    ...(admin ? {} : visible),
    ...(input.status ? { status: input.status } : input.statuses ? { status: { in: input.statuses } } : {}),
    ...(input.kind ? { kind: input.kind } : {}),
    ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
  };
  const rows = await deps.db.humanTask.findMany({ where, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const page = rows.slice(0, input.limit);
  const items = await taskViews(deps, access, page, admin ? null : mine);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/** The caller's decidable filter for taskViews: null for a global admin, who decides everything. */
export async function decidableFilterOf(deps: ServiceDeps, access: AccessChecker): Promise<Prisma.HumanTaskWhereInput | null> {
  return (await isGlobalAdmin(access)) ? null : decidableWhere(deps, personOf(access.actor));
}

/**
 * Tasks as the API shows them: names of the people, workspace and workflow,
 * and what the caller may do with each (decide an approval; move a todo).
 * `decidableBy` is the caller's decidable filter, or null for a global admin.
 */
export async function taskViews(deps: ServiceDeps, access: AccessChecker, page: HumanTask[], decidableBy: Prisma.HumanTaskWhereInput | null) {
  const userId = personOf(access.actor);
  const decidable = decidableBy === null ? null : new Set((await deps.db.humanTask.findMany({ where: { AND: [decidableBy, { id: { in: page.map((t) => t.id) } }] }, select: { id: true } })).map((t) => t.id));
  const executionIds = [...new Set(page.map((t) => t.executionId).filter((id): id is string => id !== null))];
  const userIds = [...new Set(page.flatMap((t) => [t.assigneeUserId, t.decidedById, t.createdById]).filter((id): id is string => id !== null))];
  const workspaceIds = [...new Set(page.map((t) => t.workspaceId).filter((id): id is string => id !== null))];
  const [executions, users, workspaces, adminOf] = await Promise.all([
    deps.db.workflowExecution.findMany({ where: { id: { in: executionIds } }, select: { id: true, status: true, workflowId: true, workflow: { select: { name: true } } } }),
    deps.db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true } }),
    deps.db.workspace.findMany({ where: { id: { in: workspaceIds } }, select: { id: true, name: true } }),
    todoManagerOf(access, page),
  ]);
  return page.map((t) => {
    const execution = executions.find((e) => e.id === t.executionId);
    return {
      id: t.id,
      kind: t.kind,
      title: t.title,
      description: t.description,
      status: t.status,
      workspaceId: t.workspaceId,
      workspaceName: workspaces.find((w) => w.id === t.workspaceId)?.name ?? null,
      resourceType: t.resourceType,
      resourceId: t.resourceId,
      link: t.link,
      executionId: t.executionId,
      executionStatus: execution?.status ?? null,
      workflowId: execution?.workflowId ?? null,
      workflowName: execution?.workflow.name ?? null,
      stepRunId: t.stepRunId,
      assigneeUserId: t.assigneeUserId,
      assigneeName: users.find((u) => u.id === t.assigneeUserId)?.name ?? null,
      assigneeRole: t.assigneeRole,
      createdById: t.createdById,
      createdByName: users.find((u) => u.id === t.createdById)?.name ?? null,
      dueAt: t.dueAt,
      decidedById: t.decidedById,
      decidedByName: users.find((u) => u.id === t.decidedById)?.name ?? null,
      decidedAt: t.decidedAt,
      comment: t.comment,
      createdAt: t.createdAt,
      // Access tasks are decided on the access request page, never here.
      canDecide: t.kind === 'approval' && t.status === 'open' && (decidable === null || decidable.has(t.id)),
      canUpdate: t.kind === 'todo' && (t.createdById === userId || t.assigneeUserId === userId || adminOf(t.workspaceId)),
    };
  });
}

/**
 * Who may move a todo besides its creator and assignee: a global admin, or
 * an admin of its workspace. Returns a lookup by workspace id.
 */
export async function todoManagerOf(access: AccessChecker, tasks: Pick<HumanTask, 'kind' | 'workspaceId'>[]): Promise<(workspaceId: string | null) => boolean> {
  if (await isGlobalAdmin(access)) return () => true;
  const ids = [...new Set(tasks.filter((t) => t.kind === 'todo' && t.workspaceId).map((t) => t.workspaceId!))];
  const admins = new Set((await Promise.all(ids.map(async (id) => ((await access.can('workspace.members.manage', workspaceScope(id))) ? id : null)))).filter(Boolean));
  return (workspaceId) => workspaceId !== null && admins.has(workspaceId);
}

const describeAssignee = (task: HumanTask, assigneeName: string | null) =>
  task.assigneeUserId ? (assigneeName ?? 'its assignee') : `someone holding the ${task.assigneeRole} role in its workspace`;

async function decide(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof decideTaskInput>, decision: 'approved' | 'rejected') {
  const userId = personOf(actor);
  const task = await deps.db.humanTask.findUnique({ where: { id: input.id } });
  if (!task) throw notFound('Task', input.id);
  // An access task is decided with its request (scope check, grant, expiry): access/decide.ts.
  if (task.kind === 'todo') throw new AppError('BAD_REQUEST', `"${task.title}" is a todo, not an approval: move it with task.update (open, in progress, done, cancelled)`);
  if (task.kind === 'access') throw new AppError('BAD_REQUEST', `"${task.title}" is an access request: decide access requests on the access request page (${task.link ?? '/admin/access-requests'})`);
  const spec = { type: `task.${decision}`, category: 'execution' as const, sourceGroup: 'workflow', action: decision === 'approved' ? 'approve' : 'reject', resourceType: 'humanTask', resourceId: task.id, workspaceId: task.workspaceId };
  return mutate(deps, actor, spec, async (tx) => {
    if (!(await mayDecide(deps, access, userId, task))) {
      const assignee = task.assigneeUserId ? await tx.user.findUnique({ where: { id: task.assigneeUserId }, select: { name: true } }) : null;
      throw new AppError('FORBIDDEN', `Only ${describeAssignee(task, assignee?.name ?? null)}, or an admin, may decide "${task.title}"`);
    }
    // Re-read under a row lock: two people deciding at once, only the first counts.
    const [current] = await tx.$queryRaw<{ status: string; dueAt: Date | null }[]>`SELECT status::text AS status, "dueAt" FROM "HumanTask" WHERE id = ${task.id} FOR UPDATE`;
    if (current?.status !== 'open') throw new AppError('CONFLICT', `"${task.title}" was already ${current?.status ?? 'removed'}; it can no longer be decided`, { status: current?.status });
    if (current.dueAt && current.dueAt <= deps.clock()) throw new AppError('CONFLICT', `"${task.title}" is past its deadline (${current.dueAt.toISOString()}); it can no longer be decided`);
    const decidedAt = deps.clock();
    await tx.humanTask.update({ where: { id: task.id }, data: { status: decision, decidedById: userId, decidedAt, comment: input.comment ?? null } });
    const decider = await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true } });
    if (task.stepRunId) {
      const stepRun = await tx.workflowStepRun.findUnique({ where: { id: task.stepRunId }, select: { state: true, input: true } });
      const onReject = ((stepRun?.state as { onReject?: OnReject } | null)?.onReject ?? (stepRun?.input as { onReject?: OnReject } | null)?.onReject ?? 'fail') as OnReject;
      if (stepRun) await completeWaitingStep(deps, task.stepRunId, approvalOutcome({ approved: decision === 'approved', onReject, decider, comment: input.comment ?? null, taskId: task.id }), tx);
    }
    return {
      result: { id: task.id, status: decision, decidedById: userId, decidedAt, comment: input.comment ?? null },
      before: { status: 'open' },
      after: { status: decision, comment: input.comment ?? null },
      details: { title: task.title, executionId: task.executionId, stepRunId: task.stepRunId },
    };
  });
}

export const approveTask = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof decideTaskInput>) => decide(deps, actor, access, input, 'approved');
export const rejectTask = (deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof decideTaskInput>) => decide(deps, actor, access, input, 'rejected');
