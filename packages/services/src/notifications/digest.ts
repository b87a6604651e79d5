/**
 * The daily digest: for each user with any kind set to "daily", one email
 * listing the previous UTC day's notifications of those kinds that are still
 * unread (one already read needs no reminder). An hourly task; a
 * NotificationDigest row per user and day makes it act once, however often
 * or late it runs. A day with nothing to tell sends nothing.
 */
import { mutate } from '../activity/record';
import { systemActor } from '../actor';
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { renderDigestEmail } from './email-render';
import { builtInPreference, defaultKindKey } from './kinds';

const dayMs = 86_400_000;

/** The UTC day before `now`, as YYYY-MM-DD, and its bounds. */
export function previousDay(now: Date): { day: string; from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
  const from = new Date(to.getTime() - dayMs);
  return { day: from.toISOString().slice(0, 10), from, to };
}

/** Thrown inside the mutation when another tick wrote this digest first: rolls back quietly. */
class AlreadyDigested extends Error {}

export async function sendDailyDigests(deps: ServiceDeps): Promise<{ day: string; sent: number }> {
  const { day, from, to } = previousDay(deps.clock());
  const daily = await deps.db.notificationPreference.findMany({ where: { email: 'daily' }, select: { userId: true } });
  const done = new Set((await deps.db.notificationDigest.findMany({ where: { day, userId: { in: daily.map((d) => d.userId) } }, select: { userId: true } })).map((d) => d.userId));
  const userIds = [...new Set(daily.map((d) => d.userId))].filter((id) => !done.has(id));
  let sent = 0;
  for (const userId of userIds) {
    const [prefs, user, notifications] = await Promise.all([
      deps.db.notificationPreference.findMany({ where: { userId } }),
      deps.db.user.findUnique({ where: { id: userId }, select: { email: true, isActive: true } }),
      deps.db.notification.findMany({ where: { userId, readAt: null, createdAt: { gte: from, lt: to } }, orderBy: { createdAt: 'asc' }, select: { kind: true, title: true, link: true, createdAt: true } }),
    ]);
    if (!user?.isActive) continue;
    const fallback = prefs.find((p) => p.kind === defaultKindKey)?.email ?? builtInPreference.email;
    const emailOf = (kind: string) => prefs.find((p) => p.kind === kind)?.email ?? fallback;
    const entries = notifications.filter((n) => emailOf(n.kind) === 'daily');
    if (!entries.length) continue;
    const email = renderDigestEmail(day, entries);
    try {
      await mutate(deps, systemActor, { type: 'notification.digest.queued', category: 'system', sourceGroup: 'notification', action: 'create', resourceType: 'notificationDigest', resourceId: userId, complianceRelevant: false }, async (tx) => {
        const { count } = await tx.notificationDigest.createMany({ data: [{ userId, day, count: entries.length, sentAt: deps.clock() }], skipDuplicates: true });
        if (count === 0) throw new AlreadyDigested();
        const row = await tx.emailOutbox.create({ data: { userId, toAddress: user.email, subject: email.subject, text: email.text, html: email.html, kind: 'digest' }, select: { id: true } });
        await tx.notificationDigest.update({ where: { userId_day: { userId, day } }, data: { emailId: row.id } });
        return { result: null, details: { day, count: entries.length, emailId: row.id } };
      });
      sent++;
    } catch (error) {
      if (!(error instanceof AlreadyDigested)) throw error;
    }
  }
  return { day, sent };
}

export const dailyDigestTask: PeriodicTask = { name: 'notifications:daily-digest', cron: '5 * * * *', run: sendDailyDigests };
