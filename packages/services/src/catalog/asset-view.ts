/**
 * catalog.getAsset: one asset with everything its page shows — where it sits
 * (breadcrumbs), what is in it (children), its labels, people, terms, recent
 * drift, lineage counts, open findings, and whether the caller may curate it.
 * A fixed number of queries whatever the asset's size.
 */
import type { DbOrTx, Prisma } from '@racine/db';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import { type AccessChecker, dataSourceScope } from '../rbac/resolve';
import { recordRestrictedRead } from './restricted-read';

/** Every column of an asset a client may see (`search` is Unsupported in Prisma, so never selected). */
const assetFields = {
  id: true,
  dataSourceId: true,
  type: true,
  parentId: true,
  qualifiedName: true,
  name: true,
  dataType: true,
  normalizedType: true,
  nullable: true,
  defaultValue: true,
  comment: true,
  ordinal: true,
  isPrimaryKey: true,
  rowCountEstimate: true,
  sensitivity: true,
  description: true,
  tags: true,
  certification: true,
  certifiedById: true,
  certifiedAt: true,
  labels: true,
  lastScannedAt: true,
  lastRunId: true,
  removedAt: true,
  createdAt: true,
  updatedAt: true,
} satisfies Prisma.AssetSelect;

const classificationBrief = { id: true, label: true, state: true, confidence: true } satisfies Prisma.ClassificationSelect;

export interface StewardView {
  id: string;
  role: 'owner' | 'steward';
  principalType: 'user' | 'team';
  principalId: string;
  name: string;
  email?: string;
}

/** Owners and stewards with the names of the people and teams they point at. */
export async function stewardsOf(db: DbOrTx, assetId: string): Promise<StewardView[]> {
  const rows = await db.assetSteward.findMany({ where: { assetId }, orderBy: [{ role: 'asc' }, { createdAt: 'asc' }] });
  const userIds = rows.filter((r) => r.principalType === 'user').map((r) => r.principalId);
  const teamIds = rows.filter((r) => r.principalType === 'team').map((r) => r.principalId);
  const [users, teams] = await Promise.all([
    userIds.length ? db.user.findMany({ where: { id: { in: userIds } }, select: { id: true, name: true, email: true } }) : [],
    teamIds.length ? db.workspace.findMany({ where: { id: { in: teamIds } }, select: { id: true, name: true } }) : [],
  ]);
  const user = new Map(users.map((u) => [u.id, u]));
  const team = new Map(teams.map((t) => [t.id, t]));
  return rows.map((r) => {
    const base = { id: r.id, role: r.role, principalType: r.principalType, principalId: r.principalId };
    if (r.principalType === 'user') {
      const u = user.get(r.principalId);
      return { ...base, name: u?.name ?? '(deleted user)', ...(u ? { email: u.email } : {}) };
    }
    return { ...base, name: team.get(r.principalId)?.name ?? '(deleted team)' };
  });
}

async function breadcrumbsOf(db: DbOrTx, parentId: string | null) {
  if (!parentId) return [];
  // The hierarchy is at most four levels deep; one recursive query walks it.
  const rows = await db.$queryRawUnsafe<{ id: string; type: string; name: string; depth: number }[]>(
    `WITH RECURSIVE up AS (
       SELECT id, type::text AS type, name, "parentId", 0 AS depth FROM "Asset" WHERE id = $1
       UNION ALL
       SELECT a.id, a.type::text, a.name, a."parentId", up.depth + 1 FROM "Asset" a JOIN up ON a.id = up."parentId" WHERE up.depth < 10)
     SELECT id, type, name, depth FROM up ORDER BY depth DESC`,
    parentId,
  );
  return rows.map(({ id, type, name }) => ({ id, type, name }));
}

