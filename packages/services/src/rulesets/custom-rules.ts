/**
 * Custom rules: a rule-language expression over column metadata (and, with
 * a `valuePattern`, the share of sampled values matching it) that puts a
 * label on a column. Suggestions come out in the classification engine's
 * shape, so the scan stores both the same way (one `Classification` row per
 * label, `source: 'rule'`).
 *
 * Confidence is the rule's own (default 0.8). A rule whose expression reads
 * `sample.matchRate`, with enough sampled values to compute it, is decided by
 * values: its suggestion is in 'value' mode and may be auto-accepted like a
 * detector's. Any other rule decides from metadata alone ('name' mode) and
 * always goes to a person, as name-only detector suggestions do.
 */
import { RE2JS } from 're2js';
import {
  normalizeDataType,
  NORMALIZED_TYPES,
  type ColumnInput,
  type NormalizedType,
  type SqlEngine,
} from '../classification/column';
import { maskValue } from '../classification/mask';
import { prepareColumn, type PreparedColumn } from '../classification/sample';
import { getLabel, isLabelId, type SensitivityLevel } from '../classification/taxonomy';
import type { ClassificationEvidence, ClassificationSuggestion } from '../classification/types';
import { referencedFields, type RuleAst } from './expression/ast';
import { evaluateRule, type RuleContext } from './expression/evaluate';
import { parseRuleExpression } from './expression/parser';
import { customRuleInput, type CustomRule, type CustomRuleInput } from './schemas';
import type { DiscoveredColumn, DiscoveredTable } from './scope';

/** Values longer than this never match a value pattern (as for custom detectors): bounds the work per value. */
export const MAX_PATTERN_VALUE_LENGTH = 4096;
const DEFAULT_MIN_NON_NULL = 10;

export interface CompiledCustomRule {
  rule: CustomRule;
  id: string;
  /** `rule.<id>`: the `detector` of its evidence, like `builtin.email` or `custom.acme-loyalty`. */
  detectorId: string;
  label: string;
  sensitivity: SensitivityLevel;
  ast: RuleAst;
  valuePattern?: RE2JS;
  /** The expression reads `sample.matchRate`: the sampled values decide. */
  readsMatchRate: boolean;
}

const compiledRules = new WeakMap<object, CompiledCustomRule>();

function isCompiled(r: CustomRuleInput | CustomRule | CompiledCustomRule): r is CompiledCustomRule {
  return 'ast' in r && 'detectorId' in r;
}

/** Validates (zod) and compiles one rule: the parsed tree and the value pattern. Throws a ZodError if invalid. */
export function compileCustomRule(input: CustomRuleInput | CustomRule): CompiledCustomRule {
  const cached = compiledRules.get(input);
  if (cached) return cached;
  const rule = customRuleInput.parse(input);
  const parsed = parseRuleExpression(rule.expression);
  if (!parsed.ok) throw new Error(parsed.error.message); // unreachable: the schema ran the parser
  const compiled: CompiledCustomRule = {
    rule,
    id: rule.id,
    detectorId: `rule.${rule.id}`,
    label: rule.label,
    sensitivity: isLabelId(rule.label) ? getLabel(rule.label)!.sensitivity : rule.sensitivity!,
    ast: parsed.ast,
    valuePattern: rule.valuePattern !== undefined ? RE2JS.compile(rule.valuePattern) : undefined,
    readsMatchRate: referencedFields(parsed.ast).has('sample.matchRate'),
  };
  compiledRules.set(input, compiled);
  return compiled;
}

export function compileCustomRules(
  rules: readonly (CustomRuleInput | CustomRule)[],
): CompiledCustomRule[] {
  return rules.map(compileCustomRule);
}

/** Everything a rule can see about a column except its sample, which `evaluateCustomRules` computes. */
export type RuleColumnContext = Omit<RuleContext, 'sample'>;

/** The rule context of a discovered column: the raw type lowercased, the normalized type from the source's engine. */
export function columnContextOf(
  source: { engine: SqlEngine; environment?: string | null },
  schema: string,
  table: Pick<DiscoveredTable, 'name' | 'kind' | 'rowCountEstimate'>,
  column: DiscoveredColumn,
): RuleColumnContext {
  return {
    column: {
      name: column.name,
      type: column.dataType.toLowerCase(),
      normalizedType: normalizeDataType(column.dataType, source.engine),
      nullable: column.nullable,
      comment: column.comment ?? null,
      ordinal: column.ordinal,
    },
    table: { name: table.name, kind: table.kind, rowCount: table.rowCountEstimate ?? null },
    schema: { name: schema },
    source: { engine: source.engine, environment: source.environment ?? null },
  };
}

