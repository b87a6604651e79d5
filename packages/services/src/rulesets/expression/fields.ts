/**
 * The fixed set of fields a rule expression can read, with their types.
 * Nothing else is reachable from an expression: there is no property
 * access, no function call and no way to name anything outside this table.
 */
// Deep import on purpose: the expression module stays light (no detectors, no dictionaries) so a
// browser bundle can parse expressions for live error messages.
import { NORMALIZED_TYPES, type SqlEngine } from '../../classification/column';

/** `list` is a list of strings (tags, labels): tested with `has`, `has_any`, `has_all` and `any|all|none <op> "…"`; `<list>.count` is its length. */
export type ValueType = 'string' | 'number' | 'boolean' | 'list';

export interface FieldDefinition {
  type: ValueType;
  description: string;
  /** For string fields with a closed set of values: literals compared with `==`, `!=` or `in` must be one of them. */
  values?: readonly string[];
  /** With `values`: the values are in ascending order, so `<`, `>=`… compare positions (`asset.sensitivity >= "Confidential"`). */
  ordered?: boolean;
  /** For number fields with a known range: literals outside it are refused (`sample.matchRate > 80`). */
  range?: readonly [number, number];
}

/** Engines the catalog knows (the `DataSourceEngine` enum of the database schema). */
export const SOURCE_ENGINES = [
  'postgres',
  'mysql',
  'sqlite',
] as const satisfies readonly SqlEngine[];
/** Relation kinds discovery reports (the connectors' `TableInfo.kind`). */
export const TABLE_KINDS = ['table', 'view'] as const;
/** Environments a data source can be tagged with (the `Environment` enum of the database schema). */
export const SOURCE_ENVIRONMENTS = ['dev', 'staging', 'prod'] as const;

export const FIELDS = {
  'column.name': { type: 'string', description: 'The column name as the database reports it.' },
  'column.type': {
    type: 'string',
    description: 'The raw database type, lowercased (`character varying(255)`, `tinyint(1)`).',
  },
  'column.normalizedType': {
    type: 'string',
    description: `The engine-independent type: ${NORMALIZED_TYPES.join(', ')}.`,
    values: NORMALIZED_TYPES,
  },
  'column.nullable': { type: 'boolean', description: 'Whether the column accepts NULL.' },
  'column.comment': { type: 'string', description: 'The column comment; null when there is none.' },
  'column.ordinal': {
    type: 'number',
    description: 'The 1-based position of the column in its table.',
  },
  'table.name': { type: 'string', description: 'The table (or view) name.' },
  'table.kind': {
    type: 'string',
    description: `The kind of relation: ${TABLE_KINDS.join(', ')}.`,
    values: TABLE_KINDS,
  },
  'table.rowCount': {
    type: 'number',
    description: 'The estimated number of rows; null when unknown.',
  },
  'schema.name': {
    type: 'string',
    description: 'The schema name (the database name on MySQL, `main` on SQLite).',
  },
  'source.engine': {
    type: 'string',
    description: `The data source engine: ${SOURCE_ENGINES.join(', ')}.`,
    values: SOURCE_ENGINES,
  },
  'source.environment': {
    type: 'string',
    description: `The data source environment: ${SOURCE_ENVIRONMENTS.join(', ')}.`,
    values: SOURCE_ENVIRONMENTS,
  },
  'sample.nonNull': {
    type: 'number',
    description: 'Sampled values that are not null, blank or a placeholder; null before sampling.',
  },
  'sample.distinct': {
    type: 'number',
    description: 'Distinct non-null sampled values; null before sampling.',
  },
  'sample.matchRate': {
    type: 'number',
    description:
      "The share (0–1) of non-null sampled values matching the rule's valuePattern as a whole; null without a valuePattern or with fewer than minNonNull values.",
    range: [0, 1],
  },
} as const satisfies Record<string, FieldDefinition>;

/** The fields one language can read: the scan rules' `FIELDS`, or compliance's catalog facts. */
export type FieldTable = Readonly<Record<string, FieldDefinition>>;

/** `<list>.count`: every list field also reads as its length. */
export const COUNT_SUFFIX = '.count';

/** The definition of `name` in `table`, including the implicit `<list>.count`; undefined for an unknown name. */
export function lookupField(table: FieldTable, name: string): FieldDefinition | undefined {
  if (Object.prototype.hasOwnProperty.call(table, name)) return table[name];
  if (name.endsWith(COUNT_SUFFIX)) {
    const base = table[name.slice(0, -COUNT_SUFFIX.length)];
    if (base?.type === 'list' && Object.prototype.hasOwnProperty.call(table, name.slice(0, -COUNT_SUFFIX.length)))
      return { type: 'number', description: `How many values ${name.slice(0, -COUNT_SUFFIX.length)} holds.` };
  }
  return undefined;
}

export type FieldName = keyof typeof FIELDS;

export const FIELD_NAMES = Object.keys(FIELDS) as FieldName[];

export function isFieldName(name: string): name is FieldName {
  return Object.prototype.hasOwnProperty.call(FIELDS, name);
}

export function fieldDefinition(name: FieldName): FieldDefinition {
  return FIELDS[name];
}
