/**
 * The webhook endpoint at the HTTP level: a real Request (raw body, headers)
 * through the handler the route uses, against the real database and engine.
 */
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { AccessChecker, createWorkflow, InProcessBus, migrateJobSchema, rotateWebhookSecret, type ServiceDeps, signWebhookBody, stepTypes, syncBuiltInRoles } from '@racine/services';
import { randomBytes } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { handleWorkflowWebhook } from './workflow-webhook';

let deps: ServiceDeps;
beforeAll(async () => {
  const url = process.env.DATABASE_URL!;
  const db = createDb(url, { max: 2 });
  await syncBuiltInRoles(db).catch(() => syncBuiltInRoles(db));
  await migrateJobSchema(url).catch(() => migrateJobSchema(url));
  // Step jobs go to a task name no worker serves: this test is about the HTTP answer.
  deps = { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: randomBytes(32), workflowEngine: { stepTypes, taskSuffix: ':webhook-http-test' } };
});

const post = (workflowId: string, body: string, headers: Record<string, string>) =>
  handleWorkflowWebhook(deps, workflowId, new Request(`http://localhost/api/workflows/${workflowId}/webhook`, { method: 'POST', body, headers: { 'content-type': 'application/json', ...headers } }));

describe('POST /api/workflows/[id]/webhook', () => {
  it('answers 202 with the execution, 401 on a bad signature, 404 when unknown, 400 on a bad body', async () => {
    const owner = await makeUser(deps.db, { roles: ['viewer'] });
    const ws = await makeWorkspace(deps.db, { ownerId: owner.id });
    const actor = { kind: 'user' as const, userId: owner.id };
    const wf = await createWorkflow(deps, actor, new AccessChecker(deps.db, actor), {
      workspaceId: ws.id,
      name: `Hooked ${crypto.randomUUID().slice(0, 8)}`,
      description: '',
      enabled: true,
      definition: { steps: [{ id: 'wait', type: 'delay', config: { ms: 60_000 } }], parameters: [{ name: 'ticket', type: 'string' }], triggers: { manual: false, webhook: true } },
    });
    const { secret } = await rotateWebhookSecret(deps, actor, wf.id);
    const body = '{"ticket":"OPS-1"}';

    const ok = await post(wf.id, body, { 'X-Racine-Signature': signWebhookBody(secret, body), 'X-Racine-Delivery': 'delivery-1' });
    expect(ok.status).toBe(202);
    const { executionId } = (await ok.json()) as { executionId: string };
    expect(await deps.db.workflowExecution.findUniqueOrThrow({ where: { id: executionId } })).toMatchObject({ trigger: 'webhook', params: { ticket: 'OPS-1' } });
    const again = await post(wf.id, body, { 'X-Racine-Signature': signWebhookBody(secret, body), 'X-Racine-Delivery': 'delivery-1' });
    expect(await again.json()).toMatchObject({ executionId });

    // The signature is over the exact bytes: the same JSON re-spaced does not match.
    const respaced = '{ "ticket": "OPS-1" }';
    const bad = await post(wf.id, respaced, { 'X-Racine-Signature': signWebhookBody(secret, body) });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual({ error: 'The X-Racine-Signature header does not match the body' });
    expect((await post(wf.id, body, {})).status).toBe(401);
    expect((await post(crypto.randomUUID(), body, { 'X-Racine-Signature': signWebhookBody(secret, body) })).status).toBe(404);
    expect((await post(wf.id, 'not json', { 'X-Racine-Signature': signWebhookBody(secret, 'not json') })).status).toBe(400);
    expect((await post(wf.id, body, { 'X-Racine-Signature': signWebhookBody(secret, body), 'content-length': String(10 * 1024 * 1024) })).status).toBe(413);
    expect(await deps.db.workflowExecution.count({ where: { workflowId: wf.id } })).toBe(1);
  });
});
