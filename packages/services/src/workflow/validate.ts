/**
 * Whole-definition validation: what the zod shape in definition.ts cannot
 * see alone. Duplicate ids, unknown step types, unknown dependencies, cycles,
 * each step's config against its type's schema, template references,
 * conditions, the cron expression and parameter defaults. Every problem is
 * reported (not only the first), each with a path the builder can point at
 * (`steps[2].config.minConfidence`) and a sentence that says what to change.
 */
import { Cron } from 'croner';
import type { z } from 'zod';
import { closest, didYouMean } from '../rulesets/expression/errors';
import { parseRuleExpression } from '../rulesets/expression/parser';
import { type StepDefinition, type WorkflowDefinition, workflowDefinitionSchema } from './definition';
import { checkTemplatePath, conditionFields, parseStepCondition, templateRefs, transitiveDependencies } from './expressions';
import type { StepType } from './step-type';
import { stepTypes } from './steps/index';
import { EVENT_FIELDS } from './triggers/event-fields';

export interface DefinitionError {
  /** Where in the definition: `steps[2].config.minConfidence`, `triggers.cron`, `parameters[0].default`. */
  path: string;
  stepId?: string;
  message: string;
}

export type ValidationResult = { ok: true; definition: WorkflowDefinition } | { ok: false; errors: DefinitionError[] };

export type StepRegistry = Readonly<Record<string, StepType<unknown>>>;

/** The step type that fans out; its `config.step` is a nested step validated like any other. */
export const FOR_EACH = 'forEach';

type Segment = string | number | symbol;

export function formatPath(segments: readonly Segment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else out += out ? `.${String(s)}` : String(s);
  }
  return out;
}

const hasTemplate = (v: unknown) => typeof v === 'string' && v.includes('{{');

/** True when the issue is about a value that is (or sits under) a template string: it is only known at run time. */
function isTemplateIssue(issue: z.core.$ZodIssue, root: unknown, base: readonly PropertyKey[] = []): boolean {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) return issue.errors.some((branch) => branch.length > 0 && branch.every((i) => isTemplateIssue(i, root, path)));
  let current: unknown = root;
  if (hasTemplate(current)) return true;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return false;
    current = (current as Record<PropertyKey, unknown>)[key as PropertyKey];
    if (hasTemplate(current)) return true;
  }
  return false;
}

/** Every string leaf of a value, with its path. */
function stringLeaves(value: unknown, path: Segment[], out: { path: Segment[]; value: string }[] = [], depth = 0) {
  if (depth > 64) return out;
  if (typeof value === 'string') out.push({ path, value });
  else if (Array.isArray(value)) value.forEach((v, i) => stringLeaves(v, [...path, i], out, depth + 1));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) stringLeaves(v, [...path, k], out, depth + 1);
  return out;
}

/** Finds one cycle through each strongly connected part of the graph, as step ids from a step back to itself. */
export function findCycles(steps: readonly Pick<StepDefinition, 'id' | 'dependsOn'>[]): string[][] {
  const deps = new Map(steps.map((s) => [s.id, s.dependsOn.filter((d) => d !== s.id)]));
  const order = new Map(steps.map((s, i) => [s.id, i]));
  const state = new Map<string, 'open' | 'done'>();
  const cycles: string[][] = [];
  const seenCycleKeys = new Set<string>();
  const stack: string[] = [];
  const visit = (id: string) => {
    state.set(id, 'open');
    stack.push(id);
    for (const dep of deps.get(id) ?? []) {
      if (!deps.has(dep)) continue;
      const s = state.get(dep);
      if (s === 'open') {
        // The stack from `dep` to here, then back to `dep`: id depends on dep, which (transitively) depends on id.
        const loop = stack.slice(stack.indexOf(dep));
        const key = [...loop].sort().join(',');
        if (!seenCycleKeys.has(key)) {
          seenCycleKeys.add(key);
          // Read in execution order (a runs before b runs before … before a), from the step defined first.
          const ordered = [...loop].reverse();
          const start = ordered.reduce((best, s, i) => (order.get(s)! < order.get(ordered[best]!)! ? i : best), 0);
          const rotated = [...ordered.slice(start), ...ordered.slice(0, start)];
          cycles.push([...rotated, rotated[0]!]);
        }
      } else if (!s) visit(dep);
    }
    stack.pop();
    state.set(id, 'done');
  };
  for (const s of steps) if (!state.has(s.id)) visit(s.id);
  return cycles;
}

const PARAM_VALUE_TYPE = { string: 'string', number: 'number', boolean: 'boolean', dataSource: 'string', workspace: 'string', user: 'string' } as const;

