import { heartbeat, heartbeatInput, leave, leaveInput, presenceInput, presenceStream } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Presence on any resource. Filtered: reading the resource is what it takes,
 * and what that means depends on the resource, so the service checks
 * (collab/resource-ref.ts) and says why it refuses.
 */
export const collabRouter = router({
  heartbeat: procedure.meta({ permission: 'authenticated', filtered: true }).input(heartbeatInput).mutation(({ ctx, input }) => heartbeat(ctx.deps, ctx.access, input)),
  leave: procedure.meta({ permission: 'authenticated' }).input(leaveInput).mutation(({ ctx, input }) => leave(ctx.deps, ctx.actor, input)),
  presence: procedure
    .meta({ permission: 'authenticated', filtered: true })
    .input(presenceInput)
    .subscription(({ ctx, input, signal }) => presenceStream(ctx.deps, ctx.access, input, signal)),
});
