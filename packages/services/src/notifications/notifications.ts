/**
 * In-app notifications: each user reads and marks only their own rows (the
 * user id comes from the actor, never from the input). Rows are written by
 * `sendNotifications` inside the sender's transaction, keyed by a source key
 * so a step that runs again writes none twice.
 */
import type { Tx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { renderNotificationEmail } from './email-render';
import { preferencesFor } from './preferences';
import type { listNotificationsInput, markNotificationsReadInput } from './schemas';

const select = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

function userOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Notifications belong to people');
  return actor.userId;
}

export async function listNotifications(deps: ServiceDeps, actor: Actor, input: z.output<typeof listNotificationsInput>) {
  const userId = userOf(actor);
  const where = { userId, ...(input.unreadOnly ? { readAt: null } : {}), ...(input.kind ? { kind: input.kind } : {}) };
  const rows = await deps.db.notification.findMany({ where, select, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) });
  const items = rows.slice(0, input.limit);
  return { items, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

export async function unreadNotificationCount(deps: ServiceDeps, actor: Actor) {
  return { count: await deps.db.notification.count({ where: { userId: userOf(actor), readAt: null } }) };
}

/** Marks the caller's notifications read; ids of someone else's rows are refused as not found (nothing is changed). */
export async function markNotificationsRead(deps: ServiceDeps, actor: Actor, input: z.output<typeof markNotificationsReadInput>) {
  const userId = userOf(actor);
  return mutate(deps, actor, { type: 'notification.read', category: 'data', sourceGroup: 'notification', action: 'update', resourceType: 'notification' }, async (tx) => {
    if (input.ids) {
      const own = await tx.notification.count({ where: { id: { in: input.ids }, userId } });
      const wanted = new Set(input.ids).size;
      if (own !== wanted) throw new AppError('NOT_FOUND', `${wanted - own} of the notifications were not found`);
    }
    const { count } = await tx.notification.updateMany({ where: { userId, readAt: null, ...(input.ids ? { id: { in: input.ids } } : {}) }, data: { readAt: deps.clock() } });
    return { result: { updated: count }, details: { count, all: Boolean(input.all) } };
  });
}

export interface NotificationDraft {
  kind: string;
  title: string;
  body?: string;
  link?: string | null;
}

/**
 * Tells each user once per source key, the way they chose (preferences.ts):
 * an in-app row when in-app is on; an outbox email at once when email is
 * "immediate" ("daily" ones go out in the day's digest). A user who already
 * has this key's notification, or its email, gets nothing again. Runs inside
 * the sender's transaction, so nothing is told about a change that rolled
 * back. Returns how many in-app rows were written.
 */
export async function sendNotifications(tx: Tx, userIds: readonly string[], sourceKey: string, draft: NotificationDraft): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const prefs = await preferencesFor(tx, ids, draft.kind);
  const inApp = ids.filter((id) => prefs.get(id)!.inApp);
  const created = inApp.length
    ? await tx.notification.createManyAndReturn({
        data: inApp.map((userId) => ({ userId, sourceKey, kind: draft.kind, title: draft.title.slice(0, 300), body: (draft.body ?? '').slice(0, 5_000), link: draft.link ?? null })),
        skipDuplicates: true,
        select: { id: true, userId: true },
      })
    : [];
  const wantEmail = ids.filter((id) => prefs.get(id)!.email === 'immediate');
  if (wantEmail.length) await queueImmediateEmails(tx, wantEmail, new Set(ids.filter((id) => !prefs.get(id)!.inApp)), created, sourceKey, draft);
  return created.length;
}

/**
 * The email's HTML carries its source key in a comment: for someone with
 * in-app off there is no notification row to say "already told", so this is
 * how a repeated send finds the email it already queued.
 */
const sourceMarker = (sourceKey: string) => `<!-- racine:source=${sourceKey.replace(/-->/g, '')} -->`;

async function queueImmediateEmails(tx: Tx, userIds: string[], inAppOff: Set<string>, created: { id: string; userId: string }[], sourceKey: string, draft: NotificationDraft) {
  const rowOf = new Map(created.map((c) => [c.userId, c.id]));
  // With in-app on, a new row means "not told yet"; with it off, look for the email itself.
  const emailOnly = userIds.filter((id) => inAppOff.has(id));
  const marker = sourceMarker(sourceKey);
  const alreadyEmailed = emailOnly.length
    ? new Set((await tx.emailOutbox.findMany({ where: { userId: { in: emailOnly }, kind: 'immediate', html: { contains: marker } }, select: { userId: true } })).map((e) => e.userId))
    : new Set<string | null>();
  const to = userIds.filter((id) => rowOf.has(id) || (inAppOff.has(id) && !alreadyEmailed.has(id)));
  if (!to.length) return;
  const users = await tx.user.findMany({ where: { id: { in: to }, isActive: true }, select: { id: true, email: true } });
  const email = renderNotificationEmail(draft);
  await tx.emailOutbox.createMany({
    data: users.map((u) => ({ userId: u.id, toAddress: u.email, subject: email.subject, text: email.text, html: email.html + marker, kind: 'immediate', notificationId: rowOf.get(u.id) ?? null })),
  });
}
