/**
 * Accepting a source's high-confidence suggestions without a person: what a
 * workflow's `classification.autoAccept` step does. Only labels still
 * `suggested` move (a person's accept or reject is never overridden), so a
 * second call with the same threshold changes nothing and writes no activity
 * row. The rows are marked `autoAccepted` with no reviewer, exactly like the
 * scan's own auto-acceptance, so a later rescan may still withdraw them and a
 * person may still reject them.
 */
import type { Prisma } from '@racine/db';
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { recomputeSensitivity } from '../scan/sensitivity';

export interface AutoAcceptParams {
  dataSourceId: string;
  /** Accept suggestions at or above this confidence (0..1). */
  minConfidence: number;
  /** Only these labels; a label ending in "." or "*" is a prefix ("PII.*"). All labels when absent. */
  labels?: readonly string[];
  /** Added to the activity row's details (e.g. the workflow step that asked). */
  audit?: Record<string, unknown>;
}

export interface AutoAcceptResult {
  /** Suggestions accepted now. */
  accepted: number;
  /** Suggestions left for people: below the threshold. */
  skipped: number;
  /** Labels of the filter already decided (accepted or rejected) before: untouched. */
  alreadyDecided: number;
}

export function labelFilter(labels: readonly string[] | undefined): Prisma.ClassificationWhereInput {
  if (!labels?.length) return {};
  return {
    OR: labels.map((l) => (/[.*]$/.test(l) ? { label: { startsWith: l.replace(/\*$/, '') } } : { label: l })),
  };
}

export async function autoAcceptClassifications(deps: ServiceDeps, actor: Actor, params: AutoAcceptParams): Promise<AutoAcceptResult> {
  const scope: Prisma.ClassificationWhereInput = { asset: { dataSourceId: params.dataSourceId, removedAt: null }, ...labelFilter(params.labels) };
  const [candidates, skipped, alreadyDecided] = await Promise.all([
    deps.db.classification.findMany({ where: { ...scope, state: 'suggested', confidence: { gte: params.minConfidence } }, select: { id: true, label: true, confidence: true, asset: { select: { qualifiedName: true } } }, orderBy: { id: 'asc' } }),
    deps.db.classification.count({ where: { ...scope, state: 'suggested', confidence: { lt: params.minConfidence } } }),
    deps.db.classification.count({ where: { ...scope, state: { in: ['accepted', 'rejected'] } } }),
  ]);
  if (candidates.length === 0) return { accepted: 0, skipped, alreadyDecided };
  const source = await deps.db.dataSource.findUniqueOrThrow({ where: { id: params.dataSourceId }, select: { workspaceId: true } });
  const accepted = await mutate(
    deps,
    actor,
    { type: 'classification.auto-accepted', category: 'data', sourceGroup: 'classification', targetGroup: 'catalog', action: 'accept', resourceType: 'datasource', resourceId: params.dataSourceId, workspaceId: source.workspaceId, complianceRelevant: true },
    async (tx) => {
      // Only rows still suggested: a person who decided meanwhile wins.
      const { count } = await tx.classification.updateMany({
        where: { id: { in: candidates.map((c) => c.id) }, state: 'suggested' },
        data: { state: 'accepted', autoAccepted: true, reviewedById: null, reviewedAt: deps.clock() },
      });
      return {
        result: count,
        before: candidates.slice(0, 200).map((c) => ({ id: c.id, label: c.label, column: c.asset.qualifiedName, confidence: c.confidence, state: 'suggested' })),
        after: { state: 'accepted', autoAccepted: true, count },
        details: { ...params.audit, minConfidence: params.minConfidence, labels: params.labels ?? null, accepted: count },
      };
    },
  );
  await recomputeSensitivity(deps.db, params.dataSourceId);
  return { accepted, skipped, alreadyDecided: alreadyDecided + (candidates.length - accepted) };
}
