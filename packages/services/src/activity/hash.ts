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

/** The fields of a row that its hash covers: everything but the hashes and the search vector. */
export interface HashedFields {
  id: bigint;
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

/** Picks the hashed fields by name, so extra properties of a row read back (its hashes) never leak in. */
export function activityHash(prevHash: string, row: HashedFields): string {
  const body = canonicalJson({
    id: row.id.toString(),
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
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
