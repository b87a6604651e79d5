/** Shared by the forecast detectors: fit Holt to a daily series and describe when it crosses a threshold. */
import { crossing, holt, holtForecast } from '../stats';
import type { EvidenceBandPoint, InsightEvidence } from '../types';
import { roundTo } from './format';

export const forecastRule = { minPoints: 7, horizonDays: 60, alpha: 0.5, beta: 0.3 } as const;

export interface ForecastOutcome {
  crossesInDays: number;
  direction: 'below' | 'above';
  level: number;
  trend: number;
  /** 0–1: how narrow the band is at the crossing compared with the distance still to go. */
  confidence: number;
  evidence: Pick<InsightEvidence, 'series' | 'forecast' | 'current' | 'method'>;
}

/**
 * Null unless the fit has enough points and its forecast crosses `threshold` within the horizon.
 * The series is assumed daily (one point per day, oldest first).
 */
export function forecastCrossing(points: { t: Date; value: number }[], threshold: number, direction: 'below' | 'above'): ForecastOutcome | null {
  const r = forecastRule;
  if (points.length < r.minPoints) return null;
  const fit = holt(points.map((p) => p.value), r.alpha, r.beta);
  const cross = crossing(fit, threshold, r.horizonDays);
  if (!cross || cross.direction !== direction) return null;
  const at = holtForecast(fit, cross.h);
  const half = at.upper - at.value;
  const distance = Math.max(Math.abs(fit.level - threshold), 1e-9);
  // A band as wide as the distance left is a coin toss (0.5); a thin one is near certain.
  const confidence = Math.min(0.95, Math.max(0.05, 1 / (1 + half / distance)));
  const last = points.at(-1)!.t.getTime();
  const steps = Math.min(r.horizonDays, Math.ceil(cross.h) + 3);
  const forecast: EvidenceBandPoint[] = [];
  for (let h = 1; h <= steps; h++) {
    const f = holtForecast(fit, h);
    forecast.push({ t: new Date(last + h * 86_400_000).toISOString(), value: roundTo(f.value, 2), lower: roundTo(f.lower, 2), upper: roundTo(f.upper, 2) });
  }
  return {
    crossesInDays: cross.h,
    direction,
    level: fit.level,
    trend: fit.trend,
    confidence,
    evidence: {
      method: 'holt',
      current: points.at(-1)!.value,
      series: points.map((p) => ({ t: p.t.toISOString(), value: roundTo(p.value, 2) })),
      forecast: { points: forecast, threshold, crossesInDays: roundTo(cross.h, 1), direction, alpha: r.alpha, beta: r.beta, sigma: roundTo(fit.sigma, 3) },
    },
  };
}
