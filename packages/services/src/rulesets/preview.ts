/**
 * "Test this rule set against a table": what a scan with this rule set
 * would do to one table — which columns are in scope (and why the others
 * are not), and the labels the built-in detectors and the custom rules
 * would suggest or auto-accept, from values the caller sampled. Pure: the
 * caller samples (with the rule set's sampleSize and strategy) and stores
 * nothing.
 */
import {
  classifyColumn,
  normalizeDataType,
  type ClassificationSuggestion,
  type ClassifyOptions,
  type NormalizedType,
  type SqlEngine,
} from '../classification/index';
import {
  columnContextOf,
  compileCustomRule,
  evaluateCustomRules,
  type RuleSuggestion,
} from './custom-rules';
import type { ScanRuleSet } from './schemas';
import { selectColumns, type DiscoveredTable, type ExcludedItem } from './scope';

export type AnySuggestion = ClassificationSuggestion | RuleSuggestion;

/** Options for the classification engine from a rule set (plus per-run extras such as suppressed labels). */
export function classifyOptionsFor(
  ruleSet: Pick<ScanRuleSet, 'detectors' | 'minNonNull' | 'autoAcceptThreshold'>,
  extra: Omit<ClassifyOptions, 'detectors' | 'minNonNull' | 'autoAcceptThreshold'> = {},
): ClassifyOptions {
  const options: ClassifyOptions = { ...extra, minNonNull: ruleSet.minNonNull };
  if (ruleSet.detectors.length > 0) options.detectors = ruleSet.detectors;
  if (ruleSet.autoAcceptThreshold !== null)
    options.autoAcceptThreshold = ruleSet.autoAcceptThreshold;
  return options;
}

/**
 * One suggestion per label, most confident first: the engine stores one
 * classification per (column, label). On a tie the first list wins (pass
 * the detectors' suggestions first: their evidence is richer).
 */
export function mergeSuggestions(...lists: readonly (readonly AnySuggestion[])[]): AnySuggestion[] {
  const best = new Map<string, AnySuggestion>();
  for (const list of lists)
    for (const s of list) {
      const prev = best.get(s.label);
      if (!prev || prev.confidence < s.confidence) best.set(s.label, s);
    }
  return [...best.values()].sort(
    (a, b) => b.confidence - a.confidence || a.label.localeCompare(b.label),
  );
}

export function isRuleSuggestion(s: AnySuggestion): s is RuleSuggestion {
  return (s.evidence as { source?: string }).source === 'rule';
}

export interface RuleSetTestTarget {
  source: { engine: SqlEngine; environment?: string | null };
  schema: string;
  table: DiscoveredTable;
  /** Sampled values per column name, as the driver returned them. A column without an entry is judged on metadata alone. */
  samples?: Readonly<Record<string, readonly unknown[]>>;
  /** Distinct non-null values per column name, if profiled. */
  distinctCounts?: Readonly<Record<string, number>>;
}

export interface RuleSetTestOptions {
  /** Labels rejected before, per column name: never suggested again. */
  suppressed?: Readonly<Record<string, readonly string[]>>;
  /** Learned precision per label or detector id (`precisionTable`). */
  precision?: Readonly<Record<string, number>>;
  defaultRegion?: string;
  now?: Date | number;
}

export interface ColumnTestResult {
  name: string;
  ordinal: number;
  dataType: string;
  normalizedType: NormalizedType;
  inScope: boolean;
  /** Why the column is not scanned (its own patterns, or its table's / schema's). */
  exclusion?: ExcludedItem;
  /** Values sampled for it (after cutting to the rule set's sampleSize). */
  sampled: number;
  /** What would be labelled: detectors' and rules' suggestions merged, one per label. */
  suggestions: AnySuggestion[];
}

