import type { Tx } from '@racine/db';
import type { Actor } from '../actor';
import { activityHash, GENESIS_HASH, type HashedFields } from './hash';
import type { ActivityInput } from './types';

/**
 * One advisory lock serialises appends until their transaction commits. That
 * gives three guarantees at once: ids are assigned in commit order (so a
 * reader's cursor never skips a row that commits late), each row's prevHash is
 * its true predecessor's hash, and the chain has no forks. Appends happen at
 * the end of a mutation's transaction, so the lock is held only briefly.
 */
const APPEND_LOCK_KEY = 0x52_41_43_49; // "RACI"

/** Plain JSON: Dates become ISO strings and undefined disappears, exactly as jsonb will store them. */
export function toJson(value: unknown): unknown {
  return value === undefined ? null : JSON.parse(JSON.stringify(value) ?? 'null');
}

function searchText(input: ActivityInput): string {
  const words: string[] = [input.type, input.type.replaceAll('.', ' '), input.action, input.category, input.sourceGroup];
  if (input.targetGroup) words.push(input.targetGroup);
  if (input.resourceType) words.push(input.resourceType);
  if (input.resourceId) words.push(input.resourceId);
  const collect = (v: unknown, depth: number) => {
    if (depth > 4 || v == null) return;
    if (typeof v === 'string') words.push(v.slice(0, 200));
    else if (typeof v === 'number') words.push(String(v));
    else if (Array.isArray(v)) v.slice(0, 50).forEach((x) => collect(x, depth + 1));
    else if (typeof v === 'object') Object.values(v).forEach((x) => collect(x, depth + 1));
  };
  collect(input.details, 0);
  collect(input.after, 0);
  return words.join(' ').slice(0, 10_000);
}

export async function appendActivity(
  tx: Tx,
  actor: Actor,
  input: ActivityInput,
  occurredAt: Date,
  actorName: string | null = null,
): Promise<bigint> {
  await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', APPEND_LOCK_KEY);
  const [head] = await tx.$queryRawUnsafe<{ hash: string | null; next: bigint }[]>(
    `SELECT (SELECT hash FROM "ActivityEvent" ORDER BY id DESC LIMIT 1) AS hash,
            nextval(pg_get_serial_sequence('"ActivityEvent"', 'id')) AS next`,
  );
  const prevHash = head?.hash ?? GENESIS_HASH;
  const row: HashedFields = {
    id: BigInt(head!.next),
    occurredAt,
    type: input.type,
    category: input.category,
    sourceGroup: input.sourceGroup,
    targetGroup: input.targetGroup ?? null,
    action: input.action,
    resourceType: input.resourceType ?? null,
    resourceId: input.resourceId ?? null,
    actorId: actor.kind === 'system' ? null : actor.userId,
    actorType: actor.kind,
    workspaceId: input.workspaceId ?? null,
    status: input.status ?? 'success',
    durationMs: input.durationMs == null ? null : Math.round(input.durationMs),
    details: toJson({ ...(input.details ?? {}), ...(actor.kind === 'token' ? { viaTokenId: actor.tokenId } : {}) }),
    before: toJson(input.before),
    after: toJson(input.after),
    complianceRelevant: input.complianceRelevant ?? false,
  };
  const hash = activityHash(prevHash, row);
  const text = actorName ? `${searchText(input)} ${actorName}` : searchText(input);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ActivityEvent" (id, "occurredAt", type, category, "sourceGroup", "targetGroup", action,
       "resourceType", "resourceId", "actorId", "actorType", "workspaceId", status, "durationMs",
       details, before, after, "complianceRelevant", "prevHash", hash, search)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11::"ActorType", $12, $13::"ActivityStatus", $14,
       $15::jsonb, $16::jsonb, $17::jsonb, $18, $19, $20, to_tsvector('simple', $21))`,
    row.id,
    row.occurredAt,
    row.type,
    row.category,
    row.sourceGroup,
    row.targetGroup,
    row.action,
    row.resourceType,
    row.resourceId,
    row.actorId,
    row.actorType,
    row.workspaceId,
    row.status,
    row.durationMs,
    JSON.stringify(row.details),
    row.before === null ? null : JSON.stringify(row.before),
    row.after === null ? null : JSON.stringify(row.after),
    row.complianceRelevant,
    prevHash,
    hash,
    text,
  );
  return row.id;
}
