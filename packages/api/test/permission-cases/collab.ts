/** Permission cases: presence, comments and reactions (reading the resource is what they take). */
import { testDeps } from '../harness';
import { type Case, uuid, workspaceScene } from './shared';

/** workspaceScene plus a workflow in it: its viewer may read it, the outsider (a steward of no workspace) may not. */
async function resourceScene() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const workflow = await deps.db.workflow.create({ data: { workspaceId: s.ws.id, name: `Discussed ${uuid().slice(0, 8)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  return { ...s, deps, workflow, ref };
}

type Scene = Awaited<ReturnType<typeof resourceScene>>;

/** The workspace viewer may, the outsider may not. */
const onResource = (input: (s: Scene) => unknown | Promise<unknown>, badInput: unknown): Case => ({
  setup: async () => {
    const s = await resourceScene();
    return { input: await input(s), allowed: s.viewer, denied: [s.outsider] };
  },
  badInput,
});

export const collabCases: Record<string, Case> = {
  'collab.heartbeat': onResource((s) => ({ ...s.ref, clientId: `tab-${uuid()}` }), { resourceType: 'workflow', resourceId: uuid(), clientId: 'x' }),
  'collab.presence': onResource((s) => s.ref, { resourceType: 'spaceship', resourceId: uuid() }),
  // Leaving concerns only the caller's own tab: anyone signed in may, and nobody can remove another's.
  'collab.leave': {
    setup: async () => {
      const s = await resourceScene();
      return { input: { clientId: `tab-${uuid()}` }, allowed: s.outsider, denied: [] };
    },
    badInput: { clientId: 'no spaces allowed' },
  },
};
