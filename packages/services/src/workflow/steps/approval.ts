/**
 * `approval`: a human task assigned to a user or to a role of the workspace.
 * The step creates one HumanTask (unique per step run: a rerun finds it),
 * notifies the assignees, and parks without a worker slot. A decision
 * (`task.approve` / `task.reject`) completes the step through the engine; if
 * the step is woken instead (its due date, or a resume), it reads the task's
 * state itself, so a decision is never lost. Woken at the due date with the
 * task still open, it marks the task expired and fails.
 */
import { z } from 'zod';
import type { HumanTask } from '@racine/db';
import { systemActor } from '../../actor';
import { mutate } from '../../activity/record';
import { isUniqueViolation } from '../../errors';
import { sendNotifications } from '../../notifications/notifications';
import { defineStepType, type StepContext } from '../step-type';
import { approvalOutcome, type OnReject } from '../task-outcome';
import { assertKnownRole, notifiable, roleHolders, stepAudit, usersInWorkspace } from './scope';

const config = z
  .object({
    title: z.string().trim().min(1, 'An approval needs a title').max(200),
    description: z.string().max(5_000).optional(),
    assigneeUserId: z.uuid('Not a user id').optional(),
    /** A workspace role (owner, admin, member, viewer: that role or higher) or a global role key. */
    assigneeRole: z.string().trim().min(1).max(64).optional(),
    /** Fails the step (and expires the task) when nobody decided in time. */
    timeoutMs: z.number().int().min(1_000, 'A timeout is at least 1 s').max(30 * 86_400_000, 'A timeout is at most 30 days').optional(),
    /** What a rejection does: fail the step, or succeed with `approved: false` for a condition to branch on. */
    onReject: z.enum(['fail', 'continue']).default('fail'),
  })
  .strict()
  .refine((c) => Boolean(c.assigneeUserId) !== Boolean(c.assigneeRole), { message: 'Assign the approval to a user (assigneeUserId) or a role (assigneeRole), not both' });

type Config = z.output<typeof config>;

export function formatDuration(ms: number): string {
  const units: [number, string][] = [[86_400_000, 'day'], [3_600_000, 'hour'], [60_000, 'minute'], [1_000, 'second']];
  for (const [size, name] of units) if (ms >= size && ms % size === 0) return `${ms / size} ${name}${ms / size === 1 ? '' : 's'}`;
  return ms >= 60_000 ? `${Math.round(ms / 60_000)} minutes` : `${Math.round(ms / 1000)} seconds`;
}

async function createTask(ctx: StepContext<Config>): Promise<HumanTask> {
  const { db } = ctx.deps;
  const c = ctx.config;
  const ws = ctx.execution.workspaceId;
  if (c.assigneeUserId) await usersInWorkspace(db, ws, [c.assigneeUserId]);
  if (c.assigneeRole) await assertKnownRole(db, c.assigneeRole);
  const assignees = c.assigneeUserId ? [c.assigneeUserId] : await notifiable(db, ws, await roleHolders(db, ws, c.assigneeRole!));
  if (!assignees.length) await ctx.log(`Nobody in the workspace holds the role "${c.assigneeRole}": only an admin can decide`, undefined, 'warn');
  const dueAt = c.timeoutMs ? new Date(ctx.deps.clock().getTime() + c.timeoutMs) : null;
  try {
    return await mutate(
      ctx.deps,
      systemActor,
      { type: 'task.created', category: 'execution', sourceGroup: 'workflow', targetGroup: 'notification', action: 'create', resourceType: 'humanTask', workspaceId: ws },
      async (tx) => {
        const task = await tx.humanTask.create({
          data: { workspaceId: ws, executionId: ctx.execution.id, stepRunId: ctx.step.runId, title: c.title, description: c.description ?? '', assigneeUserId: c.assigneeUserId ?? null, assigneeRole: c.assigneeRole ?? null, dueAt },
        });
        const notified = await sendNotifications(tx, assignees, `task:${task.id}`, { kind: 'task', title: `Approval needed: ${c.title}`, body: c.description, link: `/tasks?task=${task.id}` });
        return { result: task, resourceId: task.id, details: { ...stepAudit(ctx), assigneeUserId: task.assigneeUserId, assigneeRole: task.assigneeRole, dueAt, notified }, after: { title: task.title, status: task.status } };
      },
    );
  } catch (error) {
    // A concurrent run of this step created it first.
    if (isUniqueViolation(error)) return db.humanTask.findUniqueOrThrow({ where: { stepRunId: ctx.step.runId } });
    throw error;
  }
}

