/**
 * Turns the names people (and models) use into ids, among what the asker may
 * read only: a source they cannot see resolves to nothing, exactly as if it
 * did not exist, so a tool never confirms a hidden source's name.
 */
import { AppError } from '../../errors';
import { dataSourceScope } from '../../rbac/resolve';
import { dataSourceIdOf } from '../../rbac/scope-of';
import type { ToolContext } from '../types';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const isUuid = (s: string) => UUID.test(s);

/** Sources the asker may read whose id or name matches `ref` (exact name first, then a case-insensitive substring). */
export async function sourcesNamed(ctx: ToolContext, ref: string) {
  const visible = await ctx.access.dataSourcesWith('datasource.read');
  const within = visible === 'all' ? {} : { id: { in: visible } };
  const select = { id: true, name: true, environment: true, workspaceId: true } as const;
  if (isUuid(ref)) return ctx.deps.db.dataSource.findMany({ where: { ...within, id: ref }, select });
  const exact = await ctx.deps.db.dataSource.findMany({ where: { ...within, name: { equals: ref, mode: 'insensitive' } }, select });
  if (exact.length) return exact;
  return ctx.deps.db.dataSource.findMany({ where: { ...within, name: { contains: ref, mode: 'insensitive' } }, select, orderBy: { name: 'asc' }, take: 20 });
}

/** The ids of the sources `ref` names, or a NOT_FOUND that says so. */
export async function sourceIds(ctx: ToolContext, ref: string | undefined): Promise<string[] | undefined> {
  if (!ref) return undefined;
  const found = await sourcesNamed(ctx, ref);
  if (!found.length) throw new AppError('NOT_FOUND', `No data source you may read is called "${ref}"`);
  return found.map((s) => s.id);
}

/** A framework by id, key or name (case-insensitive). */
export async function frameworkId(ctx: ToolContext, ref: string | undefined): Promise<string | undefined> {
  if (!ref) return undefined;
  const where = isUuid(ref) ? { id: ref } : { OR: [{ key: { equals: ref, mode: 'insensitive' as const } }, { name: { equals: ref, mode: 'insensitive' as const } }, { name: { contains: ref, mode: 'insensitive' as const } }] };
  const fw = await ctx.deps.db.complianceFramework.findFirst({ where, select: { id: true }, orderBy: { name: 'asc' } });
  if (!fw) throw new AppError('NOT_FOUND', `No compliance framework is called "${ref}"`);
  return fw.id;
}

/** Users by id, email or (part of) a name: for "owned by Alice". */
export async function userIds(ctx: ToolContext, ref: string): Promise<string[]> {
  if (isUuid(ref)) return [ref];
  const rows = await ctx.deps.db.user.findMany({
    where: { OR: [{ email: { equals: ref, mode: 'insensitive' } }, { name: { contains: ref, mode: 'insensitive' } }] },
    select: { id: true },
    take: 20,
  });
  if (!rows.length) throw new AppError('NOT_FOUND', `No user is called "${ref}"`);
  return rows.map((r) => r.id);
}

/** The asset's source, after checking the asker may read it; hidden and missing assets give the same answer. */
export async function readableAssetSource(ctx: ToolContext, assetId: string): Promise<string> {
  const sourceId = await dataSourceIdOf(ctx.deps.db, 'asset', assetId);
  if (!sourceId || !(await ctx.access.can('datasource.read', dataSourceScope(sourceId)))) throw new AppError('NOT_FOUND', `No asset ${assetId} that you may read`);
  return sourceId;
}

export const assetLink = (id: string) => `/catalog/assets/${id}`;
