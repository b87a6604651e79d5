import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { activityHash, GENESIS_HASH } from './hash';
import { recordActivity } from './record';

export interface ChainReport {
  ok: boolean;
  checked: number;
  headId: string | null;
  firstBroken: { id: string; reason: string } | null;
  durationMs: number;
}

const BATCH = 2000;

/** Recomputes every row's hash in id order and reports the first link that does not hold. */
export async function verifyChain(deps: ServiceDeps): Promise<ChainReport> {
  const started = performance.now();
  let expectedPrev = GENESIS_HASH;
  let cursor: bigint | undefined;
  let checked = 0;
  let headId: string | null = null;
  for (;;) {
    const rows = await deps.db.activityEvent.findMany({
      where: cursor === undefined ? {} : { id: { gt: cursor } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    for (const row of rows) {
      const broken = (reason: string) => ({ ok: false, checked, headId: row.id.toString(), firstBroken: { id: row.id.toString(), reason }, durationMs: performance.now() - started });
      if (row.prevHash !== expectedPrev) return broken('its prevHash does not match the previous row’s hash (a row was removed or reordered)');
      if (activityHash(row.prevHash, row) !== row.hash) return broken('its contents do not match its hash (the row was altered)');
      expectedPrev = row.hash;
      checked++;
      headId = row.id.toString();
    }
    if (rows.length < BATCH) break;
    cursor = rows.at(-1)!.id;
  }
  return { ok: true, checked, headId, firstBroken: null, durationMs: performance.now() - started };
}

/** Verifies and records that it did, so the audit trail shows when integrity was checked and by whom. */
export async function verifyChainAudited(deps: ServiceDeps, actor: Actor): Promise<ChainReport> {
  const report = await verifyChain(deps);
  await recordActivity(deps, actor, {
    type: 'activity.chain.verified',
    category: 'security',
    sourceGroup: 'activity',
    action: 'verify',
    resourceType: 'activityLog',
    status: report.ok ? 'success' : 'failure',
    durationMs: report.durationMs,
    details: { checked: report.checked, headId: report.headId, firstBroken: report.firstBroken },
    complianceRelevant: true,
  });
  return report;
}