/** Marks the open task expired; null if someone decided it meanwhile (then their decision counts). */
async function expire(ctx: StepContext<Config>, task: HumanTask): Promise<boolean> {
  return mutate(
    ctx.deps,
    systemActor,
    { type: 'task.expired', category: 'execution', sourceGroup: 'workflow', action: 'expire', resourceType: 'humanTask', resourceId: task.id, workspaceId: task.workspaceId },
    async (tx) => {
      const { count } = await tx.humanTask.updateMany({ where: { id: task.id, status: 'open' }, data: { status: 'expired', decidedAt: ctx.deps.clock() } });
      return { result: count === 1, details: { ...stepAudit(ctx), dueAt: task.dueAt, expired: count === 1 }, before: { status: 'open' }, after: { status: count === 1 ? 'expired' : 'decided' } };
    },
  );
}

export const approvalStep = defineStepType({
  type: 'approval',
  title: 'Ask for approval',
  description: 'Creates a task for a user or a role of the workspace and waits for their decision, with an optional timeout.',
  group: 'human',
  config,
  output: {
    approved: { type: 'boolean', description: 'Whether it was approved (false only with onReject "continue").' },
    decidedBy: { type: 'string', description: 'The name of who decided.' },
    decidedById: { type: 'string', description: 'The id of who decided.' },
    comment: { type: 'string', description: 'Their comment, if any.' },
    taskId: { type: 'string', description: 'The human task.' },
  },
  async run(ctx) {
    const { db } = ctx.deps;
    const onReject: OnReject = ctx.config.onReject;
    // Checkpointed before the task exists, so a decision made at once already knows what a rejection does.
    if ((ctx.state as { onReject?: string } | null)?.onReject !== onReject) await ctx.checkpoint({ onReject });
    let task = (await db.humanTask.findUnique({ where: { stepRunId: ctx.step.runId } })) ?? (await createTask(ctx));
    const state = { onReject, taskId: task.id };
    if (task.status === 'open' && task.dueAt && task.dueAt <= ctx.deps.clock()) {
      if (await expire(ctx, task)) {
        await ctx.log(`Nobody decided "${task.title}" in time`, { taskId: task.id }, 'warn');
        throw new Error(`Approval timed out after ${formatDuration(ctx.config.timeoutMs ?? task.dueAt.getTime() - task.createdAt.getTime())}`);
      }
      task = await db.humanTask.findUniqueOrThrow({ where: { id: task.id } });
    }
    if (task.status === 'open') {
      if (!ctx.state || (ctx.state as { taskId?: string }).taskId !== task.id) await ctx.log(`Waiting for a decision on "${task.title}"`, { taskId: task.id, assigneeUserId: task.assigneeUserId, assigneeRole: task.assigneeRole, dueAt: task.dueAt });
      return { kind: 'wait', state, ...(task.dueAt ? { wakeAt: task.dueAt } : {}) };
    }
    if (task.status === 'expired') throw new Error(`Approval timed out after ${formatDuration(ctx.config.timeoutMs ?? (task.dueAt ?? task.createdAt).getTime() - task.createdAt.getTime())}`);
    if (task.status === 'cancelled') throw new Error(`The approval task "${task.title}" was cancelled`);
    const decider = task.decidedById ? await db.user.findUnique({ where: { id: task.decidedById }, select: { id: true, name: true } }) : null;
    const outcome = approvalOutcome({ approved: task.status === 'approved', onReject, decider: decider ?? { id: task.decidedById ?? '', name: 'someone' }, comment: task.comment, taskId: task.id });
    if ('error' in outcome) throw new Error(outcome.error);
    return { kind: 'done', output: outcome.output };
  },
});
