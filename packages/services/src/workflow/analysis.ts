/**
 * Performance analysis from run history, and concrete changes to make.
 *
 * From the step runs of a workflow's recent executions: each step's p50/p95
 * duration, how often it failed and how often it needed a retry; the critical
 * path of the latest version's DAG weighted by p50 durations. Suggestions:
 * - parallelize: B depends on A only by order (reads none of A's outputs, in
 *   its config or its condition, and names none of the same resources);
 *   dropping the edge (B keeps A's own dependencies) lets them run side by side;
 * - flaky: failure rate > 10% or retry rate > 20% over ≥ 5 runs → 3 attempts
 *   with backoff;
 * - slow: p95 > 2× p50 (erratic: a timeout stops a stuck run), or more than
 *   half of the critical path's time (where the run spends its time).
 * Applying one writes a new version for the user to review. Ids are
 * deterministic (`parallelize:a>b`, `flaky:a`, `slow:a`), so a suggestion
 * seen in the page is recognised (or found stale) when applied.
 */
import type { StepRunStatus } from '@racine/db';
import type { StepDefinition, WorkflowDefinition } from './definition';
import { retryPolicySchema } from './definition';
import { templateRefs, transitiveDependencies } from './expressions';
import type { StepRegistry } from './validate';

/** How many recent executions the analysis reads. */
export const ANALYSIS_WINDOW = 50;
export const MIN_RUNS_FOR_RATES = 5;
const FLAKY_FAILURE_RATE = 0.1;
const FLAKY_RETRY_RATE = 0.2;
const SUGGESTED_ATTEMPTS = 3;

export interface StepRunSample {
  stepId: string;
  status: StepRunStatus;
  attempt: number;
  startedAt: Date | null;
  finishedAt: Date | null;
}

export interface StepStats {
  stepId: string;
  /** Null when no run of the step has finished yet. */
  p50Ms: number | null;
  p95Ms: number | null;
  /** Runs that finished (succeeded or failed); skipped and cancelled ones did not run. */
  runs: number;
  failureRate: number;
  retryRate: number;
}

export type SuggestionKind = 'parallelize' | 'flaky' | 'slow';

export interface Suggestion {
  id: string;
  kind: SuggestionKind;
  stepIds: string[];
  message: string;
  /** Whether applying it changes the definition (else it is worth knowing, with nothing to apply). */
  apply: boolean;
}

export interface Analysis {
  stats: StepStats[];
  criticalPath: string[];
  /** The sum of p50 durations along the critical path. */
  criticalPathMs: number;
  suggestions: Suggestion[];
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (!sorted.length) return null;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))]!;
}

export function stepStats(definition: WorkflowDefinition, samples: readonly StepRunSample[]): StepStats[] {
  return definition.steps.map((step) => {
    const mine = samples.filter((s) => s.stepId === step.id && (s.status === 'succeeded' || s.status === 'failed'));
    const durations = mine
      .filter((s) => s.startedAt && s.finishedAt)
      .map((s) => s.finishedAt!.getTime() - s.startedAt!.getTime())
      .sort((a, b) => a - b);
    const runs = mine.length;
    return {
      stepId: step.id,
      p50Ms: percentile(durations, 0.5),
      p95Ms: percentile(durations, 0.95),
      runs,
      failureRate: runs ? mine.filter((s) => s.status === 'failed').length / runs : 0,
      retryRate: runs ? mine.filter((s) => s.attempt > 1).length / runs : 0,
    };
  });
}

/** The heaviest path through the DAG (weights: p50, 0 when unknown); ties go to the longer path, then to definition order. */
export function criticalPath(definition: WorkflowDefinition, weightOf: (stepId: string) => number): { path: string[]; ms: number } {
  const steps = definition.steps;
  const best = new Map<string, { ms: number; count: number; prev: string | null }>();
  const byId = new Map(steps.map((s) => [s.id, s]));
  const visit = (id: string, seen: Set<string>): { ms: number; count: number; prev: string | null } => {
    const known = best.get(id);
    if (known) return known;
    if (seen.has(id)) return { ms: 0, count: 0, prev: null }; // validated definitions have no cycle; never loop regardless
    seen.add(id);
    let top: { ms: number; count: number; prev: string | null } = { ms: 0, count: 0, prev: null };
    for (const dep of byId.get(id)?.dependsOn ?? []) {
      if (!byId.has(dep)) continue;
      const d = visit(dep, seen);
      if (d.ms > top.ms || (d.ms === top.ms && d.count > top.count)) top = { ms: d.ms, count: d.count, prev: dep };
    }
    const own = { ms: top.ms + weightOf(id), count: top.count + 1, prev: top.prev };
    best.set(id, own);
    return own;
  };
  let end: string | null = null;
  for (const s of steps) {
    const r = visit(s.id, new Set());
    const e = end ? best.get(end)! : null;
    if (!e || r.ms > e.ms || (r.ms === e.ms && r.count > e.count)) end = s.id;
  }
  const path: string[] = [];
  for (let at = end; at; at = best.get(at)!.prev) path.unshift(at);
  return { path, ms: end ? best.get(end)!.ms : 0 };
}

