/** Permission cases: presence, comments and reactions (reading the resource is what they take). */
import { AccessChecker, createComment } from '@racine/services';
import { testDeps } from '../harness';
import { type Case, global, type Person, uuid, workspaceScene } from './shared';

/** workspaceScene plus a workflow in it: its viewer may read it, the outsider (a steward of no workspace) may not. */
async function resourceScene() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const workflow = await deps.db.workflow.create({ data: { workspaceId: s.ws.id, name: `Discussed ${uuid().slice(0, 8)}` } });
  const ref = { resourceType: 'workflow' as const, resourceId: workflow.id };
  return { ...s, deps, workflow, ref };
}

type Scene = Awaited<ReturnType<typeof resourceScene>>;

/** A comment on the scene's workflow, written by `author`. */
async function commentBy(s: Scene, author: Person) {
  return createComment(s.deps, author.actor, new AccessChecker(s.deps.db, author.actor), { ...s.ref, body: 'Is this step still needed?' });
}

/** Only the comment's author (the workspace viewer) may; another member and the outsider may not. */
const authorOnly = (input: (commentId: string) => unknown): Case['setup'] => async () => {
  const s = await resourceScene();
  const comment = await commentBy(s, s.viewer);
  return { input: input(comment.id), allowed: s.viewer, denied: [s.member, s.outsider] };
};

const onComment = (input: (commentId: string) => unknown): Case['setup'] => async () => {
  const s = await resourceScene();
  const comment = await commentBy(s, s.owner);
  return { input: input(comment.id), allowed: s.viewer, denied: [s.outsider] };
};

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
  'comment.list': onResource((s) => ({ ...s.ref, limit: 10 }), { resourceType: 'workflow', resourceId: uuid(), limit: 0 }),
  'comment.recent': { setup: global([], [], { mine: 'mentions' }), badInput: { mine: 'everyone' } },
  'comment.mentionable': onResource((s) => ({ ...s.ref, q: 'user' }), { resourceType: 'workflow', resourceId: uuid(), q: 'x'.repeat(101) }),
  'comment.create': onResource((s) => ({ ...s.ref, body: 'Looks good to me' }), { resourceType: 'workflow', resourceId: uuid(), body: '' }),
  'comment.update': { setup: authorOnly((id) => ({ id, body: 'Edited: still needed?' })), badInput: { id: uuid(), body: 'x'.repeat(10_001) } },
  'comment.delete': { setup: authorOnly((id) => ({ id })), badInput: { id: 'c-1' } },
  'comment.react': { setup: onComment((commentId) => ({ commentId, emoji: '👍' })), badInput: { commentId: uuid(), emoji: '🍕' } },
  'comment.unreact': { setup: onComment((commentId) => ({ commentId, emoji: '🎉' })), badInput: { commentId: uuid() } },
  'comment.stream': onResource((s) => s.ref, { resourceType: 'workflow', resourceId: uuid(), lastEventId: 'yesterday' }),
};
