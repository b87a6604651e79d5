/**
 * The classification engine: one column and its sampled values in, scored
 * and explained label suggestions out. Pure — no I/O, no clock unless
 * `options.now` is omitted — so a scan worker can call it for thousands of
 * columns and tests can pin every number.
 *
 * For each enabled detector:
 *
 * 1. Type gate. A value is never examined in a type the detector does not
 *    accept: booleans, dates and timestamps never become card numbers or
 *    email addresses. A failed gate produces no label at all.
 * 2. Name signal. The normalized column name against the detector's
 *    negative patterns first (`email_verified` → negative), then its
 *    positive patterns, then `table.column` patterns, then the comment.
 * 3. Values. Each non-null sampled value is coerced to a string and judged
 *    'match' / 'invalid' (shaped like one, fails the validator) / 'nomatch'.
 *    Placeholders (`N/A`, `unknown`, `-`…) count as null.
 * 4. Gates. Enough values sampled (`minNonNull`), at least `minHits`
 *    matches, a match rate of at least `minMatchRate` (or the lower
 *    `minMatchRateNamed` when the name is positive), and the cardinality
 *    guard. Values beat names: with enough values, a column whose values do
 *    not match gets no label whatever it is called.
 * 5. Score (value mode):
 *
 *        valueScore = wilsonLower(matched, nonNull) × matched / (matched + invalid)
 *        confidence = σ( logit(valueScore) + nameLogit + precisionLogit )
 *
 *    wilsonLower is the 95% lower bound of the match rate (small samples
 *    count for less); the second factor is the validator pass rate among
 *    values shaped like the thing. nameLogit is +1.5 for a positive name,
 *    −2.0 for a negative one, 0 otherwise. precisionLogit is learned from
 *    reviewers (precision.ts), 0 without feedback.
 * 6. Fallbacks when the value gates fail:
 *    - too few values (empty, all-null, or < minNonNull): a positive name
 *      alone gives a 'name' suggestion at confidence 0.3 (+ up to 0.15 if
 *      the few values match), never auto-accepted;
 *    - free text that *contains* the thing ("call me at j@x.com"): a
 *      'contains' suggestion in the band 0.2–0.5, never auto-accepted;
 *    - `nameOnly` detectors (passwords) fall back to a name suggestion.
 *
 * Suppressed labels (rejected before on this column) are skipped entirely.
 */
import type { ColumnInput, NormalizedType } from './column';
import { normalizeName } from './column';
import {
  matchContext,
  nameRequiredFor,
  type Detector,
  type MatchContext,
  type NameSignal,
} from './detector';
import { builtInDetectors } from './detectors/index';
import { maskValue } from './mask';
import { precisionAdjustment, priorMean } from './precision';
import {
  clamp,
  CONTAINS_FLOOR,
  CONTAINS_SPAN,
  logit,
  NAME_NEGATIVE_LOGIT,
  NAME_ONLY_CONFIDENCE,
  NAME_ONLY_VALUE_BONUS,
  NAME_POSITIVE_LOGIT,
  round3,
  sigmoid,
  VALUE_SCORE_MAX,
  VALUE_SCORE_MIN,
  wilsonLowerBound,
} from './scoring';
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

const DEFAULT_MIN_NON_NULL = 10;
const DEFAULT_MIN_CONFIDENCE = 0.2;
const MAX_VALUE_LENGTH = 16_384;
const MAX_COMMENT_LENGTH = 200;
/** Raw matches kept to pick up to 3 examples whose masked forms differ. */
const MAX_EXAMPLE_CANDIDATES = 8;
const MAX_EXAMPLE_LENGTH = 80;

function maskedExamples(raw: readonly string[], d: Detector): string[] {
  const out: string[] = [];
  for (const v of raw) {
    let m = maskValue(v, d.maskStyle);
    if (m.length > MAX_EXAMPLE_LENGTH) m = `${m.slice(0, MAX_EXAMPLE_LENGTH - 1)}…`;
    if (!out.includes(m)) out.push(m);
    if (out.length === 3) break;
  }
  return out;
}

