/** Reading the glossary: a filtered list, and one term with what it touches. */
import type { DbOrTx, Prisma } from '@racine/db';
import type { ServiceDeps } from '../deps';
import { notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import type { ListTermsInput } from './schemas';

export const termSelect = {
  id: true,
  name: true,
  definition: true,
  synonyms: true,
  status: true,
  labels: true,
  createdAt: true,
  updatedAt: true,
  parent: { select: { id: true, name: true } },
  ownerId: true,
  _count: { select: { assets: true } },
} satisfies Prisma.GlossaryTermSelect;

type TermRow = Prisma.GlossaryTermGetPayload<{ select: typeof termSelect }>;

async function ownersOf(db: DbOrTx, rows: TermRow[]) {
  const ids = [...new Set(rows.map((r) => r.ownerId).filter((id): id is string => !!id))];
  const users = ids.length ? await db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u]));
}

const toView = (r: TermRow, owners: Map<string, { id: string; name: string }>) => {
  const { _count, ownerId, ...rest } = r;
  return { ...rest, owner: ownerId ? (owners.get(ownerId) ?? null) : null, assetCount: _count.assets };
};

export async function listTerms(deps: ServiceDeps, input: ListTermsInput) {
  const q = input.q?.trim();
  const where: Prisma.GlossaryTermWhereInput = {
    ...(input.status ? { status: input.status } : {}),
    ...(input.parentId !== undefined ? { parentId: input.parentId } : {}),
    ...(q
      ? { OR: [{ name: { contains: q, mode: 'insensitive' } }, { synonyms: { has: q } }, { definition: { contains: q, mode: 'insensitive' } }, { labels: { has: q } }] }
      : {}),
  };
  const [rows, total] = await Promise.all([
    deps.db.glossaryTerm.findMany({ where, select: termSelect, orderBy: [{ name: 'asc' }], take: input.limit, skip: input.offset }),
    deps.db.glossaryTerm.count({ where }),
  ]);
  const owners = await ownersOf(deps.db, rows);
  return { total, items: rows.map((r) => toView(r, owners)) };
}

/**
 * A term with its children, the assets linked to it that the caller may read,
 * and how many readable columns carry one of the labels it stands for.
 */
export async function getTerm(deps: ServiceDeps, access: AccessChecker, id: string) {
  const row = await deps.db.glossaryTerm.findUnique({ where: { id }, select: termSelect });
  if (!row) throw notFound('Glossary term', id);
  const visible = await access.dataSourcesWith('datasource.read');
  const inVisible = visible === 'all' ? {} : { dataSourceId: { in: visible } };
  const [owners, children, links, labelAssetCount] = await Promise.all([
    ownersOf(deps.db, [row]),
    deps.db.glossaryTerm.findMany({ where: { parentId: id }, select: { id: true, name: true, status: true }, orderBy: { name: 'asc' } }),
    deps.db.glossaryTermAsset.findMany({
      where: { termId: id, asset: inVisible },
      orderBy: { createdAt: 'asc' },
      take: 500,
      select: { createdAt: true, asset: { select: { id: true, type: true, name: true, qualifiedName: true, sensitivity: true, labels: true, dataSource: { select: { id: true, name: true } } } } },
    }),
    row.labels.length ? deps.db.asset.count({ where: { type: 'column', removedAt: null, labels: { hasSome: row.labels }, ...inVisible } }) : 0,
  ]);
  return { ...toView(row, owners), children, assets: links.map((l) => ({ ...l.asset, linkedAt: l.createdAt })), labelAssetCount };
}
