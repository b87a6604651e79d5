/**
 * Approvals through the real engine and job worker: an execution parks on
 * its approval step, and task.approve / task.reject (the service) decide it
 * in one transaction with the step's completion. Who may decide, who sees
 * what, double decisions, rejection modes and the timeout.
 */
import type { Prisma } from '@racine/db';
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../src/deps';
import { startWorker } from '../src/jobs/queue';
import { taskList } from '../src/jobs/tasks';
import { AccessChecker } from '../src/rbac/resolve';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { startExecution } from '../src/workflow/engine/start';
import { getExecution } from '../src/workflow/engine/views';
import { stepTypes } from '../src/workflow/steps/index';
import { approveTask, listTasks, rejectTask } from '../src/workflow/tasks';
import type { ExecutionView } from '../src/workflow/engine/types';
import { person, testDeps } from './harness';
import { stepScene } from './workflow-step-harness';

let deps: ServiceDeps;
let worker: Runner;

beforeAll(async () => {
  const base = await testDeps();
  // Our own task names: only this file's worker runs these executions' steps.
  deps = { ...base, workflowEngine: { stepTypes, taskSuffix: ':tasks-test' } };
  await stepScene();
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, tasks: { ...taskList(deps), ...workflowJobTasks(deps) }, concurrency: 4, pollIntervalMs: 100 });
});
afterAll(async () => {
  await worker?.stop();
});

