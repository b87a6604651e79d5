/**
 * Every procedure, its permission check and its bad-input path, in one table.
 * A procedure added to the router without a row here fails the first test.
 */
import { describe, expect, it } from 'vitest';
import { appRouter } from '../src/root';
import { makeWorkspace, personWith, testDeps, callerFor } from './harness';
import { demoPath, sourceScene } from './source-scene';

type Caller = Awaited<ReturnType<typeof callerFor>>;
type Person = Awaited<ReturnType<typeof personWith>>;
type Callable = ((input?: unknown) => Promise<unknown>) & Record<string, unknown>;
const call = (caller: Caller, path: string, input?: unknown): Promise<unknown> => {
  const fn = path.split('.').reduce<Callable>((o, k) => o[k] as Callable, caller as unknown as Callable);
  return fn(input);
};

interface Case {
  /** Builds the scene; returns the input plus who may and who may not call. */
  setup(): Promise<{ input?: unknown; allowed: Person; denied: Person[] }>;
  /** Input the procedure must reject with BAD_REQUEST, or null when it takes no input. */
  badInput: unknown;
}

const uuid = () => crypto.randomUUID();

/** A workspace where each of the four workspace roles is held by someone (all viewers globally). */
async function workspaceScene() {
  const { deps } = await testDeps();
  const [owner, admin, member, viewer, outsider] = await Promise.all([
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['viewer']),
    personWith(['steward']),
  ]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: admin.user.id, role: 'admin' },
      { userId: member.user.id, role: 'member' },
      { userId: viewer.user.id, role: 'viewer' },
    ],
  });
  return { ws, owner, admin, member, viewer, outsider };
}

const global = (allowedRoles: string[], deniedRoles: string[][], input?: unknown) => async () => ({
  input,
  allowed: await personWith(allowedRoles),
  denied: await Promise.all(deniedRoles.map((r) => personWith(r))),
});

