/**
 * What the engine knows about a column before looking at values: its name,
 * raw database type and a normalized type used by the detectors' type gates.
 */

export const NORMALIZED_TYPES = [
  'string',
  'integer',
  'decimal',
  'boolean',
  'date',
  'timestamp',
  'json',
  'binary',
  'uuid',
  'other',
] as const;
export type NormalizedType = (typeof NORMALIZED_TYPES)[number];

export type SqlEngine = 'postgres' | 'mysql' | 'sqlite';

export interface ColumnInput {
  name: string;
  /** The raw type as the database reports it, e.g. `character varying(255)`, `tinyint(1)`. */
  dataType: string;
  normalizedType: NormalizedType;
  nullable: boolean;
  comment?: string | null;
  table?: string | null;
  schema?: string | null;
}

// Type names are compared after lowercasing and dropping length/precision
// arguments and modifiers: `character varying(255)` → `character varying`.
const PG: Record<string, NormalizedType> = {
  smallint: 'integer', integer: 'integer', int: 'integer', int2: 'integer', int4: 'integer', int8: 'integer',
  bigint: 'integer', smallserial: 'integer', serial: 'integer', bigserial: 'integer', serial2: 'integer',
  serial4: 'integer', serial8: 'integer', oid: 'integer',
  numeric: 'decimal', decimal: 'decimal', real: 'decimal', 'double precision': 'decimal', float4: 'decimal',
  float8: 'decimal', float: 'decimal', money: 'decimal',
  boolean: 'boolean', bool: 'boolean',
  date: 'date',
  timestamp: 'timestamp', 'timestamp without time zone': 'timestamp', 'timestamp with time zone': 'timestamp',
  timestamptz: 'timestamp',
  // Values come back as text; IP/MAC addresses are exactly what detectors look for.
  text: 'string', varchar: 'string', 'character varying': 'string', character: 'string', char: 'string',
  bpchar: 'string', citext: 'string', name: 'string', inet: 'string', cidr: 'string', macaddr: 'string',
  macaddr8: 'string', xml: 'string', tsvector: 'other',
  uuid: 'uuid',
  json: 'json', jsonb: 'json',
  bytea: 'binary', bit: 'other', 'bit varying': 'other', varbit: 'other',
  time: 'other', 'time without time zone': 'other', 'time with time zone': 'other', timetz: 'other',
  interval: 'other',
};

const MYSQL: Record<string, NormalizedType> = {
  tinyint: 'integer', smallint: 'integer', mediumint: 'integer', int: 'integer', integer: 'integer',
  bigint: 'integer', serial: 'integer',
  decimal: 'decimal', numeric: 'decimal', dec: 'decimal', fixed: 'decimal', float: 'decimal', double: 'decimal',
  'double precision': 'decimal', real: 'decimal',
  bool: 'boolean', boolean: 'boolean',
  date: 'date', year: 'date',
  datetime: 'timestamp', timestamp: 'timestamp',
  time: 'other',
  char: 'string', varchar: 'string', nchar: 'string', nvarchar: 'string', 'national char': 'string',
  'national varchar': 'string', tinytext: 'string', text: 'string', mediumtext: 'string', longtext: 'string',
  enum: 'string', set: 'string',
  json: 'json',
  binary: 'binary', varbinary: 'binary', tinyblob: 'binary', blob: 'binary', mediumblob: 'binary',
  longblob: 'binary', bit: 'other',
  geometry: 'other', point: 'other', linestring: 'other', polygon: 'other',
};

function baseType(raw: string): string {
  return raw
    .toLowerCase()
    .replace(/\(.*\)/g, '') // (255), (10,2), ('a','b')
    .replace(/\b(unsigned|signed|zerofill|character set \w+|charset \w+|collate \w+)\b/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Maps a raw column type to the engine's normalized type.
 * - MySQL `tinyint(1)` and `bit(1)` are booleans (that is how MySQL spells BOOLEAN).
 * - Postgres arrays (`integer[]`, `_int4`) and user-defined types are `other`;
 *   enums arrive as USER-DEFINED and are also `other` — detectors that look at
 *   text accept `other`, so enum values are still examined.
 * - SQLite follows its type-affinity rules, after recognising the type names
 *   people commonly declare (BOOLEAN, DATE, DATETIME, UUID, JSON).
 */
export function normalizeDataType(raw: string, engine: SqlEngine): NormalizedType {
  const lower = raw.toLowerCase().trim();
  if (engine === 'postgres') {
    if (lower.endsWith('[]') || lower.startsWith('_') || lower === 'array') return 'other';
    const base = baseType(lower.replace(/^pg_catalog\./, ''));
    return PG[base] ?? 'other';
  }
  if (engine === 'mysql') {
    if (/^(tinyint|bit)\(1\)/.test(lower)) return 'boolean';
    const base = baseType(lower);
    return MYSQL[base] ?? MYSQL[base.split(' ')[0] ?? ''] ?? 'other';
  }
  return sqliteType(lower);
}

function sqliteType(lower: string): NormalizedType {
  const base = baseType(lower);
  if (base === '') return 'other'; // no declared type: BLOB affinity, anything goes
  if (base === 'boolean' || base === 'bool') return 'boolean';
  if (base === 'date') return 'date';
  if (base === 'datetime' || base.startsWith('timestamp')) return 'timestamp';
  if (base === 'uuid') return 'uuid';
  if (base === 'json' || base === 'jsonb') return 'json';
  // Affinity rules, in SQLite's order (https://sqlite.org/datatype3.html §3.1).
  if (base.includes('int')) return 'integer';
  if (base.includes('char') || base.includes('clob') || base.includes('text')) return 'string';
  if (base.includes('blob')) return 'binary';
  if (base.includes('real') || base.includes('floa') || base.includes('doub')) return 'decimal';
  if (base.includes('numeric') || base.includes('decimal')) return 'decimal';
  return 'other';
}

/**
 * Column names as detectors see them: camelCase split, lowercased, accents
 * removed, every run of non-alphanumerics turned into one `_`.
 * `customerEmailAddress` → `customer_email_address`, `E-Mail` → `e_mail`,
 * `SSNNumber` → `ssn_number`, `Prénom` → `prenom`.
 */
export function normalizeName(name: string): string {
  let normalized = normalizedNames.get(name);
  if (normalized === undefined) {
    normalized = normalize(name);
    if (normalizedNames.size >= NORMALIZED_NAMES_LIMIT) normalizedNames.clear();
    normalizedNames.set(name, normalized);
  }
  return normalized;
}

/** Column and table names repeat across a scan (id, email, created_at…); eight regex passes each time add up. Bounded. */
const normalizedNames = new Map<string, string>();
const NORMALIZED_NAMES_LIMIT = 4096;

function normalize(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/IPv([46])/g, '_ipv$1_') // clientIPv4 → client_ipv4, not client_i_pv4
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}
