/**
 * Edits of a draft's step graph, as pure functions the canvas calls: adding a
 * step with a fresh id, connecting two steps (an edge is the target's
 * `dependsOn`), removing steps and edges, renaming a step, and dagre's
 * top-to-bottom layout. Kept free of React so they are unit-tested.
 */
import dagre from '@dagrejs/dagre';
import type { DraftStep } from './builder-types';

export const NODE_WIDTH = 232;
export const NODE_HEIGHT = 72;
/** Space between a step and the next one down. */
export const STEP_GAP = 56;

export const STEP_ID = /^[a-z][a-z0-9_]{0,63}$/;

/** An edge id that names both ends, so removing an edge knows which dependency it was. */
export const edgeId = (from: string, to: string) => `${from}->${to}`;
export function parseEdgeId(id: string): { from: string; to: string } | null {
  const i = id.indexOf('->');
  return i < 0 ? null : { from: id.slice(0, i), to: id.slice(i + 2) };
}

/** `scan.run` → `scan_run`, then `scan_run_2`, … whichever is free. */
export function freshStepId(type: string, taken: Iterable<string>): string {
  const used = new Set(taken);
  let base = type
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (!/^[a-z]/.test(base)) base = `step_${base}`;
  base = base.slice(0, 58) || 'step';
  if (!used.has(base)) return base;
  for (let n = 2; ; n++) if (!used.has(`${base}_${n}`)) return `${base}_${n}`;
}

/** Where a step added without a drop point goes: below the lowest step, in line with it. */
export function nextFreePosition(steps: readonly DraftStep[]): { x: number; y: number } {
  if (steps.length === 0) return { x: 80, y: 40 };
  const placed = steps.filter((s) => s.position);
  if (placed.length === 0) return { x: 80, y: 40 + steps.length * (NODE_HEIGHT + STEP_GAP) };
  const last = placed.reduce((a, b) => (b.position!.y > a.position!.y ? b : a));
  return { x: last.position!.x, y: last.position!.y + NODE_HEIGHT + STEP_GAP };
}

export function addStep(
  steps: readonly DraftStep[],
  type: string,
  position: { x: number; y: number } = nextFreePosition(steps),
  config: Record<string, unknown> = {},
): { steps: DraftStep[]; id: string } {
  const id = freshStepId(type, steps.map((s) => s.id));
  return { steps: [...steps, { id, type, config, dependsOn: [], position }], id };
}

/** Whether `to` already reaches `from` through dependencies (then from → to would close a cycle). */
export function wouldCycle(steps: readonly DraftStep[], from: string, to: string): boolean {
  if (from === to) return true;
  const byId = new Map(steps.map((s) => [s.id, s]));
  // Walk from `from` back through what it depends on: meeting `to` means to → … → from exists.
  const seen = new Set<string>();
  const stack = [from];
  while (stack.length) {
    const id = stack.pop()!;
    if (id === to) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const dep of byId.get(id)?.dependsOn ?? []) stack.push(dep);
  }
  return false;
}

export type ConnectResult =
  | { ok: true; steps: DraftStep[] }
  | { ok: false; reason: string };

/** `to` depends on `from` from now on. */
export function connect(steps: readonly DraftStep[], from: string, to: string): ConnectResult {
  const target = steps.find((s) => s.id === to);
  if (!target || !steps.some((s) => s.id === from)) return { ok: false, reason: 'Both ends must be steps' };
  if (from === to) return { ok: false, reason: 'A step cannot depend on itself' };
  if (target.dependsOn.includes(from)) return { ok: false, reason: `${to} already depends on ${from}` };
  if (wouldCycle(steps, from, to))
    return { ok: false, reason: `${to} already runs before ${from}: connecting them would make a cycle` };
  return {
    ok: true,
    steps: steps.map((s) => (s.id === to ? { ...s, dependsOn: [...s.dependsOn, from] } : s)),
  };
}

export function disconnect(steps: readonly DraftStep[], from: string, to: string): DraftStep[] {
  return steps.map((s) => (s.id === to ? { ...s, dependsOn: s.dependsOn.filter((d) => d !== from) } : s));
}

/** Removes the steps and every dependency on them. */
export function removeSteps(steps: readonly DraftStep[], ids: Iterable<string>): DraftStep[] {
  const gone = new Set(ids);
  return steps
    .filter((s) => !gone.has(s.id))
    .map((s) => (s.dependsOn.some((d) => gone.has(d)) ? { ...s, dependsOn: s.dependsOn.filter((d) => !gone.has(d)) } : s));
}

/**
 * Gives a step a new id, and follows it in every `dependsOn` and in the
 * `{{ steps.<id>.… }}` templates and `steps.<id>.…` conditions that name it.
 */
export function renameStep(steps: readonly DraftStep[], from: string, to: string): DraftStep[] {
  if (from === to) return [...steps];
  const pattern = new RegExp(`\\bsteps\\.${from}\\b`, 'g');
  const rewrite = (value: unknown): unknown => {
    if (typeof value === 'string') return value.replace(pattern, `steps.${to}`);
    if (Array.isArray(value)) return value.map(rewrite);
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(v)]));
    return value;
  };
  return steps.map((s) => ({
    ...s,
    id: s.id === from ? to : s.id,
    dependsOn: s.dependsOn.map((d) => (d === from ? to : d)),
    config: rewrite(s.config) as Record<string, unknown>,
    ...(s.condition ? { condition: s.condition.replace(pattern, `steps.${to}`) } : {}),
  }));
}

/** Why `id` cannot be a step id here, or null. */
export function stepIdProblem(steps: readonly DraftStep[], current: string, id: string): string | null {
  if (!STEP_ID.test(id)) return 'A lowercase letter, then lowercase letters, digits or _ (at most 64)';
  if (id !== current && steps.some((s) => s.id === id)) return `Another step is already called ${id}`;
  return null;
}

/** dagre's layered layout, top to bottom (the side panels leave the canvas taller than wide): every step gets a position. */
export function autoLayout(steps: readonly DraftStep[]): DraftStep[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: STEP_GAP, marginx: 24, marginy: 24 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set(steps.map((s) => s.id));
  for (const s of steps) g.setNode(s.id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const s of steps) for (const d of s.dependsOn) if (known.has(d)) g.setEdge(d, s.id);
  dagre.layout(g);
  return steps.map((s) => {
    const n = g.node(s.id);
    return { ...s, position: { x: Math.round(n.x - NODE_WIDTH / 2), y: Math.round(n.y - NODE_HEIGHT / 2) } };
  });
}

/** Steps saved without positions (e.g. from the API or a template) get a layout once, on load. */
export function withPositions(steps: readonly DraftStep[]): DraftStep[] {
  return steps.every((s) => s.position) ? [...steps] : autoLayout(steps);
}
