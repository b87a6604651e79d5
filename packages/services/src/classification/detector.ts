/**
 * The shape of a detector, and helpers to declare one.
 *
 * A detector answers one question — "is this column a <label>?" — from three
 * independent signals: the column name (positive and negative patterns),
 * the column type (a hard gate), and the sampled values (a matcher per value,
 * with validators). The engine (engine.ts) combines them; detectors never
 * compute confidences themselves.
 */
import { RE2JS } from 're2js';
import type { ColumnInput, NormalizedType } from './column';
import type { MaskStyle } from './mask';
import { getLabel, type LabelId, type SensitivityLevel } from './taxonomy';

export type MatchResult = 'match' | 'invalid' | 'nomatch';
export type NameSignal = 'positive' | 'negative' | 'none';

/**
 * Per-column context handed to matchers. One object per (column, detector),
 * reused for every value, so matchers allocate nothing to report a sub-kind.
 */
export interface MatchContext {
  nameSignal: NameSignal;
  column: ColumnInput | undefined;
  /** Region for national-format phone numbers (ISO 3166 alpha-2). */
  region: string;
  /** "Now" in epoch ms, for age checks. */
  now: number;
  /** Set by a matcher on 'match' to say which variant matched (`US SSN`, `Visa`…); tallied into evidence. */
  kind: string | undefined;
  /** Whatever the detector's `prepare` returned for this column. */
  state: unknown;
}

export function matchContext(partial: Partial<MatchContext> = {}): MatchContext {
  return {
    nameSignal: 'none',
    column: undefined,
    region: 'US',
    now: Date.now(),
    kind: undefined,
    state: undefined,
    ...partial,
  };
}

export interface NamePattern {
  source: string;
  re: RE2JS;
}

/** Compiles name patterns once (RE2JS: linear time, so rule-set authors' patterns cannot hang a scan). */
export function namePatterns(...sources: string[]): NamePattern[] {
  return sources.map((source) => ({ source, re: RE2JS.compile(source) }));
}

/** `(^|_)(?:alts)(_|$)`: the alternatives as whole tokens of a normalized name. */
export function tokens(alternatives: string): string {
  return `(^|_)(?:${alternatives})(_|$)`;
}

export interface CardinalityGuard {
  /** At least this many distinct non-null values (a column of one repeated test card is not a card column). */
  minDistinct?: number;
  /** At least this share of sampled non-null values distinct: identifiers are mostly unique; a 5-value `code` column is not. */
  minDistinctRatio?: number;
  /** At most this many distinct values: categorical data such as gender. */
  maxDistinct?: number;
}

export interface Detector {
  /** Stable id, stored in evidence and feedback (`builtin.email`). */
  id: string;
  label: LabelId | (string & {});
  /** Bumped whenever matching or thresholds change, so stored evidence says which logic produced it. */
  version: number;
  description: string;
  sensitivity: SensitivityLevel;
  /** Plural noun for evidence sentences: "email addresses". */
  noun: string;
  /** What a value must pass, for evidence sentences: "Luhn checksum and a card issuer's number range". */
  validation: string;
  /** Matched against the normalized column name (and, when the name says nothing, its comment). */
  namePatterns: NamePattern[];
  /** Names that mean something else even though they mention the thing (`email_verified`). Checked first. */
  negativeNamePatterns: NamePattern[];
  /**
   * Names that overrule the values: the values are known to look exactly
   * like the thing while meaning something else (`app_version` = 1.2.3.4 is
   * not an IP address). Use sparingly — elsewhere values beat names.
   */
  vetoNamePatterns?: NamePattern[];
  /** Matched against `table.column` (both normalized), for names that are only telling in context (`users.name`). */
  qualifiedNamePatterns?: NamePattern[];
  /** The type gate: values in any other normalized type are never examined. */
  allowedTypes: readonly NormalizedType[];
  /**
   * Value evidence counts only with a positive name: `true` for all types,
   * or a list of types (a bare integer is a phone number only in a `phone` column).
   */
  nameRequired?: boolean | readonly NormalizedType[];
  /** A positive name alone is enough for a (low-confidence) suggestion even when values do not match (hashed passwords in odd formats). */
  nameOnly?: boolean;
  /** Looks at one whole value. Must be pure apart from setting `ctx.kind`. */
  valueMatcher(value: string, ctx?: MatchContext): MatchResult;
  /** Finds the thing *inside* free text; returns the found token (for a masked example) or undefined. */
  containsMatcher?(value: string, ctx?: MatchContext): string | undefined;
  /** Per-column setup before matching (e.g. the phone region guess); the result lands in `ctx.state`. */
  prepare?(values: readonly string[], column: ColumnInput, options: { defaultRegion?: string }): unknown;
  minHits: number;
  /** Share of non-null values that must match, without a positive name … */
  minMatchRate: number;
  /** … and with one (a name that says "email" lets a messier column through). */
  minMatchRateNamed?: number;
  /** Overrides the engine's minimum non-null sample for conclusive single values (a PEM private key). */
  minNonNull?: number;
  /**
   * How value evidence is scored. 'rate' (default): the share of values that
   * match — is this a column *of* X? 'presence': each match is conclusive on
   * its own, so the score grows with the number of hits (1 − 0.5^hits) —
   * does this column *hold* X anywhere? (one private key in a settings table).
   */
  scoring?: 'rate' | 'presence';
  cardinality?: CardinalityGuard;
  maskStyle: MaskStyle;
}

