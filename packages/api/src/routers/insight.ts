import { listInsights, listInsightsInput, updateInsightInput, updateInsightStatus } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Anomaly and forecast insights. The list is filtered by the service to what the caller may see
 * (insight.read, plus read access to the source or workspace an insight is about; person-level
 * ones only with activity.report); changing a status needs insight.manage.
 */
export const insightRouter = router({
  list: procedure
    .meta({ permission: 'insight.read', filtered: true })
    .input(listInsightsInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listInsights(ctx.deps, ctx.access, input)),
  update: procedure
    .meta({ permission: 'insight.manage' })
    .input(updateInsightInput)
    .mutation(({ ctx, input }) => updateInsightStatus(ctx.deps, ctx.actor, ctx.access, input)),
});
