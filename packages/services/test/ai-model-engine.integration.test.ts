/**
 * The model-backed engine with the AI SDK's mock language model, scripted:
 * it asks for tool calls, the real tools run against real Postgres as the
 * asker, and the scripted model writes its answer from the tool results it
 * was sent back. What reaches the model and the person is exactly what the
 * asker may see.
 */
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { simulateReadableStream } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { describe, expect, it } from 'vitest';
import { createModelEngine } from '../src/ai/model/engine';
import { ANSWER_STOPPED } from '../src/ai/types';
import type { AskEvent, ToolCallRecord } from '../src/ai/types';
import { ask, modelScene, textOf } from './ai-model-scene';

const usage = {
  inputTokens: { total: 10, noCache: 10, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 5, text: 5, reasoning: undefined },
};
const finish = (unified: 'stop' | 'tool-calls'): LanguageModelV3StreamPart => ({
  type: 'finish',
  finishReason: { unified, raw: undefined },
  usage,
});
const stream = (chunks: LanguageModelV3StreamPart[]) => ({
  stream: simulateReadableStream({ chunks, chunkDelayInMs: 1 }),
});
const server = { baseURL: 'mock://model', model: 'scripted' };

type ToolResults = { toolName: string; value: unknown }[];
/** The tool results the model was sent in this call (the tool messages of its prompt). */
function toolResultsIn(options: LanguageModelV3CallOptions): ToolResults {
  return options.prompt.flatMap((m) =>
    m.role === 'tool'
      ? m.content.flatMap((p) =>
          p.type === 'tool-result'
            ? [{ toolName: p.toolName, value: 'value' in p.output ? p.output.value : null }]
            : [],
        )
      : [],
  );
}

/**
 * A model that first calls the given tools, then answers by listing the
 * qualified names it found in the results it got back: nothing it says is
 * scripted beyond the wording.
 */
function scriptedModel(calls: { toolName: string; input: unknown }[]) {
  return new MockLanguageModelV3({
    doStream: async (options) => {
      const results = toolResultsIn(options);
      if (!results.length)
        return stream([
          ...calls.map((c, i): LanguageModelV3StreamPart => ({
            type: 'tool-call',
            toolCallId: `call-${i + 1}`,
            toolName: c.toolName,
            input: JSON.stringify(c.input),
          })),
          finish('tool-calls'),
        ]);
      const names = results.flatMap((r) =>
        ((r.value as { items?: { qualifiedName: string }[] } | null)?.items ?? []).map(
          (i) => i.qualifiedName,
        ),
      );
      const refused = results.filter(
        (r) => (r.value as { status?: string } | null)?.status === 'failed',
      ).length;
      const waiting = results.filter(
        (r) => (r.value as { status?: string } | null)?.status === 'awaiting_confirmation',
      ).length;
      const words = [
        `Found ${names.length} column(s)`,
        names.length ? `: ${names.join(', ')}` : '',
        refused ? `; ${refused} call(s) failed` : '',
        waiting ? `; ${waiting} call(s) await your confirmation` : '',
        '.',
      ];
      return stream([
        { type: 'text-start', id: 't1' },
        ...words
          .filter(Boolean)
          .map((delta): LanguageModelV3StreamPart => ({ type: 'text-delta', id: 't1', delta })),
        { type: 'text-end', id: 't1' },
        finish('stop'),
      ]);
    },
  });
}

const results = (events: AskEvent[]) =>
  events.flatMap((e) => (e.type === 'tool-result' ? [e.call] : []));
const byTool = (calls: ToolCallRecord[], input: (i: Record<string, unknown>) => boolean) =>
  calls.find((c) => input(c.input as Record<string, unknown>))!;

