/**
 * One ai.ask turn end to end against real Postgres: what is stored on the
 * answer (its links and suggestions, read back by getConversation), and what
 * happens when the asker goes away mid-answer: a reconnect within the grace
 * period keeps the answer going; otherwise the model request is aborted and
 * the message does not stay "streaming".
 */
import type { LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { ask, type AskStreamItem, type EngineChoice } from '../src/ai/ask';
import { ANSWER_STOPPED } from '../src/ai/types';
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
      { reconnectGraceMs: 0 },
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
    expect([row.status, row.content]).toEqual(['error', ANSWER_STOPPED]);
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
      { reconnectGraceMs: 0 },
    )) {
      if (event.type === 'start') messageId = event.messageId;
      await wasCalled;
      break;
    }
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
    const row = await s.deps.db.aiMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect([row.status, row.content]).toEqual(['error', ANSWER_STOPPED]);
  });

  it('keeps answering through a dropped connection when the asker reconnects within the grace period', async () => {
    const s = await modelScene();
    let called!: () => void;
    const wasCalled = new Promise<void>((resolve) => (called = resolve));
    // Answers after 1.5 s: after the 600 ms grace, so only the reconnect's claim keeps it going.
    const model = new MockLanguageModelV3({
      doStream: async () => {
        called();
        const parts: LanguageModelV3StreamPart[] = [
          { type: 'text-start', id: 't1' },
          { type: 'text-delta', id: 't1', delta: 'Still here.' },
          { type: 'text-end', id: 't1' },
          { type: 'finish', finishReason: { unified: 'stop', raw: undefined }, usage: { inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined }, outputTokens: { total: 1, text: 1, reasoning: undefined } } },
        ];
        return { stream: simulateReadableStream({ chunks: parts, initialDelayInMs: 1500, chunkDelayInMs: 1 }) };
      },
    });
    const choice = stalling(model);
    const dropped = new AbortController();
    let messageId = '';
    const first = (async () => {
      for await (const { event } of ask(s.deps, s.viewer.actor, s.viewer.access, { question: 'Anything', page: {} }, dropped.signal, choice, { reconnectGraceMs: 600 })) {
        if (event.type === 'start') {
          messageId = event.messageId;
          void wasCalled.then(() => dropped.abort());
        }
      }
    })();
    await wasCalled;
    await expect.poll(() => dropped.signal.aborted).toBe(true);
    // The reconnect: the same subscription with the last event id it saw.
    const resumed = await collect(ask(s.deps, s.viewer.actor, s.viewer.access, { question: 'Anything', page: {}, lastEventId: `${messageId}:0` }, undefined, choice));
    await first;
    expect(resumed.map((e) => e.type)).toEqual(['done']);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(false);
    const row = await s.deps.db.aiMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect([row.status, row.content]).toEqual(['complete', 'Still here.']);
  });

  it('stops the answer when no reconnect claims it within the grace period', async () => {
    const s = await modelScene();
    const { model, wasCalled } = stallingModel();
    const dropped = new AbortController();
    let messageId = '';
    const started = Date.now();
    for await (const { event } of ask(s.deps, s.viewer.actor, s.viewer.access, { question: 'Anything', page: {} }, dropped.signal, stalling(model), { reconnectGraceMs: 400 })) {
      if (event.type === 'start') {
        messageId = event.messageId;
        void wasCalled.then(() => dropped.abort());
      }
    }
    expect(Date.now() - started).toBeGreaterThanOrEqual(400);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(model.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
    const row = await s.deps.db.aiMessage.findUniqueOrThrow({ where: { id: messageId } });
    expect([row.status, row.content]).toEqual(['error', ANSWER_STOPPED]);
  });
});
