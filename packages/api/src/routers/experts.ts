import { findExperts, findExpertsInput } from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * The expert finder. kb.read (everyone) may ask; the service counts only
 * evidence about what the caller may see.
 */
export const expertsRouter = router({
  find: procedure.meta({ permission: 'kb.read' }).input(findExpertsInput).query(({ ctx, input }) => findExperts(ctx.deps, ctx.access, input)),
});
