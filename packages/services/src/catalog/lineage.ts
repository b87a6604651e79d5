/**
 * Lineage: the graph around an asset (recursive, cycle-safe, capped), with
 * nodes of unreadable sources reduced to opaque placeholders, and label
 * propagation suggestions along the edges that propagate.
 */
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { lineageSuggestions } from './lineage-suggestions';
import type { LineageInput } from './schemas';

/** Beyond this many nodes the graph is cut (nearest first) and `truncated` says so. */
export const LINEAGE_NODE_CAP = 500;

export interface LineageNode {
  id: string;
  /** The asset type, or 'hidden' for an asset in a source the caller cannot read. */
  type: string;
  name: string;
  qualifiedName: string;
  dataSourceId: string | null;
  dataSourceName: string | null;
  sensitivity: string | null;
  labels: string[];
}

export interface LineageEdgeView {
  id: string;
  from: string;
  to: string;
  kind: string;
  note: string;
  propagation: 'none' | 'downstream' | 'both';
}

/**
 * Every asset within `depth` hops. UNION (not UNION ALL) on (asset, depth)
 * keeps each level at most as large as the graph, so cycles end at the depth
 * bound instead of looping; the outer query keeps each asset's nearest depth.
 */
const walkSql = (step: 'down' | 'up') => {
  const [near, far] = step === 'down' ? ['"fromAssetId"', '"toAssetId"'] : ['"toAssetId"', '"fromAssetId"'];
  return `SELECT e.${far} AS id, w.depth + 1 AS depth FROM walk w JOIN "LineageEdge" e ON e.${near} = w.id WHERE w.depth < $2`;
};

export async function getLineage(deps: ServiceDeps, access: AccessChecker, input: LineageInput) {
  const root = await deps.db.asset.findUnique({ where: { id: input.id }, select: { id: true } });
  if (!root) throw notFound('Asset', input.id);
  const steps = input.direction === 'both' ? [walkSql('down'), walkSql('up')] : [walkSql(input.direction === 'downstream' ? 'down' : 'up')];
  // Both directions walk separately so "both" never turns upstream halfway down.
  const reached = await deps.db.$queryRawUnsafe<{ id: string; depth: number }[]>(
    `WITH RECURSIVE ${steps
      .map((step, i) => `walk${i}(id, depth) AS (SELECT $1::text, 0 UNION ${step.replaceAll('walk w', `walk${i} w`)})`)
      .join(', ')}
     SELECT id, min(depth)::int AS depth FROM (${steps.map((_, i) => `SELECT id, depth FROM walk${i}`).join(' UNION ALL ')}) x
      GROUP BY id ORDER BY min(depth), id LIMIT ${LINEAGE_NODE_CAP + 1}`,
    input.id,
    input.depth,
  );
  const truncated = reached.length > LINEAGE_NODE_CAP;
  const ids = reached.slice(0, LINEAGE_NODE_CAP).map((r) => r.id);
  const [assets, edges, visible] = await Promise.all([
    deps.db.asset.findMany({ where: { id: { in: ids } }, select: { id: true, type: true, name: true, qualifiedName: true, dataSourceId: true, sensitivity: true, labels: true, dataSource: { select: { name: true } } } }),
    deps.db.lineageEdge.findMany({ where: { fromAssetId: { in: ids }, toAssetId: { in: ids } }, select: { id: true, fromAssetId: true, toAssetId: true, kind: true, note: true, propagation: true }, orderBy: { createdAt: 'asc' } }),
    access.dataSourcesWith('datasource.read'),
  ]);
  const readable = (sourceId: string) => visible === 'all' || visible.includes(sourceId);
  const byId = new Map(assets.map((a) => [a.id, a]));
  const nodes: LineageNode[] = ids.flatMap((id): LineageNode[] => {
    const a = byId.get(id);
    if (!a) return [];
    if (!readable(a.dataSourceId)) return [{ id, type: 'hidden', name: '', qualifiedName: '', dataSourceId: null, dataSourceName: null, sensitivity: null, labels: [] }];
    return [{ id, type: a.type, name: a.name, qualifiedName: a.qualifiedName, dataSourceId: a.dataSourceId, dataSourceName: a.dataSource.name, sensitivity: a.sensitivity, labels: a.labels }];
  });
  const hidden = new Set(nodes.filter((n) => n.type === 'hidden').map((n) => n.id));
  const edgeViews: LineageEdgeView[] = edges.map((e) => ({
    id: e.id,
    from: e.fromAssetId,
    to: e.toAssetId,
    kind: e.kind,
    // A foreign key's note names the hidden side's columns.
    note: hidden.has(e.fromAssetId) || hidden.has(e.toAssetId) ? '' : e.note,
    propagation: e.propagation,
  }));
  const rejected = await deps.db.classification.findMany({ where: { assetId: { in: ids.filter((id) => !hidden.has(id)) }, state: 'rejected' }, select: { assetId: true, label: true } });
  const rejectedOn = new Map<string, Set<string>>();
  for (const r of rejected) rejectedOn.set(r.assetId, (rejectedOn.get(r.assetId) ?? new Set()).add(r.label));
  const suggestions = lineageSuggestions(
    edgeViews,
    (id) => (hidden.has(id) ? undefined : byId.get(id)?.labels),
    (id) => rejectedOn.get(id) ?? new Set(),
  );
  return { root: input.id, nodes, edges: edgeViews, truncated, suggestions };
}
