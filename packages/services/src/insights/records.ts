/**
 * Candidates → Insight rows, one live record per fingerprint (type + subject):
 * - new fingerprint: created, status new;
 * - same evidence hash: left alone, whatever its status (a dismissed insight does not come back
 *   unchanged; an acknowledged one stays acknowledged);
 * - changed evidence: the record takes the new evidence; a dismissed, actioned or acknowledged
 *   one is reopened (status new, seq bumped so live lists see it again).
 * Conditions that stop being anomalous are not deleted: the record stays as history.
 * Each creation or reopening is audited (insight.detected / insight.reopened) in its transaction.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '@racine/db';
import { systemActor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { isUniqueViolation } from '../errors';
import type { InsightCandidate } from './types';

export const fingerprintOf = (c: Pick<InsightCandidate, 'type' | 'subjectType' | 'subjectId'>) => `${c.type}:${c.subjectType}:${c.subjectId}`;

/** sha256 over the material evidence with sorted keys, so key order never matters. */
export function evidenceHashOf(c: Pick<InsightCandidate, 'severity' | 'material'>): string {
  const material = { severity: c.severity, ...c.material };
  const sorted = Object.fromEntries(Object.entries(material).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

export type RecordOutcome = 'created' | 'reopened' | 'updated' | 'unchanged';

export interface RecordedInsight {
  id: string;
  outcome: RecordOutcome;
  candidate: InsightCandidate;
}

function fields(c: InsightCandidate) {
  return {
    kind: c.kind,
    type: c.type,
    severity: c.severity,
    confidence: Math.round(c.confidence * 1000) / 1000,
    title: c.title.slice(0, 300),
    summary: c.summary.slice(0, 2000),
    evidence: c.evidence as object,
    suggestedAction: c.suggestedAction,
    actionLink: c.actionLink,
    subjectType: c.subjectType,
    subjectId: c.subjectId,
    workspaceId: c.workspaceId ?? null,
    dataSourceId: c.dataSourceId ?? null,
  };
}

const bumpSeq = (tx: Tx, id: string) => tx.$executeRaw`UPDATE "Insight" SET seq = nextval(pg_get_serial_sequence('"Insight"', 'seq')) WHERE id = ${id}`;

/** Applies one candidate; the caller notifies on created and reopened. */
export async function recordCandidate(deps: ServiceDeps, c: InsightCandidate, onChange?: (tx: Tx, id: string, outcome: RecordOutcome) => Promise<void>): Promise<RecordedInsight> {
  const fingerprint = fingerprintOf(c);
  const evidenceHash = evidenceHashOf(c);
  const existing = await deps.db.insight.findUnique({ where: { fingerprint }, select: { id: true, evidenceHash: true, status: true } });
  if (existing && existing.evidenceHash === evidenceHash) return { id: existing.id, outcome: 'unchanged', candidate: c };
  const now = deps.clock();
  const reopen = existing !== null && existing.status !== 'new';
  const outcome: RecordOutcome = !existing ? 'created' : reopen ? 'reopened' : 'updated';
  try {
    const id = await mutate(
      deps,
      systemActor,
      {
        type: outcome === 'created' ? 'insight.detected' : outcome === 'reopened' ? 'insight.reopened' : 'insight.updated',
        category: 'system',
        sourceGroup: 'insights',
        action: outcome === 'created' ? 'create' : 'update',
        resourceType: 'insight',
        workspaceId: c.workspaceId ?? null,
        details: { insightType: c.type, severity: c.severity, subjectType: c.subjectType, subjectId: c.subjectId, ...(reopen ? { previousStatus: existing!.status } : {}) },
      },
      async (tx) => {
        let insightId: string;
        if (!existing) {
          insightId = (await tx.insight.create({ data: { ...fields(c), fingerprint, evidenceHash, detectedAt: now }, select: { id: true } })).id;
        } else {
          // Guarded on the hash read: if another run got here first, this one changes nothing.
          const moved = await tx.insight.updateMany({
            where: { id: existing.id, evidenceHash: existing.evidenceHash },
            data: { ...fields(c), evidenceHash, ...(reopen ? { status: 'new', statusById: null, statusAt: null, detectedAt: now } : {}) },
          });
          insightId = existing.id;
          if (moved.count === 1 && reopen) await bumpSeq(tx, insightId);
        }
        if (onChange) await onChange(tx, insightId, outcome);
        return { result: insightId, resourceId: insightId };
      },
    );
    return { id, outcome, candidate: c };
  } catch (error) {
    // Two detection runs raced on a new fingerprint: the other one recorded it.
    if (isUniqueViolation(error)) {
      const row = await deps.db.insight.findUniqueOrThrow({ where: { fingerprint }, select: { id: true } });
      return { id: row.id, outcome: 'unchanged', candidate: c };
    }
    throw error;
  }
}
