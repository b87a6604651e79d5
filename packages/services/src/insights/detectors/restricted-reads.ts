/**
 * A person reading many more Restricted assets than they usually do: robust z of their last 24 h
 * of catalog.asset.viewed rows against their own daily counts over the 28 days before.
 */
import type { ServiceDeps } from '../../deps';
import { restrictedReadType } from '../../catalog/restricted-read';
import { magnitude, dayKey, type InsightCandidate } from '../types';
import { personSubject } from '../visibility';
import { dailySeries, spikes, userDailyCounts, type Spike } from './user-daily';
import { personNames, roundTo, times } from './format';

export const restrictedReadsRule = { baselineDays: 28, minToday: 10, zMin: 5, ratioMin: 5, minHistoryDays: 7 } as const;

function severityOf(s: Spike) {
  if (s.ratio >= 20 || s.z.z >= 30) return 'critical' as const;
  if (s.ratio >= 10 || s.z.z >= 10) return 'high' as const;
  return 'medium' as const;
}

export async function detectRestrictedReads(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const r = restrictedReadsRule;
  const users = await userDailyCounts(deps, now, { types: [restrictedReadType], minToday: r.minToday, baselineDays: r.baselineDays });
  const found = spikes(users, r);
  if (!found.length) return [];
  const names = await personNames(deps, found.map((s) => s.user.userId));
  const distinct = await distinctAssets(deps, now, found.map((s) => s.user.userId));
  return found.map((s): InsightCandidate => {
    const who = names.get(s.user.userId) ?? 'A user';
    const severity = severityOf(s);
    const usual = s.z.median;
    return {
      kind: 'anomaly',
      type: 'activity.restricted_reads',
      severity,
      // More history and a larger score: more sure. Capped below 1: an anomaly is not proof.
      confidence: Math.min(0.99, (1 - 1 / Math.max(s.z.z, 1)) * (0.6 + (0.4 * s.baseline.length) / r.baselineDays)),
      title: `${who} read ${s.today} Restricted assets in 24 hours, ${times(s.ratio)} their usual`,
      summary:
        `${who} opened or previewed ${s.today} Restricted assets (${distinct.get(s.user.userId) ?? s.today} distinct) in the last 24 hours; ` +
        `over the ${s.baseline.length} days before, their median was ${roundTo(usual, 1)} a day (robust z ${roundTo(s.z.z, 1)}, threshold ${r.zMin}).`,
      evidence: {
        method: 'robust-z',
        unit: 'count',
        seriesLabel: 'Restricted assets read per day',
        series: dailySeries(now, s.user.counts),
        current: s.today,
        baseline: {
          from: new Date(now.getTime() - (s.baseline.length + 1) * 86_400_000).toISOString(),
          to: new Date(now.getTime() - 86_400_000).toISOString(),
          points: s.baseline.length,
          median: s.z.median,
          mad: s.z.mad,
          scale: s.z.scale,
          floored: s.z.floored,
        },
        score: { name: 'robust z', value: roundTo(s.z.z, 2), threshold: r.zMin },
        ratio: roundTo(s.ratio, 1),
        notes: { distinctAssets: distinct.get(s.user.userId) ?? null, firstReadInWindow: s.user.firstInWindow.toISOString() },
      },
      suggestedAction: `Review what ${who} read, and whether their access to Restricted data is still needed`,
      actionLink: `/activity?actor=${s.user.userId}&type=${restrictedReadType}`,
      subjectType: personSubject,
      subjectId: s.user.userId,
      material: { since: dayKey(s.user.firstInWindow), reads: magnitude(s.today) },
    };
  });
}

async function distinctAssets(deps: ServiceDeps, now: Date, userIds: string[]) {
  const rows = await deps.db.$queryRawUnsafe<{ actorId: string; n: number }[]>(
    `SELECT "actorId", count(DISTINCT "resourceId")::int AS n FROM "ActivityEvent"
      WHERE type = $1 AND "occurredAt" > $2::timestamp(3) AND "occurredAt" <= $3::timestamp(3) AND "actorId" = ANY($4::text[]) GROUP BY 1`,
    restrictedReadType,
    new Date(now.getTime() - 86_400_000).toISOString(),
    now.toISOString(),
    userIds,
  );
  return new Map(rows.map((r) => [r.actorId, r.n]));
}
