/**
 * Blocking: while someone is overdue on a published policy with blockRoles,
 * their global roles listed in that policy stop granting anything
 * (rbac/resolve.ts grantsAt asks here). Typically no policy blocks, so the
 * list of blocking policies is cached in-process for 30 s (and dropped at
 * once when this process changes a policy): with none, a permission check
 * costs no extra query. A person's overdue roles are cached for 10 s and
 * dropped when they attest here; another process sees a change within those
 * windows. Imports nothing from rbac, which imports it.
 */
import type { DbOrTx } from '@racine/db';
import { standingOf } from './attestation-standing';

interface BlockingPolicy {
  id: string;
  version: number;
  graceDays: number;
  publishedAt: Date;
  requiredRoleKeys: string[];
}

const policyTtlMs = 30_000;
const userTtlMs = 10_000;
const none: ReadonlySet<string> = new Set();
let policies: { loadedAt: number; list: Promise<BlockingPolicy[]> } | null = null;
const perUser = new Map<string, { loadedAt: number; keys: Promise<ReadonlySet<string>> }>();

/** Forget what is cached: everything after a policy change, one person's standing after they attest. */
export function invalidateAttestationBlocking(userId?: string): void {
  if (userId) {
    perUser.delete(userId);
    return;
  }
  policies = null;
  perUser.clear();
}

function blockingPolicies(db: DbOrTx): Promise<BlockingPolicy[]> {
  if (!policies || Date.now() - policies.loadedAt > policyTtlMs) {
    const list = db.attestationPolicy
      .findMany({
        where: { blockRoles: true, publishedAt: { not: null }, archivedAt: null, requiredRoleKeys: { isEmpty: false } },
        select: { id: true, version: true, graceDays: true, publishedAt: true, requiredRoleKeys: true },
      })
      .then((rows) => rows.map((r) => ({ ...r, publishedAt: r.publishedAt! })));
    // A failed load is not remembered.
    list.catch(() => (policies = null));
    policies = { loadedAt: Date.now(), list };
  }
  return policies.list;
}

async function overdueRoleKeys(db: DbOrTx, userId: string, list: BlockingPolicy[], now: Date): Promise<ReadonlySet<string>> {
  const attestations = await db.attestation.findMany({
    where: { userId, OR: list.map((p) => ({ policyId: p.id, policyVersion: p.version })) },
    orderBy: { attestedAt: 'desc' },
    select: { policyId: true, policyVersion: true, attestedAt: true, dueAt: true },
  });
  const keys = new Set<string>();
  for (const p of list) {
    const last = attestations.find((a) => a.policyId === p.id);
    if (standingOf(p, last, now).standing === 'overdue') for (const k of p.requiredRoleKeys) keys.add(k);
  }
  return keys;
}

/**
 * Which of `heldGlobalRoleKeys` an overdue blocking attestation suspends for
 * this user now. No query at all when no policy blocks one of those roles.
 */
export async function blockedRoleKeys(db: DbOrTx, userId: string, heldGlobalRoleKeys: readonly string[], now: Date): Promise<ReadonlySet<string>> {
  if (!heldGlobalRoleKeys.length) return none;
  const list = await blockingPolicies(db);
  if (!list.some((p) => p.requiredRoleKeys.some((k) => heldGlobalRoleKeys.includes(k)))) return none;
  let cached = perUser.get(userId);
  if (!cached || Date.now() - cached.loadedAt > userTtlMs) {
    const keys = overdueRoleKeys(db, userId, list, now);
    keys.catch(() => perUser.delete(userId));
    cached = { loadedAt: Date.now(), keys };
    perUser.set(userId, cached);
    // Bounded: a busy process forgets the oldest standings first.
    if (perUser.size > 5_000) perUser.delete(perUser.keys().next().value!);
  }
  return cached.keys;
}