async function childrenOf(db: DbOrTx, asset: { id: string; type: string }) {
  if (asset.type === 'column') return [];
  if (asset.type === 'table' || asset.type === 'view') {
    const columns = await db.asset.findMany({
      where: { parentId: asset.id, removedAt: null },
      orderBy: [{ ordinal: 'asc' }, { name: 'asc' }],
      select: { id: true, type: true, name: true, dataType: true, nullable: true, isPrimaryKey: true, sensitivity: true, labels: true, tags: true, description: true, classifications: { select: classificationBrief, orderBy: { confidence: 'desc' } } },
    });
    return columns;
  }
  const children = await db.asset.findMany({
    where: { parentId: asset.id, removedAt: null },
    orderBy: { name: 'asc' },
    select: { id: true, type: true, name: true, sensitivity: true, labels: true, tags: true, description: true, certification: true, _count: { select: { children: { where: { removedAt: null } } } } },
  });
  return children.map(({ _count, ...c }) => ({ ...c, childCount: _count.children }));
}

async function driftOf(db: DbOrTx, asset: { dataSourceId: string; qualifiedName: string }) {
  const rows = await db.scanRunChange.findMany({
    where: { run: { dataSourceId: asset.dataSourceId }, OR: [{ qualifiedName: asset.qualifiedName }, { qualifiedName: { startsWith: `${asset.qualifiedName}.` } }] },
    orderBy: [{ run: { queuedAt: 'desc' } }, { qualifiedName: 'asc' }],
    take: 50,
    select: { runId: true, change: true, before: true, after: true, qualifiedName: true, assetType: true, run: { select: { queuedAt: true, finishedAt: true } } },
  });
  return rows.map((r) => ({ runId: r.runId, change: r.change, qualifiedName: r.qualifiedName, assetType: r.assetType, before: r.before, after: r.after, at: r.run.finishedAt ?? r.run.queuedAt }));
}

export async function getAsset(deps: ServiceDeps, access: AccessChecker, id: string) {
  const db = deps.db;
  const asset = await db.asset.findUnique({ where: { id }, select: { ...assetFields, dataSource: { select: { id: true, name: true, engine: true, environment: true, workspaceId: true } } } });
  if (!asset) throw notFound('Asset', id);
  // Opening a Restricted asset is a read the insights engine watches (catalog/restricted-read.ts).
  await recordRestrictedRead(deps, access.actor, asset, 'asset');
  const [breadcrumbs, children, classifications, stewards, terms, drift, upstream, downstream, openFindings, canCurate, certifiedBy] = await Promise.all([
    breadcrumbsOf(db, asset.parentId),
    childrenOf(db, asset),
    asset.type === 'column'
      ? db.classification.findMany({
          where: { assetId: id },
          orderBy: [{ confidence: 'desc' }, { label: 'asc' }],
          select: { ...classificationBrief, sensitivity: true, source: true, evidence: true, autoAccepted: true, reviewedAt: true, reviewNote: true, reviewedBy: { select: { id: true, name: true } } },
        })
      : [],
    stewardsOf(db, id),
    db.glossaryTermAsset.findMany({ where: { assetId: id }, select: { term: { select: { id: true, name: true, status: true } } }, orderBy: { term: { name: 'asc' } } }),
    driftOf(db, asset),
    db.lineageEdge.count({ where: { toAssetId: id } }),
    db.lineageEdge.count({ where: { fromAssetId: id } }),
    db.complianceFinding.count({ where: { assetId: id, status: { in: ['open', 'acknowledged'] } } }),
    access.can('catalog.curate', dataSourceScope(asset.dataSourceId)),
    asset.certifiedById ? db.user.findUnique({ where: { id: asset.certifiedById }, select: { id: true, name: true } }) : null,
  ]);
  return {
    ...asset,
    certifiedBy,
    breadcrumbs,
    children,
    classifications,
    stewards,
    terms: terms.map((t) => t.term),
    drift,
    lineageCounts: { upstream, downstream },
    openFindings,
    canCurate,
  };
}

export type AssetView = Awaited<ReturnType<typeof getAsset>>;
