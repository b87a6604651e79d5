/**
 * Which schemas, tables and columns a rule set scans: glob patterns compiled
 * to RE2JS (linear time), include/exclude lists at three levels, and the
 * reason every left-out item was left out (for the "test this rule set" view).
 *
 * Globs: `*` is any run of characters (including none), `?` is one
 * character, `\` makes the next character literal (`\*`, `\?`, `\.`, `\\`);
 * everything else is literal. Matching is case-insensitive and whole-name.
 * A dot separates name parts: a table pattern is `table` (any schema) or
 * `schema.table`; a column pattern is `column`, `table.column` or
 * `schema.table.column`. A `*` never crosses a dot (`sales.*` is every
 * table in `sales`, not `sales.orders.id`); to match a name that itself
 * contains a dot, escape it (`my\.table`) or use `?`.
 *
 * Exclude beats include at every level; an empty include list means
 * everything; the levels combine with AND (a column is scanned when its
 * schema, its table and the column itself are all in scope).
 */
import { RE2JS } from 're2js';

// ── globs ──

export type ScopeLevel = 'schema' | 'table' | 'column';

/** Most name parts a pattern may have at each level. */
export const MAX_SEGMENTS: Record<ScopeLevel, number> = { schema: 1, table: 2, column: 3 };

const SEGMENT_FORMS: Record<ScopeLevel, string> = {
  schema: '`schema`',
  table: '`table` or `schema.table`',
  column: '`column`, `table.column` or `schema.table.column`',
};

/** Splits a pattern on unescaped dots; escapes stay in the parts. Throws on a trailing lone backslash. */
export function splitGlob(pattern: string): string[] {
  const parts: string[] = [];
  let cur = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    if (c === '\\') {
      if (i + 1 >= pattern.length) throw new Error('A pattern cannot end with a lone "\\"');
      cur += c + pattern[i + 1];
      i++;
    } else if (c === '.') {
      parts.push(cur);
      cur = '';
    } else cur += c;
  }
  parts.push(cur);
  return parts;
}

/** The RE2 source of one glob segment: `*` → `.*`, `?` → `.`, the rest quoted. */
export function globToRegexSource(glob: string): string {
  let out = '';
  let literal = '';
  const flush = () => {
    if (literal) out += RE2JS.quote(literal);
    literal = '';
  };
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '\\' && i + 1 < glob.length) {
      literal += glob[++i];
    } else if (c === '*') {
      flush();
      if (!out.endsWith('.*')) out += '.*'; // `**` is the same as `*`
    } else if (c === '?') {
      flush();
      out += '.';
    } else literal += c;
  }
  flush();
  return out;
}

/** Compiles one glob segment (no dot splitting) to a case-insensitive, whole-string RE2JS matcher. */
export function compileGlob(glob: string): RE2JS {
  return RE2JS.compile(globToRegexSource(glob), RE2JS.CASE_INSENSITIVE | RE2JS.DOTALL);
}

/** Why a pattern is unusable at a level, or undefined if it is fine. */
export function scopePatternError(pattern: string, level: ScopeLevel): string | undefined {
  if (pattern.trim() === '') return 'A pattern cannot be empty';
  let parts: string[];
  try {
    parts = splitGlob(pattern);
  } catch (e) {
    return (e as Error).message;
  }
  if (parts.length > MAX_SEGMENTS[level])
    return `"${pattern}" has ${parts.length} dot-separated parts; a ${level} pattern is ${SEGMENT_FORMS[level]} (escape a literal dot as \\.)`;
  if (parts.some((p) => p === '')) return `"${pattern}" has an empty part between dots`;
  return undefined;
}

export interface ScopePattern {
  source: string;
  /** One matcher per name part, aligned to the right: `[table, column]` for `orders.id`. */
  parts: RE2JS[];
}

export function compileScopePattern(pattern: string, level: ScopeLevel): ScopePattern {
  const err = scopePatternError(pattern, level);
  if (err) throw new Error(err);
  return { source: pattern, parts: splitGlob(pattern).map(compileGlob) };
}

/** Whether a pattern matches a qualified name given as parts (`[schema, table, column]`), aligned to the right. */
export function scopePatternMatches(p: ScopePattern, names: readonly string[]): boolean {
  const offset = names.length - p.parts.length;
  if (offset < 0) return false;
  for (let i = 0; i < p.parts.length; i++)
    if (!p.parts[i]!.testExact(names[offset + i]!)) return false;
  return true;
}

