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
import type { listNotificationsInput, markNotificationsReadInput } from './schemas';

const select = { id: true, kind: true, title: true, body: true, link: true, readAt: true, createdAt: true } as const;

function userOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Notifications belong to people');
  return actor.userId;
}

export async function listNotifications(deps: ServiceDeps, actor: Actor, input: z.output<typeof listNotificationsInput>) {
  const userId = userOf(actor);
  const where = { userId, ...(input.unreadOnly ? { readAt: null } : {}) };
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
 * Writes one notification per user, once per source key: users who already
 * have one with this key get none. Returns how many rows were written.
 */
export async function sendNotifications(tx: Tx, userIds: readonly string[], sourceKey: string, draft: NotificationDraft): Promise<number> {
  const ids = [...new Set(userIds)];
  if (!ids.length) return 0;
  const { count } = await tx.notification.createMany({
    data: ids.map((userId) => ({ userId, sourceKey, kind: draft.kind, title: draft.title.slice(0, 300), body: (draft.body ?? '').slice(0, 5_000), link: draft.link ?? null })),
    skipDuplicates: true,
  });
  return count;
}
