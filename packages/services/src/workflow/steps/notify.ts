/**
 * `notify`: in-app notifications to people of the workspace, and optionally
 * a signed webhook POST.
 *
 * In-app rows carry the step's idempotency key as their source key (unique
 * per user), so a rerun writes none twice. The webhook is delivered at least
 * once: a POST that succeeded is checkpointed and not repeated by a resumed
 * step, and every POST carries `X-Racine-Idempotency-Key` (the same on every
 * retry) so the receiver can drop a repeat.
 *
 * Signing: `X-Racine-Signature: sha256=<hex HMAC-SHA256 of the raw body>`.
 * The key is the workflow's webhook secret (the one `rotateWebhookSecret`
 * shows once; stored encrypted) when it has one, else the step's `secret`
 * (kept in the definition in clear: anyone who can read the workflow sees
 * it). With neither, the step refuses to send an unsigned request.
 */
import { createHmac } from 'node:crypto';
import { z } from 'zod';
import { systemActor } from '../../actor';
import { mutate } from '../../activity/record';
import { decryptSecret } from '../../crypto/secrets';
import { keyOf } from '../../datasource/connect';
import { sendNotifications } from '../../notifications/notifications';
import { defineStepType, type StepContext } from '../step-type';
import { assertKnownRole, notifiable, roleHolders, stepAudit, usersInWorkspace, workspaceMembers } from './scope';

export const WEBHOOK_TIMEOUT_MS = 10_000;

export const httpUrl = z
  .url('Not a URL')
  .max(2_000)
  .refine((u) => URL.canParse(u) && /^https?:$/.test(new URL(u).protocol), { message: 'Only http and https URLs can be called' });

const config = z
  .object({
    title: z.string().trim().min(1, 'A notification needs a title').max(300),
    body: z.string().max(5_000).optional(),
    /** Where the notification leads; the execution's page by default. */
    link: z.string().max(500).optional(),
    userIds: z.array(z.uuid('Not a user id')).max(200).optional(),
    /** Everyone holding this workspace role (or higher), or a global role key. */
    role: z.string().trim().min(1).max(64).optional(),
    /** Every member of the workspace. */
    toMembers: z.boolean().default(false),
    /** The person who started the execution (nobody for cron, event and webhook runs). */
    toStarter: z.boolean().default(false),
    webhookUrl: httpUrl.optional(),
    /** HMAC key for the webhook when the workflow has no webhook secret; at least 16 characters. */
    secret: z.string().min(16, 'A signing secret needs at least 16 characters').max(200).optional(),
  })
  .strict()
  .refine((c) => c.userIds?.length || c.role || c.toMembers || c.toStarter || c.webhookUrl, { message: 'Say whom to notify: userIds, role, toMembers, toStarter or webhookUrl' });

type Config = z.output<typeof config>;

async function recipients(ctx: StepContext<Config>): Promise<string[]> {
  const { db } = ctx.deps;
  const ws = ctx.execution.workspaceId;
  const ids = new Set<string>();
  for (const u of await usersInWorkspace(db, ws, ctx.config.userIds ?? [])) ids.add(u.id);
  if (ctx.config.role) {
    await assertKnownRole(db, ctx.config.role);
    for (const id of await notifiable(db, ws, await roleHolders(db, ws, ctx.config.role))) ids.add(id);
  }
  if (ctx.config.toMembers) for (const id of await workspaceMembers(db, ws)) ids.add(id);
  if (ctx.config.toStarter) {
    if (ctx.execution.startedById) ids.add(ctx.execution.startedById);
    else await ctx.log('No one started this execution (a trigger did): toStarter notifies nobody', undefined, 'warn');
  }
  return [...ids];
}

