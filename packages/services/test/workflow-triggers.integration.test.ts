/**
 * Cron, event and webhook triggers against the real database and the real
 * engine's startExecution. Step jobs go to a task name no worker serves (the
 * test's taskSuffix): these tests are about which executions start, once each.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/actor';
import { recordActivity } from '../src/activity/record';
import type { ServiceDeps } from '../src/deps';
import type { AppError } from '../src/errors';
import { stepTypes } from '../src/workflow/steps/index';
import { cronTriggerKey, runDueWorkflows } from '../src/workflow/triggers/cron';
import { eventTriggerKey, runEventTriggers } from '../src/workflow/triggers/event';
import { receiveWebhook, rotateWebhookSecret, signWebhookBody } from '../src/workflow/triggers/webhook';
import { createWorkflow, updateWorkflow } from '../src/workflow/workflows';
import { accessFor, ensureJobSchema, makeWorkspace, person, testDeps } from './harness';

let deps: ServiceDeps;
beforeAll(async () => {
  await ensureJobSchema();
  deps = { ...(await testDeps()), workflowEngine: { stepTypes, taskSuffix: ':triggers-test' } };
});

const unique = () => crypto.randomUUID().slice(0, 8);
const oneDelay = { steps: [{ id: 'wait', type: 'delay', config: { ms: 60_000 } }] };

async function scene(definition: Record<string, unknown>) {
  const owner = await person(deps, ['viewer']);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
  const access = accessFor(deps, owner.user.id);
  const wf = await createWorkflow(deps, owner.actor, access, { workspaceId: ws.id, name: `Triggered ${unique()}`, description: '', enabled: true, definition: { ...oneDelay, ...definition } });
  return { owner, ws, access, wf };
}

const executionsOf = (workflowId: string) => deps.db.workflowExecution.findMany({ where: { workflowId }, orderBy: { createdAt: 'asc' } });

describe('cron trigger', () => {
  it('starts one execution per due slot, even with ticks racing, then moves the schedule on', async () => {
    const { wf } = await scene({ triggers: { manual: true, cron: '*/5 * * * *' } });
    const slot = new Date('2026-01-01T00:05:00.000Z');
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: slot } });

    const ticks = await Promise.all([runDueWorkflows(deps, { workflowIds: [wf.id] }), runDueWorkflows(deps, { workflowIds: [wf.id] })]);
    await runDueWorkflows(deps, { workflowIds: [wf.id] });
    const runs = await executionsOf(wf.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ trigger: 'cron', triggerKey: cronTriggerKey(wf.id, slot), triggerDetails: { cron: '*/5 * * * *', slot: slot.toISOString() }, createdById: null });
    expect(ticks.flatMap((t) => t.started).every((s) => s.executionId === runs[0]!.id)).toBe(true);
    const after = await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } });
    expect(after.nextRunAt!.getTime()).toBeGreaterThan(Date.now());
    expect(after.nextRunAt!.getUTCMinutes() % 5).toBe(0);

    // A tick that died after starting and before moving the schedule: the next one starts nothing new.
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: slot } });
    await runDueWorkflows(deps, { workflowIds: [wf.id] });
    expect(await executionsOf(wf.id)).toHaveLength(1);

    // The next slot is another execution.
    const next = new Date('2026-01-01T00:10:00.000Z');
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: next } });
    await runDueWorkflows(deps, { workflowIds: [wf.id] });
    expect((await executionsOf(wf.id)).map((e) => e.triggerKey)).toEqual([cronTriggerKey(wf.id, slot), cronTriggerKey(wf.id, next)]);
  });

  it('skips a disabled workflow, and records a refused start without stopping the schedule', async () => {
    const { wf, owner, access } = await scene({ triggers: { manual: true, cron: '0 * * * *' }, parameters: [{ name: 'who', type: 'string', required: true }] });
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: new Date(Date.now() - 60_000) } });
    const tick = await runDueWorkflows(deps, { workflowIds: [wf.id] });
    expect(tick.started).toEqual([]);
    expect(tick.refused).toEqual([expect.objectContaining({ workflowId: wf.id, message: expect.stringMatching(/"who" is required/) })]);
    expect((await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).nextRunAt!.getTime()).toBeGreaterThan(Date.now());

    await updateWorkflow(deps, owner.actor, access, { id: wf.id, enabled: false });
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: new Date(Date.now() - 60_000) } });
    expect(await runDueWorkflows(deps, { workflowIds: [wf.id] })).toEqual({ started: [], refused: [] });
  });
});

