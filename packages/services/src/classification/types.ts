/** What the engine takes and returns. */
import type { NormalizedType } from './column';
import type { Detector, NameSignal } from './detector';
import type { SensitivityLevel } from './taxonomy';

export interface ColumnSample {
  /** The sampled values, in any JS type a driver returns; null/undefined allowed. */
  values: readonly unknown[];
  /** Distinct non-null values in the whole column, if profiled; otherwise counted from the sample. */
  distinctCount?: number;
  /** Rows in the table, if known (reported in evidence only). */
  rowCount?: number;
}

export interface ClassifyOptions {
  /** Labels or detector ids to run; all of `registry` when omitted. */
  detectors?: readonly string[];
  /** The detectors to choose from; the built-ins by default. */
  registry?: readonly Detector[];
  /** Non-null values needed before values can prove anything (default 10). */
  minNonNull?: number;
  /** Suggestions below this confidence are dropped (default 0.2). */
  minConfidence?: number;
  /** Value-mode suggestions at or above this confidence are auto-accepted; none when omitted. */
  autoAcceptThreshold?: number;
  /** Learned precision per label (or detector id), from `precisionTable`. */
  precision?: Readonly<Record<string, number>>;
  /** The precision a detector is assumed to have without feedback (default: the Beta prior mean, 0.8). */
  precisionBaseline?: number;
  /** Labels people rejected on this column before: never suggested again. */
  suppressed?: ReadonlySet<string> | readonly string[];
  /** Region for national-format phone numbers (default: guessed from `+` numbers in the sample, else US). */
  defaultRegion?: string;
  /** "Now" for age checks (default: the current time). */
  now?: Date | number;
  /** Report tokens found inside free text as low-confidence 'contains' suggestions (default true). */
  includeContains?: boolean;
  /** Examine every value even when a detector can no longer reach its threshold (slower; explainColumn sets it). */
  exhaustive?: boolean;
}

export type MatchMode = 'value' | 'contains' | 'name';

export interface ScoreBreakdown {
  /** wilsonLower × validator pass rate; null for name-only suggestions. */
  valueScore: number | null;
  valueLogit: number | null;
  nameLogit: number;
  precisionLogit: number;
  confidence: number;
}

export interface ClassificationEvidence {
  detector: string;
  detectorVersion: number;
  matchMode: MatchMode;
  /** Values handed in (including nulls). */
  sampled: number;
  /** Values that were neither null, blank nor a placeholder. */
  nonNull: number;
  /** Placeholders treated as null (`N/A`, `unknown`, `-`…). */
  placeholders: number;
  /** Whole values (or, in 'contains' mode, values containing one) that passed. */
  matched: number;
  /** Values shaped like the thing that failed its validator. */
  invalid: number;
  matchRate: number;
  /** matched / (matched + invalid); null when nothing was even shaped like it. */
  validatorPassRate: number | null;
  distinct: number;
  distinctRatio: number;
  rowCount?: number;
  nameSignal: NameSignal;
  namePattern?: string;
  typeGate: 'pass';
  normalizedType: NormalizedType;
  /** Which variants matched: `{ Visa: 60, Mastercard: 38 }`, `{ 'plain text': 12 }`. */
  kinds: Record<string, number>;
  maskedExamples: string[];
  score: ScoreBreakdown;
  reasons: string[];
}

export interface ClassificationSuggestion {
  label: string;
  confidence: number;
  sensitivity: SensitivityLevel;
  evidence: ClassificationEvidence;
  autoAccept: boolean;
}

export type OutcomeStatus =
  | 'labelled'
  | 'suppressed'
  | 'type-gate'
  | 'name-required'
  | 'name-veto'
  | 'no-evidence'
  | 'below-threshold'
  | 'cardinality'
  | 'low-confidence';

/** What happened to one detector on one column — including why it did *not* label. */
export interface DetectorOutcome {
  detector: string;
  label: string;
  status: OutcomeStatus;
  reason: string;
  nameSignal?: NameSignal;
  matched?: number;
  invalid?: number;
  nonNull?: number;
  suggestion?: ClassificationSuggestion;
}

export interface ColumnExplanation {
  suggestions: ClassificationSuggestion[];
  outcomes: DetectorOutcome[];
}
