import {
  commentStream,
  commentStreamInput,
  createComment,
  createCommentInput,
  deleteComment,
  deleteCommentInput,
  listComments,
  listCommentsInput,
  mentionableInput,
  mentionableUsers,
  reactInput,
  reactToComment,
  recentComments,
  recentCommentsInput,
  unreactToComment,
  updateComment,
  updateCommentInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { procedure, router } from '../trpc';

/**
 * Comment threads, reactions and mentions on any resource. Filtered: what
 * they take is reading the commented resource, which depends on the
 * resource, so the service checks (collab/resource-ref.ts) and says why it
 * refuses; editing is the author's, deleting the author's or an admin's.
 */
const onResource = { permission: 'authenticated', filtered: true } as const;

export const commentRouter = router({
  list: procedure.meta(onResource).input(listCommentsInput).query(({ ctx, input }) => listComments(ctx.deps, ctx.access, input)),
  recent: procedure
    .meta(onResource)
    .input(recentCommentsInput.default({ limit: 25 }))
    .query(({ ctx, input }) => recentComments(ctx.deps, ctx.access, input)),
  mentionable: procedure.meta(onResource).input(mentionableInput).query(({ ctx, input }) => mentionableUsers(ctx.deps, ctx.access, input)),
  create: procedure.meta(onResource).input(createCommentInput).mutation(({ ctx, input }) => createComment(ctx.deps, ctx.actor, ctx.access, input)),
  update: procedure.meta(onResource).input(updateCommentInput).mutation(({ ctx, input }) => updateComment(ctx.deps, ctx.actor, ctx.access, input)),
  delete: procedure.meta(onResource).input(deleteCommentInput).mutation(({ ctx, input }) => deleteComment(ctx.deps, ctx.actor, ctx.access, input)),
  react: procedure.meta(onResource).input(reactInput).mutation(({ ctx, input }) => reactToComment(ctx.deps, ctx.actor, ctx.access, input)),
  unreact: procedure.meta(onResource).input(reactInput).mutation(({ ctx, input }) => unreactToComment(ctx.deps, ctx.actor, ctx.access, input)),
  stream: procedure
    .meta(onResource)
    .input(commentStreamInput)
    .subscription(async function ({ ctx, input, signal }) {
      const changes = await commentStream(ctx.deps, ctx.access, input, input.lastEventId, signal);
      return (async function* () {
        for await (const change of changes) yield tracked(change.cursor, change);
      })();
    }),
});