describe('event trigger', () => {
  const scanSucceeded = (workspaceId: string, dataSourceId: string, status: 'success' | 'failure' = 'success') =>
    recordActivity(deps, systemActor, {
      type: 'scan.run.succeeded',
      category: 'execution',
      sourceGroup: 'scan',
      action: 'finish',
      resourceType: 'scanRun',
      resourceId: crypto.randomUUID(),
      workspaceId,
      status,
      details: { scanId: crypto.randomUUID(), dataSourceId },
    });

  it('starts once per matching activity row, in order, with the event and its data source, none twice', async () => {
    const owner = await person(deps, ['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const other = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const ds = await deps.db.dataSource.create({ data: { name: `ev-${unique()}`, engine: 'postgres', database: 'x', workspaceId: ws.id } });
    // Before the workflow exists: not replayed.
    await scanSucceeded(ws.id, ds.id);
    const wf = await createWorkflow(deps, owner.actor, accessFor(deps, owner.user.id), {
      workspaceId: ws.id,
      name: `On scan ${unique()}`,
      description: '',
      enabled: true,
      definition: {
        ...oneDelay,
        parameters: [{ name: 'dataSource', type: 'dataSource', required: true }],
        triggers: { manual: true, event: { type: 'scan.run.succeeded', condition: 'event.status == "success"' } },
      },
    });
    const cursor0 = (await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).eventCursor;
    const first = await scanSucceeded(ws.id, ds.id);
    await scanSucceeded(other.id, ds.id); // another workspace: not ours
    await scanSucceeded(ws.id, ds.id, 'failure'); // the condition refuses it
    await recordActivity(deps, systemActor, { type: 'scan.run.failed', category: 'execution', sourceGroup: 'scan', action: 'finish', workspaceId: ws.id, details: { dataSourceId: ds.id } });
    const second = await scanSucceeded(ws.id, ds.id);

    const ticks = await Promise.all([runEventTriggers(deps, { workflowIds: [wf.id] }), runEventTriggers(deps, { workflowIds: [wf.id] })]);
    await runEventTriggers(deps, { workflowIds: [wf.id] });
    const runs = await executionsOf(wf.id);
    expect(runs.map((r) => r.triggerKey)).toEqual([eventTriggerKey(wf.id, first), eventTriggerKey(wf.id, second)]);
    expect(runs[0]).toMatchObject({ trigger: 'event', params: { dataSource: ds.id }, triggerDetails: { event: { id: first.toString(), type: 'scan.run.succeeded', dataSourceId: ds.id, workspaceId: ws.id, status: 'success' } } });
    // (A worker of another test file may have read these rows first: what counts is what started, once.)
    void ticks;
    const cursor = (await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).eventCursor;
    expect(cursor).toBe(second);

    // A reader that died before moving its cursor reads the same rows again: nothing starts twice.
    await deps.db.workflow.update({ where: { id: wf.id }, data: { eventCursor: cursor0 } });
    await runEventTriggers(deps, { workflowIds: [wf.id] });
    expect(await executionsOf(wf.id)).toHaveLength(2);

    // A small batch reads a backlog over several ticks, none missed.
    const third = await scanSucceeded(ws.id, ds.id);
    const fourth = await scanSucceeded(ws.id, ds.id);
    await runEventTriggers(deps, { workflowIds: [wf.id], batch: 1 });
    await runEventTriggers(deps, { workflowIds: [wf.id], batch: 1 });
    expect((await executionsOf(wf.id)).map((r) => r.triggerKey)).toEqual([first, second, third, fourth].map((id) => eventTriggerKey(wf.id, id)));
  });

  it('a refused start consumes the row (audited), and the next rows still start', async () => {
    const { wf, ws } = await scene({
      parameters: [{ name: 'dataSource', type: 'dataSource', required: true }],
      triggers: { manual: true, event: { type: 'scan.run.succeeded' } },
    });
    const ds = await deps.db.dataSource.create({ data: { name: `ev-${unique()}`, engine: 'postgres', database: 'x', workspaceId: ws.id } });
    const foreign = await deps.db.dataSource.create({ data: { name: `ev-${unique()}`, engine: 'postgres', database: 'x' } });
    await scanSucceeded(ws.id, foreign.id); // a source outside the workspace: the engine refuses the parameter
    const ok = await scanSucceeded(ws.id, ds.id);
    const tick = await runEventTriggers(deps, { workflowIds: [wf.id] });
    // Another test file's worker may have read the rows first (same keys, same outcome); when this tick read them, it says why one was refused.
    if (tick.started.length + tick.refused.length > 0) expect(tick.refused).toEqual([expect.objectContaining({ message: expect.stringMatching(/belongs to another workspace/) })]);
    expect((await executionsOf(wf.id)).map((r) => r.triggerKey)).toEqual([eventTriggerKey(wf.id, ok)]);
    expect((await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).eventCursor).toBe(ok);
  });
});

describe('webhook trigger', () => {
  it('verifies the signature, maps the body to parameters, and is idempotent per delivery', async () => {
    const { wf, owner } = await scene({ parameters: [{ name: 'note', type: 'string' }], triggers: { manual: false, webhook: true } });
    const { secret, path } = await rotateWebhookSecret(deps, owner.actor, wf.id);
    expect(path).toBe(`/api/workflows/${wf.id}/webhook`);
    const stored = (await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).webhookSecret!;
    expect(stored.startsWith('v1.')).toBe(true);
    expect(stored).not.toContain(secret.slice(6));
    const audit = await deps.db.activityEvent.findFirstOrThrow({ where: { type: 'workflow.webhook.rotated', resourceId: wf.id } });
    expect(JSON.stringify({ ...audit, id: audit.id.toString() })).not.toContain(secret);

    const body = JSON.stringify({ note: 'from CI', extra: 42 });
    const good = await receiveWebhook(deps, { workflowId: wf.id, rawBody: body, signature: signWebhookBody(secret, body), deliveryId: 'd-1' });
    const again = await receiveWebhook(deps, { workflowId: wf.id, rawBody: body, signature: signWebhookBody(secret, body), deliveryId: 'd-1' });
    expect(again.executionId).toBe(good.executionId);
    const execution = await deps.db.workflowExecution.findUniqueOrThrow({ where: { id: good.executionId } });
    expect(execution).toMatchObject({ trigger: 'webhook', params: { note: 'from CI' }, triggerKey: `webhook:${wf.id}:d-1`, triggerDetails: { deliveryId: 'd-1', body: { note: 'from CI', extra: 42 } } });

    const refuse = (signature: string | null, raw = body) =>
      receiveWebhook(deps, { workflowId: wf.id, rawBody: raw, signature, deliveryId: null }).then(
        () => null,
        (e: AppError) => e,
      );
    expect(await refuse(signWebhookBody(secret, `${body} `))).toMatchObject({ code: 'UNAUTHORIZED', message: 'The X-Racine-Signature header does not match the body' });
    expect(await refuse(signWebhookBody('whsec_wrong', body))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await refuse('sha256=short')).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await refuse(null)).toMatchObject({ code: 'UNAUTHORIZED', message: 'The X-Racine-Signature header is missing' });
    expect(await deps.db.activityEvent.count({ where: { type: 'workflow.webhook.refused', resourceId: wf.id } })).toBe(4);
    expect(await refuse(signWebhookBody(secret, '[1]'), '[1]')).toMatchObject({ code: 'BAD_REQUEST' });
    expect(await refuse(signWebhookBody(secret, '{"note": 5}'), '{"note": 5}')).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/"note" must be text/) });
    expect(await executionsOf(wf.id)).toHaveLength(1);

    // Rotated: the old secret stops working.
    const rotated = await rotateWebhookSecret(deps, owner.actor, wf.id);
    expect(await refuse(signWebhookBody(secret, body))).toMatchObject({ code: 'UNAUTHORIZED' });
    await expect(receiveWebhook(deps, { workflowId: wf.id, rawBody: body, signature: signWebhookBody(rotated.secret, body), deliveryId: 'd-2' })).resolves.toMatchObject({ executionId: expect.any(String) });
  });

  it('answers NOT_FOUND for an unknown workflow, a disabled one, or one without its webhook on', async () => {
    const { wf, owner, access } = await scene({ triggers: { manual: true, webhook: true } });
    const notFound = (workflowId: string, secret = 'x') =>
      receiveWebhook(deps, { workflowId, rawBody: '{}', signature: signWebhookBody(secret, '{}'), deliveryId: null }).then(
        () => null,
        (e: AppError) => e.code,
      );
    expect(await notFound(crypto.randomUUID())).toBe('NOT_FOUND');
    expect(await notFound('not-a-uuid')).toBe('NOT_FOUND');
    expect(await notFound(wf.id)).toBe('NOT_FOUND'); // no secret yet
    const { secret } = await rotateWebhookSecret(deps, owner.actor, wf.id);
    expect(await notFound(wf.id, secret)).toBeNull();
    await updateWorkflow(deps, owner.actor, access, { id: wf.id, enabled: false });
    expect(await notFound(wf.id, secret)).toBe('NOT_FOUND');
    await updateWorkflow(deps, owner.actor, access, { id: wf.id, enabled: true, definition: { ...oneDelay, triggers: { manual: true, webhook: false } } });
    expect(await notFound(wf.id, secret)).toBe('NOT_FOUND');
  });
});
