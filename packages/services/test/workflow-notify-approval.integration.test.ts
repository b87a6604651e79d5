/**
 * notify and approval, run as the engine runs them: in-app rows written once
 * per step, a real HTTP receiver checking the webhook's HMAC signature, and
 * approval tasks created once, notified, and expired at their due date.
 */
import { createHmac } from 'node:crypto';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encryptSecret } from '../src/crypto/secrets';
import { stepType } from '../src/workflow/steps/index';
import { testSecretKey } from './harness';
import { stepRig, stepScene } from './workflow-step-harness';

interface Delivery {
  headers: IncomingMessage['headers'];
  body: string;
}

/** A local receiver: records each POST; answers with the status queued for its path (200 by default). */
const deliveries: Record<string, Delivery[]> = {};
const statusFor: Record<string, number> = {};
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    (deliveries[req.url!] ??= []).push({ headers: req.headers, body });
    res.statusCode = statusFor[req.url!] ?? 200;
    res.end('ok');
  });
});
let base = '';
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const hmac = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
const path = () => `/hook/${crypto.randomUUID()}`;

describe('notify', () => {
  it('notifies users, a role and the starter once, however often it runs', async () => {
    const s = await stepScene();
    const rig = await stepRig(s.deps, { type: 'notify', config: { title: 'Scan done', body: 'All good', userIds: [s.member.user.id], role: 'admin', toStarter: true }, workspaceId: s.ws.id, startedById: s.viewer.user.id });
    expect(await rig.run()).toEqual({ kind: 'done', output: { notified: 4, webhookStatus: null } });
    const rows = await s.deps.db.notification.findMany({ where: { sourceKey: rig.idempotencyKey } });
    // member, admin, the owner (an owner holds admin and more), the starter (viewer).
    expect(rows.map((r) => r.userId).sort()).toEqual([s.member.user.id, s.admin.user.id, s.owner.user.id, s.viewer.user.id].sort());
    expect(rows[0]).toMatchObject({ kind: 'workflow', title: 'Scan done', body: 'All good', link: `/workflows/executions/${rig.executionId}`, readAt: null });
    expect(await rig.run()).toEqual({ kind: 'done', output: { notified: 4, webhookStatus: null } });
    expect(await s.deps.db.notification.count({ where: { sourceKey: rig.idempotencyKey } })).toBe(4);
    const audit = await s.deps.db.activityEvent.findMany({ where: { type: 'notification.sent', resourceId: rig.executionId } });
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details).toMatchObject({ workflowId: rig.workflowId, stepId: 'step', written: 4 });
  });

  it('a global role notifies its holders inside the workspace only', async () => {
    const s = await stepScene();
    await s.deps.db.roleAssignment.create({ data: { userId: s.member.user.id, roleId: 'steward', scopeType: 'global' } });
    const rig = await stepRig(s.deps, { type: 'notify', config: { title: 'For stewards', role: 'steward' }, workspaceId: s.ws.id });
    expect(await rig.run()).toMatchObject({ kind: 'done', output: { notified: 1 } });
    // The outsider is a steward too, of another workspace.
    expect((await s.deps.db.notification.findMany({ where: { sourceKey: rig.idempotencyKey } })).map((n) => n.userId)).toEqual([s.member.user.id]);
  });

  it('refuses to notify someone outside the workspace, and an unknown role', async () => {
    const s = await stepScene();
    const outside = await stepRig(s.deps, { type: 'notify', config: { title: 'x', userIds: [s.outsider.user.id] }, workspaceId: s.ws.id });
    await expect(outside.run()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    const role = await stepRig(s.deps, { type: 'notify', config: { title: 'x', role: 'wizard' }, workspaceId: s.ws.id });
    await expect(role.run()).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringMatching(/Unknown role "wizard"/) });
    expect(await s.deps.db.notification.count({ where: { sourceKey: { in: [outside.idempotencyKey, role.idempotencyKey] } } })).toBe(0);
  });

  it('signs the webhook with the step’s secret, sends the idempotency key, and does not post again once delivered', async () => {
    const s = await stepScene();
    const url = `${base}${path()}`;
    const secret = 'a-long-enough-shared-secret';
    const rig = await stepRig(s.deps, { type: 'notify', config: { title: 'Hello', webhookUrl: url, secret }, workspaceId: s.ws.id });
    expect(await rig.run()).toEqual({ kind: 'done', output: { notified: 0, webhookStatus: 200 } });
    const [d] = deliveries[new URL(url).pathname]!;
    expect(d!.headers['x-racine-signature']).toBe(hmac(secret, d!.body));
    expect(d!.headers['x-racine-signature']).not.toBe(hmac('another-secret-entirely', d!.body));
    expect(d!.headers['x-racine-idempotency-key']).toBe(rig.idempotencyKey);
    expect(d!.headers['content-type']).toBe('application/json');
    expect(JSON.parse(d!.body)).toMatchObject({ type: 'workflow.notification', workflowId: rig.workflowId, executionId: rig.executionId, title: 'Hello' });
    await rig.run();
    expect(deliveries[new URL(url).pathname]).toHaveLength(1);
  });

  it('signs with the workflow’s webhook secret when it has one', async () => {
    const s = await stepScene();
    const url = `${base}${path()}`;
    const rig = await stepRig(s.deps, { type: 'notify', config: { title: 'Hello', webhookUrl: url, secret: 'the-step-secret-not-used' }, workspaceId: s.ws.id });
    const workflowSecret = 'whsec-of-the-workflow-0123456789';
    await s.deps.db.workflow.update({ where: { id: rig.workflowId }, data: { webhookSecret: encryptSecret(workflowSecret, testSecretKey) } });
    await rig.run();
    const [d] = deliveries[new URL(url).pathname]!;
    expect(d!.headers['x-racine-signature']).toBe(hmac(workflowSecret, d!.body));
  });

  it('fails on a non-2xx answer (for the engine to retry) and logs the status; sends nothing unsigned', async () => {
    const s = await stepScene();
    const p = path();
    statusFor[p] = 503;
    const rig = await stepRig(s.deps, { type: 'notify', config: { title: 'Hello', webhookUrl: `${base}${p}`, secret: 'a-long-enough-shared-secret' }, workspaceId: s.ws.id });
    await expect(rig.run()).rejects.toThrow(/answered 503/);
    expect(await rig.logs()).toEqual(expect.arrayContaining([expect.objectContaining({ level: 'error', message: expect.stringMatching(/answered 503/) })]));
    statusFor[p] = 204;
    expect(await rig.run({ attempt: 2 })).toMatchObject({ kind: 'done', output: { webhookStatus: 204 } });
    expect(deliveries[p]!.map((d) => d.headers['x-racine-idempotency-key'])).toEqual([rig.idempotencyKey, rig.idempotencyKey]);

    const unsigned = await stepRig(s.deps, { type: 'notify', config: { title: 'Hello', webhookUrl: `${base}${path()}` }, workspaceId: s.ws.id });
    await expect(unsigned.run()).rejects.toThrow(/cannot be signed/);
  });

  it('only calls http and https URLs', () => {
    const config = stepType('notify')!.config;
    for (const webhookUrl of ['file:///etc/passwd', 'ftp://example.com/x', 'javascript:alert(1)', 'not a url']) expect(config.safeParse({ title: 'x', webhookUrl }).success, webhookUrl).toBe(false);
    expect(config.safeParse({ title: 'x', webhookUrl: 'https://example.com/hook' }).success).toBe(true);
    expect(config.safeParse({ title: 'x' }).success).toBe(false);
  });
});

