/**
 * Workflow definitions against the real database: versions are immutable,
 * names unique per workspace, lists filtered by workspace membership,
 * analysis from step runs written as the engine writes them.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ServiceDeps } from '../src/deps';
import { AppError } from '../src/errors';
import { analyzeWorkflow, applySuggestion } from '../src/workflow/analysis-service';
import { listExecutions } from '../src/workflow/execution-list';
import { createWorkflow, getWorkflow, listVersions, listWorkflows, updateWorkflow } from '../src/workflow/workflows';
import { accessFor, makeWorkspace, person, testDeps } from './harness';

let deps: ServiceDeps;
beforeAll(async () => {
  deps = await testDeps();
});

const unique = () => crypto.randomUUID().slice(0, 8);
const waitThenNotify = {
  steps: [
    { id: 'wait', type: 'delay', config: { ms: 10 } },
    { id: 'tell', type: 'notify', dependsOn: ['wait'], config: { title: 'Waited {{ steps.wait.waitedMs }} ms', toMembers: true } },
  ],
};

/** A workspace owned by a fresh user, with that owner's actor and access. */
async function ownedWorkspace() {
  const owner = await person(deps, ['viewer']);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
  return { ws, owner: { ...owner, access: accessFor(deps, owner.user.id) } };
}

const expectAppError = async (p: Promise<unknown>, code: string, message?: RegExp) => {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(code);
  if (message) expect((error as AppError).message).toMatch(message);
  return error as AppError;
};

