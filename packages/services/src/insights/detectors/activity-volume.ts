/** A person doing far more than usual, of anything (the whole activity log), against their own 28-day baseline. */
import type { ServiceDeps } from '../../deps';
import { magnitude, dayKey, type InsightCandidate } from '../types';
import { personSubject } from '../visibility';
import { dailySeries, spikes, userDailyCounts } from './user-daily';
import { personNames, roundTo, times } from './format';

export const activityVolumeRule = { baselineDays: 28, minToday: 100, zMin: 6, ratioMin: 5, minHistoryDays: 7 } as const;

export async function detectActivityVolume(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const r = activityVolumeRule;
  const found = spikes(await userDailyCounts(deps, now, { types: [], minToday: r.minToday, baselineDays: r.baselineDays }), r);
  if (!found.length) return [];
  const names = await personNames(deps, found.map((s) => s.user.userId));
  return found.map((s): InsightCandidate => {
    const who = names.get(s.user.userId) ?? 'A user';
    return {
      kind: 'anomaly',
      type: 'activity.volume',
      severity: s.ratio >= 20 ? 'high' : 'medium',
      confidence: Math.min(0.95, (1 - 1 / Math.max(s.z.z, 1)) * (0.5 + (0.4 * s.baseline.length) / r.baselineDays)),
      title: `${who} did ${times(s.ratio)} their usual amount in 24 hours (${s.today} actions)`,
      summary: `${s.today} actions in the last 24 hours against a median of ${roundTo(s.z.median, 1)} a day over the ${s.baseline.length} days before (robust z ${roundTo(s.z.z, 1)}, threshold ${r.zMin}).`,
      evidence: {
        method: 'robust-z',
        unit: 'count',
        seriesLabel: 'Actions per day',
        series: dailySeries(now, s.user.counts),
        current: s.today,
        baseline: { from: new Date(now.getTime() - (s.baseline.length + 1) * 86_400_000).toISOString(), to: new Date(now.getTime() - 86_400_000).toISOString(), points: s.baseline.length, median: s.z.median, mad: s.z.mad, scale: s.z.scale, floored: s.z.floored },
        score: { name: 'robust z', value: roundTo(s.z.z, 2), threshold: r.zMin },
        ratio: roundTo(s.ratio, 1),
      },
      suggestedAction: `Look at what ${who} did: an automation gone wrong, a bulk change, or a leaked token`,
      actionLink: `/activity?actor=${s.user.userId}`,
      subjectType: personSubject,
      subjectId: s.user.userId,
      material: { since: dayKey(s.user.firstInWindow), actions: magnitude(s.today) },
    };
  });
}
