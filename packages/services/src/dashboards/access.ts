/**
 * Who may see and change a dashboard. Readable: its owner's, and a shared
 * one by whoever may read its workspace (workspace.read there). Editable: the
 * owner, and for a shared one whoever holds dashboard.share at its workspace.
 * Another user's personal dashboard answers NOT_FOUND, so its existence does
 * not leak.
 */
import type { DbOrTx } from '@racine/db';
import type { Actor } from '../actor';
import { AppError, notFound } from '../errors';
import { type AccessChecker, workspaceScope } from '../rbac/resolve';
import type { DashboardView } from './schemas';
import { parseWidgets } from './stored';

export const dashboardSelect = {
  id: true,
  name: true,
  description: true,
  ownerId: true,
  workspaceId: true,
  builtInKey: true,
  isDefault: true,
  widgets: true,
  version: true,
  createdAt: true,
  updatedAt: true,
  owner: { select: { name: true, email: true } },
  workspace: { select: { name: true } },
} as const;

export type DashboardRow = NonNullable<Awaited<ReturnType<typeof loadDashboard>>>;

export function loadDashboard(db: DbOrTx, id: string) {
  return db.dashboard.findUnique({ where: { id }, select: dashboardSelect });
}

/** Dashboards belong to people: tokens act for a user, the system actor has none. */
export function userIdOf(actor: Actor): string {
  if (actor.kind === 'system') throw new AppError('BAD_REQUEST', 'Dashboards belong to people; the system has none');
  return actor.userId;
}

export async function canRead(access: AccessChecker, d: { ownerId: string; workspaceId: string | null }): Promise<boolean> {
  const me = userIdOf(access.actor);
  if (d.ownerId === me) return true;
  return d.workspaceId !== null && (await access.can('workspace.read', workspaceScope(d.workspaceId)));
}

export async function canEdit(access: AccessChecker, d: { ownerId: string; workspaceId: string | null }): Promise<boolean> {
  const me = userIdOf(access.actor);
  if (d.ownerId === me) return true;
  return d.workspaceId !== null && (await access.can('dashboard.share', workspaceScope(d.workspaceId)));
}

export async function requireReadable(db: DbOrTx, access: AccessChecker, id: string): Promise<DashboardRow> {
  const d = await loadDashboard(db, id);
  if (!d || !(await canRead(access, d))) throw notFound('Dashboard', id);
  return d;
}

export async function requireEditable(db: DbOrTx, access: AccessChecker, id: string): Promise<DashboardRow> {
  const d = await requireReadable(db, access, id);
  if (!(await canEdit(access, d))) {
    throw new AppError('FORBIDDEN', `Only its owner or someone with dashboard.share in workspace ${d.workspace?.name ?? d.workspaceId} may change "${d.name}"; clone it to make your own`, { id });
  }
  return d;
}

export async function requireShareable(access: AccessChecker, workspaceId: string): Promise<void> {
  if (!(await access.can('dashboard.share', workspaceScope(workspaceId)))) {
    throw new AppError('FORBIDDEN', `You need the dashboard.share permission in workspace ${workspaceId} to share a dashboard there`, { workspaceId });
  }
}

export async function toView(access: AccessChecker, d: DashboardRow): Promise<DashboardView> {
  const me = userIdOf(access.actor);
  return {
    id: d.id,
    name: d.name,
    description: d.description,
    ownerId: d.ownerId,
    ownerName: d.owner.name || d.owner.email,
    workspaceId: d.workspaceId,
    workspaceName: d.workspace?.name ?? null,
    builtInKey: d.builtInKey,
    isDefault: d.ownerId === me && d.isDefault,
    widgets: parseWidgets(d.widgets),
    version: d.version,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    mine: d.ownerId === me,
    canEdit: await canEdit(access, d),
  };
}