describe('creating and updating workflows', () => {
  it('creates version 1, links the workflow to its workspace and audits it', async () => {
    const { ws, owner } = await ownedWorkspace();
    const wf = await createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name: `Nightly ${unique()}`, description: '', enabled: true, definition: waitThenNotify });
    expect(wf).toMatchObject({ workspaceId: ws.id, workspaceName: ws.name, latestVersion: 1, enabled: true, canManage: true, canExecute: true, webhookPath: null, lastExecution: null });
    expect(wf.definition.steps.map((s) => s.id)).toEqual(['wait', 'tell']);
    const link = await deps.db.workspaceResource.findUnique({ where: { workspaceId_resourceType_resourceId: { workspaceId: ws.id, resourceType: 'workflow', resourceId: wf.id } } });
    expect(link?.label).toBe(wf.name);
    const audit = await deps.db.activityEvent.findFirst({ where: { type: 'workflow.created', resourceId: wf.id } });
    expect(audit).toMatchObject({ workspaceId: ws.id, actorId: owner.user.id, status: 'success' });
  });

  it('refuses an invalid definition with every problem named, and writes nothing', async () => {
    const { ws, owner } = await ownedWorkspace();
    const name = `Broken ${unique()}`;
    const error = await expectAppError(
      createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name, description: '', enabled: true, definition: { steps: [{ id: 'a', type: 'dealy', config: {} }, { id: 'b', type: 'notify', dependsOn: ['c'], config: { title: 'x', toMembers: true } }] } }),
      'BAD_REQUEST',
      /^The workflow definition is invalid: steps\[0\]\.type: Unknown step type "dealy" — did you mean "delay"\?; steps\[1\]\.dependsOn\[0\]: Step "b" depends on "c"/,
    );
    expect((error.details!.errors as unknown[]).length).toBe(2);
    expect(await deps.db.workflow.count({ where: { workspaceId: ws.id, name } })).toBe(0);
  });

  it('refuses a second workflow of the same name in a workspace (CONFLICT), not in another', async () => {
    const { ws, owner } = await ownedWorkspace();
    const other = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const name = `Same ${unique()}`;
    await createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name, description: '', enabled: true, definition: waitThenNotify });
    await expectAppError(createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name, description: '', enabled: true, definition: waitThenNotify }), 'CONFLICT', /already has a workflow named/);
    await expect(createWorkflow(deps, owner.actor, owner.access, { workspaceId: other.id, name, description: '', enabled: true, definition: waitThenNotify })).resolves.toMatchObject({ name });
    // Two at once: one wins, the other is told why.
    const raced = `Raced ${unique()}`;
    const results = await Promise.allSettled([1, 2].map(() => createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name: raced, description: '', enabled: true, definition: waitThenNotify })));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect((results.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason).toMatchObject({ code: 'CONFLICT' });
  });

  it('writes a new immutable version only when the definition changes', async () => {
    const { ws, owner } = await ownedWorkspace();
    const wf = await createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name: `Versions ${unique()}`, description: '', enabled: true, definition: waitThenNotify, note: 'first' });
    // Same definition, keys in another order, plus a rename: no new version.
    const reordered = { steps: waitThenNotify.steps.map((s) => ({ config: s.config, type: s.type, id: s.id, ...('dependsOn' in s ? { dependsOn: s.dependsOn } : {}) })) };
    const renamed = await updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, name: `${wf.name} renamed`, definition: reordered });
    expect(renamed.latestVersion).toBe(1);
    const changed = { steps: [{ id: 'wait', type: 'delay', config: { ms: 20 } }, waitThenNotify.steps[1]] };
    const v2 = await updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, definition: changed, note: 'longer wait' });
    expect(v2.latestVersion).toBe(2);
    expect(v2.definition.steps[0]!.config).toEqual({ ms: 20 });
    const versions = await listVersions(deps, wf.id);
    expect(versions.map((v) => [v.version, v.note, v.createdByName])).toEqual([
      [2, 'longer wait', owner.user.name],
      [1, 'first', owner.user.name],
    ]);
    // Version 1 is what it was.
    expect(versions[1]!.definition.steps[0]!.config).toEqual({ ms: 10 });
    const v1 = await deps.db.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId: wf.id, version: 1 } } });
    expect((v1.definition as { steps: { config: unknown }[] }).steps[0]!.config).toEqual({ ms: 10 });
    expect(await deps.db.workspaceResource.findFirst({ where: { resourceId: wf.id } })).toMatchObject({ label: `${wf.name} renamed` });
    // A rename onto another workflow's name is a conflict.
    const second = await createWorkflow(deps, owner.actor, owner.access, { workspaceId: ws.id, name: `Second ${unique()}`, description: '', enabled: true, definition: waitThenNotify });
    await expectAppError(updateWorkflow(deps, owner.actor, owner.access, { id: second.id, name: `${wf.name} renamed` }), 'CONFLICT');
    // A change prepared from version 1 is not applied over version 2.
    await expectAppError(updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, definition: waitThenNotify }, { expectVersion: 1 }), 'CONFLICT', /changed since version 1/);
  });

  it('mirrors the triggers: cron and its next run, event type and cursor, webhook path', async () => {
    const { ws, owner } = await ownedWorkspace();
    const wf = await createWorkflow(deps, owner.actor, owner.access, {
      workspaceId: ws.id,
      name: `Triggers ${unique()}`,
      description: '',
      enabled: true,
      definition: { ...waitThenNotify, triggers: { manual: true, cron: '0 3 * * *', webhook: true, event: { type: 'scan.run.succeeded' } } },
    });
    const row = await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    expect(row.cron).toBe('0 3 * * *');
    expect(row.nextRunAt!.getUTCHours()).toBe(3);
    expect(row.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(row.eventType).toBe('scan.run.succeeded');
    const head = await deps.db.activityEvent.aggregate({ _max: { id: true } });
    expect(row.eventCursor).toBeGreaterThan(0n);
    expect(row.eventCursor).toBeLessThanOrEqual(head._max.id!);
    expect(wf.webhookPath).toBe(`/api/workflows/${wf.id}/webhook`);
    expect(wf.triggers).toMatchObject({ cron: '0 3 * * *', webhook: true, webhookSecretSet: false });
    // Disabled: nothing is scheduled. Enabled again: scheduled again.
    await updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, enabled: false });
    expect((await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).nextRunAt).toBeNull();
    await updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, enabled: true });
    expect((await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).nextRunAt).not.toBeNull();
    // Trigger removed in a new version: the columns follow.
    await updateWorkflow(deps, owner.actor, owner.access, { id: wf.id, definition: waitThenNotify });
    expect(await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).toMatchObject({ cron: null, nextRunAt: null, eventType: null });
  });
});