// ── rule-set scope ──

export interface ScopeRules {
  includeSchemas?: readonly string[];
  excludeSchemas?: readonly string[];
  includeTables?: readonly string[];
  excludeTables?: readonly string[];
  includeColumns?: readonly string[];
  excludeColumns?: readonly string[];
}

export type ScopeList = keyof ScopeRules;

export type ScopeDecision =
  | { included: true; list?: ScopeList; pattern?: string }
  | {
      included: false;
      reason: 'excluded' | 'not-included';
      list: ScopeList;
      pattern?: string;
      message: string;
    };

interface LevelMatcher {
  level: ScopeLevel;
  includeList: ScopeList;
  excludeList: ScopeList;
  include: ScopePattern[];
  exclude: ScopePattern[];
}

export interface CompiledScope {
  schema(schema: string): ScopeDecision;
  table(schema: string, table: string): ScopeDecision;
  column(schema: string, table: string, column: string): ScopeDecision;
}

function level(
  rules: ScopeRules,
  lvl: ScopeLevel,
  includeList: ScopeList,
  excludeList: ScopeList,
): LevelMatcher {
  return {
    level: lvl,
    includeList,
    excludeList,
    include: (rules[includeList] ?? []).map((p) => compileScopePattern(p, lvl)),
    exclude: (rules[excludeList] ?? []).map((p) => compileScopePattern(p, lvl)),
  };
}

function decide(m: LevelMatcher, names: readonly string[]): ScopeDecision {
  const shown = names.join('.');
  for (const p of m.exclude)
    if (scopePatternMatches(p, names))
      return {
        included: false,
        reason: 'excluded',
        list: m.excludeList,
        pattern: p.source,
        message: `${shown} matches ${m.excludeList} pattern "${p.source}"`,
      };
  if (m.include.length === 0) return { included: true };
  for (const p of m.include)
    if (scopePatternMatches(p, names))
      return { included: true, list: m.includeList, pattern: p.source };
  const listed = m.include.map((p) => `"${p.source}"`).join(', ');
  return {
    included: false,
    reason: 'not-included',
    list: m.includeList,
    message: `${shown} matches none of the ${m.includeList} patterns (${listed})`,
  };
}

const compiledScopes = new WeakMap<object, CompiledScope>();

/** Compiles a rule set's six pattern lists once (cached per rule-set object). Throws on an invalid pattern. */
export function compileScope(rules: ScopeRules): CompiledScope {
  const cached = compiledScopes.get(rules);
  if (cached) return cached;
  const schemas = level(rules, 'schema', 'includeSchemas', 'excludeSchemas');
  const tables = level(rules, 'table', 'includeTables', 'excludeTables');
  const columns = level(rules, 'column', 'includeColumns', 'excludeColumns');
  const scope: CompiledScope = {
    schema: (s) => decide(schemas, [s]),
    table: (s, t) => decide(tables, [s, t]),
    column: (s, t, c) => decide(columns, [s, t, c]),
  };
  compiledScopes.set(rules, scope);
  return scope;
}

// ── discovered catalogs ──

export interface DiscoveredColumn {
  name: string;
  /** The raw database type. */
  dataType: string;
  nullable: boolean;
  comment?: string | null;
  ordinal: number;
}

export interface DiscoveredTable {
  name: string;
  /** `table`, `view`… as the connector reports it. */
  kind: string;
  rowCountEstimate?: number | bigint | null;
  columns: readonly DiscoveredColumn[];
}

export interface DiscoveredSchema {
  name: string;
  tables: readonly DiscoveredTable[];
}

export interface DiscoveredCatalog {
  schemas: readonly DiscoveredSchema[];
}

export interface SelectedTable {
  schema: string;
  table: DiscoveredTable;
  /** The columns in scope, in catalog order. */
  columns: DiscoveredColumn[];
}

export type ExclusionReason =
  /** Matched an exclude pattern (`pattern` says which). */
  | 'excluded'
  /** The include list at this level is not empty and no pattern matched. */
  | 'not-included'
  /** A table in scope none of whose columns is (or that has no columns). */
  | 'no-columns';