const cases: Record<string, Case> = {
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
  'datasource.create': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Warehouse ${uuid().slice(0, 6)}`, engine: 'sqlite', database: demoPath }),
    badInput: { name: 'W', engine: 'oracle', database: '' },
  },
  'datasource.list': { setup: global(['viewer'], []), badInput: { limit: 0 } },
  'datasource.demoConnection': { setup: global(['steward'], [['analyst']]), badInput: null },
  'datasource.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'nope' },
  },
  'datasource.update': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, description: 'updated', tags: ['pii'] }, allowed: s.admin, denied: [s.member, s.outsider] };
    },
    badInput: { id: uuid(), port: 70000 },
  },
  'datasource.delete': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { id: '' },
  },
  'datasource.test': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: 7 },
  },
  'datasource.testDraft': {
    setup: global(['steward'], [['analyst']], { connection: { engine: 'sqlite', database: demoPath } }),
    badInput: { connection: { engine: 'postgres', database: 'x' } },
  },
  'datasource.discover': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: 'x' },
  },
  'datasource.preview': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, schema: 'main', table: 'customers', limit: 5 }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), schema: 'main', table: 'customers', limit: 100000 },
  },
  'datasource.profile': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.source.id, schema: 'main', table: 'customers', column: 'email' }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: uuid(), schema: 'main', table: 'customers' },
  },
  // ── scan rule sets ──
  'scanRuleSet.create': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Rules ${uuid().slice(0, 6)}`, detectors: ['PII.Email'] }),
    badInput: { name: 'R', detectors: ['PII.Emial'] },
  },
  'scanRuleSet.list': { setup: global(['viewer'], [[]]), badInput: null },
  'scanRuleSet.get': {
    setup: async () => {
      const { deps } = await testDeps();
      const all = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
      return { input: { id: all.id }, allowed: await personWith(['analyst']), denied: [await personWith([])] };
    },
    badInput: { id: 'all' },
  },
  'scanRuleSet.update': {
    setup: async () => {
      const steward = await personWith(['steward']);
      const created = await steward.caller.scanRuleSet.create({ name: `Rules ${uuid().slice(0, 6)}` });
      return { input: { id: created.id, ruleSet: { name: `${created.name} v2`, sampleSize: 50 } }, allowed: steward, denied: [await personWith(['analyst'])] };
    },
    badInput: { id: uuid(), ruleSet: { name: 'x', sampleSize: -1 } },
  },
  'scanRuleSet.delete': {
    setup: async () => {
      const steward = await personWith(['steward']);
      const created = await steward.caller.scanRuleSet.create({ name: `Rules ${uuid().slice(0, 6)}` });
      return { input: { id: created.id }, allowed: steward, denied: [await personWith(['viewer'])] };
    },
    badInput: { id: 'x' },
  },
  'scanRuleSet.test': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { ruleSetId: s.ruleSet.id, dataSourceId: s.source.id, schema: 'main', table: 'customers' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { dataSourceId: uuid(), schema: 'main', table: 'customers' },
  },
  // ── scans ──
  'scan.create': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { name: 'nightly', dataSourceId: s.source.id, ruleSetId: s.ruleSet.id, schedule: '0 2 * * *' }, allowed: s.admin, denied: [s.member, s.outsider] };
    },
    badInput: { name: 'n', dataSourceId: uuid(), ruleSetId: uuid(), schedule: 'every tuesday' },
  },
  'scan.list': { setup: global(['viewer'], []), badInput: { limit: 500 } },
  'scan.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.scan.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: uuid() + 'x' },
  },
  'scan.update': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.scan.id, schedule: '30 3 * * 1' }, allowed: s.admin, denied: [s.member] };
    },
    badInput: { id: uuid(), schedule: '61 * * * *' },
  },
  'scan.delete': {
    setup: async () => {
      const s = await sourceScene();
      const { deps } = await testDeps();
      await deps.db.scanRun.update({ where: { id: s.queued.id }, data: { status: 'cancelled' } });
      return { input: { id: s.scan.id }, allowed: s.admin, denied: [s.member, s.viewer] };
    },
    badInput: { id: '' },
  },
  'scan.run': {
    setup: async () => {
      const s = await sourceScene();
      const { deps } = await testDeps();
      await deps.db.scanRun.update({ where: { id: s.queued.id }, data: { status: 'cancelled' } });
      return { input: { id: s.scan.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: 'scan' },
  },
  'scan.cancel': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.queued.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { runId: 'r' },
  },
  'scan.getRun': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.finished.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { runId: 1 },
  },
  'scan.listRuns': { setup: global(['viewer'], []), badInput: { status: 'exploded' } },
  'scan.watchRun': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { runId: s.finished.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { runId: 'x' },
  },
  // ── classifications ──
  'classification.list': { setup: global(['viewer'], []), badInput: { minConfidence: 2 } },
  'classification.get': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'x' },
  },
  'classification.accept': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id, note: 'checked' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), note: 'x'.repeat(2000) },
  },
  'classification.reject': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { id: s.label.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: 'x' },
  },
  'classification.bulkReview': {
    setup: async () => {
      const s = await sourceScene();
      return { input: { ids: [s.label.id], decision: 'reject' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { ids: [], decision: 'maybe' },
  },
  'classification.detectors': { setup: global([], []), badInput: null },
};

type ProcedureDef = { _def: { meta?: { permission?: string }; type: string } };
const procedures = Object.entries(appRouter._def.procedures as unknown as Record<string, ProcedureDef>);

describe('the router', () => {
  it('has a permission case for every procedure, and every procedure declares a permission', () => {
    expect(procedures.map(([path]) => path).sort()).toEqual(Object.keys(cases).sort());
    for (const [path, proc] of procedures) expect(proc._def.meta?.permission, path).toBeTruthy();
  });
});

/** Authorisation and input parsing run when a procedure is called, subscriptions included. */
const invoke = (caller: Caller, path: string, input: unknown) => call(caller, path, input);

describe.each(Object.entries(cases))('%s', (path, c) => {
  it('refuses anonymous callers with UNAUTHORIZED', async () => {
    const { input } = await c.setup();
    await expect(invoke(await callerFor(null), path, input)).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('lets the allowed role through and refuses the others with FORBIDDEN', async () => {
    const { input, allowed, denied } = await c.setup();
    for (const d of denied) await expect(invoke(d.caller, path, input), `denied ${d.user.email}`).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(invoke(allowed.caller, path, input)).resolves.toBeDefined();
  });

  it(c.badInput === null ? 'takes no input' : 'rejects bad input with BAD_REQUEST and says what was wrong', async () => {
    if (c.badInput === null) return;
    const admin = await personWith(['admin']);
    const error = await invoke(admin.caller, path, c.badInput).then(() => null, (e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as Error).message).toMatch(/Invalid input|required/);
  });
});
