/**
 * One ai.ask turn end to end against real Postgres: what is stored on the
 * answer (its links and suggestions, read back by getConversation), and what
 * happens when the asker goes away mid-answer (the model request is aborted
 * at once and the message does not stay "streaming").
 */
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { ASK_STOPPED, ask, type AskStreamItem, type EngineChoice } from '../src/ai/ask';
import { builtinEngine } from '../src/ai/builtin/engine';
import { getConversation } from '../src/ai/conversations';
import { createModelEngine } from '../src/ai/model/engine';
import { modelScene } from './ai-model-scene';

const builtin: EngineChoice = { mode: 'builtin', engine: builtinEngine };

/** A model that never answers, and says when it was called. */
function stallingModel() {
  let called!: () => void;
  const wasCalled = new Promise<void>((resolve) => (called = resolve));
  const model = new MockLanguageModelV3({
    doStream: () => {
      called();
      return new Promise(() => {});
    },
  });
  return { model, wasCalled };
}
const stalling = (model: MockLanguageModelV3): EngineChoice => ({
  mode: 'model',
  engine: createModelEngine({
    model,
    server: { baseURL: 'mock://model', model: 'stalling' },
    timeoutMs: 20_000,
  }),
});

async function collect(stream: AsyncGenerator<AskStreamItem>) {
  const items: AskStreamItem[] = [];
  for await (const item of stream) items.push(item);
  return items.map((i) => i.event);
}

const startOf = (events: { type: string }[]) =>
  events[0] as { type: 'start'; conversationId: string; messageId: string };

describe('ai.ask turn', () => {
  it('stores the links and suggestions the answer offered; the conversation read returns them', async () => {
    const s = await modelScene();
    const asker = s.viewer;
    const withLinks = await collect(
      ask(
        s.deps,
        asker.actor,
        asker.access,
        { question: `Which columns contain email addresses in ${s.shop.source.name}?`, page: {} },
        undefined,
        builtin,
      ),
    );
    const links = withLinks.flatMap((e) => (e.type === 'links' ? e.links : []));
    expect(links).toEqual([
      {
        label: expect.stringContaining('customer_email'),
        href: `/catalog/assets/${s.shop.tables[`customers_${s.tag}`]!.columns.customer_email}`,
      },
    ]);
    const { conversationId } = startOf(withLinks);
    const notUnderstood = await collect(
      ask(
        s.deps,
        asker.actor,
        asker.access,
        { conversationId, question: 'what is the weather like in Lisbon?', page: {} },
        undefined,
        builtin,
      ),
    );
    const suggestions = notUnderstood.flatMap((e) => (e.type === 'suggestions' ? e.questions : []));
    expect(suggestions.length).toBeGreaterThan(0);

    const stored = await getConversation(s.deps, asker.actor, conversationId);
    const answers = stored.messages.filter((m) => m.role === 'assistant');
    expect(answers.map((m) => [m.status, m.links, m.suggestions])).toEqual([
      ['complete', links, []],
      ['complete', [], suggestions],
    ]);
  });

  it('aborts the model request when the subscription signal aborts, and stores the answer as stopped', async () => {
    const s = await modelScene();
    const { model, wasCalled } = stallingModel();
    const closed = new AbortController();
    const started = Date.now();
    const events: { type: string }[] = [];
    for await (const { event } of ask(
      s.deps,
      s.viewer.actor,
      s.viewer.access,
      { question: 'Anything', page: {} },
      closed.signal,
      stalling(model),
    )) {
      events.push(event);
      if (event.type === 'start') void wasCalled.then(() => closed.abort());
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
    expect(events.map((e) => e.type)).toEqual(['start']);
    const row = await s.deps.db.aiMessage.findUniqueOrThrow({
      where: { id: startOf(events).messageId },
    });
    expect([row.status, row.content]).toEqual(['error', ASK_STOPPED]);
  });

  it('stops the engine and stores the answer when the reader closes the stream early', async () => {
    const s = await modelScene();
    const { model, wasCalled } = stallingModel();
    const started = Date.now();
    let messageId = '';
    for await (const { event } of ask(
      s.deps,
      s.viewer.actor,
      s.viewer.access,
      { question: 'Anything', page: {} },
      undefined,
      stalling(model),
    )) {
      if (event.type === 'start') messageId = event.messageId;
      await wasCalled;
      break;
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
    const row = await s.deps.db.aiMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect([row.status, row.content]).toEqual(['error', ASK_STOPPED]);
  });
});
