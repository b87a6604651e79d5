import {
  activityAnalytics,
  activityAnalyticsInput,
  activityCorrelateInput,
  activityReportInput,
  activityVisibility,
  correlateActivity,
  exportActivityReport,
  listActivity,
  listActivityInput,
  searchActivity,
  searchActivityInput,
  streamActivityInput,
  verifyChainAudited,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { acceptFor } from '../sse/accept';
import { procedure, router } from '../trpc';

export const activityRouter = router({
  list: procedure
    .meta({ permission: 'activity.read', filtered: true })
    .input(listActivityInput.default({ limit: 50 }))
    .query(async ({ ctx, input }) =>
      listActivity(ctx.deps, await activityVisibility(ctx.access), input),
    ),
  search: procedure
    .meta({ permission: 'activity.read', filtered: true })
    .input(searchActivityInput)
    .query(async ({ ctx, input }) =>
      searchActivity(ctx.deps, await activityVisibility(ctx.access), input),
    ),
  /**
   * Live log over SSE. Each event carries its id; a reconnecting client sends
   * it back as lastEventId and receives exactly what it missed.
   */
  stream: procedure
    .meta({ permission: 'activity.read', filtered: true })
    .input(streamActivityInput.default({}))
    .subscription(async function* ({ ctx, input, signal }) {
      const visibility = await activityVisibility(ctx.access);
      const events = ctx.feed.subscribe({
        after: input.lastEventId ? BigInt(input.lastEventId) : null,
        signal,
        accept: acceptFor(visibility, input),
      });
      for await (const event of events) yield tracked(event.id, event);
    }),
  /** Patterns by hour × weekday, day, group, type and user, over the rows the caller may see. */
  analytics: procedure
    .meta({ permission: 'activity.read', filtered: true })
    .input(activityAnalyticsInput)
    .query(async ({ ctx, input }) => activityAnalytics(ctx.deps, ctx.access, await activityVisibility(ctx.access), input)),
  /** Scan run → findings it raised → the workflow, rescan or person that resolved them. */
  correlate: procedure
    .meta({ permission: 'activity.read', filtered: true })
    .input(activityCorrelateInput)
    .query(({ ctx, input }) => correlateActivity(ctx.deps, ctx.access, input)),
  /** The compliance-relevant activity report as CSV or PDF (base64, like compliance.exportReport). */
  report: procedure
    .meta({ permission: 'activity.report' })
    .input(activityReportInput)
    .mutation(async ({ ctx, input }) => exportActivityReport(ctx.deps, ctx.actor, await activityVisibility(ctx.access), input)),
  verifyChain: procedure
    .meta({ permission: 'activity.verify' })
    .mutation(({ ctx }) => verifyChainAudited(ctx.deps, ctx.actor)),
});
