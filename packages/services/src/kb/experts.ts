/**
 * experts.find: who knows about an asset, a classification label or a
 * governance group, from what people really did — the activity log (catalog
 * curation, resolved findings, a group's work) and the domain tables
 * (classification reviews, owners and stewards, glossary terms owned,
 * comments, articles written). Only evidence about what the caller may see
 * counts: assets of sources they read, activity rows they may read. The
 * scoring is experts-score.ts.
 */
import { activityVisibility } from '../activity/visibility';
import { requireReadableResource } from '../collab/resource-ref';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { groupActivity, type GovernanceGroup } from './expert-groups';
import { type Evidence, type EvidenceKind, rankExperts } from './experts-score';
import type { FindExpertsInput } from './schemas';

/** Evidence rows read per kind, most recent first: enough to rank on, bounded for a label on thousands of columns. */
const PER_KIND = 5_000;

interface Row {
  userId: string;
  at: Date;
  example: string;
}

/** Parameters and the SQL that reads one kind of evidence. */
class Sql {
  readonly params: unknown[] = [];
  p = (v: unknown, cast = '') => `$${this.params.push(v)}${cast}`;
}

type AssetScope = (s: Sql, column: string) => string;

async function read(deps: ServiceDeps, kind: EvidenceKind, build: (s: Sql) => string): Promise<Evidence[]> {
  const s = new Sql();
  const sql = build(s);
  const rows = await deps.db.$queryRawUnsafe<Row[]>(`SELECT * FROM (${sql}) ev WHERE ev."userId" IS NOT NULL ORDER BY ev.at DESC LIMIT ${PER_KIND}`, ...s.params);
  return rows.map((r) => ({ userId: r.userId, kind, at: r.at, example: r.example }));
}

/** What people did to a set of assets (`inScope` says which, as SQL over a column holding an asset id). */
type AssetKind = 'curated' | 'reviewed' | 'resolvedFinding' | 'owner' | 'steward' | 'termOwner' | 'commented' | 'wroteArticle';

function assetEvidence(deps: ServiceDeps, inScope: AssetScope, label: string | null, termScope: (s: Sql) => string, reviewScope: AssetScope = inScope): Record<AssetKind, () => Promise<Evidence[]>> {
  return {
    curated: () => read(deps, 'curated', (s) => `SELECT e."actorId" AS "userId", e."occurredAt" AS at, x."qualifiedName" AS example FROM "ActivityEvent" e JOIN "Asset" x ON x.id = e."resourceId"
      WHERE e."resourceType" = 'asset' AND e."sourceGroup" = 'catalog' AND e.status = 'success' AND e."actorType" <> 'system' AND ${inScope(s, 'e."resourceId"')}`),
    reviewed: () => read(deps, 'reviewed', (s) => `SELECT c."reviewedById" AS "userId", c."reviewedAt" AS at, c.label || ' on ' || x."qualifiedName" AS example FROM "Classification" c JOIN "Asset" x ON x.id = c."assetId"
      WHERE c."reviewedAt" IS NOT NULL AND c.state <> 'suggested' AND ${reviewScope(s, 'c."assetId"')}${label ? ` AND c.label = ${s.p(label)}` : ''}`),
    resolvedFinding: () => read(deps, 'resolvedFinding', (s) => `SELECT e."actorId" AS "userId", e."occurredAt" AS at, r.title || ' on ' || x."qualifiedName" AS example
      FROM "ComplianceFinding" f JOIN "ComplianceRule" r ON r.id = f."ruleId" JOIN "Asset" x ON x.id = f."assetId"
      JOIN "ActivityEvent" e ON e."resourceType" = 'complianceFinding' AND e."resourceId" = f.id
      WHERE e.type = 'compliance.finding.resolved' AND e.status = 'success' AND e."actorType" <> 'system' AND ${inScope(s, 'f."assetId"')}`),
    owner: () => read(deps, 'owner', (s) => `SELECT st."principalId" AS "userId", st."createdAt" AS at, x."qualifiedName" AS example FROM "AssetSteward" st JOIN "Asset" x ON x.id = st."assetId"
      WHERE st."principalType" = 'user' AND st.role = 'owner' AND ${inScope(s, 'st."assetId"')}`),
    steward: () => read(deps, 'steward', (s) => `SELECT st."principalId" AS "userId", st."createdAt" AS at, x."qualifiedName" AS example FROM "AssetSteward" st JOIN "Asset" x ON x.id = st."assetId"
      WHERE st."principalType" = 'user' AND st.role = 'steward' AND ${inScope(s, 'st."assetId"')}`),
    termOwner: () => read(deps, 'termOwner', (s) => `SELECT t."ownerId" AS "userId", t."updatedAt" AS at, t.name AS example FROM "GlossaryTerm" t WHERE t."ownerId" IS NOT NULL AND ${termScope(s)}`),
    commented: () => read(deps, 'commented', (s) => `SELECT c."authorId" AS "userId", c."createdAt" AS at, x."qualifiedName" AS example FROM "Comment" c JOIN "Asset" x ON x.id = c."resourceId"
      WHERE c."resourceType" = 'asset' AND c."deletedAt" IS NULL AND ${inScope(s, 'c."resourceId"')}`),
    wroteArticle: () => read(deps, 'wroteArticle', (s) => `SELECT k."authorId" AS "userId", k."updatedAt" AS at, k.title AS example FROM "KbArticle" k
      WHERE k.status = 'published' AND EXISTS (SELECT 1 FROM "KbArticleLink" l WHERE l."articleId" = k.id AND (
        (l."targetType" = 'asset' AND ${inScope(s, 'l."targetId"')}) OR (l."targetType" = 'glossaryTerm' AND l."targetId" IN (SELECT t.id FROM "GlossaryTerm" t WHERE ${termScope(s)}))))`),
  };
}

