/**
 * `activity.analytics`: when, where and by whom things happen, over the rows
 * of the log the caller may see. Every count is one SQL aggregate over
 * ActivityEvent (indexed on occurredAt), so a year of a busy log is a few
 * scans, never rows shipped to Node.
 */
import type { DbOrTx } from '@racine/db';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { workspaceScope } from '../rbac/resolve';
import type { ActivityAnalyticsInput } from './analytics-schemas';
import { actorNames } from './queries';
import type { ActivityVisibility } from './visibility';

/** A WHERE clause in positional parameters, for $queryRawUnsafe. */
export interface SqlWhere {
  sql: string;
  params: unknown[];
}

/** The same rule as visibilityWhere (visibility.ts), in SQL: all rows, or the caller's workspaces' rows and their own. */
export function visibilitySql(v: ActivityVisibility, params: unknown[]): string {
  if (v.all) return 'TRUE';
  params.push([...v.workspaceIds]);
  const ws = `"workspaceId" = ANY($${params.length}::text[])`;
  if (!v.userId) return ws;
  params.push(v.userId);
  return `(${ws} OR "actorId" = $${params.length})`;
}

export function analyticsWhere(v: ActivityVisibility, input: Pick<ActivityAnalyticsInput, 'from' | 'to' | 'workspaceId' | 'sourceGroup' | 'actorId' | 'typePrefix' | 'complianceOnly'>): SqlWhere {
  // ISO strings cast to timestamp(3): the column holds UTC without a zone, and a cast of "…Z" keeps the UTC digits.
  const params: unknown[] = [input.from.toISOString(), input.to.toISOString()];
  const parts = ['"occurredAt" >= $1::timestamp(3)', '"occurredAt" <= $2::timestamp(3)', visibilitySql(v, params)];
  const eq = (column: string, value: unknown) => (params.push(value), parts.push(`"${column}" = $${params.length}`));
  if (input.workspaceId) eq('workspaceId', input.workspaceId);
  if (input.sourceGroup) eq('sourceGroup', input.sourceGroup);
  if (input.actorId) eq('actorId', input.actorId);
  if (input.typePrefix) {
    // A LIKE prefix: escape the pattern characters the prefix may hold.
    params.push(`${input.typePrefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    parts.push(`type LIKE $${params.length}`);
  }
  if (input.complianceOnly) parts.push('"complianceRelevant"');
  return { sql: parts.join(' AND '), params };
}

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'] as const;

export interface ActivityAnalytics {
  range: { from: Date; to: Date; timeZone: string };
  totals: { events: number; success: number; failure: number; complianceRelevant: number; complianceShare: number; actors: number };
  /** heatmap.values[weekday 0 = Monday][hour 0–23], in the requested time zone. */
  heatmap: { weekdays: readonly string[]; hours: number[]; values: number[][] };
  byDay: { day: string; events: number; failures: number }[];
  bySourceGroup: { group: string; events: number; failures: number }[];
  byType: { type: string; events: number }[];
  otherTypes: number;
  byUser: { actorId: string | null; actorType: string; name: string; events: number; failures: number }[];
  otherUsers: number;
  /** False when the caller lacks activity.report: only their own row is named; everyone else is summed in otherUsers. */
  usersNamed: boolean;
  notes: string[];
}

const n = (v: unknown) => Number(v ?? 0);

/** May the caller see who else did what? activity.report globally, or at the workspace the analytics are scoped to. */
async function mayNameUsers(access: AccessChecker, workspaceId: string | undefined) {
  return (await access.can('activity.report')) || (workspaceId ? await access.can('activity.report', workspaceScope(workspaceId)) : false);
}

export async function activityAnalytics(deps: ServiceDeps, access: AccessChecker, visibility: ActivityVisibility, input: ActivityAnalyticsInput): Promise<ActivityAnalytics> {
  const { db } = deps;
  const where = analyticsWhere(visibility, input);
  const tzParam = `$${where.params.length + 1}`;
  const local = `(("occurredAt" AT TIME ZONE 'UTC') AT TIME ZONE ${tzParam})`;
  // Only the queries that use the time zone get it: Postgres refuses a parameter it cannot type.
  const q = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql, ...where.params);
  const qz = <T>(sql: string) => db.$queryRawUnsafe<T[]>(sql, ...where.params, input.timeZone);

  const [totals, cells, days, groups, types, users, usersNamed] = await Promise.all([
    q<{ events: bigint; failure: bigint; compliance: bigint; actors: bigint }>(
      `SELECT count(*) AS events, count(*) FILTER (WHERE status = 'failure') AS failure, count(*) FILTER (WHERE "complianceRelevant") AS compliance,
              count(DISTINCT "actorId") AS actors
         FROM "ActivityEvent" WHERE ${where.sql}`,
    ),
    qz<{ dow: number; hour: number; events: bigint }>(
      `SELECT extract(isodow FROM ${local})::int AS dow, extract(hour FROM ${local})::int AS hour, count(*) AS events
         FROM "ActivityEvent" WHERE ${where.sql} GROUP BY 1, 2`,
    ),
    // Every day of the range, empty ones too, so a chart's x-axis has no gaps.
    qz<{ day: string; events: bigint; failures: bigint }>(
      `WITH counts AS (
         SELECT ${local}::date AS day, count(*) AS events, count(*) FILTER (WHERE status = 'failure') AS failures
           FROM "ActivityEvent" WHERE ${where.sql} GROUP BY 1)
       SELECT to_char(d, 'YYYY-MM-DD') AS day, coalesce(c.events, 0) AS events, coalesce(c.failures, 0) AS failures
         FROM generate_series((($1::timestamp(3) AT TIME ZONE 'UTC') AT TIME ZONE ${tzParam})::date, (($2::timestamp(3) AT TIME ZONE 'UTC') AT TIME ZONE ${tzParam})::date, interval '1 day') d
         LEFT JOIN counts c ON c.day = d::date ORDER BY d`,
    ),
    q<{ group: string; events: bigint; failures: bigint }>(
      `SELECT "sourceGroup" AS "group", count(*) AS events, count(*) FILTER (WHERE status = 'failure') AS failures
         FROM "ActivityEvent" WHERE ${where.sql} GROUP BY 1 ORDER BY 2 DESC, 1`,
    ),
    q<{ type: string; events: bigint }>(
      `SELECT type, count(*) AS events FROM "ActivityEvent" WHERE ${where.sql} GROUP BY 1 ORDER BY 2 DESC, 1`,
    ),
    q<{ actorId: string | null; actorType: string; events: bigint; failures: bigint }>(
      `SELECT "actorId", "actorType"::text AS "actorType", count(*) AS events, count(*) FILTER (WHERE status = 'failure') AS failures
         FROM "ActivityEvent" WHERE ${where.sql} GROUP BY 1, 2 ORDER BY 3 DESC, 1 LIMIT 1000`,
    ),
    mayNameUsers(access, input.workspaceId),
  ]);

  const values = WEEKDAYS.map(() => Array.from({ length: 24 }, () => 0));
  for (const c of cells) values[c.dow - 1]![c.hour] = n(c.events);

  const t = totals[0]!;
  const events = n(t.events);
  const failure = n(t.failure);
  const compliance = n(t.compliance);
  const notes: string[] = [];
  if (!visibility.all) notes.push('Counts cover the workspaces where you hold activity.read, and your own actions.');

  const topTypes = types.slice(0, input.top).map((r) => ({ type: r.type, events: n(r.events) }));
  const byUser = await namedUsers(db, users, input.top, usersNamed ? null : { userId: visibility.userId });
  if (!usersNamed) notes.push('Only your own row is named: naming other users needs the activity.report permission.');

  return {
    range: { from: input.from, to: input.to, timeZone: input.timeZone },
    totals: { events, success: events - failure, failure, complianceRelevant: compliance, complianceShare: events ? compliance / events : 0, actors: n(t.actors) },
    heatmap: { weekdays: WEEKDAYS, hours: Array.from({ length: 24 }, (_, h) => h), values },
    byDay: days.map((d) => ({ day: d.day, events: n(d.events), failures: n(d.failures) })),
    bySourceGroup: groups.map((g) => ({ group: g.group, events: n(g.events), failures: n(g.failures) })),
    byType: topTypes,
    otherTypes: types.slice(input.top).reduce((s, r) => s + n(r.events), 0),
    byUser: byUser.rows,
    otherUsers: byUser.other,
    usersNamed,
    notes,
  };
}

/**
 * The top users by events, names resolved. With `only` set (no
 * activity.report) only that user and the system are named and every other
 * person's count goes to `other`, so nobody learns who else was busy.
 */
async function namedUsers(db: DbOrTx, rows: { actorId: string | null; actorType: string; events: bigint; failures: bigint }[], top: number, only: { userId: string | null } | null) {
  const nameable = only ? rows.filter((r) => r.actorType === 'system' || (only.userId !== null && r.actorId === only.userId)) : rows;
  const shown = nameable.slice(0, top);
  const names = await actorNames(db, shown.map((r) => r.actorId));
  const total = rows.reduce((s, r) => s + n(r.events), 0);
  const listed = shown.reduce((s, r) => s + n(r.events), 0);
  return {
    rows: shown.map((r) => ({
      actorId: r.actorId,
      actorType: r.actorType,
      name: r.actorType === 'system' ? 'system' : (r.actorId ? names.get(r.actorId) : null) ?? 'unknown',
      events: n(r.events),
      failures: n(r.failures),
    })),
    other: total - listed,
  };
}
