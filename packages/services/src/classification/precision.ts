/**
 * Per-detector precision learned from reviewers' decisions.
 *
 * A detector's precision is the share of its suggestions people accept. We
 * estimate it as the mean of a Beta posterior:
 *
 *     precision = (accepted + α) / (accepted + rejected + α + β)
 *
 * with a prior Beta(α = 8, β = 2): before any feedback a detector is assumed
 * right 80% of the time, and that assumption weighs as much as ten reviews —
 * so one early rejection moves it a little (8/11 = 0.73), twenty rejections
 * a lot (8/30 = 0.27).
 *
 * The engine turns precision into a log-odds adjustment relative to the
 * prior mean: logit(precision) − logit(0.8). A detector with no feedback gets
 * exactly 0; one that reviewers keep rejecting is pushed down (at most −3),
 * one they keep accepting is pushed up (at most +1, so a good record cannot
 * turn weak evidence into a confident label).
 */
import { clamp, logit, PRECISION_MAX_BOOST, PRECISION_MAX_PENALTY } from './scoring';

export interface FeedbackCounts {
  accepted: number;
  rejected: number;
}

export interface BetaPrior {
  alpha: number;
  beta: number;
}

export const DEFAULT_PRECISION_PRIOR: BetaPrior = { alpha: 8, beta: 2 };

export function priorMean(prior: BetaPrior = DEFAULT_PRECISION_PRIOR): number {
  return prior.alpha / (prior.alpha + prior.beta);
}

export function detectorPrecision(counts: FeedbackCounts, prior: BetaPrior = DEFAULT_PRECISION_PRIOR): number {
  const a = Math.max(0, counts.accepted);
  const r = Math.max(0, counts.rejected);
  return (a + prior.alpha) / (a + r + prior.alpha + prior.beta);
}

/** Precision for every label with feedback: the `precision` option of `classifyColumn`. */
export function precisionTable(
  feedback: Readonly<Record<string, FeedbackCounts>>,
  prior: BetaPrior = DEFAULT_PRECISION_PRIOR,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [label, counts] of Object.entries(feedback)) out[label] = detectorPrecision(counts, prior);
  return out;
}

/** Log-odds shift for a learned precision, relative to `baseline` (the prior mean), clamped to [−3, +1]. */
export function precisionAdjustment(precision: number, baseline: number = priorMean()): number {
  const p = clamp(precision, 0.001, 0.999);
  return clamp(logit(p) - logit(baseline), PRECISION_MAX_PENALTY, PRECISION_MAX_BOOST);
}

/** Adds one review outcome to a feedback table (returns a new table). */
export function recordFeedback(
  feedback: Readonly<Record<string, FeedbackCounts>>,
  label: string,
  decision: 'accepted' | 'rejected',
): Record<string, FeedbackCounts> {
  const prev = feedback[label] ?? { accepted: 0, rejected: 0 };
  return { ...feedback, [label]: { ...prev, [decision]: prev[decision] + 1 } };
}
