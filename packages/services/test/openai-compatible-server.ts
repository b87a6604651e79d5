/**
 * A small server speaking the OpenAI chat-completions protocol (streaming
 * only), for tests of the real @ai-sdk/openai-compatible code path. Each
 * request is answered by `reply`, which sees the parsed body, and is recorded
 * with its headers so tests can assert what the provider sent.
 */
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export interface ChatRequest {
  headers: IncomingHttpHeaders;
  body: {
    model: string;
    stream?: boolean;
    messages: {
      role: string;
      content?: string | null;
      tool_calls?: { id: string; type: string; function: { name: string; arguments: string } }[];
      tool_call_id?: string;
    }[];
    tools?: {
      type: string;
      function: { name: string; description?: string; parameters: Record<string, unknown> };
    }[];
  };
}

export type Reply =
  | { kind: 'tool_calls'; calls: { id: string; name: string; arguments: string }[] }
  | { kind: 'text'; deltas: string[] }
  | { kind: 'status'; status: number; body: unknown }
  | { kind: 'hang' };

const chunk = (model: string, delta: Record<string, unknown>, finish: string | null = null) => ({
  id: 'chatcmpl-test',
  object: 'chat.completion.chunk',
  created: Math.floor(Date.now() / 1000),
  model,
  choices: [{ index: 0, delta, finish_reason: finish }],
});

function sse(res: ServerResponse, events: unknown[]) {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const e of events) res.write(`data: ${JSON.stringify(e)}\n\n`);
  res.end('data: [DONE]\n\n');
}

export async function startChatServer(reply: (req: ChatRequest, n: number) => Reply) {
  const requests: ChatRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    let raw = '';
    req.on('data', (c: Buffer) => (raw += c.toString()));
    req.on('end', () => {
      if (req.method !== 'POST' || req.url !== '/v1/chat/completions') {
        res
          .writeHead(404, { 'content-type': 'application/json' })
          .end(JSON.stringify({ error: { message: `No route ${req.method} ${req.url}` } }));
        return;
      }
      const request: ChatRequest = {
        headers: req.headers,
        body: JSON.parse(raw) as ChatRequest['body'],
      };
      requests.push(request);
      const r = reply(request, requests.length);
      const model = request.body.model;
      const usage = {
        id: 'chatcmpl-test',
        object: 'chat.completion.chunk',
        created: 0,
        model,
        choices: [],
        usage: { prompt_tokens: 12, completion_tokens: 7, total_tokens: 19 },
      };
      if (r.kind === 'hang') return; // never answers: the client's timeout must end it
      if (r.kind === 'status')
        return void res
          .writeHead(r.status, { 'content-type': 'application/json' })
          .end(JSON.stringify(r.body));
      if (r.kind === 'tool_calls') {
        // As OpenAI streams them: the call's id and name first, then the arguments in pieces.
        const events = r.calls.flatMap((c, index) => {
          const half = Math.ceil(c.arguments.length / 2);
          return [
            chunk(model, {
              role: 'assistant',
              content: null,
              tool_calls: [
                { index, id: c.id, type: 'function', function: { name: c.name, arguments: '' } },
              ],
            }),
            chunk(model, {
              tool_calls: [{ index, function: { arguments: c.arguments.slice(0, half) } }],
            }),
            chunk(model, {
              tool_calls: [{ index, function: { arguments: c.arguments.slice(half) } }],
            }),
          ];
        });
        return sse(res, [...events, chunk(model, {}, 'tool_calls'), usage]);
      }
      sse(res, [
        chunk(model, { role: 'assistant', content: '' }),
        ...r.deltas.map((d) => chunk(model, { content: d })),
        chunk(model, {}, 'stop'),
        usage,
      ]);
    });
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}
