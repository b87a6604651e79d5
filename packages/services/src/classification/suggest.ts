/**
 * Turning a detector's tallies into a scored, explained suggestion: the
 * value, contains and name-only formulas (see engine.ts and README.md),
 * the evidence record and the reasons a reviewer reads.
 */
import type { Detector, NameMatch, NameSignal } from './detector';
import { maskValue } from './mask';
import { precisionAdjustment } from './precision';
import type { PreparedColumn } from './sample';
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
import type {
  ClassificationEvidence,
  ClassificationSuggestion,
  ClassifyOptions,
  DetectorOutcome,
  MatchMode,
  OutcomeStatus,
  ScoreBreakdown,
} from './types';

/** Raw matches kept to pick up to 3 examples whose masked forms differ. */
export const MAX_EXAMPLE_CANDIDATES = 8;
const MAX_EXAMPLE_LENGTH = 80;

export interface RunContext {
  options: ClassifyOptions;
  minNonNull: number;
  minConfidence: number;
  now: number;
  baseline: number;
  suppressed: ReadonlySet<string>;
  collect: boolean;
}

export function pct(x: number): string {
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

export function outcome(
  d: Detector,
  status: OutcomeStatus,
  reason: string,
  extra: Partial<DetectorOutcome> = {},
): DetectorOutcome {
  return { detector: d.id, label: d.label, status, reason, ...extra };
}

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

export interface Tally {
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

export function valueSuggestion(d: Detector, t: Tally, run: RunContext): DetectorOutcome | undefined {
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

export function containsSuggestion(d: Detector, t: Tally, whole: number, run: RunContext): DetectorOutcome | undefined {
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

export function nameOnly(d: Detector, t: Tally, run: RunContext, why: 'empty' | 'few' | 'unconfirmed'): DetectorOutcome | undefined {
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
