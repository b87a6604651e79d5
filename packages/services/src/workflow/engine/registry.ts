/**
 * Which step types an engine runs, under which job task names, and what a
 * step run's effective definition is (its type, config, retry policy and
 * timeout: a step of the definition, or the `step` of its forEach parent).
 */
import type { DbOrTx } from '@racine/db';
import type { ServiceDeps } from '../../deps';
import { type RetryPolicy, retryPolicySchema, type StepDefinition, type WorkflowDefinition, workflowDefinitionSchema } from '../definition';
import type { StepType } from '../step-type';
import { FOR_EACH_TYPE, forEachConfigSchema } from '../steps/for-each';
import { stepTypes as productionStepTypes } from '../steps/index';

export const STEP_TASK = 'workflow:step';
export const SWEEP_TASK = 'workflow:sweep';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step type has its own config type; the registry holds them all
export type StepRegistry = Readonly<Record<string, StepType<any>>>;

export function stepRegistry(deps: ServiceDeps): StepRegistry {
  return deps.workflowEngine?.stepTypes ?? productionStepTypes;
}

/** The job task names of this engine: suffixed for a test or bench registry, so production workers never take its jobs. */
export function taskNames(deps: ServiceDeps): { step: string; sweep: string } {
  const suffix = deps.workflowEngine?.taskSuffix ?? '';
  return { step: STEP_TASK + suffix, sweep: SWEEP_TASK + suffix };
}

/** Versions are immutable, so their parsed definitions are cached by version id. */
const definitions = new Map<string, WorkflowDefinition>();

export function parseDefinition(versionId: string, json: unknown): WorkflowDefinition {
  let def = definitions.get(versionId);
  if (!def) {
    def = workflowDefinitionSchema.parse(json);
    if (definitions.size > 1000) definitions.clear();
    definitions.set(versionId, def);
  }
  return def;
}

export async function loadDefinition(db: DbOrTx, versionId: string): Promise<WorkflowDefinition> {
  const cached = definitions.get(versionId);
  if (cached) return cached;
  const v = await db.workflowVersion.findUniqueOrThrow({ where: { id: versionId }, select: { definition: true } });
  return parseDefinition(versionId, v.definition);
}

/** What a step run runs: for a forEach child, the parent's `step`. */
export interface EffectiveStep {
  type: string;
  config: Record<string, unknown>;
  retry: RetryPolicy;
  timeoutMs: number | undefined;
  definition: StepDefinition;
}

export function retryFor(type: StepRegistry[string] | undefined, retry: Partial<RetryPolicy> | undefined): RetryPolicy {
  return retryPolicySchema.parse({ ...(type?.defaults?.retry ?? {}), ...(retry ?? {}) });
}

export function effectiveStep(deps: ServiceDeps, definition: WorkflowDefinition, stepId: string, child: boolean): EffectiveStep {
  const step = definition.steps.find((s) => s.id === stepId);
  if (!step) throw new Error(`Step ${stepId} is not in the definition`);
  const registry = stepRegistry(deps);
  if (!child) {
    const type = registry[step.type];
    return { type: step.type, config: step.config, retry: retryFor(type, step.retry), timeoutMs: step.timeoutMs ?? type?.defaults?.timeoutMs, definition: step };
  }
  if (step.type !== FOR_EACH_TYPE) throw new Error(`Step ${stepId} is not a forEach`);
  // The parent's config was checked when it fanned out; only its `step` part matters here.
  const inner = forEachConfigSchema.shape.step.parse(step.config.step);
  const type = registry[inner.type];
  return { type: inner.type, config: inner.config, retry: retryFor(type, inner.retry), timeoutMs: inner.timeoutMs ?? type?.defaults?.timeoutMs, definition: step };
}

/** Every step type a definition uses, forEach inner steps included. */
export function typesUsed(definition: WorkflowDefinition): string[] {
  const out = new Set<string>();
  for (const s of definition.steps) {
    out.add(s.type);
    if (s.type === FOR_EACH_TYPE) {
      const inner = (s.config.step as { type?: unknown } | undefined)?.type;
      if (typeof inner === 'string') out.add(inner);
    }
  }
  return [...out];
}

/** The definition an execution runs, by workflow and version number. */
export async function loadDefinitionOf(db: DbOrTx, workflowId: string, version: number): Promise<WorkflowDefinition> {
  const v = await db.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId, version } }, select: { id: true, definition: true } });
  return parseDefinition(v.id, v.definition);
}
