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

export const taskCases: Record<string, Case> = {
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
