/** Permission cases: access requests and attestations. */
import { createAccessRequest, createPolicy, publishPolicy, systemActor } from '@racine/services';
import { testDeps } from '../harness';
import { type Case, type Person, global, uuid, workspaceScene } from './shared';

/** A workspace scene plus a pending request by an outsider for ws.viewer there. */
async function pendingRequest() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const request = await createAccessRequest(deps, s.outsider.actor, { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: s.ws.id, justification: 'Reviewing the quarterly audit', durationMinutes: 60 });
  return { ...s, request };
}

const anyone = (input?: unknown) => global([], [], input);

/** A draft policy nobody must attest to yet (no blocking: other tests' users stay unaffected). */
async function draftPolicy() {
  const { deps } = await testDeps();
  return createPolicy(deps, systemActor, { title: 'Acceptable use', body: 'Use data for its purpose only.', periodDays: 365, graceDays: 14, requiredRoleKeys: ['analyst'], blockRoles: false });
}
const manage = ['admin'];
const notManagers = [['steward'], ['viewer']];

export const accessCases: Record<string, Case> = {
  'accessRequest.scopes': { setup: anyone({ q: 'Demo' }), badInput: { q: 'x'.repeat(201) } },
  'accessRequest.create': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { roleKey: 'ws.member', scopeType: 'workspace', scopeId: s.ws.id, justification: 'Helping with the migration', durationMinutes: 120 }, allowed: s.outsider, denied: [] };
    },
    badInput: { roleKey: 'ws.viewer', scopeType: 'workspace', scopeId: uuid(), justification: 'short', durationMinutes: 60 },
  },
  'accessRequest.list': { setup: anyone({ view: 'mine' }), badInput: { view: 'everything' } },
  'accessRequest.get': {
    setup: async () => {
      const s = await pendingRequest();
      return { input: { id: s.request.id }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { id: 'request-1' },
  },
  'accessRequest.approve': {
    setup: async () => {
      const s = await pendingRequest();
      return { input: { id: s.request.id, comment: 'ok for a day' }, allowed: s.admin, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), comment: 'x'.repeat(2_001) },
  },
  'accessRequest.reject': {
    setup: async () => {
      const s = await pendingRequest();
      return { input: { id: s.request.id, comment: 'not needed' }, allowed: s.owner, denied: [s.member, s.viewer, s.outsider] };
    },
    badInput: { id: uuid() },
  },
  'accessRequest.report': {
    setup: global(['steward'], [['viewer'], ['analyst']], { from: new Date(Date.now() - 86_400_000), to: new Date(), format: 'csv' }),
    badInput: { from: 'yesterday', to: new Date() },
  },
  'accessRequest.cancel': {
    setup: async () => {
      const s = await pendingRequest();
      return { input: { id: s.request.id }, allowed: s.outsider, denied: [s.admin, s.viewer] as Person[] };
    },
    badInput: { id: 42 },
  },
  'attestation.policies': { setup: global(manage, notManagers, {}), badInput: { includeArchived: 'yes' } },
  'attestation.status': {
    setup: async () => ({ ...(await global(manage, notManagers)()), input: { policyId: (await draftPolicy()).id } }),
    badInput: { policyId: 'policy-1' },
  },
  'attestation.createPolicy': {
    setup: global(manage, notManagers, { title: 'Data handling', body: '# Rules\n\nBe careful.', periodDays: 180, graceDays: 0, requiredRoleKeys: [], blockRoles: false }),
    badInput: { title: 'Data handling', body: 'x', periodDays: 0, graceDays: 0 },
  },
  'attestation.updatePolicy': {
    setup: async () => ({ ...(await global(manage, notManagers)()), input: { id: (await draftPolicy()).id, body: 'Use data for its stated purpose only.' } }),
    badInput: { id: uuid(), periodDays: -1 },
  },
  'attestation.publish': {
    setup: async () => ({ ...(await global(manage, notManagers)()), input: { id: (await draftPolicy()).id } }),
    badInput: { id: 'x' },
  },
  'attestation.archive': {
    setup: async () => ({ ...(await global(manage, notManagers)()), input: { id: (await draftPolicy()).id } }),
    badInput: {},
  },
  'attestation.mine': { setup: anyone({}), badInput: { userId: uuid() } },
  'attestation.attest': {
    setup: async () => {
      const { deps } = await testDeps();
      const policy = await publishPolicy(deps, systemActor, { id: (await draftPolicy()).id });
      return { ...(await global(['analyst'], [])()), input: { policyId: policy.id, version: policy.version } };
    },
    badInput: { policyId: uuid(), version: 0 },
  },
};
