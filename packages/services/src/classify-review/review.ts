import type { Prisma } from '@racine/db';
import type { z } from 'zod';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import { detectorCatalog } from '../classification/index';
import { detectorPrecision } from '../classification/precision';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import { feedbackCounts } from '../scan/classify-table';
import { recomputeSensitivity } from '../scan/sensitivity';
import type { bulkReviewInput, listClassificationsInput } from './schemas';

export const classificationSelect = {
  id: true,
  label: true,
  state: true,
  confidence: true,
  sensitivity: true,
  source: true,
  detectorVersion: true,
  autoAccepted: true,
  evidence: true,
  reviewedAt: true,
  reviewNote: true,
  updatedAt: true,
  reviewedBy: { select: { id: true, name: true } },
  asset: {
    select: {
      id: true,
      name: true,
      dataType: true,
      qualifiedName: true,
      dataSourceId: true,
      parent: { select: { id: true, name: true, parent: { select: { name: true } } } },
      dataSource: { select: { id: true, name: true, workspaceId: true } },
    },
  },
} satisfies Prisma.ClassificationSelect;

type Row = Prisma.ClassificationGetPayload<{ select: typeof classificationSelect }>;

/** A row as the review queue shows it: where the column is, the label, and why. */
export const toClassificationView = (r: Row) => ({
  id: r.id,
  label: r.label,
  state: r.state,
  autoAccepted: r.autoAccepted,
  confidence: r.confidence,
  sensitivity: r.sensitivity,
  source: r.source,
  detectorVersion: r.detectorVersion,
  evidence: r.evidence,
  reviewedBy: r.reviewedBy,
  reviewedAt: r.reviewedAt,
  reviewNote: r.reviewNote,
  updatedAt: r.updatedAt,
  dataSource: r.asset.dataSource,
  schema: r.asset.parent?.parent?.name ?? null,
  table: r.asset.parent?.name ?? null,
  tableId: r.asset.parent?.id ?? null,
  column: r.asset.name,
  columnId: r.asset.id,
  dataType: r.asset.dataType,
});

export async function listClassifications(deps: ServiceDeps, access: AccessChecker, input: z.output<typeof listClassificationsInput>) {
  const visible = await access.dataSourcesWith('classification.read');
  const [schema, table] = input.table?.includes('.') ? input.table.split('.', 2) : [undefined, input.table];
  const where: Prisma.ClassificationWhereInput = {
    asset: {
      removedAt: null,
      ...(visible === 'all' ? {} : { dataSourceId: { in: visible } }),
      ...(input.dataSourceId ? { dataSourceId: input.dataSourceId } : {}),
      ...(table ? { parent: { name: table, ...(schema ? { parent: { name: schema } } : {}) } } : {}),
    },
    ...(input.label ? (/[.*]$/.test(input.label) ? { label: { startsWith: input.label.replace(/\*$/, '') } } : { label: input.label }) : {}),
    ...(input.state ? { state: input.state } : {}),
    ...(input.minConfidence !== undefined || input.maxConfidence !== undefined
      ? { confidence: { ...(input.minConfidence !== undefined ? { gte: input.minConfidence } : {}), ...(input.maxConfidence !== undefined ? { lte: input.maxConfidence } : {}) } }
      : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.classification.findMany({ where, select: classificationSelect, orderBy: [{ confidence: 'desc' }, { id: 'asc' }], take: input.limit + 1, ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}) }),
    deps.db.classification.count({ where }),
  ]);
  const items = rows.slice(0, input.limit).map(toClassificationView);
  return { items, total, nextCursor: rows.length > input.limit ? (items.at(-1)?.id ?? null) : null };
}

/**
 * Accepts or rejects labels. Rejections stick across rescans; every decision
 * feeds the detector's learned precision and is audited with before/after.
 * Bulk review is one transaction: all or nothing.
 */
export async function reviewClassifications(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: z.output<typeof bulkReviewInput>) {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Reviews are made by people');
  // A bulk review may span sources: the reviewer needs the permission on each of them.
  const owners = await deps.db.classification.findMany({ where: { id: { in: input.ids } }, select: { asset: { select: { dataSourceId: true } } } });
  for (const sourceId of new Set(owners.map((o) => o.asset.dataSourceId))) await access.require('classification.review', dataSourceScope(sourceId));
  const reviewer = actor.userId;
  const result = await mutate(deps, actor, { type: `classification.${input.decision === 'accept' ? 'accepted' : 'rejected'}`, category: 'data', sourceGroup: 'classification', targetGroup: 'catalog', action: input.decision, resourceType: 'classification', complianceRelevant: true }, async (tx) => {
    const rows = await tx.classification.findMany({ where: { id: { in: input.ids } }, select: { id: true, label: true, state: true, autoAccepted: true, asset: { select: { qualifiedName: true, dataSourceId: true, dataSource: { select: { workspaceId: true } } } } } });
    if (rows.length !== new Set(input.ids).size) throw new AppError('NOT_FOUND', `${new Set(input.ids).size - rows.length} of the labels were not found`);
    const state = input.decision === 'accept' ? 'accepted' : 'rejected';
    await tx.classification.updateMany({ where: { id: { in: input.ids } }, data: { state, reviewedById: reviewer, reviewedAt: deps.clock(), reviewNote: input.note ?? null } });
    const sources = [...new Set(rows.map((r) => r.asset.dataSourceId))];
    const workspaces = [...new Set(rows.map((r) => r.asset.dataSource.workspaceId))];
    return {
      result: { updated: rows.length, state, sources },
      resourceId: rows.length === 1 ? rows[0]!.id : undefined,
      workspaceId: workspaces.length === 1 ? workspaces[0] : null,
      before: rows.map((r) => ({ id: r.id, label: r.label, column: r.asset.qualifiedName, state: r.state, autoAccepted: r.autoAccepted })),
      after: { state, count: rows.length },
      details: { labels: [...new Set(rows.map((r) => r.label))], note: input.note ?? null },
    };
  });
  for (const sourceId of result.sources) await recomputeSensitivity(deps.db, sourceId);
  return { updated: result.updated, state: result.state };
}

export async function getClassification(deps: ServiceDeps, id: string) {
  const row = await deps.db.classification.findUnique({ where: { id }, select: classificationSelect });
  if (!row) throw notFound('Classification', id);
  return toClassificationView(row);
}

/** The detector catalogue with each detector's measured precision from reviews. */
export async function listDetectors(deps: ServiceDeps) {
  const feedback = await feedbackCounts(deps.db);
  return detectorCatalog().map((d) => {
    const counts = feedback[d.label] ?? { accepted: 0, rejected: 0 };
    const reviewed = counts.accepted + counts.rejected;
    return {
      ...d,
      accepted: counts.accepted,
      rejected: counts.rejected,
      /** accepted ÷ reviewed, or null before anyone reviewed. */
      measuredPrecision: reviewed ? counts.accepted / reviewed : null,
      /** What the scorer uses: the Beta-smoothed estimate. */
      learnedPrecision: detectorPrecision(counts),
    };
  });
}
