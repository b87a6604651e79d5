/**
 * What the builder needs to know of each step type: its palette entry, the
 * JSON Schema of its config (the form is generated from it) and the output
 * fields later steps may read. Computed once: the registry is fixed at start.
 */
import { z } from 'zod';
import { stepTypes } from './steps/index';
import type { StepRegistry } from './validate';

export interface StepTypeInfo {
  type: string;
  title: string;
  description: string;
  group: string;
  /** JSON Schema (draft 2020-12) of the config as the user writes it (defaults optional). */
  configSchema: Record<string, unknown>;
  output: Record<string, { type: string; description: string }>;
  defaults: { retry?: Record<string, unknown>; timeoutMs?: number } | null;
}

export function describeStepTypes(registry: StepRegistry): StepTypeInfo[] {
  return Object.values(registry)
    .map((t) => ({
      type: t.type,
      title: t.title,
      description: t.description,
      group: t.group,
      // io 'input': the shape a user writes (fields with defaults are optional); refinements and transforms have no JSON Schema, so they read as "any".
      configSchema: z.toJSONSchema(t.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>,
      output: Object.fromEntries(Object.entries(t.output).map(([k, v]) => [k, { type: v.type, description: v.description }])),
      defaults: t.defaults ?? null,
    }))
    .sort((a, b) => a.group.localeCompare(b.group) || a.type.localeCompare(b.type));
}

let cached: StepTypeInfo[] | null = null;
export function stepTypeCatalog(): StepTypeInfo[] {
  cached ??= describeStepTypes(stepTypes);
  return cached;
}