describe('approval (the step)', () => {
  it('creates one task, notifies the role’s holders once, and waits until its due date', async () => {
    const s = await stepScene();
    const rig = await stepRig(s.deps, { type: 'approval', config: { title: 'Publish?', assigneeRole: 'admin', timeoutMs: 3_600_000 }, workspaceId: s.ws.id });
    const first = await rig.run();
    expect(first).toMatchObject({ kind: 'wait', wakeAt: expect.any(Date) });
    const tasks = await s.deps.db.humanTask.findMany({ where: { stepRunId: rig.stepRunId } });
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ status: 'open', assigneeRole: 'admin', workspaceId: s.ws.id, executionId: rig.executionId, title: 'Publish?' });
    if (first.kind === 'wait') expect(first.wakeAt!.getTime()).toBe(tasks[0]!.dueAt!.getTime());
    expect(await rig.run()).toMatchObject({ kind: 'wait' });
    expect(await s.deps.db.humanTask.count({ where: { stepRunId: rig.stepRunId } })).toBe(1);
    const notified = await s.deps.db.notification.findMany({ where: { sourceKey: `task:${tasks[0]!.id}` } });
    expect(notified.map((n) => n.userId).sort()).toEqual([s.admin.user.id, s.owner.user.id].sort());
    expect(notified[0]).toMatchObject({ kind: 'task', title: 'Approval needed: Publish?' });
  });

  it('expires the task and fails when woken at its due date still open', async () => {
    const s = await stepScene();
    const rig = await stepRig(s.deps, { type: 'approval', config: { title: 'Quick one', assigneeUserId: s.member.user.id, timeoutMs: 60_000 }, workspaceId: s.ws.id });
    await rig.run();
    await s.deps.db.humanTask.update({ where: { stepRunId: rig.stepRunId }, data: { dueAt: new Date(Date.now() - 1) } });
    await expect(rig.run()).rejects.toThrow('Approval timed out after 1 minute');
    expect(await s.deps.db.humanTask.findUniqueOrThrow({ where: { stepRunId: rig.stepRunId } })).toMatchObject({ status: 'expired' });
    await expect(rig.run()).rejects.toThrow(/timed out/);
    expect(await s.deps.db.activityEvent.count({ where: { type: 'task.expired', details: { path: ['stepRunId'], equals: rig.stepRunId } } })).toBe(1);
  });

  it('refuses an assignee outside the workspace, and a config with two assignees or none', async () => {
    const s = await stepScene();
    const rig = await stepRig(s.deps, { type: 'approval', config: { title: 'x', assigneeUserId: s.outsider.user.id }, workspaceId: s.ws.id });
    await expect(rig.run()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await s.deps.db.humanTask.count({ where: { stepRunId: rig.stepRunId } })).toBe(0);
    const config = stepType('approval')!.config;
    expect(config.safeParse({ title: 'x' }).success).toBe(false);
    expect(config.safeParse({ title: 'x', assigneeUserId: s.member.user.id, assigneeRole: 'admin' }).success).toBe(false);
    expect(config.safeParse({ title: 'x', assigneeRole: 'admin', timeoutMs: 10 }).success).toBe(false);
  });
});
