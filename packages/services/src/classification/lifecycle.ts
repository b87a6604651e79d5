/**
 * The life of a classification on a column, as pure functions the scan and
 * review services build on:
 *
 *     suggested ──accept──▶ accepted
 *         │  └───reject──▶ rejected
 *     auto_accepted ─reject─▶ rejected   (a person may overturn the engine)
 *                   └accept─▶ accepted   (…or confirm it)
 *
 * A person may also change their mind (accepted ⇄ rejected). Rejected labels
 * are suppressed on rescans of the same column; reviewers' decisions feed
 * each detector's precision (precision.ts).
 */
import type { ClassificationSuggestion } from './engine';

export const CLASSIFICATION_STATES = ['suggested', 'auto_accepted', 'accepted', 'rejected'] as const;
export type ClassificationState = (typeof CLASSIFICATION_STATES)[number];
export type ReviewDecision = 'accept' | 'reject';

/** The state a fresh suggestion is stored in. */
export function initialState(s: Pick<ClassificationSuggestion, 'autoAccept'>): ClassificationState {
  return s.autoAccept ? 'auto_accepted' : 'suggested';
}

/** The state after a person's decision. Deciding the same thing twice is a no-op. */
export function applyReview(_state: ClassificationState, decision: ReviewDecision): ClassificationState {
  return decision === 'accept' ? 'accepted' : 'rejected';
}

/**
 * How a review changes a detector's feedback counts. A first decision on a
 * suggestion counts once; changing one's mind moves the count across; an
 * auto-accepted label counts only once a person confirms or overturns it.
 */
export function feedbackDelta(
  before: ClassificationState,
  decision: ReviewDecision,
): { accepted: number; rejected: number } {
  const after = applyReview(before, decision);
  if (after === before) return { accepted: 0, rejected: 0 };
  const undo = before === 'accepted' ? { accepted: -1, rejected: 0 } : before === 'rejected' ? { accepted: 0, rejected: -1 } : { accepted: 0, rejected: 0 };
  return after === 'accepted' ? { accepted: undo.accepted + 1, rejected: undo.rejected } : { accepted: undo.accepted, rejected: undo.rejected + 1 };
}

export interface StoredClassification {
  label: string;
  state: ClassificationState;
}

/** Labels a rescan must not suggest again on this column: the ones a person rejected. */
export function suppressedLabels(existing: readonly StoredClassification[]): Set<string> {
  return new Set(existing.filter((e) => e.state === 'rejected').map((e) => e.label));
}

export interface RescanPlan {
  /** New labels: insert with `initialState`. */
  create: ClassificationSuggestion[];
  /** Labels still pending (suggested / auto-accepted): refresh confidence and evidence, keep the state. */
  refresh: ClassificationSuggestion[];
  /** Accepted by a person: keep the decision; the new evidence may be stored alongside. */
  confirmed: ClassificationSuggestion[];
  /** Pending labels the new scan no longer supports: withdraw them (people's decisions are never withdrawn). */
  withdraw: string[];
}

/**
 * Merges a rescan's suggestions with what is stored for the column. The
 * engine should have been called with `suppressed: suppressedLabels(existing)`,
 * but a rejected label that slips through is dropped here too.
 */
export function planRescan(existing: readonly StoredClassification[], suggestions: readonly ClassificationSuggestion[]): RescanPlan {
  const byLabel = new Map(existing.map((e) => [e.label, e.state]));
  const plan: RescanPlan = { create: [], refresh: [], confirmed: [], withdraw: [] };
  const seen = new Set<string>();
  for (const s of suggestions) {
    seen.add(s.label);
    const state = byLabel.get(s.label);
    if (state === undefined) plan.create.push(s);
    else if (state === 'rejected') continue;
    else if (state === 'accepted') plan.confirmed.push(s);
    else plan.refresh.push(s);
  }
  for (const e of existing) if (!seen.has(e.label) && (e.state === 'suggested' || e.state === 'auto_accepted')) plan.withdraw.push(e.label);
  return plan;
}
