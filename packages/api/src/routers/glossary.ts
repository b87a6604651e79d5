import { createTerm, createTermInput, deleteTerm, getTerm, linkTerm, linkTermInput, listTerms, listTermsInput, termIdInput, updateTerm, updateTermInput } from '@racine/services';
import { procedure, router } from '../trpc';

export const glossaryRouter = router({
  create: procedure.meta({ permission: 'glossary.manage' }).input(createTermInput).mutation(({ ctx, input }) => createTerm(ctx.deps, ctx.actor, ctx.access, input)),
  list: procedure
    .meta({ permission: 'glossary.read' })
    .input(listTermsInput.default({ limit: 50, offset: 0 }))
    .query(({ ctx, input }) => listTerms(ctx.deps, input)),
  /** Linked assets are filtered to the sources the caller may read. */
  get: procedure.meta({ permission: 'glossary.read' }).input(termIdInput).query(({ ctx, input }) => getTerm(ctx.deps, ctx.access, input.id)),
  update: procedure.meta({ permission: 'glossary.manage' }).input(updateTermInput).mutation(({ ctx, input }) => updateTerm(ctx.deps, ctx.actor, ctx.access, input)),
  delete: procedure.meta({ permission: 'glossary.manage' }).input(termIdInput).mutation(({ ctx, input }) => deleteTerm(ctx.deps, ctx.actor, input.id)),
  /** glossary.manage here, and datasource.read on each asset's source in the service. */
  link: procedure.meta({ permission: 'glossary.manage' }).input(linkTermInput).mutation(({ ctx, input }) => linkTerm(ctx.deps, ctx.actor, ctx.access, input)),
});