describe('model engine (mock language model)', () => {
  it("runs the tools as the asker: the viewer's call into the restricted source fails, the admin's returns it", async () => {
    const s = await modelScene();
    const calls = [
      {
        toolName: 'search_catalog',
        input: { labels: ['PII.Email'], source: s.shop.source.name, types: ['column'] },
      },
      {
        toolName: 'search_catalog',
        input: { labels: ['PII.Email'], source: s.vault.source.name, types: ['column'] },
      },
    ];
    const shopColumn = `main.app.customers_${s.tag}.customer_email`;
    const vaultColumn = `main.app.staff_${s.tag}.work_email`;

    const viewerModel = scriptedModel(calls);
    const viewer = await ask(
      createModelEngine({ model: viewerModel, server }),
      s.ctxFor(s.viewer),
      'Which columns hold email addresses?',
    );
    // In order: both calls announced, both results, then the answer, the links, done.
    expect(viewer.map((e) => e.type)).toEqual([
      'tool-call',
      'tool-call',
      'tool-result',
      'tool-result',
      ...viewer.filter((e) => e.type === 'text').map(() => 'text'),
      'links',
      'done',
    ]);
    expect(
      viewer.filter((e) => e.type === 'tool-call').map((e) => e.type === 'tool-call' && e.call),
    ).toEqual([
      {
        id: 'call-1',
        tool: 'search_catalog',
        input: { ...calls[0]!.input, limit: 25 },
        status: 'running',
      },
      {
        id: 'call-2',
        tool: 'search_catalog',
        input: { ...calls[1]!.input, limit: 25 },
        status: 'running',
      },
    ]);
    const viewerResults = results(viewer);
    const shopCall = byTool(viewerResults, (i) => i.source === s.shop.source.name);
    expect(shopCall).toMatchObject({ id: 'call-1', status: 'done' });
    expect(
      (shopCall.output as { items: { qualifiedName: string }[] }).items.map((i) => i.qualifiedName),
    ).toEqual([shopColumn]);
    expect(shopCall.ms).toBeGreaterThanOrEqual(0);
    const vaultCall = byTool(viewerResults, (i) => i.source === s.vault.source.name);
    expect(vaultCall).toMatchObject({
      id: 'call-2',
      status: 'failed',
      error: `No data source you may read is called "${s.vault.source.name}"`,
    });
    expect(textOf(viewer)).toBe(`Found 1 column(s): ${shopColumn}; 1 call(s) failed.`);
    expect(textOf(viewer)).not.toContain('work_email');
    expect(viewer.find((e) => e.type === 'links')).toEqual({
      type: 'links',
      links: [
        {
          label: shopColumn,
          href: `/catalog/assets/${s.shop.tables[`customers_${s.tag}`]!.columns.customer_email}`,
        },
      ],
    });
    // The model was sent the tool results, and the refusal, never the vault's rows.
    expect(viewerModel.doStreamCalls).toHaveLength(2);
    expect(JSON.stringify(viewerModel.doStreamCalls[1]!.prompt)).toContain(shopColumn);
    expect(JSON.stringify(viewerModel.doStreamCalls.map((c) => c.prompt))).not.toContain(
      'work_email',
    );
    // It was offered every registry tool, with the tools' own input schemas.
    const offered = viewerModel.doStreamCalls[0]!.tools!.map((t) => t.name);
    expect(offered).toEqual(expect.arrayContaining(['search_catalog', 'get_asset', 'start_scan']));

    const admin = await ask(
      createModelEngine({ model: scriptedModel(calls), server }),
      s.ctxFor(s.admin),
      'Which columns hold email addresses?',
    );
    expect(results(admin).map((c) => c.status)).toEqual(['done', 'done']);
    expect(textOf(admin)).toBe(`Found 2 column(s): ${[shopColumn, vaultColumn].join(', ')}.`);
    expect(admin.at(-1)).toEqual({ type: 'done', messageId: '' });
  });

  it('prepares a write tool without running it and tells the model it awaits confirmation', async () => {
    const s = await modelScene();
    const model = scriptedModel([
      { toolName: 'start_scan', input: { source: s.shop.source.name } },
    ]);
    const events = await ask(
      createModelEngine({ model, server }),
      s.ctxFor(s.owner),
      `Rescan ${s.shop.source.name}`,
    );
    expect(results(events)).toEqual([
      expect.objectContaining({
        id: 'call-1',
        tool: 'start_scan',
        status: 'awaiting_confirmation',
        input: { source: s.shop.source.name },
      }),
    ]);
    expect(textOf(events)).toBe('Found 0 column(s); 1 call(s) await your confirmation.');
    expect(
      await s.deps.db.scanRun.count({ where: { scan: { dataSourceId: s.shop.source.id } } }),
    ).toBe(0);
  });

  it('names the page the question was asked on in the system prompt, only when the asker may read it', async () => {
    const s = await modelScene();
    const shopTable = s.shop.tables[`customers_${s.tag}`]!.id;
    const vaultTable = s.vault.tables[`staff_${s.tag}`]!.id;
    const systemOf = (model: MockLanguageModelV3) =>
      model.doStreamCalls[0]!.prompt.filter((m) => m.role === 'system')
        .map((m) => m.content)
        .join('\n');

    const onShop = scriptedModel([]);
    await ask(
      createModelEngine({ model: onShop, server }),
      s.ctxFor(s.viewer, { assetId: shopTable, workspaceId: s.ws.id }),
      'Who owns this table?',
    );
    expect(systemOf(onShop)).toContain(`the asset "main.app.customers_${s.tag}" (id ${shopTable})`);
    expect(systemOf(onShop)).toContain(`the workspace "${s.ws.name}"`);
    expect(systemOf(onShop)).toContain('Answer only from the results of the tools you call');

    const onVault = scriptedModel([]);
    await ask(
      createModelEngine({ model: onVault, server }),
      s.ctxFor(s.viewer, { assetId: vaultTable }),
      'Who owns this table?',
    );
    expect(systemOf(onVault)).not.toContain(`staff_${s.tag}`);
  });

  it('stops at the step limit and says so', async () => {
    const s = await modelScene();
    // A model that never stops calling tools.
    const model = new MockLanguageModelV3({
      doStream: async (options) =>
        stream([
          {
            type: 'tool-call',
            toolCallId: `loop-${options.prompt.length}`,
            toolName: 'search_catalog',
            input: JSON.stringify({ source: s.shop.source.name }),
          },
          finish('tool-calls'),
        ]),
    });
    const events = await ask(
      createModelEngine({ model, server, maxSteps: 3 }),
      s.ctxFor(s.viewer),
      'Loop',
    );
    expect(model.doStreamCalls).toHaveLength(3);
    expect(results(events)).toHaveLength(3);
    expect(textOf(events)).toBe(
      'I stopped after 3 steps without a final answer; the calls I made and their results are listed above.',
    );
    expect(events.at(-1)!.type).toBe('done');
  });

  it('ends with an error event when the model hangs past the timeout, and when it throws', async () => {
    const s = await modelScene();
    const hanging = new MockLanguageModelV3({ doStream: () => new Promise(() => {}) });
    const started = Date.now();
    const slow = await ask(
      createModelEngine({ model: hanging, server, timeoutMs: 300 }),
      s.ctxFor(s.viewer),
      'Anything',
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(slow).toEqual([
      {
        type: 'error',
        message:
          'The model did not answer within 0.3 s (mock://model); try again, or a smaller question.',
      },
    ]);

    const broken = new MockLanguageModelV3({
      doStream: async () => {
        throw new Error('socket closed by peer');
      },
    });
    const failed = await ask(
      createModelEngine({ model: broken, server }),
      s.ctxFor(s.viewer),
      'Anything',
    );
    expect(failed).toEqual([{ type: 'error', message: 'The model failed: socket closed by peer' }]);
  });

  it('aborts the model request as soon as the asker goes away, long before the timeout', async () => {
    const s = await modelScene();
    // Starts an answer, then never sends another chunk.
    const stalling = new MockLanguageModelV3({
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(c) {
            c.enqueue({ type: 'text-start', id: 't1' });
            c.enqueue({ type: 'text-delta', id: 't1', delta: 'Looking' });
          },
        }),
      }),
    });
    const asker = new AbortController();
    const events: AskEvent[] = [];
    const started = Date.now();
    await createModelEngine({ model: stalling, server, timeoutMs: 20_000 })(
      s.ctxFor(s.viewer),
      { question: 'Anything', history: [] },
      (e) => {
        events.push(e);
        if (e.type === 'text') asker.abort();
      },
      asker.signal,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(stalling.doStreamCalls[0]!.abortSignal?.aborted).toBe(true);
    expect(events).toEqual([
      { type: 'text', delta: 'Looking' },
      { type: 'error', message: ANSWER_STOPPED },
    ]);
  });
});