async function inApp(ctx: StepContext<Config>, userIds: string[]): Promise<number> {
  if (!userIds.length) return 0;
  const key = ctx.step.idempotencyKey;
  const already = await ctx.deps.db.notification.count({ where: { sourceKey: key, userId: { in: userIds } } });
  if (already === userIds.length) return 0;
  const link = ctx.config.link ?? `/workflows/executions/${ctx.execution.id}`;
  return mutate(
    ctx.deps,
    systemActor,
    { type: 'notification.sent', category: 'data', sourceGroup: 'workflow', targetGroup: 'notification', action: 'notify', resourceType: 'workflowExecution', resourceId: ctx.execution.id, workspaceId: ctx.execution.workspaceId },
    async (tx) => {
      const written = await sendNotifications(tx, userIds, key, { kind: 'workflow', title: ctx.config.title, body: ctx.config.body, link });
      return { result: written, details: { ...stepAudit(ctx), recipients: userIds.length, written, title: ctx.config.title } };
    },
  );
}

export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

async function signingSecret(ctx: StepContext<Config>): Promise<string> {
  const workflow = await ctx.deps.db.workflow.findUnique({ where: { id: ctx.execution.workflowId }, select: { webhookSecret: true } });
  if (workflow?.webhookSecret) return decryptSecret(workflow.webhookSecret, keyOf(ctx.deps));
  if (ctx.config.secret) return ctx.config.secret;
  throw new Error('The webhook cannot be signed: give the workflow a webhook secret, or the step a secret');
}

async function postWebhook(ctx: StepContext<Config>, url: string): Promise<number> {
  // Checked again here: a templated URL is only known at run time.
  if (!httpUrl.safeParse(url).success) throw new Error(`Only http and https URLs can be called, not ${url.slice(0, 100)}`);
  const body = JSON.stringify({
    type: 'workflow.notification',
    workflowId: ctx.execution.workflowId,
    executionId: ctx.execution.id,
    stepId: ctx.step.id,
    idempotencyKey: ctx.step.idempotencyKey,
    title: ctx.config.title,
    body: ctx.config.body ?? '',
    sentAt: ctx.deps.clock().toISOString(),
  });
  const secret = await signingSecret(ctx);
  const host = new URL(url).host;
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Racine-Workflows', 'x-racine-signature': signBody(secret, body), 'x-racine-idempotency-key': ctx.step.idempotencyKey },
      body,
      redirect: 'manual',
      signal: AbortSignal.any([ctx.signal, AbortSignal.timeout(WEBHOOK_TIMEOUT_MS)]),
    });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${WEBHOOK_TIMEOUT_MS / 1000} s` : (error as Error).message;
    await ctx.log(`Webhook to ${host} failed: ${reason}`, { url }, 'error');
    throw new Error(`Webhook to ${host} failed: ${reason}`);
  }
  await response.body?.cancel().catch(() => {});
  if (response.status < 200 || response.status > 299) {
    await ctx.log(`Webhook to ${host} answered ${response.status}`, { url, status: response.status }, 'error');
    throw new Error(`Webhook to ${host} answered ${response.status} ${response.statusText}`.trim());
  }
  await ctx.log(`Webhook to ${host} answered ${response.status}`, { url, status: response.status });
  return response.status;
}

export const notifyStep = defineStepType({
  type: 'notify',
  title: 'Notify',
  description: 'Sends an in-app notification to people of the workspace, and optionally a signed webhook POST.',
  group: 'notification',
  config,
  output: {
    notified: { type: 'number', description: 'People notified in the app.' },
    webhookStatus: { type: 'number', description: 'The webhook’s HTTP status (null: no webhook).' },
  },
  defaults: { retry: { attempts: 3, backoffMs: 2_000 } },
  async run(ctx) {
    const state: { webhookStatus?: number } = { ...((ctx.state as object | null) ?? {}) };
    const people = await recipients(ctx);
    const written = await inApp(ctx, people);
    if (people.length) await ctx.log(`Notified ${people.length} people (${written} new)`, { recipients: people.length, written });
    else if (!ctx.config.webhookUrl) await ctx.log('Nobody to notify', undefined, 'warn');
    if (ctx.config.webhookUrl && state.webhookStatus === undefined) {
      state.webhookStatus = await postWebhook(ctx, ctx.config.webhookUrl);
      await ctx.checkpoint(state);
    }
    return { kind: 'done', output: { notified: people.length, webhookStatus: state.webhookStatus ?? null } };
  },
});