describe('listing', () => {
  it('shows only workflows of workspaces where the caller holds workflow.read, with search and pages', async () => {
    const { ws: mine, owner } = await ownedWorkspace();
    const { ws: theirs, owner: stranger } = await ownedWorkspace();
    const viewer = await person(deps, ['viewer']);
    await deps.db.workspaceMember.create({ data: { workspaceId: mine.id, userId: viewer.user.id, roleId: 'ws.viewer' } });
    const tag = unique();
    for (const n of ['alpha', 'beta', 'gamma']) await createWorkflow(deps, owner.actor, owner.access, { workspaceId: mine.id, name: `${tag} ${n}`, description: '', enabled: true, definition: waitThenNotify });
    await createWorkflow(deps, stranger.actor, stranger.access, { workspaceId: theirs.id, name: `${tag} hidden`, description: '', enabled: true, definition: waitThenNotify });

    const seen = await listWorkflows(deps, accessFor(deps, viewer.user.id), { search: tag, limit: 25 });
    expect(seen.items.map((w) => w.name).sort()).toEqual([`${tag} alpha`, `${tag} beta`, `${tag} gamma`]);
    expect(seen.items[0]).toMatchObject({ workspaceId: mine.id, stepCount: 2, latestVersion: 1 });
    const outsider = await person(deps, ['viewer']);
    expect((await listWorkflows(deps, accessFor(deps, outsider.user.id), { search: tag, limit: 25 })).items).toEqual([]);
    const admin = await person(deps, ['admin']);
    expect((await listWorkflows(deps, accessFor(deps, admin.user.id), { search: tag, limit: 25 })).items).toHaveLength(4);
    // Asking for a workspace one cannot read shows nothing of it.
    expect((await listWorkflows(deps, accessFor(deps, viewer.user.id), { workspaceId: theirs.id, limit: 25 })).items).toEqual([]);
    // Pages.
    const first = await listWorkflows(deps, accessFor(deps, viewer.user.id), { search: tag, limit: 2 });
    const rest = await listWorkflows(deps, accessFor(deps, viewer.user.id), { search: tag, limit: 2, cursor: first.nextCursor! });
    expect([...first.items, ...rest.items].map((w) => w.id).sort()).toEqual(seen.items.map((w) => w.id).sort());
    expect(rest.nextCursor).toBeNull();
    // A viewer may read but not manage or run.
    expect(await getWorkflow(deps, accessFor(deps, viewer.user.id), seen.items[0]!.id)).toMatchObject({ canManage: false, canExecute: false });
  });
});

