/**
 * Ranking recommendations, and how it learns. Each type has a base priority;
 * its weight is the smoothed share of that type's recommendations people
 * accepted, the mean of a Beta(1, 1) posterior (Laplace's rule of
 * succession):
 *
 *     rate = (accepted + 1) / (accepted + dismissed + 2)
 *
 * With no feedback every type weighs 0.5; each dismissal pulls its type down,
 * each acceptance up, and a single decision moves it by a third at most. An
 * item's score = base priority × rate × (0.5 + 0.5 × its own urgency in
 * [0, 1]), so urgency orders items within a type but cannot lift a type
 * people keep dismissing over one they act on. Pure.
 */
import type { RecommendationType } from '../schemas';

export const ACCEPTANCE_PRIOR = { alpha: 1, beta: 1 } as const;

export const BASE_PRIORITY: Record<RecommendationType, number> = {
  finding_due: 1,
  pii_unowned: 0.8,
  source_unscanned: 0.7,
  workflow_failing: 0.7,
  insight_unacknowledged: 0.6,
  source_stale: 0.5,
  labels_to_review: 0.4,
};

export interface Counts {
  accepted: number;
  dismissed: number;
}

export function acceptanceRate(c: Counts, prior = ACCEPTANCE_PRIOR): number {
  return (c.accepted + prior.alpha) / (c.accepted + c.dismissed + prior.alpha + prior.beta);
}

export function scoreOf(type: RecommendationType, urgency: number, rate: number): number {
  const u = Math.max(0, Math.min(1, urgency));
  return Math.round(BASE_PRIORITY[type] * rate * (0.5 + 0.5 * u) * 10_000) / 10_000;
}
