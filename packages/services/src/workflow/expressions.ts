/**
 * Templates in step configs and step conditions.
 *
 * Templates: a config string may hold `{{ params.<name> }}`,
 * `{{ steps.<stepId>.<field> }}` and, in a forEach child, `{{ item }}` /
 * `{{ item.<field> }}`. A string that is exactly one template resolves to the
 * raw value (a number stays a number, a list a list); otherwise every template
 * is interpolated as text. Nothing is evaluated: a template is a path, read
 * out of plain data.
 *
 * Conditions: the rule language (../rulesets/expression) over a field table
 * built from the workflow's parameters and the output fields of the step's
 * transitive dependencies, so a condition can only read what will exist when
 * the step runs. Client-safe: no database.
 */
import type { RuleAst } from '../rulesets/expression/ast';
import type { FieldDefinition, FieldTable, ValueType } from '../rulesets/expression/fields';
import { parseRuleExpression, type ParseResult } from '../rulesets/expression/parser';
import { evaluateExpression, type FieldValue } from '../rulesets/expression/walk';
import type { ParameterDefinition, WorkflowDefinition } from './definition';
import type { StepType } from './step-type';

const TEMPLATE = /\{\{\s*([^{}]*?)\s*\}\}/g;
const WHOLE_TEMPLATE = /^\{\{\s*([^{}]*?)\s*\}\}$/;
/** A path: `params.x`, `steps.a.b.c`, `item`, `item.x` (segments are identifiers or array indexes). */
const PATH = /^(params|steps|item)(\.[A-Za-z0-9_]+)*$/;

export interface TemplateScope {
  params: Record<string, unknown>;
  /** Outputs of earlier steps that succeeded, by step id. */
  outputs: Record<string, Record<string, unknown>>;
  /** A forEach child's item; absent elsewhere. */
  item?: unknown;
}

/** The error a template that cannot be resolved throws (an unknown root, a malformed path). */
export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TemplateError';
  }
}

/** Every path referenced by a template anywhere in `value` (strings, arrays, objects), in order, without repeats. */
export function templateRefs(value: unknown): string[] {
  const out = new Set<string>();
  walkStrings(value, (s) => {
    for (const m of s.matchAll(TEMPLATE)) out.add(m[1]!.trim());
  });
  return [...out];
}

/** Whether a referenced path is well formed (`params.x`, `steps.a.b`, `item`, `item.x`); the message says what is wrong otherwise. */
export function checkTemplatePath(path: string): string | null {
  if (!PATH.test(path)) return `"{{ ${path} }}" is not a template: use params.<name>, steps.<stepId>.<field>, item or item.<field>`;
  const parts = path.split('.');
  if (parts[0] === 'params' && parts.length < 2) return `"{{ ${path} }}" needs a parameter name: params.<name>`;
  if (parts[0] === 'steps' && parts.length < 3) return `"{{ ${path} }}" needs a step and a field: steps.<stepId>.<field>`;
  return null;
}

/** Reads a path out of the scope; undefined when the value is absent. */
export function readTemplatePath(path: string, scope: TemplateScope): unknown {
  const problem = checkTemplatePath(path);
  if (problem) throw new TemplateError(problem);
  const [root, ...rest] = path.split('.');
  let current: unknown = root === 'params' ? scope.params : root === 'steps' ? scope.outputs : scope.item;
  if (root === 'item' && !('item' in scope)) throw new TemplateError(`"{{ ${path} }}" is only available inside a forEach`);
  for (const segment of rest) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    if (!Object.prototype.hasOwnProperty.call(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
}

function asText(v: unknown): string {
  if (v === undefined || v === null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  if (v instanceof Date) return v.toISOString();
  return JSON.stringify(v);
}

/**
 * `value` with every template resolved against `scope`. Arrays and objects
 * are copied; an exact single template yields the raw value (undefined when
 * absent, so an optional config field stays unset).
 */
export function resolveTemplates(value: unknown, scope: TemplateScope): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE_TEMPLATE.exec(value);
    if (whole) return readTemplatePath(whole[1]!.trim(), scope);
    if (!value.includes('{{')) return value;
    return value.replace(TEMPLATE, (_m, path: string) => asText(readTemplatePath(path.trim(), scope)));
  }
  if (Array.isArray(value)) return value.map((v) => resolveTemplates(v, scope));
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const resolved = resolveTemplates(v, scope);
      if (resolved !== undefined) out[k] = resolved;
    }
    return out;
  }
  return value;
}

