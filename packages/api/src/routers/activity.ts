import {
  activityVisibility,
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
  verifyChain: procedure
    .meta({ permission: 'activity.verify' })
    .mutation(({ ctx }) => verifyChainAudited(ctx.deps, ctx.actor)),
});
