/**
 * What a metric may count for the caller. Every computation starts from one of
 * these: the sources (or workspaces) the caller may read, narrowed by the
 * query's filters. Filters only ever intersect with what is visible, so a
 * filter naming a source the caller may not read gives an empty set, never
 * that source's numbers.
 *
 * `null` means "every source / workspace" (a global grant and no filter); SQL
 * takes it as `($n::text[] IS NULL OR col = ANY($n))`.
 */
import type { PermissionKey } from '../rbac/catalog';
import type { MetricContext, MetricFilters } from './types';

export type IdSet = string[] | null;

/** Data sources holding `permission` for the caller, narrowed by dataSourceId / workspaceId. */
export async function visibleSources(ctx: MetricContext, filters: MetricFilters, permission: PermissionKey = 'datasource.read'): Promise<IdSet> {
  const visible = await ctx.access.dataSourcesWith(permission);
  let ids: IdSet = visible === 'all' ? null : visible;
  if (filters.dataSourceId) ids = ids === null || ids.includes(filters.dataSourceId) ? [filters.dataSourceId] : [];
  if (filters.workspaceId) {
    const inWorkspace = await ctx.deps.db.dataSource.findMany({ where: { workspaceId: filters.workspaceId }, select: { id: true } });
    const wsIds = inWorkspace.map((s) => s.id);
    ids = ids === null ? wsIds : ids.filter((id) => wsIds.includes(id));
  }
  return ids;
}

/** Workspaces holding `permission` (workflow.read, pipeline.read…), narrowed by workspaceId. */
export async function visibleWorkspaces(ctx: MetricContext, filters: MetricFilters, permission: PermissionKey): Promise<IdSet> {
  const visible = await ctx.access.workspacesWith(permission);
  let ids: IdSet = visible === 'all' ? null : visible;
  if (filters.workspaceId) ids = ids === null || ids.includes(filters.workspaceId) ? [filters.workspaceId] : [];
  return ids;
}

/** Whether nothing at all is visible: computations return zeros without querying. */
export const none = (ids: IdSet) => ids !== null && ids.length === 0;

/** A stable description of what the caller may see for a metric, for the cache key. */
export async function visibilityFingerprint(ctx: MetricContext): Promise<string> {
  const [sources, scanSources, workflows, pipelines, activity, system] = await Promise.all([
    ctx.access.dataSourcesWith('datasource.read'),
    ctx.access.dataSourcesWith('scan.read'),
    ctx.access.workspacesWith('workflow.read'),
    ctx.access.workspacesWith('pipeline.read'),
    ctx.access.workspacesWith('activity.read'),
    ctx.access.can('system.read'),
  ]);
  const part = (ids: 'all' | string[]) => (ids === 'all' ? '*' : [...ids].sort().join(','));
  return [ctx.userId ?? '-', part(sources), part(scanSources), part(workflows), part(pipelines), part(activity), system ? 's' : '-'].join('|');
}
