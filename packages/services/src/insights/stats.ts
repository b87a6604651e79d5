/**
 * The statistics insights rest on. Pure functions over plain number arrays, so each is checked
 * by hand-computed numbers in stats.test.ts.
 */

export function median(xs: readonly number[]): number {
  if (xs.length === 0) throw new Error('median of nothing');
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Median absolute deviation from the median (unscaled). */
export function mad(xs: readonly number[]): number {
  const m = median(xs);
  return median(xs.map((x) => Math.abs(x - m)));
}

/** 1.4826·MAD estimates σ for normally distributed data. */
export const MAD_SCALE = 1.4826;

/**
 * The floor under the scaled MAD. A flat baseline (a user who reads 2 restricted assets every
 * day) has MAD 0, and any change would score infinity. The floor is the larger of 1 (one unit of
 * a count: going from 2 to 3 reads is never "infinitely unusual") and 10% of the median's
 * magnitude (so a series of 500s needs a move of ~50 per σ, not 1).
 */
export function madFloor(med: number): number {
  return Math.max(1, 0.1 * Math.abs(med));
}

export interface RobustZ {
  z: number;
  median: number;
  mad: number;
  /** The σ used: max(1.4826·MAD, floor). */
  scale: number;
  floored: boolean;
}

/** (x − median) / max(1.4826·MAD, floor) over the baseline. */
export function robustZ(x: number, baseline: readonly number[]): RobustZ {
  const med = median(baseline);
  const m = mad(baseline);
  const floor = madFloor(med);
  const scale = Math.max(MAD_SCALE * m, floor);
  return { z: (x - med) / scale, median: med, mad: m, scale, floored: MAD_SCALE * m < floor };
}

export interface EwmaBand {
  /** The EWMA after each point (s[0] = x[0]). */
  smoothed: number[];
  /** σ of the one-step residuals x[t] − s[t−1]. */
  sigma: number;
  /** The band the next point is expected in: last EWMA ± k·σ. */
  lower: number;
  upper: number;
  center: number;
}

/**
 * Exponentially weighted moving average with a band: s[t] = α·x[t] + (1−α)·s[t−1]; σ is the
 * population standard deviation of the one-step-ahead residuals x[t] − s[t−1]; the next value
 * is expected within s[last] ± k·σ.
 */
export function ewmaBand(xs: readonly number[], alpha = 0.3, k = 3): EwmaBand {
  if (xs.length === 0) throw new Error('EWMA of nothing');
  const smoothed = [xs[0]!];
  const residuals: number[] = [];
  for (let t = 1; t < xs.length; t++) {
    const prev = smoothed[t - 1]!;
    residuals.push(xs[t]! - prev);
    smoothed.push(alpha * xs[t]! + (1 - alpha) * prev);
  }
  const sigma = stdDev(residuals);
  const center = smoothed.at(-1)!;
  return { smoothed, sigma, center, lower: center - k * sigma, upper: center + k * sigma };
}

/** Population standard deviation (0 for fewer than two values). */
export function stdDev(xs: readonly number[]): number {
  if (xs.length < 2) return 0;
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  return Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / xs.length);
}

export interface HoltFit {
  level: number;
  trend: number;
  /** σ of the one-step-ahead residuals. */
  sigma: number;
  /** One-step-ahead fitted values, fitted[t] predicts xs[t] (t ≥ 2). */
  fitted: number[];
  n: number;
}

/**
 * Holt's linear trend: level ℓ and trend b, initialised ℓ₀ = x₀, b₀ = x₁ − x₀; then for t ≥ 1
 * ℓ_t = α·x_t + (1−α)(ℓ_{t−1} + b_{t−1}),  b_t = β(ℓ_t − ℓ_{t−1}) + (1−β)·b_{t−1}.
 * Residuals are x_t − (ℓ_{t−1} + b_{t−1}) for t ≥ 2 (t = 1 is fitted exactly by the initial trend).
 */
export function holt(xs: readonly number[], alpha = 0.5, beta = 0.3): HoltFit {
  if (xs.length < 2) throw new Error('Holt needs at least two points');
  let level = xs[0]!;
  let trend = xs[1]! - xs[0]!;
  const fitted: number[] = [xs[0]!, xs[1]!];
  const residuals: number[] = [];
  for (let t = 1; t < xs.length; t++) {
    const forecast = level + trend;
    if (t >= 2) {
      fitted.push(forecast);
      residuals.push(xs[t]! - forecast);
    }
    const prevLevel = level;
    level = alpha * xs[t]! + (1 - alpha) * forecast;
    trend = beta * (level - prevLevel) + (1 - beta) * trend;
  }
  return { level, trend, sigma: rms(residuals), fitted, n: xs.length };
}

function rms(xs: readonly number[]): number {
  return xs.length ? Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length) : 0;
}

export interface ForecastPoint {
  h: number;
  value: number;
  lower: number;
  upper: number;
}

/** h steps ahead: ℓ + h·b, band ± z·σ·√h (the one-step error's spread growing with the horizon). */
export function holtForecast(fit: HoltFit, h: number, z = 1.96): ForecastPoint {
  const value = fit.level + h * fit.trend;
  const half = z * fit.sigma * Math.sqrt(h);
  return { h, value, lower: value - half, upper: value + half };
}

/**
 * The first step h (1…horizon) at which the forecast crosses threshold T in the direction of
 * the trend ("falls below" when the trend is down, "rises above" when up), or null when it does
 * not within the horizon. Fractional: the linear forecast crosses exactly at (T − ℓ)/b.
 */
export function crossing(fit: HoltFit, threshold: number, horizon: number): { h: number; direction: 'below' | 'above' } | null {
  if (fit.trend === 0) return null;
  const direction = fit.trend < 0 ? 'below' : 'above';
  // Already past it: not a forecast but a fact; other detectors report facts.
  if (direction === 'below' ? fit.level < threshold : fit.level > threshold) return null;
  const h = (threshold - fit.level) / fit.trend;
  return h > 0 && h <= horizon ? { h, direction } : null;
}
