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
import type { ColumnInput } from './column';
import { firstMatchingPattern, matchContext, nameRequiredFor, nameSignalOf, type Detector, type MatchContext } from './detector';
import { builtInDetectors } from './detectors/index';
import { priorMean } from './precision';
import { prepareColumn, type PreparedColumn } from './sample';
import {
  containsSuggestion,
  MAX_EXAMPLE_CANDIDATES,
  nameOnly,
  outcome,
  pct,
  valueSuggestion,
  type RunContext,
} from './suggest';
import type { ClassifyOptions, ColumnExplanation, ColumnSample, ClassificationSuggestion, DetectorOutcome } from './types';

export * from './types';
export { coerceValue } from './sample';

const DEFAULT_MIN_NON_NULL = 10;
const DEFAULT_MIN_CONFIDENCE = 0.2;

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

function evaluate(d: Detector, col: PreparedColumn, run: RunContext): DetectorOutcome | undefined {
  const { column } = col;
  if (run.suppressed.has(d.label) || run.suppressed.has(d.id))
    return run.collect ? outcome(d, 'suppressed', `${d.label} was rejected on this column before; it is not suggested again.`) : undefined;
  if (!d.allowedTypes.includes(column.normalizedType))
    return run.collect
      ? outcome(d, 'type-gate', `${d.label} is never inferred from a ${column.normalizedType} column (type ${column.dataType}).`)
      : undefined;

  const veto = d.vetoNamePatterns && firstMatchingPattern(d.vetoNamePatterns, col.name);
  if (veto !== undefined)
    return run.collect
      ? outcome(d, 'name-veto', `The column name "${column.name}" matches /${veto}/: values there look like ${d.noun} but are not (e.g. version numbers).`)
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
  const detectors = selectDetectors(options);
  // Nothing reads this type (booleans, JSON…): skip coercing the sample at all.
  if (!collect && !detectors.some((d) => d.allowedTypes.includes(column.normalizedType))) return { suggestions: [], outcomes: [] };
  const col = prepareColumn(column, sample);
  const outcomes: DetectorOutcome[] = [];
  const best = new Map<string, ClassificationSuggestion>();
  for (const d of detectors) {
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