/** A five-field cron expression (UTC): null when fine, else what is wrong. */
export function cronProblem(expression: string): string | null {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return `"${expression}" has ${fields.length} field${fields.length === 1 ? '' : 's'}; a cron expression has five: minute hour day-of-month month day-of-week`;
  try {
    new Cron(expression, { paused: true, timezone: 'UTC' });
    return null;
  } catch (error) {
    return `"${expression}" is not a valid cron expression: ${(error as Error).message}`;
  }
}

export function validateDefinition(input: unknown, registry: StepRegistry = stepTypes): ValidationResult {
  const parsed = workflowDefinitionSchema.safeParse(input);
  if (!parsed.success) {
    const raw = (input ?? {}) as { steps?: unknown };
    const errors = parsed.error.issues.map((issue): DefinitionError => {
      const [first, index] = issue.path;
      const step = first === 'steps' && typeof index === 'number' && Array.isArray(raw.steps) ? (raw.steps[index] as { id?: unknown } | undefined) : undefined;
      return { path: formatPath(issue.path), ...(typeof step?.id === 'string' ? { stepId: step.id } : {}), message: issue.message };
    });
    return { ok: false, errors };
  }
  const definition = parsed.data;
  const errors = checkGraph(definition, registry);
  return errors.length ? { ok: false, errors } : { ok: true, definition };
}

function checkGraph(definition: WorkflowDefinition, registry: StepRegistry): DefinitionError[] {
  const errors: DefinitionError[] = [];
  const steps = definition.steps;
  const byId = new Map<string, StepDefinition>();
  const firstIndex = new Map<string, number>();
  const typeNames = Object.keys(registry);

  steps.forEach((step, i) => {
    if (firstIndex.has(step.id)) errors.push({ path: `steps[${i}].id`, stepId: step.id, message: `Step id "${step.id}" is used twice (steps ${firstIndex.get(step.id)! + 1} and ${i + 1}); each step needs its own id` });
    else {
      firstIndex.set(step.id, i);
      byId.set(step.id, step);
    }
  });

  const unknownType = (type: string) => {
    const hint = didYouMean(closest(type, typeNames));
    return `Unknown step type "${type}"${hint ? ` — ${hint}` : ''}`;
  };

  steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    if (!registry[step.type]) errors.push({ path: `${at}.type`, stepId: step.id, message: unknownType(step.type) });
    const seen = new Set<string>();
    step.dependsOn.forEach((dep, j) => {
      const path = `${at}.dependsOn[${j}]`;
      if (dep === step.id) errors.push({ path, stepId: step.id, message: `Step "${step.id}" depends on itself` });
      else if (!byId.has(dep)) {
        const hint = didYouMean(closest(dep, [...byId.keys()]));
        errors.push({ path, stepId: step.id, message: `Step "${step.id}" depends on "${dep}", which is not a step of this workflow${hint ? ` — ${hint}` : ''}` });
      } else if (seen.has(dep)) errors.push({ path, stepId: step.id, message: `Step "${step.id}" lists "${dep}" twice in dependsOn` });
      seen.add(dep);
    });
  });

  for (const cycle of findCycles(steps)) {
    const index = firstIndex.get(cycle[0]!)!;
    errors.push({ path: `steps[${index}].dependsOn`, stepId: cycle[0], message: `Steps ${cycle.join(' → ')} form a cycle` });
  }

  const params = new Map(definition.parameters.map((p) => [p.name, p]));
  steps.forEach((step, i) => {
    const type = registry[step.type];
    const at = `steps[${i}]`;
    const ancestors = new Set(transitiveDependencies(definition, step.id));
    if (type) errors.push(...checkConfig(step.config, type, [...segmentsOf(at), 'config'], step.id));
    // forEach: the nested step is a step too; its templates may read `item`.
    const nested = step.type === FOR_EACH ? (step.config.step as { type?: unknown; config?: unknown } | undefined) : undefined;
    if (nested && typeof nested === 'object' && typeof nested.type === 'string') {
      const childType = registry[nested.type];
      if (!childType) errors.push({ path: `${at}.config.step.type`, stepId: step.id, message: unknownType(nested.type) });
      else if (nested.type === FOR_EACH) {
        // The forEach type's own schema refuses a nested forEach; its config is not checked further.
      }
      else if (nested.config !== undefined && (nested.config === null || typeof nested.config !== 'object' || Array.isArray(nested.config)))
        errors.push({ path: `${at}.config.step.config`, stepId: step.id, message: 'The nested step’s config must be an object' });
      else errors.push(...checkConfig((nested.config ?? {}) as Record<string, unknown>, childType, [...segmentsOf(at), 'config', 'step', 'config'], step.id));
    }
    for (const leaf of stringLeaves(step.config, [...segmentsOf(at), 'config'])) {
      const insideForEachStep = step.type === FOR_EACH && leaf.path[2] === 'config' && leaf.path[3] === 'step';
      for (const ref of templateRefs(leaf.value)) {
        const problem = templateProblem(ref, { step, ancestors, byId, params, registry, itemAllowed: insideForEachStep });
        if (problem) errors.push({ path: formatPath(leaf.path), stepId: step.id, message: problem });
      }
    }
    if (step.condition) {
      const result = parseStepCondition(step.condition, conditionFields(definition, step.id, registry));
      if (!result.ok) errors.push({ path: `${at}.condition`, stepId: step.id, message: `Condition of step "${step.id}": ${result.error.message}` });
    }
  });

  const triggers = definition.triggers;
  if (triggers.cron) {
    const problem = cronProblem(triggers.cron);
    if (problem) errors.push({ path: 'triggers.cron', message: problem });
  }
  if (triggers.event?.condition) {
    const result = parseRuleExpression(triggers.event.condition, EVENT_FIELDS);
    if (!result.ok) errors.push({ path: 'triggers.event.condition', message: `Event condition: ${result.error.message}` });
  }
  if (!triggers.manual && !triggers.cron && !triggers.event && !triggers.webhook)
    errors.push({ path: 'triggers', message: 'The workflow has no trigger: enable manual runs, a cron schedule, an event or the webhook' });

  const seenParams = new Set<string>();
  definition.parameters.forEach((p, i) => {
    if (seenParams.has(p.name)) errors.push({ path: `parameters[${i}].name`, message: `Parameter "${p.name}" is declared twice` });
    seenParams.add(p.name);
    const want = PARAM_VALUE_TYPE[p.type];
    if (p.default !== undefined && typeof p.default !== want)
      errors.push({ path: `parameters[${i}].default`, message: `Parameter "${p.name}" is a ${p.type}, so its default must be a ${want} (got ${JSON.stringify(p.default)})` });
  });
  return errors;
}

