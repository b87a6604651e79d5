/** Permission cases: human tasks (approval steps) and the caller's notifications. */
import { testDeps } from '../harness';
import { type Case, global, workspaceScene } from './shared';

/** An open task assigned to the admins of a workspace (not tied to a step: the decision alone is recorded). */
async function adminTask() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const task = await deps.db.humanTask.create({ data: { workspaceId: s.ws.id, title: 'Publish the catalog?', assigneeRole: 'admin' } });
  return { ...s, task };
}

/** A workflow in a workspace scene (its viewer may read it, the outsider may not), with a todo on it the owner gave the member. */
async function todoScene() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const workflow = await deps.db.workflow.create({ data: { workspaceId: s.ws.id, name: `Tasked ${crypto.randomUUID().slice(0, 8)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  const todo = await deps.db.humanTask.create({
    data: { kind: 'todo', workspaceId: s.ws.id, ...ref, link: `/workflows/${workflow.id}`, title: 'Review the schedule', createdById: s.owner.user.id, assigneeUserId: s.member.user.id },
  });
  return { ...s, ref, todo };
}

export const taskCases: Record<string, Case> = {
  'task.create': {
    setup: async () => {
      const s = await todoScene();
      return { input: { ...s.ref, title: 'Check the owner', assigneeUserId: s.member.user.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { resourceType: 'workflow', resourceId: crypto.randomUUID(), title: '', assigneeUserId: crypto.randomUUID() },
  },
  // The creator, the assignee or a workspace admin; not another viewer of the workflow, nor an outsider.
  'task.update': {
    setup: async () => {
      const s = await todoScene();
      return { input: { id: s.todo.id, status: 'in_progress' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: crypto.randomUUID(), status: 'approved' },
  },
  'task.forResource': {
    setup: async () => {
      const s = await todoScene();
      return { input: s.ref, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { resourceType: 'workflow', resourceId: 'wf-1' },
  },
  'task.list': { setup: global([], []), badInput: { limit: 1000 } },
  'task.approve': {
    setup: async () => {
      const s = await adminTask();
      return { input: { id: s.task.id, comment: 'fine' }, allowed: s.admin, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { id: 'task-1' },
  },
  'task.reject': {
    setup: async () => {
      const s = await adminTask();
      return { input: { id: s.task.id }, allowed: s.owner, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: crypto.randomUUID(), comment: 'x'.repeat(2_001) },
  },
  'notification.list': { setup: global([], []), badInput: { limit: 0 } },
  'notification.unreadCount': { setup: global([], []), badInput: { everyone: true } },
  'notification.markRead': { setup: global([], [], { all: true }), badInput: { ids: [], all: true } },
};
