/**
 * Ranges and grain buckets. Buckets are UTC and match PostgreSQL's
 * date_trunc (weeks start on Monday), so series computed in SQL and the
 * empty buckets filled here line up.
 */
import type { Grain, MetricPoint, RangePreset } from './types';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
export const rangeMs: Record<RangePreset, number> = { '24h': DAY, '7d': 7 * DAY, '30d': 30 * DAY, '90d': 90 * DAY };

export function rangeStart(now: Date, range: RangePreset): Date {
  return new Date(now.getTime() - rangeMs[range]);
}

/** The start of the bucket holding `t`. */
export function bucketOf(t: Date, grain: Grain): Date {
  const d = new Date(t);
  d.setUTCMinutes(0, 0, 0);
  if (grain === 'hour') return d;
  d.setUTCHours(0);
  if (grain === 'day') return d;
  const sinceMonday = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - sinceMonday * DAY);
}

function nextBucket(t: Date, grain: Grain): Date {
  if (grain === 'hour') return new Date(t.getTime() + HOUR);
  if (grain === 'day') return new Date(t.getTime() + DAY);
  return new Date(t.getTime() + 7 * DAY);
}

/** Every bucket start from the one holding `since` to the one holding `now`. */
export function buckets(since: Date, now: Date, grain: Grain): Date[] {
  const out: Date[] = [];
  for (let t = bucketOf(since, grain); t <= now; t = nextBucket(t, grain)) out.push(t);
  return out;
}

/** Counts per bucket with the empty buckets as 0. */
export function fillCounts(rows: { bucket: Date; n: number | bigint }[], since: Date, now: Date, grain: Grain): MetricPoint[] {
  const byTime = new Map(rows.map((r) => [new Date(r.bucket).getTime(), Number(r.n)]));
  return buckets(since, now, grain).map((t) => ({ t, value: byTime.get(t.getTime()) ?? 0 }));
}

export const round1 = (x: number) => Math.round(x * 10) / 10;
export const percent = (num: number, den: number): number | null => (den > 0 ? round1((num / den) * 100) : null);
export const days = (ms: number) => round1(ms / DAY);
export const iso = (d: Date) => d.toISOString();
