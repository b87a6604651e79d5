/**
 * Catalog facts for evaluation, loaded set-based: one query for the assets of
 * the targets needed (with their owners and stewards aggregated), one for the
 * sources (with their labels and root asset), one for reader counts per
 * source. No per-asset query, whatever the catalog size.
 */
import type { DbOrTx } from '@racine/db';
import type { AssetFacts, RuleTarget } from './language';

export interface SourceRow {
  id: string;
  name: string;
  engine: string;
  environment: string;
  criticality: string;
  tags: string[];
  workspaceId: string | null;
  lastScanAt: Date | null;
  lastScanStatus: string | null;
  labels: string[];
  /** The source's `database` asset: where a source-level finding is attached. */
  rootAssetId: string | null;
  rootQualifiedName: string | null;
}

interface AssetRow {
  id: string;
  dataSourceId: string;
  type: string;
  name: string;
  qualifiedName: string;
  dataType: string | null;
  normalizedType: string | null;
  labels: string[];
  sensitivity: string | null;
  tags: string[];
  certification: string;
  description: string;
  lastScannedDaysAgo: number | null;
  tableName: string | null;
  owners: string[];
  stewards: string[];
}

/** One thing a rule can be checked against: an asset (or a source's root asset) and its facts. */
export interface Subject {
  assetId: string;
  dataSourceId: string;
  workspaceId: string | null;
  qualifiedName: string;
  facts: AssetFacts;
}

export type SubjectsByTarget = Record<RuleTarget, Subject[]>;

const DAY = 86_400_000;
const daysAgo = (at: Date | null, now: Date) => (at ? Math.max(0, Math.floor((now.getTime() - at.getTime()) / DAY)) : null);

export async function loadSources(db: DbOrTx, dataSourceId: string | null, visible: 'all' | string[] = 'all'): Promise<SourceRow[]> {
  return db.$queryRawUnsafe<SourceRow[]>(
    `SELECT d.id, d.name, d.engine::text AS engine, d.environment::text AS environment, d.criticality::text AS criticality, d.tags,
            d."workspaceId", d."lastScanAt", d."lastScanStatus"::text AS "lastScanStatus",
            coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM "Asset" t, unnest(t.labels) l
                       WHERE t."dataSourceId" = d.id AND t.type IN ('table', 'view') AND t."removedAt" IS NULL), '{}') AS labels,
            r.id AS "rootAssetId", r."qualifiedName" AS "rootQualifiedName"
       FROM "DataSource" d
       LEFT JOIN LATERAL (SELECT id, "qualifiedName" FROM "Asset" WHERE "dataSourceId" = d.id AND type = 'database' AND "removedAt" IS NULL ORDER BY "qualifiedName" LIMIT 1) r ON true
      WHERE ($1::text IS NULL OR d.id = $1) AND ($2::text[] IS NULL OR d.id = ANY($2::text[]))
      ORDER BY d.name`,
    dataSourceId,
    visible === 'all' ? null : visible,
  );
}

/**
 * Distinct active users who may read each source: `datasource.read` through a
 * global role, the source's workspace (membership or assignment) or a direct
 * assignment — the same paths as rbac/resolve.ts's grantsAt.
 */
export async function loadReaderCounts(db: DbOrTx, sourceIds: string[], now: Date): Promise<Map<string, number>> {
  if (sourceIds.length === 0) return new Map();
  const rows = await db.$queryRawUnsafe<{ sid: string; n: number }[]>(
    `WITH readers AS (SELECT "roleId" FROM "RolePermission" WHERE "permissionKey" = 'datasource.read'),
          live AS (SELECT ra.* FROM "RoleAssignment" ra JOIN readers r ON r."roleId" = ra."roleId" WHERE ra."expiresAt" IS NULL OR ra."expiresAt" > $2::timestamp(3)),
          src AS (SELECT id, "workspaceId" FROM "DataSource" WHERE id = ANY($1::text[])),
          grants AS (
            SELECT s.id AS sid, l."userId" AS uid FROM src s CROSS JOIN live l WHERE l."scopeType" = 'global'
            UNION SELECT s.id, wm."userId" FROM src s JOIN "WorkspaceMember" wm ON wm."workspaceId" = s."workspaceId" JOIN readers r ON r."roleId" = wm."roleId"
            UNION SELECT s.id, l."userId" FROM src s JOIN live l ON l."scopeType" = 'workspace' AND l."scopeId" = s."workspaceId"
            UNION SELECT s.id, l."userId" FROM src s JOIN live l ON l."scopeType" = 'datasource' AND l."scopeId" = s.id)
     SELECT g.sid, count(DISTINCT g.uid)::int AS n FROM grants g JOIN "User" u ON u.id = g.uid AND u."isActive" GROUP BY g.sid`,
    sourceIds,
    now.toISOString(),
  );
  return new Map(rows.map((r) => [r.sid, Number(r.n)]));
}

/**
 * The assets come back as one JSON text per source rather than as rows: the
 * driver adapter converts every cell of a raw result on its own, which holds
 * about twice the heap for 100,000 assets. One query per source (not keyset
 * pages over all of them) keeps each query an index scan of one source, with
 * the steward aggregate over that source only.
 */