export interface CustomRuleOptions {
  /** Non-null values needed before `sample.matchRate` is computed (the rule set's minNonNull; default 10). */
  minNonNull?: number;
  /** The rule set's auto-accept threshold; value-mode rule suggestions at or above it are auto-accepted. */
  autoAcceptThreshold?: number | null;
  /** Labels rejected on this column before: never suggested again. */
  suppressed?: ReadonlySet<string> | readonly string[];
  /** Distinct non-null values in the whole column, if profiled (otherwise counted from the sample). */
  distinctCount?: number;
}

export interface RuleEvidence extends ClassificationEvidence {
  source: 'rule';
  rule: { id: string; expression: string; valuePattern?: string; description?: string };
}

export interface RuleSuggestion extends ClassificationSuggestion {
  evidence: RuleEvidence;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10}%`;
}

function f2(x: number): string {
  return (Math.round(x * 100) / 100).toFixed(2);
}

function columnInputOf(ctx: RuleColumnContext): ColumnInput {
  const nt = (NORMALIZED_TYPES as readonly string[]).includes(ctx.column.normalizedType)
    ? (ctx.column.normalizedType as NormalizedType)
    : 'other';
  return {
    name: ctx.column.name,
    dataType: ctx.column.type,
    normalizedType: nt,
    nullable: ctx.column.nullable,
    comment: ctx.column.comment ?? null,
    table: ctx.table.name,
    schema: ctx.schema.name,
  };
}

function rowCountOf(ctx: RuleColumnContext): number | undefined {
  const rc = ctx.table.rowCount;
  if (rc === null || rc === undefined) return undefined;
  const n = Number(rc);
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : undefined;
}

interface PatternTally {
  matched: number;
  examples: string[];
}

function tallyPattern(re: RE2JS, values: readonly string[]): PatternTally {
  let matched = 0;
  const examples: string[] = [];
  for (const v of values) {
    if (v.length <= MAX_PATTERN_VALUE_LENGTH && re.testExact(v)) {
      matched++;
      if (examples.length < 8 && !examples.includes(v)) examples.push(v);
    }
  }
  return { matched, examples };
}

function masked(examples: readonly string[], label: string): string[] {
  // Secrets show nothing of the value; everything else keeps at most its last few characters.
  const style = getLabel(label)?.category === 'Secret' ? 'full' : 'last4';
  const out: string[] = [];
  for (const v of examples) {
    let m = maskValue(v, style);
    if (m.length > 80) m = `${m.slice(0, 79)}…`;
    if (!out.includes(m)) out.push(m);
    if (out.length === 3) break;
  }
  return out;
}

/**
 * Runs custom rules on one column. `sampleValues` are the sampled values as
 * the driver returned them (nulls included); pass `null` to evaluate on
 * metadata only (every `sample.*` field is then null). Returns one
 * suggestion per label (the most confident rule wins), most confident first.
 */
export function evaluateCustomRules(
  rules: readonly (CustomRuleInput | CustomRule | CompiledCustomRule)[],
  columnContext: RuleColumnContext,
  sampleValues: readonly unknown[] | null | undefined,
  options: CustomRuleOptions = {},
): RuleSuggestion[] {
  const compiled = rules.map((r) => (isCompiled(r) ? r : compileCustomRule(r)));
  const suppressed =
    options.suppressed instanceof Set ? options.suppressed : new Set(options.suppressed ?? []);
  const minNonNull = options.minNonNull ?? DEFAULT_MIN_NON_NULL;
  const threshold = options.autoAcceptThreshold ?? undefined;
  const rowCount = rowCountOf(columnContext);
  const sampled = sampleValues !== null && sampleValues !== undefined;
  const col: PreparedColumn = prepareColumn(columnInputOf(columnContext), {
    values: sampleValues ?? [],
    distinctCount: options.distinctCount,
    rowCount,
  });
  const nonNull = col.values.length;
  const enough = nonNull > 0 && nonNull >= minNonNull;

  const best = new Map<string, RuleSuggestion>();
  for (const r of compiled) {
    if (suppressed.has(r.label) || suppressed.has(r.detectorId)) continue;
    // Count pattern matches only when they can matter: before evaluating if the expression reads
    // them, after a match otherwise (for the evidence).
    let tally: PatternTally | undefined;
    const count = () =>
      (tally ??=
        r.valuePattern && sampled
          ? tallyPattern(r.valuePattern, col.values)
          : { matched: 0, examples: [] });
    const matchRate = r.valuePattern && sampled && enough ? count().matched / nonNull : null;
    const ctx: RuleContext = {
      ...columnContext,
      sample: sampled ? { nonNull, distinct: col.distinct, matchRate } : null,
    };
    if (!evaluateRule(r.ast, ctx)) continue;
    const t = count();
    const valueMode = r.readsMatchRate && matchRate !== null;
    const suggestion = build(r, col, t, {
      valueMode,
      sampled,
      enough,
      minNonNull,
      threshold,
      rowCount,
    });
    const prev = best.get(r.label);
    if (!prev || prev.confidence < suggestion.confidence) best.set(r.label, suggestion);
  }
  return [...best.values()].sort(
    (a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label),
  );
}

function build(
  r: CompiledCustomRule,
  col: PreparedColumn,
  t: PatternTally,
  o: {
    valueMode: boolean;
    sampled: boolean;
    enough: boolean;
    minNonNull: number;
    threshold: number | undefined;
    rowCount: number | undefined;
  },
): RuleSuggestion {
  const n = col.values.length;
  const confidence = round3(r.rule.confidence);
  const matchRate = n ? round3(t.matched / n) : 0;
  const reasons = [`The column satisfies custom rule "${r.id}": ${r.rule.expression}`];
  if (r.rule.description) reasons.push(r.rule.description);
  if (r.rule.valuePattern !== undefined) {
    if (!o.sampled)
      reasons.push(
        `No values were sampled, so the value pattern /${r.rule.valuePattern}/ was not tested.`,
      );
    else if (!o.enough)
      reasons.push(
        `Only ${n} non-null value(s) were sampled (fewer than ${o.minNonNull}), so sample.matchRate is null; ${t.matched} of them match /${r.rule.valuePattern}/.`,
      );
    else
      reasons.push(
        `${t.matched} of ${n} non-null sampled values (${pct(t.matched / n)}) match the rule's value pattern /${r.rule.valuePattern}/ as a whole.`,
      );
  }
  reasons.push(
    o.valueMode
      ? `Confidence ${f2(confidence)} is set by the rule; its expression tests the sampled values (sample.matchRate).`
      : `Confidence ${f2(confidence)} is set by the rule, which decides from column metadata.`,
  );
  const autoAccept = o.valueMode && o.threshold !== undefined && confidence >= o.threshold;
  if (o.threshold !== undefined)
    reasons.push(
      !o.valueMode
        ? 'Not auto-accepted: a rule that does not test sampled values always needs a person to confirm.'
        : autoAccept
          ? `Auto-accepted: confidence ${f2(confidence)} ≥ the rule set's threshold ${f2(o.threshold)}.`
          : `Needs review: confidence ${f2(confidence)} is below the rule set's auto-accept threshold ${f2(o.threshold)}.`,
    );
  const rule: RuleEvidence['rule'] = { id: r.id, expression: r.rule.expression };
  if (r.rule.valuePattern !== undefined) rule.valuePattern = r.rule.valuePattern;
  if (r.rule.description) rule.description = r.rule.description;
  const evidence: RuleEvidence = {
    detector: r.detectorId,
    detectorVersion: 1,
    matchMode: o.valueMode ? 'value' : 'name',
    sampled: col.sampled,
    nonNull: n,
    placeholders: col.placeholders,
    matched: t.matched,
    invalid: 0,
    matchRate,
    validatorPassRate: null,
    distinct: col.distinct,
    distinctRatio: round3(col.distinctRatio),
    nameSignal: 'none',
    typeGate: 'pass',
    normalizedType: col.column.normalizedType,
    kinds: {},
    maskedExamples: masked(t.examples, r.label),
    score: {
      valueScore: r.rule.valuePattern !== undefined && n > 0 ? matchRate : null,
      valueLogit: null,
      nameLogit: 0,
      precisionLogit: 0,
      confidence,
    },
    reasons,
    source: 'rule',
    rule,
  };
  if (o.rowCount !== undefined) evidence.rowCount = o.rowCount;
  return { label: r.label, confidence, sensitivity: r.sensitivity, evidence, autoAccept };
}
