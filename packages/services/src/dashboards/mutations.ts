/**
 * Changing dashboards: create, update (optimistic concurrency on version),
 * delete, clone and set-default. Each goes through mutate(), so the change
 * and its activity row (before/after) commit together. The router has
 * already checked dashboard.use; who may change which dashboard is
 * access.ts's.
 */
import type { Actor } from '../actor';
import { mutate } from '../activity/record';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { dashboardSelect, loadDashboard, requireEditable, requireReadable, requireShareable, toView, userIdOf } from './access';
import { type BuiltInKey, builtInDashboards } from './builtins';
import type { CloneDashboardInput, CreateDashboardInput, DashboardView, UpdateDashboardInput } from './schemas';
import { parseWidgets, widgetsJson } from './stored';

const spec = (type: string, action: string, resourceId?: string) =>
  ({ type, category: 'configuration', sourceGroup: 'dashboard', action, resourceType: 'dashboard', resourceId }) as const;

export async function createDashboard(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: CreateDashboardInput): Promise<DashboardView> {
  const ownerId = userIdOf(actor);
  if (input.workspaceId) await requireShareable(access, input.workspaceId);
  const id = await mutate(deps, actor, spec('dashboard.created', 'create'), async (tx) => {
    const d = await tx.dashboard.create({
      data: { ownerId, name: input.name, description: input.description, workspaceId: input.workspaceId, widgets: widgetsJson(input.widgets) },
      select: { id: true },
    });
    return {
      result: d.id,
      resourceId: d.id,
      workspaceId: input.workspaceId,
      after: { name: input.name, description: input.description, workspaceId: input.workspaceId, widgets: input.widgets },
      details: { name: input.name, widgets: input.widgets.length },
    };
  });
  return toView(access, (await loadDashboard(deps.db, id))!);
}

type Editable = { name: string; description: string; widgets: unknown; workspaceId: string | null };

export async function updateDashboard(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: UpdateDashboardInput): Promise<DashboardView> {
  const found = await requireEditable(deps.db, access, input.id);
  if (input.workspaceId) await requireShareable(access, input.workspaceId);
  if (input.reset && !found.builtInKey) throw new AppError('BAD_REQUEST', `"${found.name}" was not made from a built-in dashboard, so there is no layout to reset it to`);
  const changes: Partial<Editable> = input.reset
    ? (({ name, description, widgets }) => ({ name, description, widgets }))(builtInDashboards[found.builtInKey as BuiltInKey])
    : Object.fromEntries(Object.entries({ name: input.name, description: input.description, widgets: input.widgets, workspaceId: input.workspaceId }).filter(([, v]) => v !== undefined));
  if (input.workspaceId !== undefined) changes.workspaceId = input.workspaceId;

  await mutate(deps, actor, { ...spec('dashboard.updated', input.reset ? 'reset' : 'update', input.id), workspaceId: found.workspaceId }, async (tx) => {
    // Under a row lock: two saves of the same version cannot both pass the check.
    await tx.$queryRaw`SELECT 1 FROM "Dashboard" WHERE id = ${input.id} FOR UPDATE`;
    const current = await tx.dashboard.findUnique({ where: { id: input.id }, select: { name: true, description: true, widgets: true, workspaceId: true, version: true } });
    if (!current) throw new AppError('NOT_FOUND', `Dashboard ${input.id} was deleted meanwhile`);
    if (current.version !== input.version) {
      throw new AppError('CONFLICT', `Someone else saved "${current.name}" first (you edited version ${input.version}, it is now at version ${current.version}): reload it and apply your change again`, {
        id: input.id,
        version: current.version,
      });
    }
    // Only what really changes is written and audited.
    const changed = Object.fromEntries(
      Object.entries(changes).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(current[k as keyof Editable])),
    ) as Partial<Editable>;
    const keys = Object.keys(changed);
    if (keys.length) {
      await tx.dashboard.update({
        where: { id: input.id },
        data: { ...changed, widgets: changed.widgets === undefined ? undefined : widgetsJson(changed.widgets as never), version: { increment: 1 } },
      });
    }
    const pick = (from: Record<string, unknown>) => Object.fromEntries(keys.map((k) => [k, from[k]]));
    return {
      result: null,
      // Shared or unshared: the row goes to the workspace it concerns, so its members see it.
      workspaceId: changed.workspaceId !== undefined ? (changed.workspaceId ?? current.workspaceId) : current.workspaceId,
      before: pick(current),
      after: pick(changed),
      details: { name: (changed.name as string | undefined) ?? current.name, changed: keys, version: keys.length ? current.version + 1 : current.version, ...(input.reset ? { reset: true } : {}) },
    };
  });
  return toView(access, (await loadDashboard(deps.db, input.id))!);
}

