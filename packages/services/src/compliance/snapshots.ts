/**
 * Posture snapshots written by an evaluation: one per evaluated source, then
 * the global and per-workspace scores recomputed from the latest snapshot of
 * every source — so an incremental (one-source) evaluation still yields a
 * correct global score without re-evaluating the others.
 */
import { randomUUID } from 'node:crypto';
import type { Tx } from '@racine/db';
import { type BulkColumn, bulkInsert } from '@racine/db/bulk';

const SNAPSHOT_COLUMNS: BulkColumn[] = [
  { name: 'id', type: 'text' },
  { name: 'frameworkId', type: 'text' },
  { name: 'scopeType', type: '"ScopeType"' },
  { name: 'scopeId', type: 'text' },
  { name: 'score', type: 'double precision' },
  { name: 'checks', type: 'int' },
  { name: 'failures', type: 'int' },
  { name: 'evaluationId', type: 'text' },
  { name: 'takenAt', type: 'timestamp(3)' },
];

/** Passed checks ÷ checks, 0–100 with one decimal; 100 when nothing applies. */
export const scoreOf = (checks: number, failures: number) => (checks === 0 ? 100 : Math.round(((checks - failures) / checks) * 1000) / 10);

/** Returns the new global score. */
export async function writeSnapshots(tx: Tx, p: { frameworkId: string; evaluationId: string; now: Date; perSource: Map<string, { checks: number; failures: number }>; full: boolean }): Promise<number> {
  const row = (scopeType: string, scopeId: string, checks: number, failures: number) => [randomUUID(), p.frameworkId, scopeType, scopeId, scoreOf(checks, failures), checks, failures, p.evaluationId, p.now];
  await bulkInsert(tx, 'PostureSnapshot', SNAPSHOT_COLUMNS, [...p.perSource.entries()].map(([id, t]) => row('datasource', id, t.checks, t.failures)));
  // The latest snapshot of every existing source (a full evaluation: only this one's).
  const latest = await tx.$queryRawUnsafe<{ workspaceId: string | null; checks: number; failures: number }[]>(
    `SELECT d."workspaceId", s.checks, s.failures
       FROM "DataSource" d
       JOIN LATERAL (SELECT checks, failures, "evaluationId" FROM "PostureSnapshot"
                      WHERE "frameworkId" = $1 AND "scopeType" = 'datasource' AND "scopeId" = d.id
                      ORDER BY "takenAt" DESC LIMIT 1) s ON true
      WHERE NOT $3 OR s."evaluationId" = $2`,
    p.frameworkId,
    p.evaluationId,
    p.full,
  );
  const byWorkspace = new Map<string, { checks: number; failures: number }>();
  let checks = 0;
  let failures = 0;
  for (const s of latest) {
    checks += s.checks;
    failures += s.failures;
    if (!s.workspaceId) continue;
    const w = byWorkspace.get(s.workspaceId) ?? { checks: 0, failures: 0 };
    w.checks += s.checks;
    w.failures += s.failures;
    byWorkspace.set(s.workspaceId, w);
  }
  await bulkInsert(tx, 'PostureSnapshot', SNAPSHOT_COLUMNS, [row('global', '*', checks, failures), ...[...byWorkspace.entries()].map(([id, w]) => row('workspace', id, w.checks, w.failures))]);
  return scoreOf(checks, failures);
}