async function loadAssets(db: DbOrTx, types: string[], sourceIds: string[], now: Date): Promise<AssetRow[]> {
  if (types.length === 0) return [];
  const out: AssetRow[] = [];
  for (const sourceId of sourceIds) {
    const [chunk] = await db.$queryRawUnsafe<{ rows: string }[]>(`SELECT coalesce(json_agg(q), '[]')::text AS rows FROM (${ASSETS_SQL}) q`, types, sourceId, now.toISOString());
    for (const row of JSON.parse(chunk!.rows) as AssetRow[]) out.push(row);
  }
  return out;
}

const ASSETS_SQL = `SELECT a.id, a."dataSourceId", a.type::text AS type, a.name, a."qualifiedName", a."dataType", a."normalizedType", a.labels, a.sensitivity, a.tags,
            a.certification::text AS certification, a.description,
            floor(extract(epoch FROM ($3::timestamp(3) - a."lastScannedAt")) / 86400)::int AS "lastScannedDaysAgo",
            CASE WHEN a.type = 'column' THEN p.name WHEN a.type IN ('table', 'view') THEN a.name END AS "tableName",
            coalesce(st.owners, '{}') AS owners, coalesce(st.stewards, '{}') AS stewards
       FROM "Asset" a
       LEFT JOIN "Asset" p ON p.id = a."parentId" AND a.type = 'column'
       LEFT JOIN (SELECT s."assetId",
                         array_agg(s."principalType"::text || ':' || s."principalId" ORDER BY s."principalId") FILTER (WHERE s.role = 'owner') AS owners,
                         array_agg(s."principalType"::text || ':' || s."principalId" ORDER BY s."principalId") FILTER (WHERE s.role = 'steward') AS stewards
                    FROM "AssetSteward" s JOIN "Asset" sa ON sa.id = s."assetId" AND sa."dataSourceId" = $2
                   GROUP BY s."assetId") st ON st."assetId" = a.id
      WHERE a."removedAt" IS NULL AND a.type::text = ANY($1::text[]) AND a."dataSourceId" = $2`;

function sourceFacts(s: SourceRow, readers: number, now: Date) {
  return {
    'source.name': s.name,
    'source.engine': s.engine,
    'source.environment': s.environment,
    'source.criticality': s.criticality,
    'source.tags': s.tags,
    'source.labels': s.labels,
    'source.lastScanDaysAgo': daysAgo(s.lastScanAt, now),
    'source.lastScanStatus': s.lastScanStatus,
    'access.readers': readers,
  } as const;
}

/**
 * The subjects of each target over the given sources: columns, tables (and
 * views), and sources (through their root asset; a source never scanned has
 * none, so source rules do not apply to it yet).
 */
export async function loadSubjects(db: DbOrTx, targets: ReadonlySet<RuleTarget>, sources: SourceRow[], now: Date): Promise<SubjectsByTarget> {
  const ids = sources.map((s) => s.id);
  const types = [...(targets.has('column') ? ['column'] : []), ...(targets.has('table') ? ['table', 'view'] : [])];
  const [readers, assets] = await Promise.all([loadReaderCounts(db, ids, now), loadAssets(db, types, ids, now)]);
  const byId = new Map(sources.map((s) => [s.id, { row: s, facts: sourceFacts(s, readers.get(s.id) ?? 0, now) }]));
  const out: SubjectsByTarget = { column: [], table: [], source: [] };
  for (const a of assets) {
    const src = byId.get(a.dataSourceId)!;
    const facts: AssetFacts = {
      'asset.type': a.type,
      'asset.name': a.name,
      'asset.qualifiedName': a.qualifiedName,
      'asset.dataType': a.dataType,
      'asset.normalizedType': a.normalizedType,
      'asset.labels': a.labels,
      'asset.sensitivity': a.sensitivity,
      'asset.tags': a.tags,
      'asset.certification': a.certification,
      'asset.owners': a.owners,
      'asset.stewards': a.stewards,
      'asset.description': a.description.trim() === '' ? null : a.description,
      'asset.lastScannedDaysAgo': a.lastScannedDaysAgo === null ? null : Math.max(0, a.lastScannedDaysAgo),
      'table.name': a.tableName,
      ...src.facts,
    };
    (a.type === 'column' ? out.column : out.table).push({ assetId: a.id, dataSourceId: a.dataSourceId, workspaceId: src.row.workspaceId, qualifiedName: a.qualifiedName, facts });
  }
  if (targets.has('source'))
    for (const { row, facts } of byId.values()) {
      if (!row.rootAssetId) continue;
      out.source.push({
        assetId: row.rootAssetId,
        dataSourceId: row.id,
        workspaceId: row.workspaceId,
        qualifiedName: row.rootQualifiedName!,
        facts: {
          'asset.type': 'database',
          'asset.name': row.rootQualifiedName,
          'asset.qualifiedName': row.rootQualifiedName,
          'asset.dataType': null,
          'asset.normalizedType': null,
          'asset.labels': row.labels,
          'asset.sensitivity': null,
          'asset.tags': [],
          'asset.certification': 'draft',
          'asset.owners': [],
          'asset.stewards': [],
          'asset.description': null,
          'asset.lastScannedDaysAgo': daysAgo(row.lastScanAt, now),
          'table.name': null,
          ...facts,
        },
      });
    }
  return out;
}