async function until(executionId: string, done: (e: ExecutionView) => boolean, timeoutMs = 20_000): Promise<ExecutionView> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const e = await getExecution(deps, executionId);
    if (done(e)) return e;
    if (Date.now() > end) throw new Error(`execution ${executionId} did not get there: ${JSON.stringify(e.steps.map((s) => [s.stepId, s.status, s.error]))}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const stepOf = (e: ExecutionView, id: string) => e.steps.find((s) => s.stepId === id)!;

/** A workflow: approval → notify the starter; started by the workspace owner; returns once the task exists. */
async function awaitingApproval({ assigneeUserIdOf, ...approval }: Record<string, unknown> & { assigneeUserIdOf?: 'viewer' | 'member' }) {
  const s = await stepScene();
  const assignee = assigneeUserIdOf ? { assigneeUserId: s[assigneeUserIdOf].user.id } : {};
  const definition = {
    steps: [
      { id: 'approve', type: 'approval', config: { title: 'Go ahead?', ...assignee, ...approval }, dependsOn: [] },
      { id: 'tell', type: 'notify', config: { title: 'Decided: {{ steps.approve.approved }} by {{ steps.approve.decidedBy }}', toStarter: true }, dependsOn: ['approve'] },
    ],
  };
  const workflow = await deps.db.workflow.create({ data: { workspaceId: s.ws.id, name: `approve ${crypto.randomUUID().slice(0, 8)}` } });
  await deps.db.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, definition: definition as Prisma.InputJsonValue } });
  const { id } = await startExecution(deps, s.owner.actor, { workflowId: workflow.id, trigger: 'manual' });
  const parked = await until(id, (e) => stepOf(e, 'approve').status === 'waiting');
  const task = await deps.db.humanTask.findUniqueOrThrow({ where: { stepRunId: stepOf(parked, 'approve').id } });
  return { ...s, executionId: id, task };
}

const checker = (p: { actor: Parameters<typeof approveTask>[1] }) => new AccessChecker(deps.db, p.actor);

describe('deciding an approval', () => {
  it('an admin of the workspace approves: the step succeeds with the decision, the execution finishes, the decision is audited', async () => {
    const s = await awaitingApproval({ assigneeRole: 'admin' });
    const decided = await approveTask(deps, s.admin.actor, checker(s.admin), { id: s.task.id, comment: 'looks right' });
    expect(decided).toMatchObject({ id: s.task.id, status: 'approved', decidedById: s.admin.user.id, comment: 'looks right' });
    const e = await until(s.executionId, (x) => x.status === 'succeeded');
    expect(stepOf(e, 'approve').output).toEqual({ approved: true, decidedBy: s.admin.user.name, decidedById: s.admin.user.id, comment: 'looks right', taskId: s.task.id });
    const told = await deps.db.notification.findFirstOrThrow({ where: { userId: s.owner.user.id, kind: 'workflow' } });
    expect(told.title).toBe(`Decided: true by ${s.admin.user.name}`);
    const audit = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'task.approved', resourceId: s.task.id } });
    expect(audit).toMatchObject({ actorId: s.admin.user.id, status: 'success', workspaceId: s.ws.id });
  });

  it('a rejection fails the step with who and why, and the steps after it are skipped', async () => {
    const s = await awaitingApproval({ assigneeRole: 'member' });
    await rejectTask(deps, s.member.actor, checker(s.member), { id: s.task.id, comment: 'not yet' });
    const e = await until(s.executionId, (x) => x.status === 'failed');
    expect(stepOf(e, 'approve')).toMatchObject({ status: 'failed', error: `Rejected by ${s.member.user.name}: not yet` });
    expect(stepOf(e, 'tell').status).toBe('skipped');
    expect(await deps.db.humanTask.findUniqueOrThrow({ where: { id: s.task.id } })).toMatchObject({ status: 'rejected', decidedById: s.member.user.id });
  });

  it('with onReject "continue", a rejection succeeds with approved: false', async () => {
    const t = await awaitingApproval({ assigneeRole: 'admin', onReject: 'continue' });
    await rejectTask(deps, t.owner.actor, checker(t.owner), { id: t.task.id });
    const e = await until(t.executionId, (x) => x.status === 'succeeded');
    expect(stepOf(e, 'approve').output).toMatchObject({ approved: false, decidedById: t.owner.user.id, comment: '' });
  });

  it('refuses people who may not decide, with the reason; lets a global admin', async () => {
    const s = await awaitingApproval({ assigneeRole: 'admin' });
    for (const p of [s.viewer, s.member, s.outsider]) {
      await expect(approveTask(deps, p.actor, checker(p), { id: s.task.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/Only someone holding the admin role in its workspace, or an admin, may decide "Go ahead\?"/) });
    }
    expect(await deps.db.activityEvent.count({ where: { type: 'task.approved', resourceId: s.task.id, status: 'failure' } })).toBe(3);
    const admin = await person(deps, ['admin']);
    await approveTask(deps, admin.actor, admin.access, { id: s.task.id });
    await until(s.executionId, (x) => x.status === 'succeeded');
  });

  it('the assigned user decides; a second decision is a CONFLICT and changes nothing', async () => {
    const s = await awaitingApproval({ assigneeUserIdOf: 'viewer' });
    await expect(approveTask(deps, s.admin.actor, checker(s.admin), { id: s.task.id })).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(`Only ${s.viewer.user.name}, or an admin`) });
    await approveTask(deps, s.viewer.actor, checker(s.viewer), { id: s.task.id });
    const admin = await person(deps, ['admin']);
    await expect(rejectTask(deps, admin.actor, admin.access, { id: s.task.id })).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/already approved/) });
    await expect(approveTask(deps, s.viewer.actor, checker(s.viewer), { id: s.task.id })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await deps.db.humanTask.findUniqueOrThrow({ where: { id: s.task.id } })).toMatchObject({ status: 'approved', decidedById: s.viewer.user.id });
    await expect(approveTask(deps, s.viewer.actor, checker(s.viewer), { id: crypto.randomUUID() })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('times out: the task expires and the step fails', async () => {
    const s = await awaitingApproval({ assigneeRole: 'admin', timeoutMs: 1_000 });
    const e = await until(s.executionId, (x) => x.status === 'failed');
    expect(stepOf(e, 'approve')).toMatchObject({ status: 'failed', error: 'Approval timed out after 1 second' });
    expect((await deps.db.humanTask.findUniqueOrThrow({ where: { id: s.task.id } })).status).toBe('expired');
    await expect(approveTask(deps, s.admin.actor, checker(s.admin), { id: s.task.id })).rejects.toMatchObject({ code: 'CONFLICT' });
  });
});

describe('listing tasks', () => {
  it('shows a task to its role’s holders (with canDecide), not to others; admins see it too', async () => {
    const s = await awaitingApproval({ assigneeRole: 'admin' });
    const listed = async (p: { actor: Parameters<typeof approveTask>[1] }) => (await listTasks(deps, checker(p), { status: 'open', limit: 100 })).items.filter((t) => t.id === s.task.id);
    for (const p of [s.admin, s.owner]) expect(await listed(p)).toEqual([expect.objectContaining({ id: s.task.id, canDecide: true, workflowName: expect.stringMatching(/^approve /), executionId: s.executionId, workspaceName: s.ws.name, assigneeRole: 'admin' })]);
    for (const p of [s.member, s.viewer, s.outsider]) expect(await listed(p)).toEqual([]);
    const admin = await person(deps, ['admin']);
    expect((await listTasks(deps, admin.access, { workspaceId: s.ws.id, limit: 100 })).items.map((t) => [t.id, t.canDecide])).toEqual([[s.task.id, true]]);
    await approveTask(deps, s.admin.actor, checker(s.admin), { id: s.task.id });
    expect(await listed(s.admin)).toEqual([]);
    expect((await listTasks(deps, checker(s.admin), { status: 'approved', limit: 100 })).items.find((t) => t.id === s.task.id)).toMatchObject({ canDecide: false, decidedByName: s.admin.user.name });
  });
});
