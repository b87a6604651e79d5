/** Permission cases: health, workspaces, activity, users, RBAC. */
import { personWith, testDeps } from '../harness';
import { type Case, global, uuid, workspaceScene } from './shared';

export const foundationCases: Record<string, Case> = {
  'orchestration.health': { setup: global(['viewer'], [[]]), badInput: null },
  'workspace.templates': { setup: global([], []), badInput: null },
  'workspace.create': { setup: global(['steward'], [['analyst'], ['viewer']], { name: `Team ${uuid().slice(0, 6)}` }), badInput: { name: 'x', environment: 'moon' } },
  'workspace.createFromTemplate': { setup: global(['steward'], [['viewer']], { templateKey: 'governance-team', name: `T ${uuid().slice(0, 6)}` }), badInput: { templateKey: '', name: '' } },
  'workspace.list': { setup: global(['viewer'], []), badInput: { limit: 0 } },
  'workspace.get': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { id: s.ws.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'not-a-uuid' },
  },
  'workspace.update': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { id: s.ws.id, description: 'updated' }, allowed: s.admin, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), maxMembers: -1 },
  },
  'workspace.delete': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { id: s.ws.id }, allowed: s.owner, denied: [s.admin, s.member] };
    },
    badInput: { id: 42 },
  },
  'workspace.addMember': {
    setup: async () => {
      const s = await workspaceScene();
      const newcomer = await personWith(['viewer']);
      return { input: { workspaceId: s.ws.id, email: newcomer.user.email, role: 'member' }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { workspaceId: uuid(), role: 'emperor' },
  },
  'workspace.removeMember': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, userId: s.viewer.user.id }, allowed: s.admin, denied: [s.member, s.outsider] };
    },
    badInput: { workspaceId: uuid(), userId: 'x' },
  },
  'workspace.setMemberRole': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, userId: s.viewer.user.id, role: 'member' }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { workspaceId: uuid(), userId: uuid(), role: 'owner-ish' },
  },
  'workspace.linkResource': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, resourceType: 'datasource', resourceId: uuid() }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { workspaceId: uuid(), resourceType: 'Bad Type!', resourceId: '' },
  },
  'workspace.unlinkResource': {
    setup: async () => {
      const s = await workspaceScene();
      const { deps } = await testDeps();
      const resourceId = uuid();
      await deps.db.workspaceResource.create({ data: { workspaceId: s.ws.id, resourceType: 'scan', resourceId } });
      return { input: { workspaceId: s.ws.id, resourceType: 'scan', resourceId }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { workspaceId: uuid(), resourceType: 'scan' },
  },
  'activity.list': { setup: global(['viewer'], []), badInput: { limit: 1000 } },
  'activity.search': { setup: global(['viewer'], [], { query: 'workspace' }), badInput: { query: '' } },
  'activity.stream': { setup: global(['viewer'], [], {}), badInput: { lastEventId: 'abc' } },
  'activity.verifyChain': { setup: global(['admin'], [['steward'], ['viewer']]), badInput: null },
  'user.me': { setup: global([], []), badInput: null },
  'user.list': { setup: global(['analyst'], [['viewer']]), badInput: { limit: -5 } },
  'user.create': {
    setup: global(['admin'], [['steward'], ['viewer']], { email: `new-${uuid().slice(0, 8)}@example.test`, name: 'New Person', password: 'long-enough-password', roles: ['viewer'] }),
    badInput: { email: 'not-an-email', name: '', password: 'short' },
  },
  'user.setRoles': {
    setup: async () => ({ input: { userId: (await personWith(['viewer'])).user.id, roles: ['analyst'] }, allowed: await personWith(['admin']), denied: [await personWith(['steward'])] }),
    badInput: { userId: uuid(), roles: ['superuser'] },
  },
  'user.tokens': { setup: global(['viewer'], [[]]), badInput: null },
  'user.createApiToken': { setup: global(['viewer'], [[]], { name: 'laptop' }), badInput: { name: '', expiresInDays: 9999 } },
  'user.revokeApiToken': {
    setup: async () => {
      const allowed = await personWith(['viewer']);
      const token = await allowed.caller.user.createApiToken({ name: 'to revoke' });
      return { input: { tokenId: token.id }, allowed, denied: [await personWith([])] };
    },
    badInput: { tokenId: 'nope' },
  },
  'rbac.roles': { setup: global(['analyst'], [['viewer']]), badInput: null },
  // ── data sources (checked at the source's scope, which inherits its workspace's roles) ──
};
