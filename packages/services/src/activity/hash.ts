import { createHash } from 'node:crypto';

export const GENESIS_HASH = '0'.repeat(64);

/** JSON with object keys sorted at every depth, so jsonb's reordering cannot change a hash. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** The fields of a row that its content hash covers: everything but its id, hashes and search vector. */
export interface HashedFields {
  occurredAt: Date;
  type: string;
  category: string;
  sourceGroup: string;
  targetGroup: string | null;
  action: string;
  resourceType: string | null;
  resourceId: string | null;
  actorId: string | null;
  actorType: string;
  workspaceId: string | null;
  status: string;
  durationMs: number | null;
  details: unknown;
  before: unknown;
  after: unknown;
  complianceRelevant: boolean;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The hash of a row's content, computed by the writer before it takes the
 * append lock. Fields are picked by name, so extra properties of a row read
 * back (its hashes) never leak in.
 */
export function contentHash(row: HashedFields): string {
  return sha256(
    canonicalJson({
      occurredAt: row.occurredAt.toISOString(),
      type: row.type,
      category: row.category,
      sourceGroup: row.sourceGroup,
      targetGroup: row.targetGroup,
      action: row.action,
      resourceType: row.resourceType,
      resourceId: row.resourceId,
      actorId: row.actorId,
      actorType: row.actorType,
      workspaceId: row.workspaceId,
      status: row.status,
      durationMs: row.durationMs,
      details: row.details,
      before: row.before,
      after: row.after,
      complianceRelevant: row.complianceRelevant,
    }),
  );
}

/**
 * The link that chains a row to its predecessor, exactly as the database
 * function racine_append_activity computes it:
 * sha256(prevHash ":" id ":" contentHash).
 */
export function linkHash(prevHash: string, id: bigint, content: string): string {
  return sha256(`${prevHash}:${id.toString()}:${content}`);
}

/** A row's full hash from its fields, for verification. */
export const activityHash = (prevHash: string, row: HashedFields & { id: bigint }) => linkHash(prevHash, row.id, contentHash(row));
