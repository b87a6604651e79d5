/**
 * Every user's personal copies of the built-in dashboards, made the first
 * time they list dashboards or ask for their default. "The first time" is
 * the activity row dashboard.builtins.created by that user: copies deleted
 * later stay deleted. Concurrent first calls serialise on an advisory lock
 * keyed by the user, and the second finds the row and makes nothing.
 *
 * The default is the executive summary for whoever holds compliance.read
 * (its posture, findings and risks are compliance numbers; every global role
 * holds it today), and "My work" otherwise, whose widgets are all about the
 * user's own tasks, findings and assets and so are never empty for lack of a
 * permission.
 */
import type { Actor } from '../actor';
import { appendActivity } from '../activity/append';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import { type BuiltInKey, builtInDashboards, builtInKeys } from './builtins';
import { widgetsJson } from './stored';

const seededType = 'dashboard.builtins.created';

export async function ensureBuiltInDashboards(deps: ServiceDeps, actor: Actor & { kind: 'user' | 'token' }, access: AccessChecker): Promise<void> {
  const userId = actor.userId;
  // The fast path, taken on every list after the first: one indexed lookup.
  if (await seeded(deps, userId)) return;
  const defaultKey: BuiltInKey = (await access.can('compliance.read')) ? 'executive' : 'my-work';
  const lastId = await deps.db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('dashboard.builtins'), hashtext(${userId}))`;
      if (await tx.activityEvent.findFirst({ where: { actorId: userId, type: seededType }, select: { id: true } })) return null;
      // Someone who already chose a default (by hand, before this ran) keeps it.
      const hasDefault = (await tx.dashboard.count({ where: { ownerId: userId, isDefault: true } })) > 0;
      // The log is append-only today; should it ever be pruned, copies the user still has are not made twice.
      const have = new Set((await tx.dashboard.findMany({ where: { ownerId: userId, builtInKey: { not: null } }, select: { builtInKey: true } })).map((d) => d.builtInKey));
      const created: { id: string; builtInKey: string }[] = [];
      for (const key of builtInKeys.filter((k) => !have.has(k))) {
        const b = builtInDashboards[key];
        const d = await tx.dashboard.create({
          data: { ownerId: userId, name: b.name, description: b.description, builtInKey: key, widgets: widgetsJson(b.widgets), isDefault: !hasDefault && key === defaultKey },
          select: { id: true, builtInKey: true },
        });
        created.push({ id: d.id, builtInKey: key });
      }
      return appendActivity(
        tx,
        actor,
        {
          type: seededType,
          category: 'configuration',
          sourceGroup: 'dashboard',
          action: 'create',
          resourceType: 'dashboard',
          resourceId: created.find((c) => c.builtInKey === defaultKey)?.id ?? null,
          after: { dashboards: created, default: hasDefault ? null : defaultKey },
          details: { default: defaultKey },
        },
        deps.clock(),
      );
    },
    { timeout: 30_000, maxWait: 30_000 },
  );
  if (lastId !== null) await deps.bus.publish(lastId).catch(() => {});
}

async function seeded(deps: ServiceDeps, userId: string): Promise<boolean> {
  return !!(await deps.db.activityEvent.findFirst({ where: { actorId: userId, type: seededType }, select: { id: true } }));
}
