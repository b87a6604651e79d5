import { metricCatalogList, metricQueryInput, queryMetric } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * The metric catalogue. Both are `filtered`: the numbers cover only what the
 * caller may read (the service narrows every computation to it), and the
 * service checks dashboard.use itself.
 */
export const metricsRouter = router({
  catalog: procedure
    .meta({ permission: 'dashboard.use', filtered: true })
    .query(async ({ ctx }) => {
      await ctx.access.require('dashboard.use');
      return metricCatalogList();
    }),
  query: procedure
    .meta({ permission: 'dashboard.use', filtered: true })
    .input(metricQueryInput)
    .query(({ ctx, input }) => queryMetric(ctx.deps, ctx.access, ctx.actor.kind === 'system' ? null : ctx.actor.userId, input)),
});
