/**
 * The model-backed engine against a local server speaking the OpenAI
 * chat-completions protocol, so the real @ai-sdk/openai-compatible provider
 * runs: the tools it offers, the streamed tool call, the real tool run
 * against Postgres, the tool result sent back, the streamed answer. And what
 * a person sees when the server refuses the key, is down, or never answers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { modelConfigFromEnv } from '../src/ai/model/config';
import { createModelEngine, modelEngine } from '../src/ai/model/engine';
import { languageModelFor } from '../src/ai/model/provider';
import { ask, modelScene, textOf } from './ai-model-scene';
import { startChatServer } from './openai-compatible-server';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((c) => c()));
});

async function chatServer(...args: Parameters<typeof startChatServer>) {
  const server = await startChatServer(...args);
  closers.push(server.close);
  return server;
}

/** modelEngine reads the environment per question, as the ai router calls it. */
async function withModelEnv<T>(env: Record<string, string>, run: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(env).map((k) => [k, process.env[k]]));
  Object.assign(process.env, env);
  try {
    return await run();
  } finally {
    for (const [k, v] of Object.entries(saved))
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
  }
}

describe('model engine over the OpenAI chat-completions protocol', () => {
  it('offers the tools, runs the streamed tool call as the asker, sends the result back and streams the answer', async () => {
    const s = await modelScene();
    const shopColumn = `main.app.customers_${s.tag}.customer_email`;
    const args = JSON.stringify({
      labels: ['PII.Email'],
      source: s.shop.source.name,
      types: ['column'],
    });
    const server = await chatServer((req) => {
      const toolMessage = req.body.messages.find((m) => m.role === 'tool');
      if (!toolMessage)
        return {
          kind: 'tool_calls',
          calls: [{ id: 'call_abc', name: 'search_catalog', arguments: args }],
        };
      // The "model" answers from the tool result it was sent.
      const items = (JSON.parse(toolMessage.content!) as { items: { qualifiedName: string }[] })
        .items;
      return {
        kind: 'text',
        deltas: ['The email columns are ', items.map((i) => i.qualifiedName).join(', '), '.'],
      };
    });

    const events = await withModelEnv(
      {
        RACINE_AI_BASE_URL: server.baseURL,
        RACINE_AI_MODEL: 'test-model',
        RACINE_AI_API_KEY: 'sk-test',
      },
      () => ask(modelEngine, s.ctxFor(s.viewer), 'Which columns hold email addresses?'),
    );

    // What the provider sent: the model, streaming, the key, our system prompt, the question, every tool with its schema.
    expect(server.requests).toHaveLength(2);
    const [first, second] = server.requests as [
      (typeof server.requests)[0],
      (typeof server.requests)[0],
    ];
    expect(first.headers.authorization).toBe('Bearer sk-test');
    expect(first.body).toMatchObject({ model: 'test-model', stream: true });
    expect(first.body.messages[0]).toMatchObject({
      role: 'system',
      content: expect.stringContaining('You are the assistant of Racine'),
    });
    expect(first.body.messages.at(-1)).toEqual({
      role: 'user',
      content: 'Which columns hold email addresses?',
    });
    const offered = new Map(first.body.tools!.map((t) => [t.function.name, t.function]));
    expect([...offered.keys()]).toEqual(
      expect.arrayContaining([
        'search_catalog',
        'get_asset',
        'list_findings',
        'start_scan',
        'start_workflow',
      ]),
    );
    expect(offered.get('search_catalog')!.parameters).toMatchObject({
      type: 'object',
      properties: { labels: { type: 'array' }, source: { type: 'string' } },
      additionalProperties: false,
    });
    // Dates are offered as ISO strings, not dropped.
    expect(JSON.stringify([...offered.values()].map((t) => t.parameters))).toContain(
      '"format":"date-time"',
    );
    // The second request carries the call and its real result.
    const call = second.body.messages.find((m) => m.role === 'assistant')!.tool_calls!;
    expect(
      call.map((c) => ({
        id: c.id,
        name: c.function.name,
        input: JSON.parse(c.function.arguments) as unknown,
      })),
    ).toEqual([
      {
        id: 'call_abc',
        name: 'search_catalog',
        input: { labels: ['PII.Email'], source: s.shop.source.name, types: ['column'], limit: 25 },
      },
    ]);
    expect(second.body.messages.at(-1)).toEqual({
      role: 'tool',
      tool_call_id: 'call_abc',
      content: expect.stringContaining(`"qualifiedName":"${shopColumn}"`),
    });

    expect(events.map((e) => e.type)).toEqual([
      'tool-call',
      'tool-result',
      'text',
      'text',
      'text',
      'links',
      'done',
    ]);
    expect(events[0]).toEqual({
      type: 'tool-call',
      call: {
        id: 'call_abc',
        tool: 'search_catalog',
        input: { labels: ['PII.Email'], source: s.shop.source.name, types: ['column'], limit: 25 },
        status: 'running',
      },
    });
    expect(events[1]).toMatchObject({
      type: 'tool-result',
      call: {
        id: 'call_abc',
        status: 'done',
        output: { total: 1, items: [{ qualifiedName: shopColumn, source: s.shop.source.name }] },
      },
    });
    expect(textOf(events)).toBe(`The email columns are ${shopColumn}.`);
    expect(events[5]).toEqual({
      type: 'links',
      links: [
        {
          label: shopColumn,
          href: `/catalog/assets/${s.shop.tables[`customers_${s.tag}`]!.columns.customer_email}`,
        },
      ],
    });
  });

  it("a viewer's model cannot reach the restricted source: the call fails and the refusal is what the model is sent", async () => {
    const s = await modelScene();
    const server = await chatServer((req) =>
      req.body.messages.some((m) => m.role === 'tool')
        ? { kind: 'text', deltas: ['Nothing I may show.'] }
        : {
            kind: 'tool_calls',
            calls: [
              {
                id: 'call_v',
                name: 'search_catalog',
                arguments: JSON.stringify({ labels: ['PII.Email'], source: s.vault.source.name }),
              },
            ],
          },
    );
    const engine = createModelEngine({
      model: languageModelFor({ baseURL: server.baseURL, model: 'm' }),
      server: { baseURL: server.baseURL, model: 'm' },
    });
    const events = await ask(engine, s.ctxFor(s.viewer), 'Emails in the vault?');
    expect(events[1]).toMatchObject({
      type: 'tool-result',
      call: {
        status: 'failed',
        error: `No data source you may read is called "${s.vault.source.name}"`,
      },
    });
    const sent = server.requests[1]!.body.messages.find((m) => m.role === 'tool')!.content!;
    expect(JSON.parse(sent)).toEqual({
      status: 'failed',
      error: `No data source you may read is called "${s.vault.source.name}"`,
    });
    expect(JSON.stringify(server.requests.map((r) => r.body))).not.toContain('work_email');
    expect(events.at(-1)!.type).toBe('done');
  });

  it('a refused key, a server that is down and one that never answers each end with one clear error event', async () => {
    const s = await modelScene();
    const ctx = s.ctxFor(s.viewer);
    const refusing = await chatServer(() => ({
      kind: 'status',
      status: 401,
      body: { error: { message: 'Incorrect API key provided', type: 'invalid_request_error' } },
    }));
    const cfg = modelConfigFromEnv({
      RACINE_AI_BASE_URL: `${refusing.baseURL}/`,
      RACINE_AI_MODEL: 'm',
      RACINE_AI_API_KEY: 'wrong',
    })!;
    expect(cfg).toEqual({ baseURL: refusing.baseURL, model: 'm', apiKey: 'wrong' });
    expect(
      await ask(createModelEngine({ model: languageModelFor(cfg), server: cfg }), ctx, 'Hi'),
    ).toEqual([
      {
        type: 'error',
        message:
          'The model server refused the API key (HTTP 401): Incorrect API key provided. Check RACINE_AI_API_KEY.',
      },
    ]);

    const gone = await startChatServer(() => ({ kind: 'text', deltas: [] }));
    await gone.close();
    const down = { baseURL: gone.baseURL, model: 'm' };
    expect(
      await ask(createModelEngine({ model: languageModelFor(down), server: down }), ctx, 'Hi'),
    ).toEqual([
      {
        type: 'error',
        message: `Could not reach the model server at ${gone.baseURL} (ECONNREFUSED). Is it running? Check RACINE_AI_BASE_URL.`,
      },
    ]);

    const silent = await chatServer(() => ({ kind: 'hang' }));
    const slow = { baseURL: silent.baseURL, model: 'm' };
    const started = Date.now();
    expect(
      await ask(
        createModelEngine({ model: languageModelFor(slow), server: slow, timeoutMs: 500 }),
        ctx,
        'Hi',
      ),
    ).toEqual([
      {
        type: 'error',
        message: `The model did not answer within 0.5 s (${silent.baseURL}); try again, or a smaller question.`,
      },
    ]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('reads its configuration from the environment: none by default, half a configuration is an error', () => {
    expect(modelConfigFromEnv({})).toBeNull();
    expect(() => modelConfigFromEnv({ RACINE_AI_MODEL: 'llama3.1' })).toThrow(
      "The assistant's model is half configured: RACINE_AI_BASE_URL must be a URL, e.g. http://localhost:11434/v1",
    );
    expect(() => modelConfigFromEnv({ RACINE_AI_BASE_URL: 'http://localhost:11434/v1' })).toThrow(
      'RACINE_AI_MODEL must name a model',
    );
    expect(
      modelConfigFromEnv({
        RACINE_AI_BASE_URL: 'http://localhost:11434/v1',
        RACINE_AI_MODEL: 'llama3.1',
      }),
    ).toEqual({ baseURL: 'http://localhost:11434/v1', model: 'llama3.1' });
  });
});
