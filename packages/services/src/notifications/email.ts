/**
 * Email delivery from the outbox. With RACINE_SMTP_URL and RACINE_SMTP_FROM
 * set, pending rows are sent through SMTP (nodemailer), retried with a
 * growing pause and marked failed after the last attempt; without them they
 * are marked `logged`: kept for the outbox page, never sent. A minute task
 * drives it. The SMTP URL carries credentials: it is never logged, nor put
 * into a row's error.
 */
import nodemailer from 'nodemailer';
import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import { recordActivity } from '../activity/record';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import type { listOutboxInput } from './schemas';

export interface SmtpConfig {
  url: string;
  from: string;
}

export function smtpConfigFromEnv(env: NodeJS.ProcessEnv = process.env): SmtpConfig | null {
  const url = env.RACINE_SMTP_URL?.trim();
  const from = env.RACINE_SMTP_FROM?.trim();
  return url && from ? { url, from } : null;
}

/** After this many attempts a row is failed for good. */
export const maxEmailAttempts = 5;

/**
 * The row has no "last tried" column, so the pause is counted from its
 * creation: after n attempts the next comes (2^n − 1) minutes after it was
 * queued, i.e. 1, 2, 4, 8 minutes between tries.
 */
export function nextAttemptAt(createdAt: Date, attempts: number): Date {
  return new Date(createdAt.getTime() + (2 ** attempts - 1) * 60_000);
}

/** An error as stored on the row: the SMTP URL and its password stripped, and short. */
function describeError(error: unknown, config: SmtpConfig): string {
  let message = error instanceof Error ? error.message : String(error);
  message = message.split(config.url).join('[smtp]');
  try {
    const password = decodeURIComponent(new URL(config.url).password);
    if (password) message = message.split(password).join('***');
  } catch {
    // Not a parseable URL: nodemailer refuses it too, and the message says so.
  }
  return message.slice(0, 1_000);
}

export interface DeliveryResult {
  sent: number;
  failed: number;
  retrying: number;
  logged: number;
}

/**
 * Sends (or logs) due pending emails, oldest first, at most `limit` per call.
 * Each row is claimed by bumping its attempt count where it still has the
 * count we read, so two overlapping ticks never send the same email twice.
 * `ids` narrows the batch to particular emails (tests, a "send now").
 */
export async function deliverPendingEmails(deps: ServiceDeps, options: { smtp?: SmtpConfig | null; ids?: string[]; limit?: number } = {}): Promise<DeliveryResult> {
  const smtp = options.smtp === undefined ? smtpConfigFromEnv() : options.smtp;
  const now = deps.clock();
  const scope: Prisma.EmailOutboxWhereInput = { status: 'pending', ...(options.ids ? { id: { in: options.ids } } : {}) };
  const result: DeliveryResult = { sent: 0, failed: 0, retrying: 0, logged: 0 };
  if (!smtp) {
    const { count } = await deps.db.emailOutbox.updateMany({ where: scope, data: { status: 'logged', error: null } });
    result.logged = count;
  } else {
    const candidates = await deps.db.emailOutbox.findMany({ where: scope, orderBy: { createdAt: 'asc' }, take: (options.limit ?? 100) * 2 });
    const due = candidates.filter((e) => e.attempts === 0 || nextAttemptAt(e.createdAt, e.attempts) <= now).slice(0, options.limit ?? 100);
    if (due.length) {
      const transport = nodemailer.createTransport(smtp.url);
      try {
        for (const email of due) {
          const claimed = await deps.db.emailOutbox.updateMany({ where: { id: email.id, status: 'pending', attempts: email.attempts }, data: { attempts: { increment: 1 } } });
          if (claimed.count === 0) continue;
          try {
            await transport.sendMail({ from: smtp.from, to: email.toAddress, subject: email.subject, text: email.text, ...(email.html ? { html: email.html } : {}) });
            await deps.db.emailOutbox.update({ where: { id: email.id }, data: { status: 'sent', sentAt: deps.clock(), error: null } });
            result.sent++;
          } catch (error) {
            const last = email.attempts + 1 >= maxEmailAttempts;
            await deps.db.emailOutbox.update({ where: { id: email.id }, data: { status: last ? 'failed' : 'pending', error: describeError(error, smtp) } });
            if (last) result.failed++;
            else result.retrying++;
          }
        }
      } finally {
        transport.close();
      }
    }
  }
  if (result.sent || result.failed || result.logged) {
    // One audit row per tick that changed something, not one per email.
    await recordActivity(deps, systemActor, { type: 'notification.email.delivered', category: 'system', sourceGroup: 'notification', action: 'deliver', resourceType: 'emailOutbox', details: { ...result, smtp: Boolean(smtp) }, complianceRelevant: false });
  }
  return result;
}

export const emailDeliveryTask: PeriodicTask = { name: 'notifications:send-email', cron: '* * * * *', run: (deps) => deliverPendingEmails(deps) };

const outboxSelect = { id: true, userId: true, toAddress: true, subject: true, text: true, kind: true, status: true, attempts: true, error: true, createdAt: true, sentAt: true } as const;

/** Every email, newest first, for the admin outbox page; and whether SMTP is configured at all. */
export async function listOutbox(deps: ServiceDeps, input: z.output<typeof listOutboxInput>) {
  const where: Prisma.EmailOutboxWhereInput = input.status ? { status: input.status } : {};
  const [rows, counts] = await Promise.all([
    deps.db.emailOutbox.findMany({ where, select: outboxSelect, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) }),
    deps.db.emailOutbox.groupBy({ by: ['status'], _count: { _all: true } }),
  ]);
  const items = rows.slice(0, input.limit);
  const smtp = smtpConfigFromEnv();
  return {
    items,
    nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null,
    counts: Object.fromEntries(counts.map((c) => [c.status, c._count._all])) as Partial<Record<(typeof items)[number]['status'], number>>,
    // Only whether, and the sender address: never the URL, which holds the password.
    smtp: { configured: Boolean(smtp), from: smtp?.from ?? null },
  };
}
