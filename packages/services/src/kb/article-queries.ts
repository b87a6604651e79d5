/**
 * Reading the knowledge base: the list (search, status, tag, linked-to
 * filters, keyset pages), one article with its links resolved, and the
 * articles linked to one asset, term or framework ("Related articles").
 */
import type { Prisma } from '@racine/db';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { mayRead, readableTarget, readerOf, visibleWhere } from './article-access';
import { articleTsQuerySql } from './article-tsquery';
import type { ArticleTarget, ArticlesForTargetInput, ListArticlesInput } from './schemas';

/** How many full-text matches a list filters on: plenty for a knowledge base, and a bounded id list. */
const MAX_TEXT_MATCHES = 2_000;
const EXCERPT_CHARS = 220;

const listSelect = { id: true, title: true, body: true, status: true, tags: true, authorId: true, updatedById: true, createdAt: true, updatedAt: true, workspaceId: true } satisfies Prisma.KbArticleSelect;
type ListRow = Prisma.KbArticleGetPayload<{ select: typeof listSelect }>;

/** The start of the body as plain text: markdown marks dropped, whitespace folded. */
export function excerpt(body: string, size = EXCERPT_CHARS): string {
  const flat = body
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!\[[^\]]*\]\([^)]*\)/g, ' ')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`~|-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > size ? `${flat.slice(0, size - 1)}…` : flat;
}

async function namesOf(deps: ServiceDeps, ids: (string | null)[]) {
  const unique = [...new Set(ids.filter((id): id is string => id !== null))];
  const users = unique.length ? await deps.db.user.findMany({ where: { id: { in: unique } }, select: { id: true, name: true } }) : [];
  return new Map(users.map((u) => [u.id, u.name]));
}

async function toSummaries(deps: ServiceDeps, rows: ListRow[]) {
  const names = await namesOf(deps, rows.flatMap((r) => [r.authorId, r.updatedById]));
  const links = rows.length ? await deps.db.kbArticleLink.groupBy({ by: ['articleId'], where: { articleId: { in: rows.map((r) => r.id) } }, _count: { _all: true } }) : [];
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    excerpt: excerpt(r.body),
    status: r.status,
    tags: r.tags,
    workspaceId: r.workspaceId,
    author: { id: r.authorId, name: names.get(r.authorId) ?? 'Unknown' },
    updatedBy: r.updatedById ? { id: r.updatedById, name: names.get(r.updatedById) ?? 'Unknown' } : null,
    linkCount: links.find((l) => l.articleId === r.id)?._count._all ?? 0,
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
  }));
}

export async function listArticles(deps: ServiceDeps, access: AccessChecker, input: ListArticlesInput) {
  const reader = await readerOf(access);
  const and: Prisma.KbArticleWhereInput[] = [visibleWhere(reader)];
  // Archived articles stay out of the list unless asked for.
  and.push(input.status ? { status: input.status } : { status: { not: 'archived' } });
  if (input.tag) and.push({ tags: { has: input.tag } });
  if (input.mine) and.push({ authorId: reader.userId ?? '' });
  if (input.linkedTo) {
    if (!(await readableTarget(deps.db, access, input.linkedTo))) throw new AppError('NOT_FOUND', `The ${input.linkedTo.targetType} ${input.linkedTo.targetId} was not found`);
    and.push({ links: { some: { targetType: input.linkedTo.targetType, targetId: input.linkedTo.targetId } } });
  }
  if (input.q) {
    const tsq = articleTsQuerySql(input.q);
    if (tsq) {
      const matches = await deps.db.$queryRawUnsafe<{ id: string }[]>(`SELECT id FROM "KbArticle" WHERE search @@ ${tsq.sql} LIMIT ${MAX_TEXT_MATCHES}`, ...tsq.params);
      and.push({ id: { in: matches.map((m) => m.id) } });
    }
  }
  const rows = await deps.db.kbArticle.findMany({
    where: { AND: and },
    select: listSelect,
    orderBy: [{ updatedAt: 'desc' }, { id: 'desc' }],
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
  });
  const page = rows.slice(0, input.limit);
  const tags = await deps.db.$queryRaw<{ tag: string; n: number }[]>`SELECT t AS tag, count(*)::int AS n FROM "KbArticle", unnest(tags) t WHERE status <> 'archived' GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 30`;
  return {
    items: await toSummaries(deps, page),
    nextCursor: rows.length > input.limit ? (page.at(-1)?.id ?? null) : null,
    /** The most used tags of the knowledge base, for the filter. */
    tags: tags.map((t) => ({ value: t.tag, count: t.n })),
    /** Whether the caller may write (the "New article" button). */
    canWrite: reader.writer,
  };
}

export async function getArticle(deps: ServiceDeps, access: AccessChecker, id: string) {
  const reader = await readerOf(access);
  const article = await deps.db.kbArticle.findUnique({ where: { id }, select: { ...listSelect, links: { select: { targetType: true, targetId: true, createdAt: true }, orderBy: { createdAt: 'asc' } } } });
  // A draft someone else may not read is "not found", not "forbidden": its existence is not theirs to know.
  if (!article || !mayRead(reader, article)) throw notFound('Article', id);
  const [summary] = await toSummaries(deps, [article]);
  const resolved = await Promise.all(
    article.links.map(async (l) => {
      const target = await readableTarget(deps.db, access, { targetType: l.targetType as ArticleTarget['targetType'], targetId: l.targetId });
      return target && { targetType: l.targetType as ArticleTarget['targetType'], targetId: l.targetId, title: target.title, link: target.link, linkedAt: l.createdAt };
    }),
  );
  return {
    ...summary!,
    body: article.body,
    links: resolved.filter((l) => l !== null),
    /** Links to things the caller may not see are counted, not shown. */
    hiddenLinks: resolved.filter((l) => l === null).length,
    canEdit: reader.writer,
  };
}

/** Articles linked to a target the caller may read: published ones, plus drafts they may see. */
export async function articlesForTarget(deps: ServiceDeps, access: AccessChecker, input: ArticlesForTargetInput) {
  if (!(await readableTarget(deps.db, access, input))) throw new AppError('NOT_FOUND', `The ${input.targetType} ${input.targetId} was not found`);
  const reader = await readerOf(access);
  const rows = await deps.db.kbArticle.findMany({
    where: { AND: [visibleWhere(reader), { status: { not: 'archived' } }, { links: { some: { targetType: input.targetType, targetId: input.targetId } } }] },
    select: listSelect,
    orderBy: [{ status: 'desc' }, { updatedAt: 'desc' }],
    take: input.limit,
  });
  return { items: await toSummaries(deps, rows) };
}
