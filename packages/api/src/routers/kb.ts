import {
  archiveArticle,
  articleIdInput,
  articlesForTarget,
  articlesForTargetInput,
  createArticle,
  createArticleInput,
  getArticle,
  linkArticle,
  linkArticleInput,
  listArticles,
  listArticlesInput,
  publishArticle,
  unlinkArticle,
  updateArticle,
  updateArticleInput,
} from '@racine/services';
import { procedure, router } from '../trpc';

/**
 * Knowledge-base articles. kb.read lists and reads (drafts only their author's
 * and writers'; the service filters), kb.write writes, publishes and links.
 */
export const kbRouter = router({
  list: procedure
    .meta({ permission: 'kb.read' })
    .input(listArticlesInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listArticles(ctx.deps, ctx.access, input)),
  get: procedure.meta({ permission: 'kb.read' }).input(articleIdInput).query(({ ctx, input }) => getArticle(ctx.deps, ctx.access, input.id)),
  forTarget: procedure.meta({ permission: 'kb.read' }).input(articlesForTargetInput).query(({ ctx, input }) => articlesForTarget(ctx.deps, ctx.access, input)),
  create: procedure.meta({ permission: 'kb.write' }).input(createArticleInput).mutation(({ ctx, input }) => createArticle(ctx.deps, ctx.actor, ctx.access, input)),
  update: procedure.meta({ permission: 'kb.write' }).input(updateArticleInput).mutation(({ ctx, input }) => updateArticle(ctx.deps, ctx.actor, ctx.access, input)),
  publish: procedure.meta({ permission: 'kb.write' }).input(articleIdInput).mutation(({ ctx, input }) => publishArticle(ctx.deps, ctx.actor, ctx.access, input.id)),
  archive: procedure.meta({ permission: 'kb.write' }).input(articleIdInput).mutation(({ ctx, input }) => archiveArticle(ctx.deps, ctx.actor, ctx.access, input.id)),
  link: procedure.meta({ permission: 'kb.write' }).input(linkArticleInput).mutation(({ ctx, input }) => linkArticle(ctx.deps, ctx.actor, ctx.access, input)),
  unlink: procedure.meta({ permission: 'kb.write' }).input(linkArticleInput).mutation(({ ctx, input }) => unlinkArticle(ctx.deps, ctx.actor, ctx.access, input)),
});
