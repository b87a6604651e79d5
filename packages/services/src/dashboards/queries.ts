/**
 * Reading dashboards: the caller's own, and those shared with workspaces they
 * may read (workspace.read there). Never another user's personal ones.
 */
import type { Prisma } from '@racine/db';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { dashboardSelect, requireReadable, toView, userIdOf } from './access';
import { ensureBuiltInDashboards } from './builtin-copies';
import type { DashboardList, DashboardView, GetDashboardInput, ListDashboardsInput } from './schemas';

export async function listDashboards(deps: ServiceDeps, access: AccessChecker, input: ListDashboardsInput = {}): Promise<DashboardList> {
  const me = userIdOf(access.actor);
  await ensureBuiltInDashboards(deps, access.actor as Extract<typeof access.actor, { userId: string }>, access);
  const readable = await access.workspacesWith('workspace.read');
  const shared: Prisma.DashboardWhereInput = readable === 'all' ? { workspaceId: { not: null } } : { workspaceId: { in: readable } };
  const where: Prisma.DashboardWhereInput = input.workspaceId
    ? { AND: [shared, { workspaceId: input.workspaceId }] }
    : { OR: [{ ownerId: me }, shared] };
  const rows = await deps.db.dashboard.findMany({ where, select: dashboardSelect, orderBy: [{ isDefault: 'desc' }, { name: 'asc' }, { id: 'asc' }], take: 500 });
  // The default first; then mine, then shared ones, each by name.
  const items = await Promise.all(rows.map((r) => toView(access, r)));
  items.sort((a, b) => Number(b.isDefault) - Number(a.isDefault) || Number(b.mine) - Number(a.mine) || a.name.localeCompare(b.name));
  return { items, defaultId: items.find((d) => d.isDefault)?.id ?? null };
}

export async function getDashboard(deps: ServiceDeps, access: AccessChecker, input: GetDashboardInput): Promise<DashboardView> {
  if (input.id) return toView(access, await requireReadable(deps.db, access, input.id));
  return getDefaultDashboard(deps, access);
}

/** The caller's home dashboard; made on first use, like the list. */
export async function getDefaultDashboard(deps: ServiceDeps, access: AccessChecker): Promise<DashboardView> {
  const me = userIdOf(access.actor);
  await ensureBuiltInDashboards(deps, access.actor as Extract<typeof access.actor, { userId: string }>, access);
  // Without a flagged default (the user deleted it), their most recently edited dashboard stands in.
  const row =
    (await deps.db.dashboard.findFirst({ where: { ownerId: me, isDefault: true }, select: dashboardSelect })) ??
    (await deps.db.dashboard.findFirst({ where: { ownerId: me }, orderBy: { updatedAt: 'desc' }, select: dashboardSelect }));
  if (!row) throw new AppError('NOT_FOUND', 'You have no dashboards left: create one or clone a shared one');
  return toView(access, row);
}
