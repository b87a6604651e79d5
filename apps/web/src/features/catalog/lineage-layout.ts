import dagre from '@dagrejs/dagre';

export const NODE_WIDTH = 220;
export const NODE_HEIGHT = 58;

type Point = { x: number; y: number };

export const edgeKey = (from: string, to: string) => `${from}->${to}`;

/**
 * Left-to-right positions for a lineage graph (dagre's layered layout):
 * upstream on the left, downstream on the right. Positions are React Flow's
 * top-left corners, so dagre's centres are shifted by half a node. Each edge
 * also gets the bend points dagre routed it through, so an edge that skips a
 * rank goes around the assets in between instead of under them.
 */
export function layoutLineage(
  nodeIds: readonly string[],
  edges: readonly { from: string; to: string }[],
): { positions: Map<string, Point>; bends: Map<string, Point[]> } {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 24, ranksep: 80, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));
  const known = new Set(nodeIds);
  for (const id of nodeIds) g.setNode(id, { width: NODE_WIDTH, height: NODE_HEIGHT });
  for (const e of edges) if (known.has(e.from) && known.has(e.to)) g.setEdge(e.from, e.to);
  dagre.layout(g);
  const positions = new Map<string, Point>();
  for (const id of nodeIds) {
    const n = g.node(id);
    positions.set(id, { x: n.x - NODE_WIDTH / 2, y: n.y - NODE_HEIGHT / 2 });
  }
  const bends = new Map<string, Point[]>();
  for (const e of g.edges()) {
    // The first and last points sit on the node borders; the handles replace them.
    const points = (g.edge(e).points ?? []).slice(1, -1);
    bends.set(edgeKey(e.v, e.w), points.map((p: Point) => ({ x: p.x, y: p.y })));
  }
  return { positions, bends };
}
