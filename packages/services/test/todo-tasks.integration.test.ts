/**
 * Todos on any resource: created by whoever can read the resource, for
 * someone who can too; the assignee is notified; the creator, the assignee
 * or a workspace admin move it; the task list and the resource's panel show
 * it; approvals keep their own decide path.
 */
import { describe, expect, it } from 'vitest';
import { createTodoTask, tasksForResource, updateTodoTask } from '../src/workflow/todo-tasks';
import { approveTask, listTasks } from '../src/workflow/tasks';
import { makeWorkspace, person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const [owner, admin, member, viewer, outsider] = await Promise.all([person(deps), person(deps), person(deps), person(deps), person(deps, ['steward'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: admin.user.id, role: 'admin' }, { userId: member.user.id, role: 'member' }, { userId: viewer.user.id, role: 'viewer' }] });
  const workflow = await deps.db.workflow.create({ data: { workspaceId: ws.id, name: `Nightly ${crypto.randomUUID().slice(0, 6)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  return { deps, ws, workflow, ref, owner, admin, member, viewer, outsider };
}

describe('todo tasks', () => {
  it('goes from created to done, notifying the assignee, visible in their list and on the resource', async () => {
    const s = await scene();
    const due = new Date(Date.now() + 3 * 86_400_000);
    const task = await createTodoTask(s.deps, s.viewer.access, { ...s.ref, title: 'Check the schedule', assigneeUserId: s.member.user.id, dueAt: due });
    expect(task).toMatchObject({ kind: 'todo', status: 'open', workspaceId: s.ws.id, link: `/workflows/${s.workflow.id}`, createdById: s.viewer.user.id, assigneeUserId: s.member.user.id, canUpdate: true, canDecide: false });
    const told = await s.deps.db.notification.findMany({ where: { userId: s.member.user.id, kind: 'task.assigned' } });
    expect(told).toHaveLength(1);
    expect(told[0]).toMatchObject({ link: `/workflows/${s.workflow.id}` });
    expect(told[0]!.title).toContain('Check the schedule');

    const mine = await listTasks(s.deps, s.member.access, { kind: 'todo', limit: 25 });
    expect(mine.items.map((t) => t.id)).toEqual([task.id]);
    // The creator sees the todo they handed out too.
    expect((await listTasks(s.deps, s.viewer.access, { limit: 25 })).items.map((t) => t.id)).toContain(task.id);
    expect((await listTasks(s.deps, s.outsider.access, { limit: 25 })).items.map((t) => t.id)).not.toContain(task.id);

    expect(await updateTodoTask(s.deps, s.member.access, { id: task.id, status: 'in_progress' })).toMatchObject({ status: 'in_progress' });
    const done = await updateTodoTask(s.deps, s.member.access, { id: task.id, status: 'done' });
    expect(done).toMatchObject({ status: 'done', decidedById: s.member.user.id });
    const onResource = await tasksForResource(s.deps, s.viewer.access, { ...s.ref, limit: 10 });
    expect(onResource.items.map((t) => [t.id, t.status])).toEqual([[task.id, 'done']]);
    const audit = await s.deps.db.activityEvent.findMany({ where: { resourceId: task.id, type: { in: ['task.created', 'task.updated'] } }, orderBy: { id: 'asc' }, select: { type: true, before: true, after: true } });
    expect(audit.map((a) => a.type)).toEqual(['task.created', 'task.updated', 'task.updated']);
    expect(audit[2]).toMatchObject({ before: { status: 'in_progress' }, after: { status: 'done' } });
  });

  it('checks who may create, see, move and be assigned', async () => {
    const s = await scene();
    await expect(createTodoTask(s.deps, s.outsider.access, { ...s.ref, title: 'Peek', assigneeUserId: s.member.user.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(tasksForResource(s.deps, s.outsider.access, { ...s.ref, limit: 10 })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // Assigning someone who cannot see the workflow helps nobody.
    await expect(createTodoTask(s.deps, s.member.access, { ...s.ref, title: 'For a stranger', assigneeUserId: s.outsider.user.id })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('cannot see') });
    await expect(createTodoTask(s.deps, s.member.access, { resourceType: 'workflow', resourceId: crypto.randomUUID(), title: 'Gone', assigneeUserId: s.member.user.id })).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const task = await createTodoTask(s.deps, s.member.access, { ...s.ref, title: 'Tidy labels', assigneeUserId: s.member.user.id });
    // Assigning oneself sends no notification.
    expect(await s.deps.db.notification.count({ where: { userId: s.member.user.id, kind: 'task.assigned' } })).toBe(0);
    await expect(updateTodoTask(s.deps, s.viewer.access, { id: task.id, status: 'done' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    // A workspace admin may reassign; the new assignee is told.
    const moved = await updateTodoTask(s.deps, s.admin.access, { id: task.id, assigneeUserId: s.viewer.user.id, dueAt: null });
    expect(moved).toMatchObject({ assigneeUserId: s.viewer.user.id });
    expect(await s.deps.db.notification.count({ where: { userId: s.viewer.user.id, kind: 'task.assigned' } })).toBe(1);
    expect(await updateTodoTask(s.deps, s.viewer.access, { id: task.id, status: 'cancelled' })).toMatchObject({ status: 'cancelled' });
    // A todo is not an approval, and an approval is not edited as a todo.
    await expect(approveTask(s.deps, s.admin.actor, s.admin.access, { id: task.id })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const approval = await s.deps.db.humanTask.create({ data: { workspaceId: s.ws.id, title: 'Publish?', assigneeRole: 'admin' } });
    await expect(updateTodoTask(s.deps, s.admin.access, { id: approval.id, status: 'done' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const approvals = await listTasks(s.deps, s.admin.access, { kind: 'approval', limit: 25 });
    expect(approvals.items.find((t) => t.id === approval.id)).toMatchObject({ canDecide: true, canUpdate: false });
  });
});