const PLACEHOLDERS = new Set([
  'null', 'none', 'n/a', 'na', 'nan', '-', '--', '---', '?', 'unknown', 'undefined', 'nil', '(null)', '#n/a',
  'tbd', 'not available', 'not applicable', '0000-00-00', '0000-00-00 00:00:00',
]);

function isPlaceholder(s: string): boolean {
  if (s.length > 19) return false;
  const c = s.charCodeAt(0) | 0x20;
  // n, -, ?, u, #, t, (, 0 (with the case bit set: N→n, '-'→'-'…)
  if (c !== 110 && c !== 45 && c !== 63 && c !== 117 && c !== 35 && c !== 116 && c !== 40 && c !== 48) return false;
  return PLACEHOLDERS.has(s.toLowerCase());
}

function bytesToString(b: Uint8Array): string {
  let printable = b.length <= MAX_VALUE_LENGTH;
  for (let i = 0; printable && i < b.length; i++) {
    const c = b[i]!;
    if (!((c >= 32 && c < 127) || c === 9 || c === 10 || c === 13)) printable = false;
  }
  if (printable) return String.fromCharCode(...b);
  // Binary: Postgres-style hex of the first 64 bytes, enough to recognise a digest.
  let hex = '\\x';
  for (let i = 0; i < Math.min(64, b.length); i++) hex += b[i]!.toString(16).padStart(2, '0');
  return hex;
}

/** A sampled value as the string detectors see, or null for null/blank. */
export function coerceValue(v: unknown): string | null {
  let s: string;
  switch (typeof v) {
    case 'string':
      s = v;
      break;
    case 'number':
      if (!Number.isFinite(v)) return null;
      s = String(v);
      break;
    case 'bigint':
      s = v.toString();
      break;
    case 'boolean':
      s = v ? 'true' : 'false';
      break;
    case 'object':
      if (v === null) return null;
      if (v instanceof Date) {
        if (Number.isNaN(v.getTime())) return null;
        s = v.toISOString();
      } else if (v instanceof Uint8Array) s = bytesToString(v);
      else {
        try {
          s = JSON.stringify(v) ?? '';
        } catch {
          return null;
        }
      }
      break;
    default:
      return null;
  }
  const n = s.length;
  if (n === 0) return null;
  if (s.charCodeAt(0) <= 32 || s.charCodeAt(n - 1) <= 32) {
    s = s.trim();
    if (s.length === 0) return null;
  }
  return s.length > MAX_VALUE_LENGTH ? s.slice(0, MAX_VALUE_LENGTH) : s;
}

interface PreparedColumn {
  column: ColumnInput;
  values: string[];
  sampled: number;
  placeholders: number;
  distinct: number;
  distinctRatio: number;
  rowCount?: number;
  name: string;
  qualified: string | undefined;
  comment: string | undefined;
}

function prepareColumn(column: ColumnInput, sample: ColumnSample): PreparedColumn {
  const values: string[] = [];
  let placeholders = 0;
  const seen = new Set<string>();
  for (const raw of sample.values) {
    const s = coerceValue(raw);
    if (s === null) continue;
    if (isPlaceholder(s)) {
      placeholders++;
      continue;
    }
    values.push(s);
    seen.add(s);
  }
  const name = normalizeName(column.name);
  const comment = column.comment ? normalizeName(column.comment.slice(0, MAX_COMMENT_LENGTH)) : undefined;
  return {
    column,
    values,
    sampled: sample.values.length,
    placeholders,
    distinct: sample.distinctCount ?? seen.size,
    distinctRatio: values.length ? seen.size / values.length : 0,
    rowCount: sample.rowCount,
    name,
    qualified: column.table ? `${normalizeName(column.table)}.${name}` : undefined,
    comment: comment || undefined,
  };
}

interface NameMatch {
  signal: NameSignal;
  pattern?: string;
}

const NONE: NameMatch = { signal: 'none' };

