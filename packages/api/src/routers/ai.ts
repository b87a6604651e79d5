import {
  ask,
  askInput,
  confirmInput,
  confirmToolCall,
  conversationIdInput,
  deleteConversation,
  describeTools,
  getConversation,
  feedbackInput,
  listConversations,
  listRecommendations,
  recommendationsInput,
  recordFeedback,
  listConversationsInput,
  renameConversation,
  renameConversationInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { procedure, router } from '../trpc';

/**
 * The assistant. Everything needs ai.use; the tools it calls then act with the
 * asker's own permissions (the services filter), and conversations are the
 * asker's own. ai.ask streams AskEvents with ids `<messageId>:<n>`; a client
 * reconnecting with lastEventId gets `done` once the stored answer is
 * complete and reads it with ai.conversation.
 */
export const aiRouter = router({
  ask: procedure
    .meta({ permission: 'ai.use' })
    .input(askInput)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const item of ask(ctx.deps, ctx.actor, ctx.access, input, signal)) yield tracked(item.id, item.event);
    }),
  conversations: procedure
    .meta({ permission: 'ai.use' })
    .input(listConversationsInput.default({ limit: 30 }))
    .query(({ ctx, input }) => listConversations(ctx.deps, ctx.actor, input)),
  conversation: procedure.meta({ permission: 'ai.use' }).input(conversationIdInput).query(({ ctx, input }) => getConversation(ctx.deps, ctx.actor, input.id)),
  renameConversation: procedure.meta({ permission: 'ai.use' }).input(renameConversationInput).mutation(({ ctx, input }) => renameConversation(ctx.deps, ctx.actor, input)),
  deleteConversation: procedure.meta({ permission: 'ai.use' }).input(conversationIdInput).mutation(({ ctx, input }) => deleteConversation(ctx.deps, ctx.actor, input.id)),
  confirm: procedure.meta({ permission: 'ai.use' }).input(confirmInput).mutation(({ ctx, input }) => confirmToolCall(ctx.deps, ctx.actor, ctx.access, input)),
  recommendations: procedure
    .meta({ permission: 'ai.use' })
    .input(recommendationsInput.default({ limit: 10 }))
    .query(({ ctx, input }) => listRecommendations(ctx.deps, ctx.actor, ctx.access, input)),
  feedback: procedure.meta({ permission: 'ai.use' }).input(feedbackInput).mutation(({ ctx, input }) => recordFeedback(ctx.deps, ctx.actor, input)),
  tools: procedure.meta({ permission: 'ai.use' }).query(() => describeTools()),
});