export interface ExcludedItem {
  level: ScopeLevel;
  schema: string;
  table?: string;
  column?: string;
  reason: ExclusionReason;
  /** The list that decided: `excludeSchemas`, `includeTables`… (absent for `no-columns`). */
  list?: ScopeList;
  /** The exclude pattern that matched. */
  pattern?: string;
  message: string;
  /** For a schema or table left out: how many tables / columns go with it. */
  tables?: number;
  columns?: number;
}

export interface ScopeCounts {
  included: number;
  excluded: number;
}

export interface ScopeSelection {
  /** Tables with at least one column in scope, in catalog order. */
  tables: SelectedTable[];
  /** Everything left out, in catalog order; a schema or table left out is listed once, not its contents. */
  excluded: ExcludedItem[];
  counts: { schemas: ScopeCounts; tables: ScopeCounts; columns: ScopeCounts };
}

/** An excluded-item record from a decision, without `undefined` keys (it is shown and stored as JSON). */
function leftOut(
  where: Pick<ExcludedItem, 'level' | 'schema' | 'table' | 'column' | 'tables' | 'columns'>,
  d: Extract<ScopeDecision, { included: false }>,
): ExcludedItem {
  const item: ExcludedItem = {
    level: where.level,
    schema: where.schema,
    reason: d.reason,
    list: d.list,
    message: d.message,
  };
  if (where.table !== undefined) item.table = where.table;
  if (where.column !== undefined) item.column = where.column;
  if (d.pattern !== undefined) item.pattern = d.pattern;
  if (where.tables !== undefined) item.tables = where.tables;
  if (where.columns !== undefined) item.columns = where.columns;
  return item;
}

function countColumns(tables: readonly DiscoveredTable[]): number {
  let n = 0;
  for (const t of tables) n += t.columns.length;
  return n;
}

/**
 * Applies a rule set's include/exclude patterns to a discovered catalog:
 * the tables and columns to scan, and why each left-out item was left out.
 * Throws if a pattern is invalid (rule sets are validated by
 * `scanRuleSetInput` before they get here).
 */
export function selectColumns(ruleSet: ScopeRules, discovered: DiscoveredCatalog): ScopeSelection {
  const scope = compileScope(ruleSet);
  const tables: SelectedTable[] = [];
  const excluded: ExcludedItem[] = [];
  const counts = {
    schemas: { included: 0, excluded: 0 },
    tables: { included: 0, excluded: 0 },
    columns: { included: 0, excluded: 0 },
  };
  for (const s of discovered.schemas) {
    const sd = scope.schema(s.name);
    if (!sd.included) {
      const columns = countColumns(s.tables);
      excluded.push(
        leftOut({ level: 'schema', schema: s.name, tables: s.tables.length, columns }, sd),
      );
      counts.schemas.excluded++;
      counts.tables.excluded += s.tables.length;
      counts.columns.excluded += columns;
      continue;
    }
    counts.schemas.included++;
    for (const t of s.tables) {
      const td = scope.table(s.name, t.name);
      if (!td.included) {
        excluded.push(
          leftOut({ level: 'table', schema: s.name, table: t.name, columns: t.columns.length }, td),
        );
        counts.tables.excluded++;
        counts.columns.excluded += t.columns.length;
        continue;
      }
      const selected: DiscoveredColumn[] = [];
      for (const c of t.columns) {
        const cd = scope.column(s.name, t.name, c.name);
        if (cd.included) selected.push(c);
        else {
          excluded.push(
            leftOut({ level: 'column', schema: s.name, table: t.name, column: c.name }, cd),
          );
          counts.columns.excluded++;
        }
      }
      counts.columns.included += selected.length;
      if (selected.length === 0) {
        excluded.push({
          level: 'table',
          schema: s.name,
          table: t.name,
          reason: 'no-columns',
          message:
            t.columns.length === 0
              ? `${s.name}.${t.name} has no columns`
              : `None of the ${t.columns.length} column(s) of ${s.name}.${t.name} is in scope`,
          columns: t.columns.length,
        });
        counts.tables.excluded++;
        continue;
      }
      counts.tables.included++;
      tables.push({ schema: s.name, table: t, columns: selected });
    }
  }
  return { tables, excluded, counts };
}
