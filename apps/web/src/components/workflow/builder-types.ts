/**
 * The builder's view of a workflow definition. It mirrors the definition
 * schema (packages/services/src/workflow/definition.ts) in plain types, so the
 * canvas can hold a draft that is not valid yet (a step without config, a
 * dangling dependency) until Validate or Save asks the server.
 */

export interface DraftRetry {
  attempts: number;
  backoffMs: number;
  maxBackoffMs?: number;
  jitter?: number;
}

export interface DraftStep {
  id: string;
  name?: string;
  type: string;
  config: Record<string, unknown>;
  dependsOn: string[];
  retry?: DraftRetry;
  timeoutMs?: number;
  condition?: string;
  position?: { x: number; y: number };
}

export type ParameterType = 'string' | 'number' | 'boolean' | 'dataSource' | 'workspace' | 'user';
export const parameterTypes: { value: ParameterType; label: string }[] = [
  { value: 'string', label: 'Text' },
  { value: 'number', label: 'Number' },
  { value: 'boolean', label: 'Yes / no' },
  { value: 'dataSource', label: 'Data source' },
  { value: 'workspace', label: 'Workspace' },
  { value: 'user', label: 'User' },
];

export interface DraftParameter {
  name: string;
  label?: string;
  type: ParameterType;
  required: boolean;
  default?: string | number | boolean;
  description?: string;
}

export interface DraftTriggers {
  manual: boolean;
  cron?: string;
  event?: { type: string; sameWorkspace: boolean; condition?: string };
  webhook: boolean;
}

export interface DraftDefinition {
  steps: DraftStep[];
  triggers: DraftTriggers;
  parameters: DraftParameter[];
  maxConcurrentExecutions?: number;
}

/** A step type as `workflow.stepTypes` describes it. */
export interface StepTypeInfo {
  type: string;
  title: string;
  description: string;
  group: string;
  configSchema: unknown;
  output: Record<string, { type: string; description?: string }>;
}

/** One problem `workflow.validate` found. */
export interface ValidationIssue {
  path: string;
  stepId?: string;
  message: string;
}

export const groupLabels: Record<string, string> = {
  scanning: 'Scanning',
  classification: 'Classification',
  compliance: 'Compliance',
  catalog: 'Catalog',
  notification: 'Notification',
  human: 'People',
  control: 'Control flow',
};
export const groupOrder = ['scanning', 'classification', 'compliance', 'catalog', 'human', 'notification', 'control'];

/** A definition from the server (any shape the schema accepts) as a draft the builder can edit. */
export function toDraft(definition: unknown): DraftDefinition {
  const d = (definition ?? {}) as Partial<DraftDefinition>;
  return {
    steps: (d.steps ?? []).map((s) => ({
      ...s,
      config: { ...(s.config ?? {}) },
      dependsOn: [...(s.dependsOn ?? [])],
    })),
    triggers: { manual: true, webhook: false, ...(d.triggers ?? {}) },
    parameters: (d.parameters ?? []).map((p) => ({ ...p, required: p.required ?? false })),
    ...(d.maxConcurrentExecutions ? { maxConcurrentExecutions: d.maxConcurrentExecutions } : {}),
  };
}

/**
 * The draft as the definition the server takes: empty optional fields left
 * out (a blank condition is no condition), so a draft that only moved nodes
 * compares equal to what was loaded.
 */
export function fromDraft(draft: DraftDefinition): DraftDefinition {
  return {
    steps: draft.steps.map((s) => {
      const step: DraftStep = { id: s.id, type: s.type, config: s.config, dependsOn: s.dependsOn };
      if (s.name?.trim()) step.name = s.name.trim();
      if (s.retry) step.retry = s.retry;
      if (s.timeoutMs) step.timeoutMs = s.timeoutMs;
      if (s.condition?.trim()) step.condition = s.condition.trim();
      if (s.position) step.position = { x: Math.round(s.position.x), y: Math.round(s.position.y) };
      return step;
    }),
    triggers: {
      manual: draft.triggers.manual,
      webhook: draft.triggers.webhook,
      ...(draft.triggers.cron?.trim() ? { cron: draft.triggers.cron.trim() } : {}),
      ...(draft.triggers.event?.type
        ? {
            event: {
              type: draft.triggers.event.type,
              sameWorkspace: draft.triggers.event.sameWorkspace,
              ...(draft.triggers.event.condition?.trim()
                ? { condition: draft.triggers.event.condition.trim() }
                : {}),
            },
          }
        : {}),
    },
    parameters: draft.parameters.map((p) => {
      const param: DraftParameter = { name: p.name, type: p.type, required: p.required };
      if (p.label?.trim()) param.label = p.label.trim();
      if (p.description?.trim()) param.description = p.description.trim();
      if (p.default !== undefined && p.default !== '') param.default = p.default;
      return param;
    }),
    ...(draft.maxConcurrentExecutions ? { maxConcurrentExecutions: draft.maxConcurrentExecutions } : {}),
  };
}

/** Whether two drafts would save the same definition (node positions included: a moved node is worth saving). */
export function sameDefinition(a: DraftDefinition, b: DraftDefinition): boolean {
  return JSON.stringify(fromDraft(a)) === JSON.stringify(fromDraft(b));
}