const seconds = (ms: number) => (ms >= 10_000 ? `${Math.round(ms / 1000)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(1)} s` : `${Math.round(ms)} ms`);
const percent = (r: number) => `${Math.round(r * 100)}%`;

/** What a step reads of other steps: ids named in its config templates and its condition. */
function stepsRead(step: StepDefinition): Set<string> {
  const read = new Set<string>();
  for (const ref of templateRefs(step.config)) {
    const [root, id] = ref.split('.');
    if (root === 'steps' && id) read.add(id);
  }
  for (const m of (step.condition ?? '').matchAll(/\bsteps\.([a-z][a-z0-9_]*)\./g)) read.add(m[1]!);
  return read;
}

/** The resources a step's config names (values of `…Id` / `…Ids` keys, literal or template): two steps naming the same one are ordered on purpose. */
function resourcesNamed(config: unknown, out = new Set<string>(), key = '', depth = 0): Set<string> {
  if (depth > 32) return out;
  if (typeof config === 'string') {
    if (/Ids?$/.test(key)) out.add(config.replace(/\s+/g, ''));
  } else if (Array.isArray(config)) config.forEach((v) => resourcesNamed(v, out, key, depth + 1));
  else if (config && typeof config === 'object') for (const [k, v] of Object.entries(config)) resourcesNamed(v, out, k, depth + 1);
  return out;
}

function ancestorsWithout(definition: WorkflowDefinition, stepId: string, skipEdge: [string, string]): Set<string> {
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const seen = new Set<string>();
  const stack = (byId.get(stepId)?.dependsOn ?? []).filter((d) => !(stepId === skipEdge[1] && d === skipEdge[0]));
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(byId.get(id)?.dependsOn ?? []));
  }
  return seen;
}

/** Every step that reads `stepId`'s outputs still has it among its transitive dependencies. */
function stillAfterWhatTheyRead(definition: WorkflowDefinition, stepId: string): boolean {
  return definition.steps.every((s) => !stepsRead(s).has(stepId) || transitiveDependencies(definition, s.id).includes(stepId));
}

/** The groups whose order is the point: a human gate, a condition, a delay, a fan-out. */
const ORDERED_GROUPS = new Set(['human', 'control']);

/** The definition with suggestion `id` applied, or null when it changes nothing or does not apply. */
export function applyToDefinition(definition: WorkflowDefinition, id: string, stats: readonly StepStats[]): WorkflowDefinition | null {
  const [kind, rest] = [id.slice(0, id.indexOf(':')), id.slice(id.indexOf(':') + 1)];
  const steps = definition.steps.map((s) => ({ ...s }));
  const byId = new Map(steps.map((s) => [s.id, s]));
  if (kind === 'parallelize') {
    const [a, b] = rest.split('>');
    const from = byId.get(a!);
    const to = byId.get(b!);
    if (!from || !to || !to.dependsOn.includes(from.id)) return null;
    to.dependsOn = [...new Set([...to.dependsOn.filter((d) => d !== from.id), ...from.dependsOn])];
    return { ...definition, steps };
  }
  const step = byId.get(rest);
  if (!step) return null;
  if (kind === 'flaky') {
    const current = step.retry;
    if ((current?.attempts ?? 1) >= SUGGESTED_ATTEMPTS) return null;
    step.retry = retryPolicySchema.parse({ ...current, attempts: SUGGESTED_ATTEMPTS, backoffMs: Math.max(current?.backoffMs ?? 0, 5_000) });
    return { ...definition, steps };
  }
  if (kind === 'slow') {
    const p95 = stats.find((s) => s.stepId === step.id)?.p95Ms;
    if (step.timeoutMs !== undefined || !p95) return null;
    step.timeoutMs = Math.min(30 * 86_400_000, Math.max(1_000, Math.ceil((2 * p95) / 1000) * 1000));
    return { ...definition, steps };
  }
  return null;
}