/** The name signal of `d` on a prepared column: negative beats positive; the comment counts only when the name is silent. */
export function nameSignalOf(d: Detector, name: string, qualified?: string, comment?: string): NameMatch {
  for (const p of d.negativeNamePatterns) if (p.re.test(name)) return { signal: 'negative', pattern: p.source };
  for (const p of d.namePatterns) if (p.re.test(name)) return { signal: 'positive', pattern: p.source };
  if (qualified && d.qualifiedNamePatterns)
    for (const p of d.qualifiedNamePatterns) if (p.re.test(qualified)) return { signal: 'positive', pattern: `table.column ${p.source}` };
  if (comment) {
    for (const p of d.negativeNamePatterns) if (p.re.test(comment)) return NONE;
    for (const p of d.namePatterns) if (p.re.test(comment)) return { signal: 'positive', pattern: `comment ${p.source}` };
  }
  return NONE;
}

interface RunContext {
  options: ClassifyOptions;
  minNonNull: number;
  minConfidence: number;
  now: number;
  baseline: number;
  suppressed: ReadonlySet<string>;
  collect: boolean;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function f2(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

function signed(x: number): string {
  return `${x >= 0 ? '+' : '−'}${f2(Math.abs(x))}`;
}

function kindsText(kinds: Record<string, number>): string {
  const entries = Object.entries(kinds).sort((a, b) => b[1] - a[1]);
  return entries.length ? ` (${entries.map(([k, n]) => `${k}: ${n}`).join(', ')})` : '';
}

function nameReason(d: Detector, col: PreparedColumn, nm: NameMatch): string {
  const shown = col.column.name;
  if (nm.signal === 'positive')
    return `The column name "${shown}" matches the ${d.label} naming pattern /${nm.pattern}/ (${signed(NAME_POSITIVE_LOGIT)} log-odds).`;
  if (nm.signal === 'negative')
    return `The column name "${shown}" matches the counter-pattern /${nm.pattern}/, which usually means a column about ${d.noun} (a flag, count, date…) rather than the values themselves (${signed(NAME_NEGATIVE_LOGIT)} log-odds).`;
  return `The column name "${shown}" says nothing either way (0 log-odds).`;
}

function precisionOf(d: Detector, run: RunContext): { logit: number; reason?: string } {
  const p = run.options.precision?.[d.label] ?? run.options.precision?.[d.id];
  if (p === undefined) return { logit: 0 };
  const adj = precisionAdjustment(p, run.baseline);
  return {
    logit: adj,
    reason: `Reviewers' decisions put this detector's precision at ${pct(p)} against a ${pct(run.baseline)} default (${signed(adj)} log-odds).`,
  };
}

function guardFailure(d: Detector, col: PreparedColumn): string | undefined {
  const g = d.cardinality;
  if (!g) return undefined;
  if (g.minDistinct !== undefined && col.distinct < g.minDistinct)
    return `Only ${col.distinct} distinct value(s); ${d.noun} need at least ${g.minDistinct} (a repeated fixture or code is not ${d.label}).`;
  if (g.minDistinctRatio !== undefined && col.distinctRatio < g.minDistinctRatio)
    return `Only ${pct(col.distinctRatio)} of sampled values are distinct; ${d.noun} are mostly unique (need ≥ ${pct(g.minDistinctRatio)}). A low-cardinality code column is not ${d.label}.`;
  if (g.maxDistinct !== undefined && col.distinct > g.maxDistinct)
    return `${col.distinct} distinct values; ${d.noun} are categorical (at most ${g.maxDistinct}).`;
  return undefined;
}

function outcome(
  d: Detector,
  status: OutcomeStatus,
  reason: string,
  extra: Partial<DetectorOutcome> = {},
): DetectorOutcome {
  return { detector: d.id, label: d.label, status, reason, ...extra };
}

function evaluate(d: Detector, col: PreparedColumn, run: RunContext): DetectorOutcome | undefined {
  const { column } = col;
  if (run.suppressed.has(d.label) || run.suppressed.has(d.id))
    return run.collect ? outcome(d, 'suppressed', `${d.label} was rejected on this column before; it is not suggested again.`) : undefined;
  if (!d.allowedTypes.includes(column.normalizedType))
    return run.collect
      ? outcome(d, 'type-gate', `${d.label} is never inferred from a ${column.normalizedType} column (type ${column.dataType}).`)
      : undefined;

  const veto = d.vetoNamePatterns?.find((p) => p.re.test(col.name));
  if (veto)
    return run.collect
      ? outcome(d, 'name-veto', `The column name "${column.name}" matches /${veto.source}/: values there look like ${d.noun} but are not (e.g. version numbers).`)
      : undefined;
  const nm = nameSignalOf(d, col.name, col.qualified, col.comment);
  if (nm.signal !== 'positive' && nameRequiredFor(d, column.normalizedType))
    return run.collect
      ? outcome(d, 'name-required', `In a ${column.normalizedType} column, ${d.noun} can only be told apart from other values by the column name, which does not say so.`, { nameSignal: nm.signal })
      : undefined;

  const values = col.values;
  const n = values.length;
  const ctx: MatchContext = matchContext({
    nameSignal: nm.signal,
    column,
    region: run.options.defaultRegion ?? 'US',
    now: run.now,
  });
  if (d.prepare && n > 0) ctx.state = d.prepare(values, column, { defaultRegion: run.options.defaultRegion });

  const minNonNull = Math.min(run.minNonNull, d.minNonNull ?? Number.POSITIVE_INFINITY);
  const rate = nm.signal === 'positive' ? (d.minMatchRateNamed ?? d.minMatchRate) : d.minMatchRate;
  const needed = Math.max(d.minHits, Math.ceil(rate * n - 1e-9));
  // Stop once the threshold is out of reach — unless the counts feed a 'contains' fallback or a name-only one.
  const includeContains = d.containsMatcher !== undefined && run.options.includeContains !== false;
  const canStop = !run.options.exhaustive && n >= minNonNull && !d.nameOnly && !includeContains;

  let matched = 0;
  let invalid = 0;
  let kinds: Record<string, number> | undefined;
  const examples: string[] = [];
  let stoppedAt = -1;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    ctx.kind = undefined;
    const r = d.valueMatcher(v, ctx);
    if (r === 'match') {
      matched++;
      if (ctx.kind !== undefined) {
        kinds ??= {};
        kinds[ctx.kind] = (kinds[ctx.kind] ?? 0) + 1;
      }
      if (examples.length < MAX_EXAMPLE_CANDIDATES && !examples.includes(v)) examples.push(v);
    } else {
      if (r === 'invalid') invalid++;
      if (canStop && matched + (n - i - 1) < needed) {
        stoppedAt = i + 1;
        break;
      }
    }
  }

  const base = {
    col,
    nm,
    matched,
    invalid,
    kinds: kinds ?? {},
    examples,
  };

  if (n < minNonNull) {
    const consistent = n === 0 || matched / n >= 0.5;
    if (nm.signal === 'positive' && consistent) return nameOnly(d, base, run, n === 0 ? 'empty' : 'few');
    return run.collect
      ? outcome(
          d,
          'no-evidence',
          n === 0
            ? 'No non-null values were sampled and the column name does not suggest this label.'
            : `Only ${n} non-null value(s) were sampled (fewer than ${minNonNull}), too few to judge by value${nm.signal === 'positive' ? ', and they do not match' : ''}.`,
          { nameSignal: nm.signal, matched, invalid, nonNull: n },
        )
      : undefined;
  }

  if (matched >= needed) {
    const guard = guardFailure(d, col);
    if (guard) return run.collect ? outcome(d, 'cardinality', guard, { nameSignal: nm.signal, matched, invalid, nonNull: n }) : undefined;
    return valueSuggestion(d, base, run);
  }

  if (includeContains) {
    // Whole values that match count too (a column that is partly emails), but only if they are not
    // chance hits: random digit runs pass Luhn one time in ten, so most card-shaped values fail.
    const whole = matched >= invalid ? matched : 0;
    const found = containsScan(d, values, ctx);
    if (found.hits + whole >= d.minHits) {
      const examples = [...examples_(base.examples, whole), ...found.examples].slice(0, MAX_EXAMPLE_CANDIDATES);
      return containsSuggestion(d, { ...base, matched: found.hits + whole, invalid: 0, kinds: {}, examples }, whole, run);
    }
  }
  if (d.nameOnly && nm.signal === 'positive' && !guardFailure(d, col)) return nameOnly(d, base, run, 'unconfirmed');

  if (!run.collect) return undefined;
  const scanned = stoppedAt > 0 ? ` (stopped after ${stoppedAt} values: the threshold was out of reach)` : '';
  return outcome(
    d,
    'below-threshold',
    `${matched} of ${n} non-null values are ${d.noun}${scanned}; ${d.label} needs at least ${needed} (${d.minHits} hits and ${pct(rate)} of values).`,
    { nameSignal: nm.signal, matched, invalid, nonNull: n },
  );
}

function examples_(wholeExamples: readonly string[], whole: number): readonly string[] {
  return whole > 0 ? wholeExamples : [];
}

/** Tokens found strictly inside longer values (a value that *is* the token was counted by the whole-value pass). */
function containsScan(d: Detector, values: readonly string[], ctx: MatchContext): { hits: number; examples: string[] } {
  let hits = 0;
  const examples: string[] = [];
  for (const v of values) {
    const token = d.containsMatcher!(v, ctx);
    if (token !== undefined && token !== v) {
      hits++;
      if (examples.length < MAX_EXAMPLE_CANDIDATES && !examples.includes(token)) examples.push(token);
    }
  }
  return { hits, examples };
}

interface Tally {
  col: PreparedColumn;
  nm: NameMatch;
  matched: number;
  invalid: number;
  kinds: Record<string, number>;
  examples: string[];
}

function evidence(d: Detector, t: Tally, mode: MatchMode, score: ScoreBreakdown, reasons: string[]): ClassificationEvidence {
  const n = t.col.values.length;
  const ev: ClassificationEvidence = {
    detector: d.id,
    detectorVersion: d.version,
    matchMode: mode,
    sampled: t.col.sampled,
    nonNull: n,
    placeholders: t.col.placeholders,
    matched: t.matched,
    invalid: t.invalid,
    matchRate: n ? round3(t.matched / n) : 0,
    validatorPassRate: t.matched + t.invalid > 0 ? round3(t.matched / (t.matched + t.invalid)) : null,
    distinct: t.col.distinct,
    distinctRatio: round3(t.col.distinctRatio),
    nameSignal: t.nm.signal,
    typeGate: 'pass',
    normalizedType: t.col.column.normalizedType,
    kinds: t.kinds,
    maskedExamples: maskedExamples(t.examples, d),
    score,
    reasons,
  };
  if (t.nm.pattern) ev.namePattern = t.nm.pattern;
  if (t.col.rowCount !== undefined) ev.rowCount = t.col.rowCount;
  return ev;
}

function finish(
  d: Detector,
  t: Tally,
  mode: MatchMode,
  score: ScoreBreakdown,
  reasons: string[],
  run: RunContext,
): DetectorOutcome | undefined {
  const confidence = score.confidence;
  const threshold = run.options.autoAcceptThreshold;
  const autoAccept = mode === 'value' && threshold !== undefined && confidence >= threshold;
  if (threshold !== undefined)
    reasons.push(
      mode !== 'value'
        ? `Not auto-accepted: ${mode === 'name' ? 'name-only' : 'contains'} suggestions always need a person to confirm.`
        : autoAccept
          ? `Auto-accepted: confidence ${f2(confidence)} ≥ the rule set's threshold ${f2(threshold)}.`
          : `Needs review: confidence ${f2(confidence)} is below the rule set's auto-accept threshold ${f2(threshold)}.`,
    );
  if (confidence < run.minConfidence)
    return run.collect
      ? outcome(d, 'low-confidence', `Confidence ${f2(confidence)} is below the minimum ${f2(run.minConfidence)} for a suggestion.`, {
          nameSignal: t.nm.signal,
          matched: t.matched,
          invalid: t.invalid,
          nonNull: t.col.values.length,
        })
      : undefined;
  const suggestion: ClassificationSuggestion = {
    label: d.label,
    confidence,
    sensitivity: d.sensitivity,
    evidence: evidence(d, t, mode, score, reasons),
    autoAccept,
  };
  return outcome(d, 'labelled', reasons[0] ?? '', {
    nameSignal: t.nm.signal,
    matched: t.matched,
    invalid: t.invalid,
    nonNull: t.col.values.length,
    suggestion,
  });
}

function nameLogitOf(signal: NameSignal): number {
  return signal === 'positive' ? NAME_POSITIVE_LOGIT : signal === 'negative' ? NAME_NEGATIVE_LOGIT : 0;
}

function valueSuggestion(d: Detector, t: Tally, run: RunContext): DetectorOutcome | undefined {
  const n = t.col.values.length;
  const presence = d.scoring === 'presence';
  // 'rate': how sure we are that most of the column matches; 'presence': how many conclusive hits there are.
  const base = presence ? 1 - 0.5 ** t.matched : wilsonLowerBound(t.matched, n);
  const passRate = t.matched / (t.matched + t.invalid);
  const valueScore = base * passRate;
  const valueLogit = logit(clamp(valueScore, VALUE_SCORE_MIN, VALUE_SCORE_MAX));
  const nameLogit = nameLogitOf(t.nm.signal);
  const prec = precisionOf(d, run);
  const confidence = round3(sigmoid(valueLogit + nameLogit + prec.logit));
  const reasons = [
    `${t.matched} of ${n} non-null sampled values (${pct(t.matched / n)}) are valid ${d.noun}${kindsText(t.kinds)}; checked: ${d.validation}.`,
  ];
  if (t.invalid > 0)
    reasons.push(`${t.invalid} value(s) looked like ${d.noun} but failed validation, so the validator pass rate is ${pct(passRate)}.`);
  reasons.push(
    presence
      ? `Each of ${d.noun} is conclusive on its own, so the score follows the number of hits, not their share: 1 − 0.5^${t.matched} = ${f2(base)}; value score ${f2(valueScore)} = ${f2(base)} × ${f2(passRate)} (${signed(valueLogit)} log-odds).`
      : `With ${n} values the match rate is at least ${pct(base)} at 95% confidence (Wilson lower bound); value score ${f2(valueScore)} = ${f2(base)} × ${f2(passRate)} (${signed(valueLogit)} log-odds).`,
  );
  reasons.push(nameReason(d, t.col, t.nm));
  if (d.cardinality) reasons.push(`${t.col.distinct} distinct value(s), ${pct(t.col.distinctRatio)} of the sample: consistent with ${d.noun}.`);
  if (prec.reason) reasons.push(prec.reason);
  reasons.push(
    `Confidence ${f2(confidence)} = σ(${f2(valueLogit)} value ${signed(nameLogit)} name ${signed(prec.logit)} feedback).`,
  );
  return finish(d, t, 'value', { valueScore: round3(valueScore), valueLogit: round3(valueLogit), nameLogit, precisionLogit: round3(prec.logit), confidence }, reasons, run);
}

function containsSuggestion(d: Detector, t: Tally, whole: number, run: RunContext): DetectorOutcome | undefined {
  const n = t.col.values.length;
  const wl = wilsonLowerBound(t.matched, n);
  const valueLogit = logit(clamp(wl, VALUE_SCORE_MIN, VALUE_SCORE_MAX));
  const nameLogit = nameLogitOf(t.nm.signal);
  const prec = precisionOf(d, run);
  const inner = sigmoid(valueLogit + nameLogit + prec.logit);
  const confidence = round3(CONTAINS_FLOOR + CONTAINS_SPAN * inner);
  const inside = t.matched - whole;
  const reasons = [
    whole === 0
      ? `${t.matched} of ${n} non-null values contain ${d.noun} inside longer text, but the values are not themselves ${d.noun}: the column holds free text that mentions them.`
      : `${t.matched} of ${n} non-null values hold ${d.noun} (${whole} are nothing else, ${inside} mention one inside longer text): too few for a column of ${d.noun}, but some rows carry them.`,
    `Reported at low confidence (${f2(CONTAINS_FLOOR)}–${f2(CONTAINS_FLOOR + CONTAINS_SPAN)}) so it never competes with a column that *is* ${d.noun}; it flags free text that may need masking.`,
    nameReason(d, t.col, t.nm),
  ];
  if (prec.reason) reasons.push(prec.reason);
  reasons.push(
    `Confidence ${f2(confidence)} = ${f2(CONTAINS_FLOOR)} + ${f2(CONTAINS_SPAN)} × σ(${f2(valueLogit)} contains-rate ${signed(nameLogit)} name ${signed(prec.logit)} feedback).`,
  );
  return finish(d, t, 'contains', { valueScore: round3(wl), valueLogit: round3(valueLogit), nameLogit, precisionLogit: round3(prec.logit), confidence }, reasons, run);
}

function nameOnly(d: Detector, t: Tally, run: RunContext, why: 'empty' | 'few' | 'unconfirmed'): DetectorOutcome | undefined {
  const n = t.col.values.length;
  const bonus = why === 'few' && n > 0 ? NAME_ONLY_VALUE_BONUS * (t.matched / n) : 0;
  const base = NAME_ONLY_CONFIDENCE + bonus;
  const prec = precisionOf(d, run);
  const confidence = round3(sigmoid(logit(base) + prec.logit));
  const reasons = [
    why === 'empty'
      ? `No non-null values were sampled, so only the column name speaks: it suggests ${d.label}.`
      : why === 'few'
        ? `Only ${n} non-null value(s) were sampled (fewer than ${run.minNonNull}); ${t.matched} of them are ${d.noun}. Suggested mainly from the column name.`
        : `${t.matched} of ${n} values are recognisable ${d.noun}, below the value threshold; for ${d.label} the column name is evidence enough for a low-confidence suggestion.`,
    nameReason(d, t.col, t.nm),
  ];
  if (prec.reason) reasons.push(prec.reason);
  reasons.push(
    `Confidence ${f2(confidence)}: name-only suggestions start at ${f2(NAME_ONLY_CONFIDENCE)}${bonus ? ` (+${f2(bonus)} for the matching values)` : ''} and are never auto-accepted.`,
  );
  return finish(d, t, 'name', { valueScore: null, valueLogit: null, nameLogit: 0, precisionLogit: round3(prec.logit), confidence }, reasons, run);
}

function selectDetectors(options: ClassifyOptions): readonly Detector[] {
  const registry = options.registry ?? builtInDetectors;
  if (!options.detectors) return registry;
  const enabled = new Set(options.detectors);
  return registry.filter((d) => enabled.has(d.label) || enabled.has(d.id));
}

function run(column: ColumnInput, sample: ColumnSample, options: ClassifyOptions, collect: boolean): ColumnExplanation {
  const suppressed = options.suppressed instanceof Set ? options.suppressed : new Set(options.suppressed ?? []);
  const now = options.now === undefined ? Date.now() : typeof options.now === 'number' ? options.now : options.now.getTime();
  const ctx: RunContext = {
    options,
    minNonNull: options.minNonNull ?? DEFAULT_MIN_NON_NULL,
    minConfidence: options.minConfidence ?? DEFAULT_MIN_CONFIDENCE,
    now,
    baseline: options.precisionBaseline ?? priorMean(),
    suppressed,
    collect,
  };
  const col = prepareColumn(column, sample);
  const outcomes: DetectorOutcome[] = [];
  const best = new Map<string, ClassificationSuggestion>();
  for (const d of selectDetectors(options)) {
    const o = evaluate(d, col, ctx);
    if (!o) continue;
    if (collect) outcomes.push(o);
    const s = o.suggestion;
    if (s && (best.get(s.label)?.confidence ?? -1) < s.confidence) best.set(s.label, s);
  }
  const suggestions = [...best.values()].sort((a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label));
  return { suggestions, outcomes };
}

/**
 * Classifies one column from its metadata and a sample of its values.
 * Returns suggestions, most confident first; each carries its evidence.
 */
export function classifyColumn(
  column: ColumnInput,
  sample: ColumnSample,
  options: ClassifyOptions = {},
): ClassificationSuggestion[] {
  return run(column, sample, options, false).suggestions;
}

/**
 * Like `classifyColumn`, and also says for every detector why it did or did
 * not label the column (type gate, name required, below threshold,
 * cardinality, suppressed…). Examines every value (`exhaustive`).
 */
export function explainColumn(column: ColumnInput, sample: ColumnSample, options: ClassifyOptions = {}): ColumnExplanation {
  return run(column, sample, { ...options, exhaustive: options.exhaustive ?? true }, true);
}
