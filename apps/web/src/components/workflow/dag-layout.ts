import dagre from '@dagrejs/dagre';

export const STEP_NODE_WIDTH = 210;
export const STEP_NODE_HEIGHT = 68;

/**
 * Left-to-right positions for a workflow's steps (dagre's layered layout): a step sits to
 * the right of everything it depends on. Positions are React Flow's top-left corners.
 * Unknown dependencies (a definition being edited) are ignored, not drawn.
 */
export function layoutSteps(
  steps: readonly { id: string; dependsOn?: readonly string[] }[],
): Map<string, { x: number; y: number }> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 28, ranksep: 70, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set(steps.map((s) => s.id));
  for (const s of steps) g.setNode(s.id, { width: STEP_NODE_WIDTH, height: STEP_NODE_HEIGHT });
  for (const s of steps)
    for (const dep of s.dependsOn ?? []) if (known.has(dep) && dep !== s.id) g.setEdge(dep, s.id);
  dagre.layout(g);
  const positions = new Map<string, { x: number; y: number }>();
  for (const s of steps) {
    const n = g.node(s.id);
    positions.set(s.id, { x: n.x - STEP_NODE_WIDTH / 2, y: n.y - STEP_NODE_HEIGHT / 2 });
  }
  return positions;
}