/** The asset, its table when it is a column, its columns when it is a table or view. */
async function assetScope(deps: ServiceDeps, access: AccessChecker, assetId: string) {
  await requireReadableResource(deps.db, access, { resourceType: 'asset', resourceId: assetId });
  const asset = await deps.db.asset.findUniqueOrThrow({ where: { id: assetId }, select: { id: true, type: true, parentId: true, labels: true, children: { where: { removedAt: null }, select: { id: true, labels: true } } } });
  const ids = [asset.id, ...(asset.type === 'column' && asset.parentId ? [asset.parentId] : []), ...(asset.type === 'table' || asset.type === 'view' ? asset.children.map((c) => c.id) : [])];
  return { ids, labels: [...new Set([...asset.labels, ...asset.children.flatMap((c) => c.labels)])] };
}

const visibleSources = (s: Sql, visible: 'all' | string[], column: string) => (visible === 'all' ? 'TRUE' : `${column} = ANY(${s.p(visible, '::text[]')})`);
/** An asset id column limited to assets of sources the caller reads (no condition at all for who reads every source). */
const onVisibleAsset =
  (visible: 'all' | string[]): AssetScope =>
  (s, column) =>
    visible === 'all' ? 'TRUE' : `${column} IN (SELECT a.id FROM "Asset" a WHERE a."dataSourceId" = ANY(${s.p(visible, '::text[]')}))`;

async function groupEvidence(deps: ServiceDeps, access: AccessChecker, group: GovernanceGroup, visible: 'all' | string[]): Promise<Promise<Evidence[]>[]> {
  const v = await activityVisibility(access);
  const { sourceGroup, resourceType } = groupActivity[group];
  // Kinds counted from their own tables below are not counted again as plain activity.
  const counted: Partial<Record<GovernanceGroup, string[]>> = { classification: ['classification.accepted', 'classification.rejected'], compliance: ['compliance.finding.resolved'] };
  const out = [
    read(deps, 'activity', (s) => {
      const seen = v.all ? 'TRUE' : `(e."workspaceId" = ANY(${s.p([...v.workspaceIds], '::text[]')})${v.userId ? ` OR e."actorId" = ${s.p(v.userId)}` : ''})`;
      return `SELECT e."actorId" AS "userId", e."occurredAt" AS at, e.type AS example FROM "ActivityEvent" e
        WHERE e."sourceGroup" = ${s.p(sourceGroup)}${resourceType ? ` AND e."resourceType" = ${s.p(resourceType)}` : group === 'catalog' ? ` AND e."resourceType" IS DISTINCT FROM 'glossaryTerm'` : ''}
          AND e.status = 'success' AND e."actorType" <> 'system' AND ${seen}${counted[group] ? ` AND e.type <> ALL(${s.p(counted[group], '::text[]')})` : ''}`;
    }),
  ];
  const kinds = assetEvidence(deps, onVisibleAsset(visible), null, () => 'TRUE');
  const extra: Partial<Record<GovernanceGroup, AssetKind[]>> = { classification: ['reviewed'], compliance: ['resolvedFinding'], catalog: ['owner', 'steward'], glossary: ['termOwner'] };
  return [...out, ...(extra[group] ?? []).map((k) => kinds[k]())];
}

export async function findExperts(deps: ServiceDeps, access: AccessChecker, input: FindExpertsInput) {
  const visible = await access.dataSourcesWith('datasource.read');
  let parts: Promise<Evidence[]>[];
  if (input.assetId) {
    const scope = await assetScope(deps, access, input.assetId);
    parts = Object.values(
      assetEvidence(
        deps,
        (s, column) => `${column} = ANY(${s.p(scope.ids, '::text[]')})`,
        null,
        (s) => `(t.id IN (SELECT "termId" FROM "GlossaryTermAsset" WHERE "assetId" = ANY(${s.p(scope.ids, '::text[]')})) OR t.labels && ${s.p(scope.labels, '::text[]')})`,
      ),
    ).map((run) => run());
  } else if (input.label) {
    const label = input.label;
    parts = Object.values(
      assetEvidence(
        deps,
        (s, column) => `${column} IN (SELECT a.id FROM "Asset" a WHERE a.labels @> ARRAY[${s.p(label)}]::text[] AND a."removedAt" IS NULL AND ${visibleSources(s, visible, 'a."dataSourceId"')})`,
        label,
        (s) => `t.labels @> ARRAY[${s.p(label)}]::text[]`,
        // A rejected label is gone from the asset's labels, but rejecting it was a review of it all the same.
        onVisibleAsset(visible),
      ),
    ).map((run) => run());
  } else {
    parts = await groupEvidence(deps, access, input.group!, visible);
  }
  const evidence = (await Promise.all(parts)).flat();
  const ranked = rankExperts(evidence, deps.clock(), input.limit * 2);
  // Inactive accounts are not anyone's expert any more; the extra ranked rows make up for them.
  const users = await deps.db.user.findMany({ where: { id: { in: ranked.map((r) => r.userId) }, isActive: true }, select: { id: true, name: true, email: true, isGuest: true } });
  const byId = new Map(users.map((u) => [u.id, u]));
  const people = ranked.filter((r) => byId.has(r.userId)).slice(0, input.limit);
  const top = people[0]?.score ?? 0;
  return {
    subject: input.assetId ? { kind: 'asset' as const, id: input.assetId } : input.label ? { kind: 'label' as const, id: input.label } : { kind: 'group' as const, id: input.group! },
    items: people.map((r) => ({ user: byId.get(r.userId)!, score: r.score, /** 0–1 against the top score, for the bar. */ relative: top ? r.score / top : 0, reasons: r.reasons })),
  };
}
