/**
 * The webhook trigger: a per-workflow URL, each POST signed with the
 * workflow's secret. `X-Racine-Signature: sha256=<hex HMAC-SHA256 of the raw
 * body>`, compared in constant time. `X-Racine-Delivery` (the sender's
 * delivery id) makes a redelivery return the first execution. The JSON
 * body's fields that name a declared parameter become its value; the body is
 * kept in the execution's triggerDetails.
 *
 * The secret is shown once when rotated and stored encrypted (AES-256-GCM,
 * crypto/secrets.ts): the server can verify signatures, a database dump
 * cannot forge them.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { type Actor, systemActor } from '../../actor';
import { mutate, recordActivity } from '../../activity/record';
import { decryptSecret, encryptSecret, secretKeyFromEnv } from '../../crypto/secrets';
import type { ServiceDeps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { startExecution } from '../engine/start';
import { storedDefinition, webhookPathOf } from '../workflows';

export const SIGNATURE_HEADER = 'x-racine-signature';
export const DELIVERY_HEADER = 'x-racine-delivery';
export const MAX_WEBHOOK_BODY = 256 * 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const keyOf = (deps: ServiceDeps) => deps.secretKey ?? secretKeyFromEnv();

/** `sha256=<hex>`: what a sender puts in X-Racine-Signature. */
export function signWebhookBody(secret: string, rawBody: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

/** Constant-time check of a signature header against the body. */
export function verifyWebhookSignature(secret: string, rawBody: string | Buffer, header: string | null | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signWebhookBody(secret, rawBody));
  const given = Buffer.from(header.trim());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** A new secret for the workflow's webhook; the previous one stops working at once. Returned once, never readable again. */
export async function rotateWebhookSecret(deps: ServiceDeps, actor: Actor, workflowId: string): Promise<{ secret: string; path: string }> {
  const secret = `whsec_${randomBytes(32).toString('base64url')}`;
  const stored = encryptSecret(secret, keyOf(deps));
  return mutate(deps, actor, { type: 'workflow.webhook.rotated', category: 'security', sourceGroup: 'workflow', action: 'rotate', resourceType: 'workflow', resourceId: workflowId, complianceRelevant: true }, async (tx) => {
    const workflow = await tx.workflow.findFirst({ where: { id: workflowId, deletedAt: null }, select: { id: true, workspaceId: true, webhookSecret: true } });
    if (!workflow) throw notFound('Workflow', workflowId);
    await tx.workflow.update({ where: { id: workflowId }, data: { webhookSecret: stored } });
    // The audit row says that it changed, never what it is.
    return { result: { secret, path: webhookPathOf(workflowId) }, workspaceId: workflow.workspaceId, details: { replaced: workflow.webhookSecret !== null } };
  });
}

export interface WebhookDelivery {
  workflowId: string;
  rawBody: string;
  signature: string | null;
  deliveryId: string | null;
}

/**
 * Verifies and starts. NOT_FOUND: no such workflow, or its webhook is off
 * (disabled workflow, trigger not enabled, no secret yet). UNAUTHORIZED: the
 * signature does not match. BAD_REQUEST: the body is not a JSON object, or a
 * parameter is wrong (from the engine's parameter check).
 */
export async function receiveWebhook(deps: ServiceDeps, delivery: WebhookDelivery): Promise<{ executionId: string; status: string }> {
  const noHook = new AppError('NOT_FOUND', `No webhook is enabled for workflow ${delivery.workflowId}`);
  if (!UUID.test(delivery.workflowId)) throw noHook;
  const workflow = await deps.db.workflow.findFirst({
    where: { id: delivery.workflowId, deletedAt: null },
    select: { id: true, workspaceId: true, enabled: true, webhookSecret: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } } },
  });
  if (!workflow || !workflow.enabled || !workflow.webhookSecret) throw noHook;
  const definition = storedDefinition(workflow.versions[0]!.definition);
  if (!definition.triggers.webhook) throw noHook;
  if (Buffer.byteLength(delivery.rawBody) > MAX_WEBHOOK_BODY) throw new AppError('BAD_REQUEST', `The body is larger than ${MAX_WEBHOOK_BODY} bytes`);
  if (!verifyWebhookSignature(decryptSecret(workflow.webhookSecret, keyOf(deps)), delivery.rawBody, delivery.signature)) {
    await recordActivity(deps, systemActor, {
      type: 'workflow.webhook.refused',
      category: 'security',
      sourceGroup: 'workflow',
      action: 'deny',
      resourceType: 'workflow',
      resourceId: workflow.id,
      workspaceId: workflow.workspaceId,
      status: 'failure',
      details: { reason: delivery.signature ? 'signature mismatch' : 'no signature', deliveryId: delivery.deliveryId },
    }).catch(() => {});
    throw new AppError('UNAUTHORIZED', delivery.signature ? 'The X-Racine-Signature header does not match the body' : 'The X-Racine-Signature header is missing');
  }
  let body: unknown = {};
  if (delivery.rawBody.trim()) {
    try {
      body = JSON.parse(delivery.rawBody);
    } catch {
      throw new AppError('BAD_REQUEST', 'The body is not JSON');
    }
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new AppError('BAD_REQUEST', 'The body must be a JSON object (its fields become parameters)');
  const fields = body as Record<string, unknown>;
  const params = Object.fromEntries(definition.parameters.filter((p) => p.name in fields).map((p) => [p.name, fields[p.name]]));
  const deliveryId = delivery.deliveryId?.trim().slice(0, 200) || null;
  const execution = await startExecution(deps, systemActor, {
    workflowId: workflow.id,
    trigger: 'webhook',
    params,
    triggerDetails: { deliveryId, body: fields },
    ...(deliveryId ? { triggerKey: `webhook:${workflow.id}:${deliveryId}` } : {}),
  });
  return { executionId: execution.id, status: execution.status };
}