export async function deleteDashboard(deps: ServiceDeps, actor: Actor, access: AccessChecker, id: string): Promise<{ id: string; defaultId: string | null }> {
  const found = await requireEditable(deps.db, access, id);
  return mutate(deps, actor, { ...spec('dashboard.deleted', 'delete', id), workspaceId: found.workspaceId }, async (tx) => {
    const d = await tx.dashboard.delete({ where: { id }, select: { name: true, description: true, widgets: true, workspaceId: true, ownerId: true, isDefault: true, builtInKey: true } });
    let defaultId: string | null = null;
    if (d.isDefault) {
      // The owner keeps a home: their executive copy if they still have it, else their latest dashboard.
      const next =
        (await tx.dashboard.findFirst({ where: { ownerId: d.ownerId, builtInKey: 'executive' }, select: { id: true } })) ??
        (await tx.dashboard.findFirst({ where: { ownerId: d.ownerId }, orderBy: { updatedAt: 'desc' }, select: { id: true } }));
      if (next) await tx.dashboard.update({ where: { id: next.id }, data: { isDefault: true } });
      defaultId = next?.id ?? null;
    }
    return { result: { id, defaultId }, before: { name: d.name, description: d.description, workspaceId: d.workspaceId, builtInKey: d.builtInKey, widgets: d.widgets }, details: { name: d.name, newDefault: defaultId } };
  });
}

/** A personal copy of anything the caller may read: the way to change someone else's dashboard. */
export async function cloneDashboard(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: CloneDashboardInput): Promise<DashboardView> {
  const ownerId = userIdOf(actor);
  const source = await requireReadable(deps.db, access, input.id);
  const name = input.name ?? `${source.name} (copy)`.slice(0, 120);
  const widgets = parseWidgets(source.widgets);
  const id = await mutate(deps, actor, spec('dashboard.cloned', 'create'), async (tx) => {
    const d = await tx.dashboard.create({ data: { ownerId, name, description: source.description, widgets: widgetsJson(widgets) }, select: { id: true } });
    return { result: d.id, resourceId: d.id, workspaceId: null, after: { name, description: source.description, widgets }, details: { name, clonedFrom: source.id, from: source.name } };
  });
  return toView(access, (await loadDashboard(deps.db, id))!);
}

/** The caller's home dashboard: one of their own (clone a shared one first). */
export async function setDefaultDashboard(deps: ServiceDeps, actor: Actor, access: AccessChecker, id: string): Promise<DashboardView> {
  const me = userIdOf(actor);
  const found = await requireReadable(deps.db, access, id);
  if (found.ownerId !== me) throw new AppError('BAD_REQUEST', `"${found.name}" is ${found.owner.name || found.owner.email}'s: clone it, then make your copy the default`);
  await mutate(deps, actor, spec('dashboard.default.set', 'update', id), async (tx) => {
    // Two set-defaults at once would each clear the other's flag before it commits: one at a time per user.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dashboard.default'), hashtext(${me}))`;
    const previous = await tx.dashboard.findFirst({ where: { ownerId: me, isDefault: true }, select: { id: true, name: true } });
    await tx.dashboard.updateMany({ where: { ownerId: me, isDefault: true, NOT: { id } }, data: { isDefault: false } });
    await tx.dashboard.update({ where: { id }, data: { isDefault: true } });
    return { result: null, before: { defaultId: previous?.id ?? null }, after: { defaultId: id }, details: { name: found.name, previous: previous?.name ?? null } };
  });
  return toView(access, (await deps.db.dashboard.findUniqueOrThrow({ where: { id }, select: dashboardSelect })));
}
