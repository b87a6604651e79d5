/**
 * The compliance rule language: the scan rules' parser and tree walk
 * (../rulesets/expression) over a different field table — catalog facts about
 * one asset, its source and who can read it. Client-safe: no database.
 */
import { referencedFields, type RuleAst } from '../rulesets/expression/ast';
import type { FieldDefinition, FieldTable } from '../rulesets/expression/fields';
import { parseRuleExpression, type ParseResult } from '../rulesets/expression/parser';
import { evaluateExpression, type FieldValue } from '../rulesets/expression/walk';

export const SENSITIVITY_LEVELS = ['Public', 'Internal', 'Confidential', 'Restricted'] as const;
export const ASSET_TYPES = ['database', 'schema', 'table', 'view', 'column'] as const;
export const CERTIFICATIONS = ['draft', 'certified', 'deprecated'] as const;
export const ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;
export const CRITICALITIES = ['low', 'medium', 'high', 'critical'] as const;
export const RULE_TARGETS = ['column', 'table', 'source'] as const;
export type RuleTarget = (typeof RULE_TARGETS)[number];

const str = (description: string, values?: readonly string[], ordered?: boolean): FieldDefinition => ({ type: 'string', description, ...(values ? { values } : {}), ...(ordered ? { ordered } : {}) });
const num = (description: string): FieldDefinition => ({ type: 'number', description });
const list = (description: string): FieldDefinition => ({ type: 'list', description });

export const COMPLIANCE_FIELDS = {
  'asset.type': str('database, schema, table, view or column.', ASSET_TYPES),
  'asset.name': str('The asset name.'),
  'asset.qualifiedName': str('db.schema.table.column.'),
  'asset.dataType': str('The raw database type (columns); null otherwise.'),
  'asset.normalizedType': str('string, integer, decimal, … (columns); null otherwise.'),
  'asset.labels': list('Classification labels nobody rejected (a table: of its columns).'),
  'asset.sensitivity': str('Public < Internal < Confidential < Restricted; null when unclassified.', SENSITIVITY_LEVELS, true),
  'asset.tags': list('Free tags: masked, tokenized, encrypted, retention:7y…'),
  'asset.certification': str('draft, certified or deprecated.', CERTIFICATIONS),
  'asset.owners': list('Owners, as "user:<id>" or "team:<id>"; asset.owners.count > 0 means "has an owner".'),
  'asset.stewards': list('Stewards, as "user:<id>" or "team:<id>".'),
  'asset.description': str('The description; null when empty.'),
  'asset.lastScannedDaysAgo': num('Whole days since a scan last saw the asset; null if never.'),
  'table.name': str('A column: its table; a table: itself; null for a source.'),
  'source.name': str('The data source name.'),
  'source.engine': str('postgres, mysql or sqlite.', ['postgres', 'mysql', 'sqlite']),
  'source.environment': str('dev, staging or prod.', ENVIRONMENTS),
  'source.criticality': str('low < medium < high < critical.', CRITICALITIES, true),
  'source.tags': list('The source tags.'),
  'source.labels': list('Every label on any column of the source.'),
  'source.lastScanDaysAgo': num('Whole days since the last scan of the source finished; null if never.'),
  'source.lastScanStatus': str('succeeded, failed, …; null if never scanned.', ['queued', 'running', 'succeeded', 'failed', 'cancelled']),
  'access.readers': num('Distinct active users who may read the source (datasource.read through any role, at any scope).'),
} as const satisfies FieldTable;

export type ComplianceField = keyof typeof COMPLIANCE_FIELDS;

/** The facts one check sees: every field (and `<list>.count`) resolves from this. */
export type AssetFacts = Record<ComplianceField, FieldValue>;

/** Parses a condition against the compliance fields: `{ ok, ast }` or `{ ok: false, error: { message, position } }`. */
export function parseCondition(src: string): ParseResult {
  return parseRuleExpression(src, COMPLIANCE_FIELDS);
}

/** Reads a field (or `<list>.count`) out of an asset's facts. */
export function readFact(facts: AssetFacts, name: string): FieldValue {
  if (name.endsWith('.count')) {
    const base = facts[name.slice(0, -'.count'.length) as ComplianceField];
    if (Array.isArray(base)) return base.length;
  }
  return facts[name as ComplianceField] ?? null;
}

export function holds(ast: RuleAst, facts: AssetFacts): boolean {
  return evaluateExpression(ast, (name) => readFact(facts, name));
}

/** The values of every field the conditions read: the evidence of a check. */
export function factsRead(facts: AssetFacts, ...asts: RuleAst[]): Record<string, FieldValue> {
  const names = new Set<string>();
  for (const ast of asts) referencedFields(ast, names);
  const out: Record<string, FieldValue> = {};
  for (const name of [...names].sort()) out[name] = readFact(facts, name);
  return out;
}
