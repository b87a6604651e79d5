/**
 * Who sees which article: published ones to every kb.read holder; drafts and
 * archived ones only to their author and to kb.write holders (who edit and
 * publish them). Reading an article's links goes through resource-ref.ts, so
 * a link to an asset of a source the caller cannot read is simply not shown.
 */
import type { Prisma } from '@racine/db';
import type { DbOrTx } from '@racine/db';
import { AppError } from '../errors';
import { resolveResource, type ResolvedResource } from '../collab/resource-ref';
import type { AccessChecker } from '../rbac/resolve';
import type { ArticleTarget } from './schemas';

export interface Reader {
  userId: string | null;
  /** Holds kb.write: sees and edits every article, drafts included. */
  writer: boolean;
}

export async function readerOf(access: AccessChecker): Promise<Reader> {
  return { userId: access.actor.kind === 'system' ? null : access.actor.userId, writer: await access.can('kb.write') };
}

/** The articles a reader may see, as a filter. */
export function visibleWhere(reader: Reader): Prisma.KbArticleWhereInput {
  if (reader.writer) return {};
  return { OR: [{ status: 'published' }, ...(reader.userId ? [{ authorId: reader.userId }] : [])] };
}

export const mayRead = (reader: Reader, article: { status: string; authorId: string }) => reader.writer || article.status === 'published' || article.authorId === reader.userId;

/** A link target, resolved, if it exists and the caller may read it; else null. */
export async function readableTarget(db: DbOrTx, access: AccessChecker, target: ArticleTarget): Promise<ResolvedResource | null> {
  const resource = await resolveResource(db, { resourceType: target.targetType, resourceId: target.targetId });
  if (!resource) return null;
  return (await access.can(resource.read.permission, resource.read.scope)) ? resource : null;
}

const targetNames = { asset: 'asset', glossaryTerm: 'glossary term', framework: 'framework' } as const;

/** Like readableTarget, but says why not: NOT_FOUND when missing, FORBIDDEN when not readable. */
export async function requireTarget(db: DbOrTx, access: AccessChecker, target: ArticleTarget): Promise<ResolvedResource> {
  const resource = await resolveResource(db, { resourceType: target.targetType, resourceId: target.targetId });
  if (!resource) throw new AppError('NOT_FOUND', `The ${targetNames[target.targetType]} ${target.targetId} to link was not found`, { field: 'targetId' });
  if (!(await access.can(resource.read.permission, resource.read.scope)))
    throw new AppError('FORBIDDEN', `You cannot link an article to a ${targetNames[target.targetType]} you may not see (it takes ${resource.read.permission})`);
  return resource;
}