describe('analysis from run history', () => {
  it('reads step runs of recent executions and applies a suggestion as a new version', async () => {
    const { ws, owner } = await ownedWorkspace();
    const [a, b] = await Promise.all([makeSource(ws.id), makeSource(ws.id)]);
    const wf = await createWorkflow(deps, owner.actor, owner.access, {
      workspaceId: ws.id,
      name: `Analysed ${unique()}`,
      description: '',
      enabled: true,
      definition: {
        steps: [
          { id: 'scan_a', type: 'scan.run', config: { dataSourceId: a } },
          { id: 'scan_b', type: 'scan.run', dependsOn: ['scan_a'], config: { dataSourceId: b } },
        ],
      },
    });
    const version = await deps.db.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId: wf.id, version: 1 } } });
    // Six finished executions as the engine leaves them: scan_a ~1 s and retried twice, scan_b ~2 s.
    const t0 = Date.now() - 3_600_000;
    for (let i = 0; i < 6; i++) {
      const start = new Date(t0 + i * 60_000);
      await deps.db.workflowExecution.create({
        data: {
          workflowId: wf.id,
          versionId: version.id,
          version: 1,
          workspaceId: ws.id,
          status: 'succeeded',
          trigger: 'manual',
          createdAt: start,
          startedAt: start,
          finishedAt: new Date(start.getTime() + 3_000),
          steps: {
            create: [
              { stepId: 'scan_a', type: 'scan.run', status: 'succeeded', attempt: i < 2 ? 2 : 1, maxAttempts: 2, idempotencyKey: crypto.randomUUID(), startedAt: start, finishedAt: new Date(start.getTime() + 1_000) },
              { stepId: 'scan_b', type: 'scan.run', status: 'succeeded', attempt: 1, idempotencyKey: crypto.randomUUID(), startedAt: new Date(start.getTime() + 1_000), finishedAt: new Date(start.getTime() + 3_000) },
            ],
          },
        },
      });
    }
    const analysis = await analyzeWorkflow(deps, wf.id);
    expect(analysis.executions).toBe(6);
    expect(analysis.stats).toEqual([
      { stepId: 'scan_a', p50Ms: 1000, p95Ms: 1000, runs: 6, failureRate: 0, retryRate: 2 / 6 },
      { stepId: 'scan_b', p50Ms: 2000, p95Ms: 2000, runs: 6, failureRate: 0, retryRate: 0 },
    ]);
    expect(analysis.criticalPath).toEqual(['scan_a', 'scan_b']);
    expect(analysis.suggestions.map((s) => s.id)).toEqual(['parallelize:scan_a>scan_b', 'flaky:scan_a', 'slow:scan_b']);

    const applied = await applySuggestion(deps, owner.actor, owner.access, { id: wf.id, suggestionId: 'parallelize:scan_a>scan_b' });
    expect(applied.version).toBe(2);
    const [v2] = await listVersions(deps, wf.id);
    expect(v2!.note).toMatch(/^Applied suggestion: "scan_b" depends on "scan_a" only by order/);
    expect(v2!.definition.steps[1]!.dependsOn).toEqual([]);
    expect(await deps.db.activityEvent.findFirst({ where: { type: 'workflow.suggestion.applied', resourceId: wf.id } })).toMatchObject({ actorId: owner.user.id });
    // Already applied: stale.
    await expectAppError(applySuggestion(deps, owner.actor, owner.access, { id: wf.id, suggestionId: 'parallelize:scan_a>scan_b' }), 'CONFLICT', /does not apply to version 2/);
    const flaky = await applySuggestion(deps, owner.actor, owner.access, { id: wf.id, suggestionId: 'flaky:scan_a' });
    expect((await listVersions(deps, wf.id))[0]!.definition.steps[0]!.retry).toMatchObject({ attempts: 3 });
    expect(flaky.version).toBe(3);

    // Run history lists them, newest first, within what the caller may read.
    const history = await listExecutions(deps, owner.access, { workflowId: wf.id, limit: 4 });
    expect(history.items).toHaveLength(4);
    expect(history.items[0]).toMatchObject({ workflowName: wf.name, status: 'succeeded', durationMs: 3000, steps: { total: 2, succeeded: 2, failed: 0, skipped: 0 } });
    expect(history.nextCursor).not.toBeNull();
    const outsider = await person(deps, ['viewer']);
    expect((await listExecutions(deps, accessFor(deps, outsider.user.id), { workflowId: wf.id, limit: 4 })).items).toEqual([]);
  });
});

/** A data source row in the workspace (analysis never connects to it). */
async function makeSource(workspaceId: string) {
  const source = await deps.db.dataSource.create({
    data: { name: `src-${unique()}`, engine: 'postgres', host: 'localhost', database: 'x', workspaceId },
    select: { id: true },
  });
  return source.id;
}

