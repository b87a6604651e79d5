/**
 * Per-user notification preferences: one row per kind, plus a "*" row that
 * applies to every kind without its own. A row is whole (both channels), so
 * the effective setting is the kind's row, else "*", else the built-in
 * default (in-app, email at once).
 */
import type { DbOrTx } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { builtInPreference, type ChannelPreference, defaultKindKey, notificationKinds } from './kinds';
import type { setNotificationPreferenceInput } from './schemas';

function personOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Notification preferences belong to people');
  return actor.userId;
}

/** Each user's effective setting for one kind, in one query however many users. */
export async function preferencesFor(db: DbOrTx, userIds: readonly string[], kind: string): Promise<Map<string, ChannelPreference>> {
  const rows = userIds.length ? await db.notificationPreference.findMany({ where: { userId: { in: [...userIds] }, kind: { in: [kind, defaultKindKey] } } }) : [];
  const result = new Map<string, ChannelPreference>();
  for (const userId of userIds) {
    const row = rows.find((r) => r.userId === userId && r.kind === kind) ?? rows.find((r) => r.userId === userId && r.kind === defaultKindKey);
    result.set(userId, row ? { inApp: row.inApp, email: row.email } : builtInPreference);
  }
  return result;
}

/** The caller's default row and every kind with its effective setting, and where that setting comes from. */
export async function getNotificationPreferences(deps: ServiceDeps, actor: Actor) {
  const userId = personOf(actor);
  const rows = await deps.db.notificationPreference.findMany({ where: { userId } });
  const fallback = rows.find((r) => r.kind === defaultKindKey);
  const base: ChannelPreference = fallback ? { inApp: fallback.inApp, email: fallback.email } : builtInPreference;
  return {
    default: { ...base, custom: Boolean(fallback) },
    kinds: notificationKinds.map((k) => {
      const own = rows.find((r) => r.kind === k.kind);
      return { ...k, inApp: own?.inApp ?? base.inApp, email: own?.email ?? base.email, custom: Boolean(own) };
    }),
  };
}

/**
 * Sets one kind's row (or "*"). A channel left out keeps its effective value.
 * A digest summarises in-app notifications, so "daily" with in-app off is refused.
 */
export async function setNotificationPreference(deps: ServiceDeps, actor: Actor, input: z.output<typeof setNotificationPreferenceInput>) {
  const userId = personOf(actor);
  const spec = { type: 'notification.preference.set', category: 'configuration' as const, sourceGroup: 'notification', action: 'update', resourceType: 'notificationPreference', resourceId: userId };
  return mutate(deps, actor, spec, async (tx) => {
    const current = (await preferencesFor(tx, [userId], input.kind)).get(userId)!;
    const next: ChannelPreference = { inApp: input.inApp ?? current.inApp, email: input.email ?? current.email };
    if (!next.inApp && next.email === 'daily') {
      throw new AppError('BAD_REQUEST', 'The daily digest summarises in-app notifications: keep in-app on, or choose immediate email or none');
    }
    await tx.notificationPreference.upsert({ where: { userId_kind: { userId, kind: input.kind } }, create: { userId, kind: input.kind, ...next }, update: next });
    return { result: { kind: input.kind, ...next }, before: current, after: next, details: { kind: input.kind } };
  });
}