export type DetectorSpec = Omit<Detector, 'description' | 'sensitivity' | 'label'> & {
  label: LabelId;
  description?: string;
};

/** Declares a built-in detector; description and sensitivity come from the taxonomy. */
export function defineDetector(spec: DetectorSpec): Detector {
  const def = getLabel(spec.label);
  if (!def) throw new Error(`Unknown label ${spec.label}`);
  return { ...spec, description: spec.description ?? def.description, sensitivity: def.sensitivity };
}

/** True when `type` is one of the types for which `d` requires a positive name. */
export function nameRequiredFor(d: Detector, type: NormalizedType): boolean {
  if (d.nameRequired === true) return true;
  if (!d.nameRequired) return false;
  return d.nameRequired.includes(type);
}

export interface NameMatch {
  signal: NameSignal;
  pattern?: string;
}

const NONE: NameMatch = { signal: 'none' };

/** Distinct names remembered per pattern list before the memo starts over (names repeat: id, email, created_at…). */
const MATCH_MEMO_LIMIT = 4096;
const matchMemo = new WeakMap<readonly NamePattern[], Map<string, string | null>>();

/**
 * The source of the first pattern in `patterns` that matches `text`, or
 * undefined. Memoized per pattern list: a scan asks the same ~30 detectors
 * about the same few hundred column names thousands of times, and an RE2JS
 * test costs microseconds.
 */
export function firstMatchingPattern(patterns: readonly NamePattern[], text: string): string | undefined {
  let memo = matchMemo.get(patterns);
  if (!memo) matchMemo.set(patterns, (memo = new Map()));
  let found = memo.get(text);
  if (found === undefined) {
    found = patterns.find((p) => p.re.test(text))?.source ?? null;
    if (memo.size >= MATCH_MEMO_LIMIT) memo.clear();
    memo.set(text, found);
  }
  return found ?? undefined;
}

/** The name signal of `d` on a column: negative beats positive; the comment counts only when the name is silent. */
export function nameSignalOf(d: Detector, name: string, qualified?: string, comment?: string): NameMatch {
  const negative = firstMatchingPattern(d.negativeNamePatterns, name);
  if (negative !== undefined) return { signal: 'negative', pattern: negative };
  const positive = firstMatchingPattern(d.namePatterns, name);
  if (positive !== undefined) return { signal: 'positive', pattern: positive };
  if (qualified && d.qualifiedNamePatterns) {
    const inTable = firstMatchingPattern(d.qualifiedNamePatterns, qualified);
    if (inTable !== undefined) return { signal: 'positive', pattern: `table.column ${inTable}` };
  }
  if (comment) {
    if (firstMatchingPattern(d.negativeNamePatterns, comment) !== undefined) return NONE;
    const inComment = firstMatchingPattern(d.namePatterns, comment);
    if (inComment !== undefined) return { signal: 'positive', pattern: `comment ${inComment}` };
  }
  return NONE;
}
