/**
 * Where each problem `workflow.validate` reported belongs in the builder: on
 * a step (its node shows a count, its panel the messages) and, within it, on
 * a config field or one of the step's own fields (condition, retry, …); the
 * rest (triggers, parameters, the graph as a whole) on the workflow panel.
 * Paths may be `steps.2.config.dataSourceId`, `steps[2].config…` or name
 * the step by id; an explicit `stepId` wins.
 */
import type { DraftStep, ValidationIssue } from './builder-types';

export interface StepIssues {
  /** Every message about the step, for its node's tooltip and count. */
  all: string[];
  /** Messages by config path, e.g. `dataSourceId` or `step.config.title`. */
  config: Map<string, string[]>;
  /** Messages by the step's own field: `condition`, `retry`, `timeoutMs`, `id`, `dependsOn`, `type`, `name`. */
  fields: Map<string, string[]>;
  /** Messages about the step not tied to one field. */
  general: string[];
}

export interface PlacedIssues {
  byStep: Map<string, StepIssues>;
  /** Not about one step: by the workflow-level section (`triggers`, `parameters`, or '' for the rest). */
  workflow: { section: string; path: string; message: string }[];
}

const push = (m: Map<string, string[]>, k: string, v: string) => m.set(k, [...(m.get(k) ?? []), v]);

export function splitPath(path: string): string[] {
  return path
    .replace(/\[(\w+)\]/g, '.$1')
    .split('.')
    .filter(Boolean);
}

export function placeIssues(issues: readonly ValidationIssue[], steps: readonly DraftStep[]): PlacedIssues {
  const byStep = new Map<string, StepIssues>();
  const workflow: PlacedIssues['workflow'] = [];
  const ids = new Set(steps.map((s) => s.id));
  for (const issue of issues) {
    const parts = splitPath(issue.path);
    let stepId = issue.stepId && ids.has(issue.stepId) ? issue.stepId : undefined;
    let rest: string[] = [];
    if (parts[0] === 'steps' && parts.length > 1) {
      const key = parts[1]!;
      const byIndex = /^\d+$/.test(key) ? steps[Number(key)]?.id : undefined;
      stepId ??= byIndex ?? (ids.has(key) ? key : undefined);
      rest = parts.slice(2);
    } else if (stepId) rest = parts;
    if (!stepId) {
      workflow.push({ section: parts[0] === 'triggers' || parts[0] === 'parameters' ? parts[0] : '', path: issue.path, message: issue.message });
      continue;
    }
    let entry = byStep.get(stepId);
    if (!entry) byStep.set(stepId, (entry = { all: [], config: new Map(), fields: new Map(), general: [] }));
    entry.all.push(issue.message);
    if (rest[0] === 'config' && rest.length > 1) push(entry.config, rest.slice(1).join('.'), issue.message);
    else if (rest[0] === 'config' || rest.length === 0) entry.general.push(issue.message);
    else push(entry.fields, rest[0]!, issue.message);
  }
  return { byStep, workflow };
}
