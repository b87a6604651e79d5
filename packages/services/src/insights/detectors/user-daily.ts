/**
 * Per-user daily counts of activity, in rolling 24-hour windows ending at `now`: window 0 is the
 * last 24 hours, windows 1…N the days before. Rolling windows, not calendar days, so a burst is
 * seen at once rather than compared with a half-finished "today".
 */
import type { ServiceDeps } from '../../deps';
import { robustZ, type RobustZ } from '../stats';

const DAY = 86_400_000;

export interface UserDays {
  userId: string;
  /** counts[0] = last 24 h, counts[i] = the 24 h ending i days earlier; zeros filled in. */
  counts: number[];
  /** When the last-24-h reads began (the burst's first row). */
  firstInWindow: Date;
  /** Whole days of the baseline the user was active on Racine at all (any activity): how much history there is to judge by. */
  historyDays: number;
}

/**
 * Users with at least `minToday` rows of `types` (all activity when empty) in the last 24 h, and
 * their counts over the `baselineDays` before.
 */
export async function userDailyCounts(deps: ServiceDeps, now: Date, p: { types: string[]; minToday: number; baselineDays: number }): Promise<UserDays[]> {
  const since = new Date(now.getTime() - (p.baselineDays + 1) * DAY);
  const typeClause = p.types.length ? `AND type = ANY($4::text[])` : '';
  const params: unknown[] = [now.toISOString(), new Date(now.getTime() - DAY).toISOString(), p.minToday, ...(p.types.length ? [p.types] : [])];
  const hot = await deps.db.$queryRawUnsafe<{ actorId: string; first: Date }[]>(
    `SELECT "actorId", min("occurredAt") AS first FROM "ActivityEvent"
      WHERE "occurredAt" > $2::timestamp(3) AND "occurredAt" <= $1::timestamp(3) AND "actorId" IS NOT NULL ${typeClause}
      GROUP BY 1 HAVING count(*) >= $3`,
    ...params,
  );
  if (!hot.length) return [];
  const rows = await deps.db.$queryRawUnsafe<{ actorId: string; d: number; n: number }[]>(
    `SELECT "actorId", floor(extract(epoch FROM ($1::timestamp(3) - "occurredAt")) / 86400)::int AS d, count(*)::int AS n
       FROM "ActivityEvent"
      WHERE "occurredAt" > $2::timestamp(3) AND "occurredAt" <= $1::timestamp(3) AND "actorId" = ANY($3::text[]) ${p.types.length ? 'AND type = ANY($4::text[])' : ''}
      GROUP BY 1, 2`,
    now.toISOString(),
    since.toISOString(),
    hot.map((h) => h.actorId),
    ...(p.types.length ? [p.types] : []),
  );
  const firsts = await deps.db.$queryRawUnsafe<{ actorId: string; first: Date }[]>(
    `SELECT "actorId", min("occurredAt") AS first FROM "ActivityEvent" WHERE "occurredAt" > $1::timestamp(3) AND "actorId" = ANY($2::text[]) GROUP BY 1`,
    since.toISOString(),
    hot.map((h) => h.actorId),
  );
  const firstOf = new Map(firsts.map((f) => [f.actorId, new Date(f.first)]));
  return hot.map((h) => {
    const counts = Array.from({ length: p.baselineDays + 1 }, () => 0);
    for (const r of rows) if (r.actorId === h.actorId && r.d >= 0 && r.d <= p.baselineDays) counts[r.d] = r.n;
    const first = firstOf.get(h.actorId) ?? now;
    const historyDays = Math.min(p.baselineDays, Math.max(0, Math.floor((now.getTime() - first.getTime()) / DAY)));
    // Only the days the user existed count as baseline: zeros before their first activity are not "usual".
    return { userId: h.actorId, counts: counts.slice(0, historyDays + 1), firstInWindow: new Date(h.first), historyDays };
  });
}

export interface Spike {
  user: UserDays;
  today: number;
  baseline: number[];
  z: RobustZ;
  /** today ÷ max(median, 1). */
  ratio: number;
}

/** The users whose last 24 h is unusual against their own baseline: z ≥ zMin and ratio ≥ ratioMin. */
export function spikes(users: UserDays[], p: { zMin: number; ratioMin: number; minHistoryDays: number }): Spike[] {
  const out: Spike[] = [];
  for (const user of users) {
    // Someone new has no "usual" yet: a first day of work is not an anomaly.
    if (user.historyDays < p.minHistoryDays) continue;
    const [today, ...baseline] = user.counts;
    const z = robustZ(today!, baseline);
    const ratio = today! / Math.max(z.median, 1);
    if (z.z >= p.zMin && ratio >= p.ratioMin) out.push({ user, today: today!, baseline, z, ratio });
  }
  return out;
}

/** The series for evidence, oldest first, one point per 24-h window (labelled by its end). */
export function dailySeries(now: Date, counts: number[]) {
  return counts.map((value, i) => ({ t: new Date(now.getTime() - i * DAY).toISOString(), value })).reverse();
}

export const dayMs = DAY;