export interface RuleSetTestResult {
  schema: string;
  table: string;
  kind: string;
  /** False when the schema or table is out of scope (then `exclusion` says why and no column is classified). */
  inScope: boolean;
  exclusion?: ExcludedItem;
  columns: ColumnTestResult[];
  summary: {
    columns: number;
    inScope: number;
    /** Columns with at least one suggestion. */
    labelled: number;
    suggestions: number;
    autoAccepted: number;
    fromRules: number;
    byLabel: Record<string, number>;
  };
}

export function testRuleSet(
  ruleSet: ScanRuleSet,
  target: RuleSetTestTarget,
  options: RuleSetTestOptions = {},
): RuleSetTestResult {
  const { schema, table, source } = target;
  const selection = selectColumns(ruleSet, { schemas: [{ name: schema, tables: [table] }] });
  const selected = new Set(selection.tables[0]?.columns.map((c) => c.name) ?? []);
  // The schema or table left out by a pattern (columns inherit it), or the table left with no column in scope.
  const tableExclusion = selection.excluded.find(
    (e) => e.level !== 'column' && e.reason !== 'no-columns',
  );
  const tableResult = tableExclusion ?? selection.excluded.find((e) => e.reason === 'no-columns');
  const columnExclusions = new Map(
    selection.excluded.filter((e) => e.level === 'column').map((e) => [e.column!, e]),
  );
  const rules = ruleSet.customRules.map(compileCustomRule);
  const engineOptions = classifyOptionsFor(ruleSet, {
    precision: options.precision,
    defaultRegion: options.defaultRegion,
    now: options.now,
  });

  const columns: ColumnTestResult[] = table.columns.map((c) => {
    const ctx = columnContextOf(source, schema, table, c);
    const normalizedType = normalizeDataType(c.dataType, source.engine);
    const base = { name: c.name, ordinal: c.ordinal, dataType: c.dataType, normalizedType };
    if (!selected.has(c.name)) {
      const exclusion = columnExclusions.get(c.name) ?? tableExclusion;
      return {
        ...base,
        inScope: false,
        ...(exclusion ? { exclusion } : {}),
        sampled: 0,
        suggestions: [],
      };
    }
    const raw = target.samples?.[c.name];
    const values = raw ? raw.slice(0, ruleSet.sampleSize) : undefined;
    const suppressed = options.suppressed?.[c.name] ?? [];
    const distinctCount = target.distinctCounts?.[c.name];
    const fromDetectors = classifyColumn(
      {
        name: c.name,
        dataType: c.dataType,
        normalizedType,
        nullable: c.nullable,
        comment: c.comment ?? null,
        table: table.name,
        schema,
      },
      {
        values: values ?? [],
        distinctCount,
        rowCount: table.rowCountEstimate == null ? undefined : Number(table.rowCountEstimate),
      },
      { ...engineOptions, suppressed },
    );
    const fromRules = evaluateCustomRules(rules, ctx, values ?? null, {
      minNonNull: ruleSet.minNonNull,
      autoAcceptThreshold: ruleSet.autoAcceptThreshold,
      suppressed,
      distinctCount,
    });
    return {
      ...base,
      inScope: true,
      sampled: values?.length ?? 0,
      suggestions: mergeSuggestions(fromDetectors, fromRules),
    };
  });

  const byLabel: Record<string, number> = {};
  let suggestions = 0;
  let autoAccepted = 0;
  let fromRules = 0;
  for (const c of columns)
    for (const s of c.suggestions) {
      suggestions++;
      byLabel[s.label] = (byLabel[s.label] ?? 0) + 1;
      if (s.autoAccept) autoAccepted++;
      if (isRuleSuggestion(s)) fromRules++;
    }
  return {
    schema,
    table: table.name,
    kind: table.kind,
    inScope: selected.size > 0,
    ...(tableResult ? { exclusion: tableResult } : {}),
    columns,
    summary: {
      columns: columns.length,
      inScope: selected.size,
      labelled: columns.filter((c) => c.suggestions.length > 0).length,
      suggestions,
      autoAccepted,
      fromRules,
      byLabel,
    },
  };
}
