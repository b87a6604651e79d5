/** Permission cases: the assistant. ai.use is every global role's; someone with no role may not. Conversations are their owner's. */
import { personWith, testDeps } from '../harness';
import { type Case, global, uuid } from './shared';

/** A viewer's conversation with one answer holding a proposed (awaiting) scan. */
async function conversationScene() {
  const { deps } = await testDeps();
  const owner = await personWith(['viewer']);
  const callId = uuid();
  const conversation = await deps.db.aiConversation.create({
    data: {
      userId: owner.user.id,
      title: `Rescan ${uuid().slice(0, 6)}`,
      messages: {
        create: [
          { role: 'user', content: 'Rescan shop' },
          { role: 'assistant', content: 'I can start a scan of shop.', toolCalls: [{ id: callId, tool: 'start_scan', input: { source: 'shop' }, status: 'awaiting_confirmation' }] },
        ],
      },
    },
    include: { messages: { where: { role: 'assistant' } } },
  });
  return { owner, conversation, messageId: conversation.messages[0]!.id, callId };
}

const own = (input: (s: Awaited<ReturnType<typeof conversationScene>>) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await conversationScene();
    return { input: input(s), allowed: s.owner, denied: [await personWith([])] };
  },
  badInput,
});

export const aiCases: Record<string, Case> = {
  'ai.ask': { setup: global(['viewer'], [[]], { question: 'which columns contain email addresses?' }), badInput: { question: '' } },
  'ai.conversations': { setup: global(['viewer'], [[]], { limit: 10 }), badInput: { limit: 1000 } },
  'ai.conversation': own((s) => ({ id: s.conversation.id }), { id: 'conversation-1' }),
  'ai.renameConversation': own((s) => ({ id: s.conversation.id, title: 'Shop rescans' }), { id: uuid(), title: '' }),
  'ai.deleteConversation': own((s) => ({ id: s.conversation.id }), { id: 'nope' }),
  'ai.confirm': own((s) => ({ messageId: s.messageId, callId: s.callId, approve: false }), { messageId: uuid(), callId: 'c', approve: 'yes' }),
  'ai.recommendations': { setup: global(['viewer'], [[]], { limit: 5 }), badInput: { limit: 0 } },
  'ai.feedback': { setup: global(['viewer'], [[]], { subjectKey: `source_stale:${uuid()}`, type: 'source_stale', decision: 'dismissed' }), badInput: { subjectKey: 'x', type: 'spam', decision: 'dismissed' } },
  'ai.tools': { setup: global(['viewer'], [[]]), badInput: null },
};
