/**
 * A step type's config JSON Schema (zod's `z.toJSONSchema`) as the list of
 * fields the step panel renders: strings, numbers, integers, booleans, enums,
 * arrays of strings and nested objects, with required marks, descriptions and
 * defaults. What it cannot render as a field (a union of shapes inside a
 * field, arrays of objects) becomes a JSON text field, so every config stays
 * editable.
 */

type Json = Record<string, unknown>;

/** Which list a field picks from, judged by its name (`dataSourceId` → data sources). */
export type PickerKind = 'dataSource' | 'user' | 'users' | 'framework' | 'frameworkId' | 'workspace';

export type FieldSpec = {
  name: string;
  label: string;
  description?: string;
  required: boolean;
  default?: unknown;
} & (
  | { kind: 'string'; picker?: PickerKind; multiline: boolean; format?: string }
  | { kind: 'number' | 'integer'; minimum?: number; maximum?: number }
  | { kind: 'boolean' }
  | { kind: 'enum'; options: (string | number)[] }
  | { kind: 'stringArray'; picker?: PickerKind }
  | { kind: 'object'; fields: FieldSpec[] }
  | { kind: 'json' }
);

const asObject = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);

/** `minConfidence` → "Min confidence", `dataSourceId` → "Data source", `timeoutMs` → "Timeout (ms)". */
export function fieldLabel(name: string): string {
  if (name === 'ms') return 'Milliseconds';
  if (/.Ms$/.test(name)) return `${fieldLabel(name.slice(0, -2))} (ms)`;
  const trimmed = name.replace(/Ids$/, 's').replace(/Id$/, '');
  const words = trimmed
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function pickerFor(name: string): PickerKind | undefined {
  if (/^(dataSourceId|sourceId)$/i.test(name)) return 'dataSource';
  if (/^(userId|ownerId|assigneeUserId|assigneeId)$/i.test(name)) return 'user';
  if (/^userIds$/i.test(name)) return 'users';
  if (/^frameworkKey$/i.test(name)) return 'framework';
  if (/^frameworkId$/i.test(name)) return 'frameworkId';
  if (/^workspaceId$/i.test(name)) return 'workspace';
  return undefined;
}

/** The non-null branch of `type: [x, 'null']` or `anyOf: [x, {type: 'null'}]`. */
function unwrapNullable(schema: Json): Json {
  const type = schema.type;
  if (Array.isArray(type)) {
    const rest = type.filter((t) => t !== 'null');
    if (rest.length === 1) return { ...schema, type: rest[0] };
  }
  const anyOf = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(anyOf)) {
    const rest = anyOf.map(asObject).filter((b): b is Json => !!b && b.type !== 'null');
    if (rest.length === 1) return { ...rest[0], ...pick(schema, ['description', 'default']) };
  }
  return schema;
}

function pick(o: Json, keys: string[]): Json {
  return Object.fromEntries(keys.filter((k) => o[k] !== undefined).map((k) => [k, o[k]]));
}

/**
 * The properties of an object schema; a union of object shapes at the top
 * (e.g. `{ dataSourceId } | { scanId }`) is merged, none of its fields
 * required, since any one branch may be the one filled in.
 */
function objectShape(schema: Json): { properties: Json; required: Set<string> } {
  const branches = (schema.anyOf ?? schema.oneOf) as unknown;
  if (!schema.properties && Array.isArray(branches)) {
    const properties: Json = {};
    for (const b of branches.map(asObject)) if (b) Object.assign(properties, objectShape(b).properties);
    return { properties, required: new Set() };
  }
  if (!schema.properties && Array.isArray(schema.allOf)) {
    const properties: Json = {};
    const required = new Set<string>();
    for (const b of (schema.allOf as unknown[]).map(asObject)) {
      if (!b) continue;
      const shape = objectShape(b);
      Object.assign(properties, shape.properties);
      shape.required.forEach((r) => required.add(r));
    }
    return { properties, required };
  }
  return {
    properties: asObject(schema.properties) ?? {},
    required: new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []),
  };
}

function fieldFor(name: string, raw: Json, required: boolean): FieldSpec {
  const schema = unwrapNullable(raw);
  const base = {
    name,
    label: typeof schema.title === 'string' ? schema.title : fieldLabel(name),
    description: typeof schema.description === 'string' ? schema.description : undefined,
    // A field with a default is never missing: the default fills it.
    required: required && schema.default === undefined,
    default: schema.default,
  };
  if (Array.isArray(schema.enum)) return { ...base, kind: 'enum', options: schema.enum as (string | number)[] };
  if (schema.const !== undefined && (typeof schema.const === 'string' || typeof schema.const === 'number'))
    return { ...base, kind: 'enum', options: [schema.const] };
  const branches = schema.anyOf ?? schema.oneOf;
  if (Array.isArray(branches)) {
    // A union of literals is an enum; anything else is edited as JSON.
    const consts = branches.map((b) => asObject(b)?.const);
    if (consts.every((c) => typeof c === 'string' || typeof c === 'number'))
      return { ...base, kind: 'enum', options: consts as (string | number)[] };
    return { ...base, kind: 'json' };
  }
  switch (schema.type) {
    case 'string':
      return {
        ...base,
        kind: 'string',
        picker: pickerFor(name),
        multiline: /^(body|description|message|expression|comment)$/i.test(name) || (typeof schema.maxLength === 'number' && schema.maxLength > 300),
        format: typeof schema.format === 'string' ? schema.format : undefined,
      };
    case 'number':
    case 'integer':
      return {
        ...base,
        kind: schema.type,
        minimum: typeof schema.minimum === 'number' ? schema.minimum : undefined,
        maximum: typeof schema.maximum === 'number' ? schema.maximum : undefined,
      };
    case 'boolean':
      return { ...base, kind: 'boolean' };
    case 'array': {
      const items = asObject(schema.items);
      if (items && unwrapNullable(items).type === 'string') return { ...base, kind: 'stringArray', picker: pickerFor(name) };
      return { ...base, kind: 'json' };
    }
    case 'object':
      if (schema.properties) return { ...base, kind: 'object', fields: describeSchema(schema) };
      return { ...base, kind: 'json' };
    default:
      return { ...base, kind: 'json' };
  }
}

/** The fields of an object schema, in the schema's order. */
export function describeSchema(schema: unknown): FieldSpec[] {
  const root = asObject(schema);
  if (!root) return [];
  const { properties, required } = objectShape(root);
  return Object.entries(properties)
    .map(([name, prop]) => [name, asObject(prop)] as const)
    .filter((e): e is readonly [string, Json] => !!e[1])
    .map(([name, prop]) => fieldFor(name, prop, required.has(name)));
}

export const TEMPLATE = /\{\{[^}]*\}\}/;

/**
 * What a number input's text means: a number, a `{{ … }}` template kept as
 * text, or nothing (the field is cleared).
 */
export function parseNumberInput(text: string): number | string | undefined {
  const t = text.trim();
  if (t === '') return undefined;
  if (TEMPLATE.test(t)) return t;
  const n = Number(t);
  return Number.isFinite(n) ? n : t;
}
