import type { DbOrTx } from '@racine/db';
import type { Actor } from '../actor';
import { contentHash, type HashedFields } from './hash';
import type { ActivityInput } from './types';

/**
 * Appends go through the database function racine_append_activity (see the
 * migration of the same name): it takes a transaction-scoped advisory lock,
 * reads the head, assigns the id and inserts, in one statement. Holding the
 * lock until commit gives three guarantees at once: ids are committed in
 * order (a reader's cursor never skips a row that commits late), each row's
 * prevHash is its true predecessor's hash, and the chain has no forks.
 */
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

/** Appends one row in the caller's transaction (or on its own, autocommitted, when given the client). */
export async function appendActivity(db: DbOrTx, actor: Actor, input: ActivityInput, occurredAt: Date): Promise<bigint> {
  const row: HashedFields = {
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
    details: toJson({
      ...(input.details ?? {}),
      ...(actor.kind === 'token' ? { viaTokenId: actor.tokenId } : {}),
      // An external collaborator's every action is flagged, inside the hashed row.
      ...(actor.kind !== 'system' && actor.guest ? { guest: true } : {}),
    }),
    before: toJson(input.before),
    after: toJson(input.after),
    complianceRelevant: input.complianceRelevant ?? false,
  };
  const [out] = await db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT racine_append_activity($1::timestamp(3), $2, $3, $4, $5, $6, $7, $8, $9, $10::"ActorType", $11, $12::"ActivityStatus", $13::int,
       $14::jsonb, $15::jsonb, $16::jsonb, $17, $18, $19) AS id`,
    occurredAt.toISOString(),
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
    contentHash(row),
    searchText(input),
  );
  return BigInt(out!.id);
}