export function analyzeRuns(definition: WorkflowDefinition, samples: readonly StepRunSample[], registry: StepRegistry): Analysis {
  const stats = stepStats(definition, samples);
  const statOf = new Map(stats.map((s) => [s.stepId, s]));
  const critical = criticalPath(definition, (id) => statOf.get(id)?.p50Ms ?? 0);
  const suggestions: Suggestion[] = [];
  const groupOf = (step: StepDefinition) => registry[step.type]?.group;

  for (const to of definition.steps) {
    const reads = stepsRead(to);
    for (const a of to.dependsOn) {
      const from = definition.steps.find((s) => s.id === a);
      if (!from || reads.has(a)) continue;
      if (ORDERED_GROUPS.has(groupOf(from) ?? 'control') || ORDERED_GROUPS.has(groupOf(to) ?? 'control')) continue;
      const shared = [...resourcesNamed(from.config)].filter((r) => resourcesNamed(to.config).has(r));
      if (shared.length) continue;
      // Still after A through another dependency: dropping the edge would gain nothing.
      if (ancestorsWithout(definition, to.id, [a, to.id]).has(a)) continue;
      const id = `parallelize:${a}>${to.id}`;
      const changed = applyToDefinition(definition, id, stats);
      // A later step may read A through B: every step that reads A must still come after it.
      if (!changed || !stillAfterWhatTheyRead(changed, a)) continue;
      const saving = statOf.get(a)?.p50Ms;
      suggestions.push({
        id,
        kind: 'parallelize',
        stepIds: [a, to.id],
        message: `"${to.id}" depends on "${a}" only by order: it reads none of "${a}"'s outputs, so it could run in parallel with "${a}"${saving ? ` (saving up to ${seconds(saving)} per run, "${a}"'s p50)` : ''}`,
        apply: true,
      });
    }
  }

  for (const step of definition.steps) {
    const s = statOf.get(step.id)!;
    if (s.runs < MIN_RUNS_FOR_RATES || groupOf(step) === 'human') continue;
    if (s.failureRate > FLAKY_FAILURE_RATE || s.retryRate > FLAKY_RETRY_RATE) {
      const id = `flaky:${step.id}`;
      const canApply = applyToDefinition(definition, id, stats) !== null;
      suggestions.push({
        id,
        kind: 'flaky',
        stepIds: [step.id],
        message: `"${step.id}" is flaky: ${percent(s.failureRate)} of its last ${s.runs} runs failed and ${percent(s.retryRate)} needed a retry — ${
          canApply ? `retry it up to ${SUGGESTED_ATTEMPTS} times with exponential backoff` : `it already retries ${step.retry?.attempts} times; look at its errors`
        }`,
        apply: canApply,
      });
    }
  }

  const share = (id: string) => (critical.ms > 0 ? (statOf.get(id)?.p50Ms ?? 0) / critical.ms : 0);
  for (const step of definition.steps) {
    const s = statOf.get(step.id)!;
    // A human decision or a deliberate delay is slow by design.
    if (s.p50Ms === null || s.p95Ms === null || groupOf(step) === 'human' || step.type === 'delay') continue;
    const erratic = s.runs >= MIN_RUNS_FOR_RATES && s.p95Ms > 2 * s.p50Ms;
    const dominant = critical.path.includes(step.id) && critical.path.length > 1 && share(step.id) > 0.5;
    if (!erratic && !dominant) continue;
    const id = `slow:${step.id}`;
    const canApply = erratic && applyToDefinition(definition, id, stats) !== null;
    const parts = [
      erratic ? `its p95 (${seconds(s.p95Ms)}) is more than twice its p50 (${seconds(s.p50Ms)})` : null,
      dominant ? `it takes ${percent(share(step.id))} of the critical path (${seconds(s.p50Ms)} of ${seconds(critical.ms)})` : null,
    ].filter(Boolean);
    const advice = canApply
      ? ` — a timeout of ${seconds(applyToDefinition(definition, id, stats)!.steps.find((x) => x.id === step.id)!.timeoutMs!)} (twice its p95) stops a stuck run`
      : dominant
        ? ' — it is where each run spends its time'
        : '';
    suggestions.push({ id, kind: 'slow', stepIds: [step.id], message: `"${step.id}" is slow: ${parts.join(', and ')}${advice}`, apply: canApply });
  }

  return { stats, criticalPath: critical.path, criticalPathMs: critical.ms, suggestions };
}