function walkStrings(value: unknown, visit: (s: string) => void, depth = 0): void {
  if (depth > 64) return;
  if (typeof value === 'string') visit(value);
  else if (Array.isArray(value)) for (const v of value) walkStrings(v, visit, depth + 1);
  else if (value !== null && typeof value === 'object') for (const v of Object.values(value)) walkStrings(v, visit, depth + 1);
}

// ---------------------------------------------------------------- conditions

const PARAM_TYPES: Record<ParameterDefinition['type'], ValueType> = {
  string: 'string',
  number: 'number',
  boolean: 'boolean',
  dataSource: 'string',
  workspace: 'string',
  user: 'string',
};

/** The step types a field table needs: only their output fields. */
export type StepOutputRegistry = Readonly<Record<string, { output: StepType['output'] }>>;

/** Every step `stepId` depends on, directly or not (cycles tolerated: each step is visited once). */
export function transitiveDependencies(definition: Pick<WorkflowDefinition, 'steps'>, stepId: string): string[] {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = [...(byId.get(stepId)?.dependsOn ?? [])];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id) || id === stepId) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return definition.steps.map((s) => s.id).filter((id) => seen.has(id));
}

/**
 * What a condition of `stepId` may read: `params.<name>` for each parameter,
 * `steps.<ancestor>.<field>` for each output field of each transitive
 * dependency's step type.
 */
export function conditionFields(definition: Pick<WorkflowDefinition, 'steps' | 'parameters'>, stepId: string, registry: StepOutputRegistry): FieldTable {
  const table: Record<string, FieldDefinition> = {};
  for (const p of definition.parameters ?? []) {
    table[`params.${p.name}`] = { type: PARAM_TYPES[p.type], description: p.description ?? p.label ?? `The ${p.name} parameter.` };
  }
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  for (const id of transitiveDependencies(definition, stepId)) {
    const type = registry[byId.get(id)!.type];
    if (!type) continue;
    for (const [field, def] of Object.entries(type.output)) table[`steps.${id}.${field}`] = def;
  }
  return table;
}

/** Parses a condition against a field table from `conditionFields`: `{ ok, ast }` or `{ ok: false, error }`; never throws. */
export function parseStepCondition(src: string, fields: FieldTable): ParseResult {
  return parseRuleExpression(src, fields);
}

function fieldValue(v: unknown): FieldValue {
  if (v === undefined || v === null) return null;
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? v : null;
  if (typeof v === 'bigint') return Number(v);
  if (Array.isArray(v)) return v.filter((x) => x !== null && x !== undefined && typeof x !== 'object').map(String);
  return null;
}

/** Reads `params.x`, `steps.a.b` (and `<list>.count`) out of a condition's scope. */
export function readConditionField(name: string, scope: { params: Record<string, unknown>; outputs: Record<string, Record<string, unknown>> }): FieldValue {
  const read = (path: string): unknown => {
    const parts = path.split('.');
    if (parts[0] === 'params' && parts.length === 2) return scope.params[parts[1]!];
    if (parts[0] === 'steps' && parts.length === 3) return scope.outputs[parts[1]!]?.[parts[2]!];
    return undefined;
  };
  const direct = read(name);
  if (direct === undefined && name.endsWith('.count')) {
    const base = read(name.slice(0, -'.count'.length));
    if (Array.isArray(base)) return base.length;
  }
  return fieldValue(direct);
}

/** True when the condition holds. A field that is absent (a step skipped, a parameter unset) reads as null. */
export function evaluateStepCondition(ast: RuleAst, scope: { params: Record<string, unknown>; outputs: Record<string, Record<string, unknown>> }): boolean {
  return evaluateExpression(ast, (name) => readConditionField(name, scope));
}
