import { bulkReviewInput, getClassification, listClassifications, listClassificationsInput, listDetectors, reviewClassifications, reviewInput } from '@racine/services';
import { procedure, router } from '../trpc';

const ofLabel = { datasourceOf: 'classification', field: 'id' } as const;

export const classificationRouter = router({
  list: procedure
    .meta({ permission: 'classification.read', filtered: true })
    .input(listClassificationsInput.default({ limit: 50 }))
    .query(({ ctx, input }) => listClassifications(ctx.deps, ctx.access, input)),
  get: procedure.meta({ permission: 'classification.read', scope: ofLabel }).input(reviewInput.pick({ id: true })).query(({ ctx, input }) => getClassification(ctx.deps, input.id)),
  accept: procedure
    .meta({ permission: 'classification.review', scope: ofLabel })
    .input(reviewInput)
    .mutation(({ ctx, input }) => reviewClassifications(ctx.deps, ctx.actor, ctx.access, { ids: [input.id], decision: 'accept', note: input.note })),
  reject: procedure
    .meta({ permission: 'classification.review', scope: ofLabel })
    .input(reviewInput)
    .mutation(({ ctx, input }) => reviewClassifications(ctx.deps, ctx.actor, ctx.access, { ids: [input.id], decision: 'reject', note: input.note })),
  /** Many labels at once, possibly across sources: checked per source in the service. */
  bulkReview: procedure
    .meta({ permission: 'classification.review', filtered: true })
    .input(bulkReviewInput)
    .mutation(({ ctx, input }) => reviewClassifications(ctx.deps, ctx.actor, ctx.access, input)),
  detectors: procedure.meta({ permission: 'authenticated' }).query(({ ctx }) => listDetectors(ctx.deps)),
});