function segmentsOf(at: string): Segment[] {
  // "steps[3]" → ['steps', 3]
  const m = /^(\w+)\[(\d+)\]$/.exec(at)!;
  return [m[1]!, Number(m[2])];
}

function checkConfig(config: Record<string, unknown>, type: StepType<unknown>, base: Segment[], stepId: string): DefinitionError[] {
  const result = type.config.safeParse(config);
  if (result.success) return [];
  return result.error.issues
    .filter((issue) => !isTemplateIssue(issue, config))
    .map((issue) => ({ path: formatPath([...base, ...issue.path]), stepId, message: issue.message }));
}

function templateProblem(
  ref: string,
  ctx: { step: StepDefinition; ancestors: Set<string>; byId: Map<string, StepDefinition>; params: Map<string, unknown>; registry: StepRegistry; itemAllowed: boolean },
): string | null {
  const malformed = checkTemplatePath(ref);
  if (malformed) return malformed;
  const [root, name, field] = ref.split('.');
  if (root === 'params') {
    if (ctx.params.has(name!)) return null;
    const hint = didYouMean(closest(name!, [...ctx.params.keys()]));
    return `"{{ ${ref} }}" names no parameter of this workflow${hint ? ` — ${hint}` : ''}`;
  }
  if (root === 'item') return ctx.itemAllowed ? null : `"{{ ${ref} }}" is only available inside a forEach's step`;
  // steps.<id>.<field>
  if (name === ctx.step.id) return `"{{ ${ref} }}": a step cannot read its own output`;
  const target = ctx.byId.get(name!);
  if (!target) {
    const hint = didYouMean(closest(name!, [...ctx.byId.keys()]));
    return `"{{ ${ref} }}" names no step of this workflow${hint ? ` — ${hint}` : ''}`;
  }
  if (!ctx.ancestors.has(name!)) return `"{{ ${ref} }}": step "${ctx.step.id}" reads "${name}" but does not depend on it; add "${name}" to its dependsOn (directly or through another step)`;
  const type = ctx.registry[target.type];
  if (!type) return null; // its unknown type is reported on that step
  if (Object.prototype.hasOwnProperty.call(type.output, field!)) return null;
  const hint = didYouMean(closest(field!, Object.keys(type.output)));
  return `"{{ ${ref} }}": a ${target.type} step has no output "${field}"${hint ? ` — ${hint}` : ` (its outputs: ${Object.keys(type.output).join(', ') || 'none'})`}`;
}
