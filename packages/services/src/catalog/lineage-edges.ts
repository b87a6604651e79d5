/** Declared lineage: add, change (note, propagation) and remove edges. Audited. */
import type { z } from 'zod';
import type { Actor } from '../actor';
import { actorUserId } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import type { addLineageEdgeInput, updateLineageEdgeInput } from './schemas';

const edgeSelect = { id: true, fromAssetId: true, toAssetId: true, kind: true, note: true, propagation: true, createdById: true, createdAt: true } as const;
const view = (e: { id: string; fromAssetId: string; toAssetId: string; kind: string; note: string; propagation: 'none' | 'downstream' | 'both'; createdById: string | null; createdAt: Date }) => ({
  id: e.id,
  from: e.fromAssetId,
  to: e.toAssetId,
  kind: e.kind,
  note: e.note,
  propagation: e.propagation,
  createdById: e.createdById,
  createdAt: e.createdAt,
});
const spec = (type: string, action: string) => ({ type, category: 'data' as const, sourceGroup: 'catalog', action, resourceType: 'lineageEdge', complianceRelevant: false });

export async function addLineageEdge(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof addLineageEdgeInput>) {
  const [from, to] = await Promise.all(
    [input.fromAssetId, input.toAssetId].map((id) => deps.db.asset.findUnique({ where: { id }, select: { id: true, qualifiedName: true, dataSourceId: true, dataSource: { select: { workspaceId: true } } } })),
  );
  if (!to) throw notFound('Asset', input.toAssetId);
  // An unreadable upstream asset is reported as missing: its existence is not the caller's to learn.
  if (!from || !(await access.can('datasource.read', dataSourceScope(from.dataSourceId)))) throw notFound('Asset', input.fromAssetId);
  const existing = await deps.db.lineageEdge.findFirst({ where: { fromAssetId: from.id, toAssetId: to.id }, select: { kind: true } });
  if (existing)
    throw new AppError('CONFLICT', `${from.qualifiedName} already feeds ${to.qualifiedName} (a ${existing.kind === 'declared' ? 'declared' : existing.kind.replace('_', ' ')} edge)`, { field: 'toAssetId' });
  return mutate(deps, actor, { ...spec('catalog.lineage.added', 'create'), workspaceId: to.dataSource.workspaceId }, async (tx) => {
    const edge = await tx.lineageEdge.create({
      data: { fromAssetId: from.id, toAssetId: to.id, kind: 'declared', note: input.note, propagation: input.propagation, createdById: actorUserId(actor) },
      select: edgeSelect,
    });
    return { result: view(edge), resourceId: edge.id, after: { from: from.qualifiedName, to: to.qualifiedName, note: edge.note, propagation: edge.propagation } };
  });
}

export async function updateLineageEdge(deps: ServiceDeps, actor: Actor, input: z.output<typeof updateLineageEdgeInput>) {
  return mutate(deps, actor, { ...spec('catalog.lineage.updated', 'update'), resourceId: input.id }, async (tx) => {
    const current = await tx.lineageEdge.findUnique({ where: { id: input.id }, select: { ...edgeSelect, to: { select: { dataSource: { select: { workspaceId: true } } } } } });
    if (!current) throw notFound('Lineage edge', input.id);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    if (input.note !== undefined && input.note !== current.note) [before.note, after.note] = [current.note, input.note];
    if (input.propagation !== undefined && input.propagation !== current.propagation) [before.propagation, after.propagation] = [current.propagation, input.propagation];
    const edge = await tx.lineageEdge.update({ where: { id: input.id }, data: { note: input.note, propagation: input.propagation }, select: edgeSelect });
    return { result: view(edge), workspaceId: current.to.dataSource.workspaceId, before, after };
  });
}

export async function removeLineageEdge(deps: ServiceDeps, actor: Actor, id: string) {
  return mutate(deps, actor, { ...spec('catalog.lineage.removed', 'delete'), resourceId: id }, async (tx) => {
    const current = await tx.lineageEdge.findUnique({ where: { id }, select: { ...edgeSelect, to: { select: { dataSource: { select: { workspaceId: true } } } } } });
    if (!current) throw notFound('Lineage edge', id);
    if (current.kind !== 'declared')
      throw new AppError('PRECONDITION_FAILED', `Only declared edges can be removed: this one comes from a ${current.kind.replace('_', ' ')}, and the next scan would recreate it. Set its propagation to "none" instead, or change the source.`);
    await tx.lineageEdge.delete({ where: { id } });
    return { result: { removed: true, id }, workspaceId: current.to.dataSource.workspaceId, before: view(current) };
  });
}
