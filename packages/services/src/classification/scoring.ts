/**
 * The arithmetic behind a confidence, kept apart from the engine so each
 * piece can be tested and quoted in evidence. See README.md for the formula
 * with worked examples.
 */

/** z for a one-sided 95% bound. */
export const WILSON_Z = 1.645;

/**
 * Lower bound of the Wilson score interval for `k` successes in `n` trials:
 * "with 95% confidence, at least this share of the column matches". It
 * shrinks small samples toward 0 (10/10 → 0.79, 100/100 → 0.97), so a
 * handful of lucky values cannot look like proof.
 */
export function wilsonLowerBound(k: number, n: number, z = WILSON_Z): number {
  if (n <= 0) return 0;
  const p = k / n;
  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const margin = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return Math.max(0, (centre - margin) / (1 + z2 / n));
}

export function logit(p: number): number {
  return Math.log(p / (1 - p));
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Log-odds added when the column name matches a detector's naming pattern (odds × 4.5). */
export const NAME_POSITIVE_LOGIT = 1.5;
/** Log-odds added when the name matches a counter-pattern (`email_verified`, `card_count`): odds ÷ 7.4. */
export const NAME_NEGATIVE_LOGIT = -2.0;
/** Confidence of a suggestion made from the column name alone (empty or tiny columns). */
export const NAME_ONLY_CONFIDENCE = 0.3;
/** Extra confidence a name-only suggestion gets when the few values present all match. */
export const NAME_ONLY_VALUE_BONUS = 0.15;
/** `contains` suggestions (a token inside free text) live in [CONTAINS_FLOOR, CONTAINS_FLOOR + CONTAINS_SPAN]. */
export const CONTAINS_FLOOR = 0.2;
export const CONTAINS_SPAN = 0.3;
/** Learned precision moves log-odds by at most this much up, and this much down. */
export const PRECISION_MAX_BOOST = 1.0;
export const PRECISION_MAX_PENALTY = -3.0;
/** Value scores are clamped to this range before `logit`, so one factor can never be infinitely sure. */
export const VALUE_SCORE_MIN = 0.01;
export const VALUE_SCORE_MAX = 0.99;

export function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
