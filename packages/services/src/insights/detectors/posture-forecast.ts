/**
 * "At this rate GDPR posture falls below 80% in ~3 weeks": Holt's linear trend over each enabled
 * framework's daily estate-wide posture (the last PostureSnapshot of each day), reported only when
 * the forecast crosses the threshold within the horizon and the fit has enough points.
 */
import type { ServiceDeps } from '../../deps';
import type { InsightCandidate } from '../types';
import { forecastCrossing, forecastRule } from './forecast';
import { inAbout, roundTo } from './format';

export const postureThreshold = 80;

export async function detectPostureForecast(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const rows = await deps.db.$queryRawUnsafe<{ frameworkId: string; name: string; day: Date; score: number }[]>(
    `SELECT s."frameworkId", f.name, s.day, s.score FROM (
       SELECT "frameworkId", date_trunc('day', "takenAt") AS day, score,
              row_number() OVER (PARTITION BY "frameworkId", date_trunc('day', "takenAt") ORDER BY "takenAt" DESC) AS n
         FROM "PostureSnapshot" WHERE "scopeType" = 'global' AND "scopeId" = '*' AND "takenAt" > $1::timestamp(3) AND "takenAt" <= $2::timestamp(3)) s
     JOIN "ComplianceFramework" f ON f.id = s."frameworkId" AND f.enabled
     WHERE s.n = 1 ORDER BY s."frameworkId", s.day`,
    new Date(now.getTime() - 90 * 86_400_000).toISOString(),
    now.toISOString(),
  );
  const byFramework = new Map<string, { name: string; points: { t: Date; value: number }[] }>();
  for (const r of rows) {
    const entry = byFramework.get(r.frameworkId) ?? { name: r.name, points: [] };
    entry.points.push({ t: new Date(r.day), value: Number(r.score) });
    byFramework.set(r.frameworkId, entry);
  }
  const out: InsightCandidate[] = [];
  for (const [frameworkId, { name, points }] of byFramework) {
    const f = forecastCrossing(points, postureThreshold, 'below');
    if (!f) continue;
    const when = inAbout(f.crossesInDays);
    out.push({
      kind: 'forecast',
      type: 'forecast.posture',
      severity: f.crossesInDays <= 14 ? 'high' : f.crossesInDays <= 30 ? 'medium' : 'low',
      confidence: f.confidence,
      title: `At this rate ${name} posture falls below ${postureThreshold}% in ${when}`,
      summary: `${name} posture is ${roundTo(f.evidence.current, 1)}% and falling by about ${roundTo(-f.trend, 2)} points a day (Holt's linear trend over ${points.length} daily points); the forecast crosses ${postureThreshold}% in ${roundTo(f.crossesInDays, 1)} days, within the ${forecastRule.horizonDays}-day horizon.`,
      evidence: { ...f.evidence, unit: 'percent', seriesLabel: `${name} posture` },
      suggestedAction: `Open ${name} and fix the checks that started failing`,
      actionLink: `/compliance/frameworks/${frameworkId}`,
      subjectType: 'framework',
      subjectId: frameworkId,
      // Weeks to the crossing, whole: the same decline a day later is the same insight.
      material: { threshold: postureThreshold, weeks: Math.round(f.crossesInDays / 7) },
    });
  }
  return out;
}
