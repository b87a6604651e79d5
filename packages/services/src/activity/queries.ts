import type { ActivityEvent, DbOrTx, Prisma } from '@racine/db';
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import type { ActivityFilters, listActivityInput, searchActivityInput } from './schemas';
import type { ActivityEventView } from './types';
import { type ActivityVisibility, visibilityWhere } from './visibility';

type Row = Omit<ActivityEvent, 'search'>;

export async function actorNames(db: DbOrTx, ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((i): i is string => !!i))];
  if (unique.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } });
  return new Map(users.map((u) => [u.id, u.name]));
}

export function toView(row: Row, names: Map<string, string>): ActivityEventView {
  return {
    id: row.id.toString(),
    occurredAt: row.occurredAt,
    type: row.type,
    category: row.category,
    sourceGroup: row.sourceGroup,
    targetGroup: row.targetGroup,
    action: row.action,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    actorId: row.actorId,
    actorType: row.actorType,
    actorName: row.actorType === 'system' ? 'system' : row.actorId ? (names.get(row.actorId) ?? null) : null,
    workspaceId: row.workspaceId,
    status: row.status,
    durationMs: row.durationMs,
    details: row.details,
    before: row.before,
    after: row.after,
    complianceRelevant: row.complianceRelevant,
    hash: row.hash,
  };
}

export async function toViews(db: DbOrTx, rows: Row[]): Promise<ActivityEventView[]> {
  const names = await actorNames(db, rows.map((r) => r.actorId));
  return rows.map((r) => toView(r, names));
}

export function filterWhere(f: ActivityFilters): Prisma.ActivityEventWhereInput {
  return {
    // A type ending in "." or "*" is a prefix: "workspace." matches every workspace event.
    ...(f.type ? (/[.*]$/.test(f.type) ? { type: { startsWith: f.type.replace(/\*$/, '') } } : { type: f.type }) : {}),
    ...(f.category ? { category: f.category } : {}),
    ...(f.actorId ? { actorId: f.actorId } : {}),
    ...(f.workspaceId ? { workspaceId: f.workspaceId } : {}),
    ...(f.resourceType ? { resourceType: f.resourceType } : {}),
    ...(f.resourceId ? { resourceId: f.resourceId } : {}),
    ...(f.status ? { status: f.status } : {}),
    ...(f.complianceRelevant !== undefined ? { complianceRelevant: f.complianceRelevant } : {}),
    // details->'guest' = true: the flag appendActivity puts on every row a guest causes.
    ...(f.guestOnly ? { details: { path: ['guest'], equals: true } } : {}),
    ...(f.from || f.to ? { occurredAt: { ...(f.from ? { gte: f.from } : {}), ...(f.to ? { lte: f.to } : {}) } } : {}),
  };
}

const page = (items: ActivityEventView[], limit: number) => ({
  items: items.slice(0, limit),
  nextCursor: items.length > limit ? (items[limit - 1]?.id ?? null) : null,
});

/** Newest first, keyset-paginated by id, filtered to what the caller may see. */
export async function listActivity(deps: ServiceDeps, visibility: ActivityVisibility, input: z.output<typeof listActivityInput>) {
  const { limit, cursor, ...filters } = input;
  const rows = await deps.db.activityEvent.findMany({
    where: { AND: [visibilityWhere(visibility), filterWhere(filters), cursor ? { id: { lt: BigInt(cursor) } } : {}] },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return page(await toViews(deps.db, rows), limit);
}

/** Turns free text into a prefix tsquery: every word must match the start of an indexed word. */
export function toTsQuery(text: string): string | null {
  const words = text
    .toLowerCase()
    .split(/\s+/)
    .map((w) => w.replace(/[&|!():*'"\\<>]/g, ''))
    .filter(Boolean)
    .slice(0, 12);
  return words.length ? words.map((w) => `'${w}':*`).join(' & ') : null;
}

export async function searchActivity(deps: ServiceDeps, visibility: ActivityVisibility, input: z.output<typeof searchActivityInput>) {
  const { limit, cursor, query, ...filters } = input;
  const tsquery = toTsQuery(query);
  if (!tsquery) return { items: [], nextCursor: null };
  // The GIN index answers the text match; Prisma cannot express @@, so ids come from SQL.
  const matches = await deps.db.$queryRawUnsafe<{ id: bigint }[]>(
    `SELECT id FROM "ActivityEvent" WHERE search @@ to_tsquery('simple', $1) ${cursor ? 'AND id < $2' : ''} ORDER BY id DESC LIMIT 5000`,
    ...(cursor ? [tsquery, BigInt(cursor)] : [tsquery]),
  );
  if (matches.length === 0) return { items: [], nextCursor: null };
  const rows = await deps.db.activityEvent.findMany({
    where: { AND: [{ id: { in: matches.map((m) => m.id) } }, visibilityWhere(visibility), filterWhere(filters)] },
    orderBy: { id: 'desc' },
    take: limit + 1,
  });
  return page(await toViews(deps.db, rows), limit);
}
