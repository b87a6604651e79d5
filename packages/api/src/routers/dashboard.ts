import {
  cloneDashboard,
  cloneDashboardInput,
  createDashboard,
  createDashboardInput,
  dashboardData,
  dashboardDataInput,
  dashboardIdInput,
  deleteDashboard,
  getDashboard,
  getDashboardInput,
  listDashboards,
  listDashboardsInput,
  setDefaultDashboard,
  updateDashboard,
  updateDashboardInput,
  watchDashboard,
  watchDashboardInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { procedure, router } from '../trpc';

/**
 * Dashboards: dashboard.use for all of it. The service decides which
 * dashboards the caller sees (their own, and those shared with workspaces
 * they may read) and may change (the owner; for a shared one, dashboard.share
 * holders there). Another user's personal dashboard answers NOT_FOUND.
 */
export const dashboardRouter = router({
  /** Mine and those shared with me; my built-in copies are made on the first call. */
  list: procedure
    .meta({ permission: 'dashboard.use' })
    .input(listDashboardsInput.default({}))
    .query(({ ctx, input }) => listDashboards(ctx.deps, ctx.access, input)),
  /** One dashboard; without an id, my default. */
  get: procedure
    .meta({ permission: 'dashboard.use' })
    .input(getDashboardInput.default({}))
    .query(({ ctx, input }) => getDashboard(ctx.deps, ctx.access, input)),
  create: procedure.meta({ permission: 'dashboard.use' }).input(createDashboardInput).mutation(({ ctx, input }) => createDashboard(ctx.deps, ctx.actor, ctx.access, input)),
  /** Name, description, widgets, sharing (workspaceId), or reset: true for a built-in copy. A stale version answers CONFLICT. */
  update: procedure.meta({ permission: 'dashboard.use' }).input(updateDashboardInput).mutation(({ ctx, input }) => updateDashboard(ctx.deps, ctx.actor, ctx.access, input)),
  delete: procedure.meta({ permission: 'dashboard.use' }).input(dashboardIdInput).mutation(({ ctx, input }) => deleteDashboard(ctx.deps, ctx.actor, ctx.access, input.id)),
  clone: procedure.meta({ permission: 'dashboard.use' }).input(cloneDashboardInput).mutation(({ ctx, input }) => cloneDashboard(ctx.deps, ctx.actor, ctx.access, input)),
  setDefault: procedure.meta({ permission: 'dashboard.use' }).input(dashboardIdInput).mutation(({ ctx, input }) => setDefaultDashboard(ctx.deps, ctx.actor, ctx.access, input.id)),
  /** Every widget's numbers ({ id }), or unsaved widgets' ({ widgets }: the editor's preview); each widget its result or its own error. */
  data: procedure.meta({ permission: 'dashboard.use' }).input(dashboardDataInput).query(({ ctx, input }) => dashboardData(ctx.deps, ctx.access, input)),
  /**
   * Live: an event (tracked by activity id) when activity lands that may change
   * some widgets, or someone else edits the dashboard; at most one a second.
   * The client refetches data (and get when `layout`). Reconnect with lastEventId.
   */
  watch: procedure
    .meta({ permission: 'dashboard.use' })
    .input(watchDashboardInput)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const { id, event } of watchDashboard(ctx.deps, ctx.feed, ctx.access, input, { signal })) yield tracked(id, event);
    }),
});
