/**
 * Sensitive data growing fast: Holt's linear trend over the estate's daily `sensitive.columns`
 * snapshot; reported when the forecast reaches 1.5× today's count within the horizon.
 */
import type { ServiceDeps } from '../../deps';
import type { InsightCandidate } from '../types';
import { forecastCrossing, forecastRule } from './forecast';
import { inAbout, roundTo } from './format';
import { dailyMetric } from './metric-series';

export const growthFactor = 1.5;

export async function detectSensitiveGrowth(deps: ServiceDeps, now: Date): Promise<InsightCandidate[]> {
  const series = await dailyMetric(deps, 'sensitive.columns', new Date(now.getTime() - 90 * 86_400_000), { eq: '*' });
  const points = (series.get('*') ?? []).filter((p) => p.t.getTime() <= now.getTime());
  const current = points.at(-1)?.value ?? 0;
  if (current < 10) return [];
  const threshold = Math.ceil(current * growthFactor);
  const f = forecastCrossing(points, threshold, 'above');
  if (!f) return [];
  return [
    {
      kind: 'forecast',
      type: 'forecast.sensitive_growth',
      severity: f.crossesInDays <= 21 ? 'medium' : 'low',
      confidence: f.confidence,
      title: `At this rate sensitive columns grow by half (to ${threshold}) in ${inAbout(f.crossesInDays)}`,
      summary: `${current} sensitive columns today, growing by about ${roundTo(f.trend, 1)} a day (Holt's linear trend over ${points.length} daily points); the forecast reaches ${threshold} in ${roundTo(f.crossesInDays, 1)} days, within the ${forecastRule.horizonDays}-day horizon.`,
      evidence: { ...f.evidence, unit: 'count', seriesLabel: 'Sensitive columns (estate)' },
      suggestedAction: 'See which sources the new sensitive columns come from and whether they should hold them',
      actionLink: '/classifications',
      subjectType: 'estate',
      subjectId: 'sensitive.columns',
      material: { weeks: Math.round(f.crossesInDays / 7), size: Math.round(Math.log2(current)) },
    },
  ];
}
