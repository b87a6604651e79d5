/**
 * The fast activity.stream handler (src/sse) behind a Node HTTP server, as the
 * web app mounts it at /api/trpc/activity.stream, with every other procedure
 * on tRPC's standalone handler. Driven by the real createRacineClient, and
 * compared byte for byte with tRPC's own SSE responses (served under /ref).
 */
import { recordActivity } from '@racine/services';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRacineClient } from '../src/client';
import { createTRPCContext } from '../src/context';
import { appRouter } from '../src/root';
import { type ActivityStreamOptions, handleActivityStream, nodeHandler } from '../src/sse';
import { makeWorkspace, personWith, testDeps } from './harness';
import { headersOf, serve } from './http-server';

let url = '';
let close: () => Promise<void>;
/** Requests the fast handler served. */
let fastRequests = 0;

function contextFor(headers: Headers) {
  return async () => {
    const { deps, feed } = await testDeps();
    return createTRPCContext({ headers, sessionUserId: null, deps, feed });
  };
}

/** The handler as the route calls it, with options for the tests that need them. */
const fast = (req: Request, options?: ActivityStreamOptions) => handleActivityStream(req, contextFor(req.headers), options);

beforeAll(async () => {
  const { deps, feed } = await testDeps();
  const trpcHandler = (basePath: string) =>
    createHTTPHandler({
      router: appRouter,
      createContext: ({ req }) => createTRPCContext({ headers: headersOf(req), sessionUserId: null, deps, feed }),
      basePath,
    });
  const trpc = trpcHandler('/api/trpc/');
  const reference = trpcHandler('/ref/api/trpc/');
  const stream = nodeHandler((req) => {
    fastRequests++;
    return fast(req);
  });
  // A server on which every subscriber counts as too slow after each write: its stream is closed every time.
  const dropping = nodeHandler((req) => fast(req, { maxQueuedBytes: -1 }));
  ({ url, close } = await serve((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/api/trpc/activity.stream') stream(req, res);
    else if (path === '/drop/api/trpc/activity.stream') dropping(req, res);
    else if (path.startsWith('/ref/')) void reference(req, res);
    else void trpc(req, res);
  }));
});
afterAll(() => close?.());

async function tokenFor(roles: string[]) {
  const p = await personWith(roles);
  const { token } = await p.caller.user.createApiToken({ name: 'sse test client' });
  return { ...p, token };
}

const streamUrl = (base: string, input: unknown) => `${base}/api/trpc/activity.stream?input=${encodeURIComponent(JSON.stringify(superjson.serialize(input)))}`;

/** Reads an SSE body until it holds `frames` frames (each ends in "\n\n\n") or ends; then stops reading. */
async function readFrames(body: ReadableStream<Uint8Array>, frames = Infinity, timeoutMs = 5000): Promise<{ text: string; ended: boolean }> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let ended = false;
  const timer = setTimeout(() => void reader.cancel(), timeoutMs);
  try {
    while (text.split('\n\n\n').length - 1 < frames) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      text += decoder.decode(value, { stream: true });
    }
  } finally {
    clearTimeout(timer);
    if (!ended) await reader.cancel().catch(() => {});
  }
  return { text, ended };
}

const framesOf = (text: string) => text.split('\n\n\n').slice(0, -1).map((f) => `${f}\n\n\n`);
const idsOf = (text: string) => [...text.matchAll(/^id: (\d+)$/gm)].map((m) => m[1]!);
/** Error frames carry a stack in development: not part of the comparison. */
const withoutStacks = (text: string) =>
  text.replace(/^data: (\{.*\})$/gm, (_, json: string) => {
    const parsed = JSON.parse(json) as { json?: { data?: { stack?: string } } };
    delete parsed.json?.data?.stack;
    return `data: ${JSON.stringify(parsed)}`;
  });

const sseHeadersOf = (res: Response) => Object.fromEntries(['content-type', 'cache-control', 'x-accel-buffering', 'connection', 'vary'].map((h) => [h, res.headers.get(h)]));

const tick = (type: string, i: number, extra: Record<string, unknown> = {}) => ({ type, category: 'system', sourceGroup: 'test', action: 'tick', details: { i, ...extra } }) as const;

describe('activity.stream on the fast handler', () => {
  it('streams live and resumes from lastEventId with exactly what was missed (createRacineClient)', async () => {
    const before = fastRequests;
    const { token, caller } = await tokenFor(['steward']);
    const client = createRacineClient({ url, token });
    const marker = `fast-${crypto.randomUUID().slice(0, 8)}`;
    const nameOf = (e: { after: unknown }) => (e.after as { name?: string } | null)?.name ?? '';
    const head = (await caller.activity.list({ limit: 1 })).items[0]!.id;
    const first = await new Promise<string>((resolve, reject) => {
      const sub = client.activity.stream.subscribe(
        { lastEventId: head, type: 'workspace.created' },
        {
          onStarted: () => void caller.workspace.create({ name: `${marker} one` }),
          onData: ({ id, data }) => {
            if (!nameOf(data).startsWith(marker)) return;
            sub.unsubscribe();
            resolve(id);
          },
          onError: reject,
        },
      );
    });
    await caller.workspace.create({ name: `${marker} two` });
    await caller.workspace.create({ name: `${marker} three` });
    const resumed = await new Promise<{ id: string; name: string }[]>((resolve, reject) => {
      const got: { id: string; name: string }[] = [];
      const sub = client.activity.stream.subscribe(
        { lastEventId: first, type: 'workspace.created' },
        {
          onData: ({ id, data }) => {
            if (!nameOf(data).startsWith(marker)) return;
            got.push({ id, name: nameOf(data) });
            if (got.length === 2) void caller.workspace.create({ name: `${marker} four` });
            if (got.length === 3) {
              sub.unsubscribe();
              resolve(got);
            }
          },
          onError: reject,
        },
      );
    });
    expect(resumed.map((r) => r.name)).toEqual([`${marker} two`, `${marker} three`, `${marker} four`]);
    // Ids are the log's, strictly increasing, and none repeats the first subscription's.
    expect(resumed.every((r, i) => BigInt(r.id) > BigInt(i === 0 ? first : resumed[i - 1]!.id))).toBe(true);
    expect(fastRequests - before).toBe(2);
  });

  it('does not stream another workspace’s events, and follows membership live', async () => {
    const viewer = await tokenFor(['viewer']);
    const owner = await personWith(['steward']);
    const client = createRacineClient({ url, token: viewer.token });
    const marker = `vis-${crypto.randomUUID().slice(0, 8)}`;
    const secret = await makeWorkspace((await testDeps()).deps.db, { ownerId: owner.user.id, name: `${marker} secret` });
    const shared = await makeWorkspace((await testDeps()).deps.db, { ownerId: owner.user.id, name: `${marker} shared` });
    const got: { type: string; workspaceId: string | null; after: unknown }[] = [];
    const started = new Promise<void>((resolve, reject) => {
      const sub = client.activity.stream.subscribe(
        {},
        { onStarted: () => resolve(), onData: ({ data }) => void got.push(data), onError: reject },
      );
      afterAllSubs.push(() => sub.unsubscribe());
    });
    await started;
    await owner.caller.workspace.update({ id: secret.id, description: `${marker} hidden` });
    await owner.caller.workspace.addMember({ workspaceId: shared.id, userId: viewer.user.id, role: 'viewer' });
    await owner.caller.workspace.update({ id: shared.id, description: `${marker} visible` });
    const mine = await viewer.caller.user.createApiToken({ name: marker });
    await expect.poll(() => got.some((g) => JSON.stringify(g.after ?? null).includes(mine.prefix)), { timeout: 5000 }).toBe(true);
    expect(got.some((g) => g.workspaceId === secret.id)).toBe(false);
    expect(got.some((g) => g.workspaceId === shared.id && g.type === 'workspace.member.added')).toBe(true);
    expect(got.some((g) => g.workspaceId === shared.id && JSON.stringify(g.after).includes(`${marker} visible`))).toBe(true);
    afterAllSubs.splice(0).forEach((u) => u());
  });

  it('refuses a bad token with UNAUTHORIZED and a bad lastEventId with BAD_REQUEST (createRacineClient)', async () => {
    const subscribeError = (client: ReturnType<typeof createRacineClient>, input: { lastEventId?: string }) =>
      new Promise<unknown>((resolve) => {
        const sub = client.activity.stream.subscribe(input, {
          onData: () => {},
          onError: (error) => {
            sub.unsubscribe();
            resolve(error);
          },
        });
      });
    const bad = await subscribeError(createRacineClient({ url, token: 'rcn_not_a_real_token' }), {});
    expect(bad).toMatchObject({ message: 'The API token is invalid, expired or revoked', data: { code: 'UNAUTHORIZED', httpStatus: 401, path: 'activity.stream' } });
    const { token } = await tokenFor(['viewer']);
    const badInput = await subscribeError(createRacineClient({ url, token }), { lastEventId: 'abc' });
    expect(badInput).toMatchObject({ message: expect.stringContaining('Invalid input: lastEventId'), data: { code: 'BAD_REQUEST', zodError: { fieldErrors: { lastEventId: expect.any(Array) } } } });
  });

  it('answers byte for byte as tRPC does: headers, connected, backfill and live frames', async () => {
    const { token, actor } = await tokenFor(['viewer']);
    const { deps } = await testDeps();
    const type = `test.sse.wire.${crypto.randomUUID().slice(0, 8)}`;
    const base = await recordActivity(deps, actor, tick(type, 0));
    for (let i = 1; i <= 3; i++) await recordActivity(deps, actor, tick(type, i, { at: new Date(), text: 'quote "x" \\ ü 🎉 \u2028 <script>', nested: { ok: true, none: null, list: [1.5, -0, 1e21] } }));
    const input = { lastEventId: String(base), type };
    const headers = { authorization: `Bearer ${token}` };
    const [mine, theirs] = await Promise.all([fetch(streamUrl(url, input), { headers }), fetch(streamUrl(`${url}/ref`, input), { headers })]);
    expect(mine.status).toBe(theirs.status);
    expect(sseHeadersOf(mine)).toEqual(sseHeadersOf(theirs));
    expect(sseHeadersOf(mine)['content-type']).toBe('text/event-stream');
    const reading = Promise.all([readFrames(mine.body!, 5), readFrames(theirs.body!, 5)]);
    await new Promise((r) => setTimeout(r, 300));
    await recordActivity(deps, actor, tick(type, 4));
    const [a, b] = await reading;
    expect(framesOf(a.text)).toHaveLength(5);
    expect(a.text).toBe(b.text);
    expect(framesOf(a.text)[0]).toBe('event: connected\ndata: {"reconnectAfterInactivityMs":40000}\n\n\n');
    expect(idsOf(a.text)).toHaveLength(4);
  });

  it('answers errors byte for byte as tRPC does (200, connected, serialized-error)', async () => {
    const { token } = await tokenFor(['viewer']);
    const cases: { name: string; input: unknown; headers: Record<string, string>; code: string; query?: string }[] = [
      { name: 'unknown token', input: {}, headers: { authorization: 'Bearer rcn_nope' }, code: 'UNAUTHORIZED' },
      { name: 'anonymous', input: {}, headers: {}, code: 'UNAUTHORIZED' },
      { name: 'anonymous with bad input', input: { lastEventId: 'x' }, headers: {}, code: 'UNAUTHORIZED' },
      { name: 'bad lastEventId', input: { lastEventId: 'abc' }, headers: { authorization: `Bearer ${token}` }, code: 'BAD_REQUEST' },
      { name: 'bad workspace id', input: { workspaceId: 'nope' }, headers: { authorization: `Bearer ${token}` }, code: 'BAD_REQUEST' },
      { name: 'bad Last-Event-ID header', input: {}, headers: { authorization: `Bearer ${token}`, 'last-event-id': '12x' }, code: 'BAD_REQUEST' },
      { name: 'input not JSON', input: null, query: 'input=%7Bnope', headers: { authorization: `Bearer ${token}` }, code: 'BAD_REQUEST' },
    ];
    for (const c of cases) {
      const at = (base: string) => (c.query ? `${base}/api/trpc/activity.stream?${c.query}` : streamUrl(base, c.input));
      const [mine, theirs] = await Promise.all([fetch(at(url), { headers: c.headers }), fetch(at(`${url}/ref`), { headers: c.headers })]);
      expect(mine.status, c.name).toBe(theirs.status);
      expect(sseHeadersOf(mine), c.name).toEqual(sseHeadersOf(theirs));
      const [a, b] = await Promise.all([readFrames(mine.body!), readFrames(theirs.body!)]);
      expect(a.ended && b.ended, c.name).toBe(true);
      expect(withoutStacks(a.text), c.name).toBe(withoutStacks(b.text));
      expect(a.text, c.name).toContain('event: serialized-error\n');
      expect(a.text, c.name).toContain(`"code":"${c.code}"`);
    }
  });

  it('resumes from a Last-Event-ID header, as an EventSource reconnecting by itself sends it', async () => {
    const { token, actor } = await tokenFor(['viewer']);
    const { deps } = await testDeps();
    const type = `test.sse.header.${crypto.randomUUID().slice(0, 8)}`;
    const ids: bigint[] = [];
    for (let i = 0; i < 4; i++) ids.push(await recordActivity(deps, actor, tick(type, i)));
    // The URL still carries the first lastEventId; the header wins, as in tRPC.
    const res = await fetch(streamUrl(url, { lastEventId: String(ids[0]), type }), { headers: { authorization: `Bearer ${token}`, 'last-event-id': String(ids[1]) } });
    const { text } = await readFrames(res.body!, 3);
    expect(idsOf(text)).toEqual([String(ids[2]), String(ids[3])]);
  });

  it('closes a subscriber that falls behind; it reconnects with Last-Event-ID and gets the rest exactly once', async () => {
    const { token, actor } = await tokenFor(['viewer']);
    const { deps, feed } = await testDeps();
    const type = `test.sse.slow.${crypto.randomUUID().slice(0, 8)}`;
    const headers = { authorization: `Bearer ${token}` };
    const subscribers = feed.subscriberCount;
    // Called directly, the body is a stream nobody reads: frames pile up in its queue.
    const res = await fast(new Request(streamUrl('http://local', { type }), { headers }), { maxQueuedBytes: 8 * 1024 });
    const reader = res.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toContain('event: connected');
    const padding = 'x'.repeat(3000);
    const ids: string[] = [];
    for (let i = 0; i < 10; i++) ids.push(String(await recordActivity(deps, actor, tick(type, i, { padding }))));
    await expect.poll(() => feed.subscriberCount, { timeout: 5000 }).toBe(subscribers);
    reader.releaseLock();
    const first = await readFrames(res.body!);
    expect(first.ended).toBe(true);
    expect(first.text).not.toContain('event: return');
    const got = idsOf(first.text);
    expect(got.length).toBeGreaterThan(0);
    const again = await fast(new Request(streamUrl('http://local', { type }), { headers: { ...headers, 'last-event-id': got.at(-1)! } }));
    const rest = await readFrames(again.body!, 1 + 10 - got.length);
    expect([...got, ...idsOf(rest.text)]).toEqual(ids);
  });

  it('a closed slow subscriber’s client reconnects by itself and resumes exactly once (createRacineClient)', async () => {
    const { token, actor } = await tokenFor(['viewer']);
    const { deps } = await testDeps();
    const type = `test.sse.drop.${crypto.randomUUID().slice(0, 8)}`;
    const base = await recordActivity(deps, actor, tick(type, 0));
    const ids = [String(await recordActivity(deps, actor, tick(type, 1)))];
    const client = createRacineClient({ url: `${url}/drop`, token });
    const got: string[] = [];
    const states: string[] = [];
    const sub = client.activity.stream.subscribe(
      { lastEventId: String(base), type },
      {
        onData: ({ id }) => {
          got.push(id);
          // Sent while the first connection is being closed: it arrives through the reconnect's backfill.
          if (got.length === 1) void recordActivity(deps, actor, tick(type, 2)).then((id) => ids.push(String(id)));
        },
        onConnectionStateChange: (s) => void states.push(s.state),
      },
    );
    try {
      await expect.poll(() => got.length, { timeout: 15_000, interval: 100 }).toBe(2);
      await new Promise((r) => setTimeout(r, 300));
      expect(got).toEqual(ids);
      expect(states.filter((s) => s === 'connecting').length).toBeGreaterThanOrEqual(2);
    } finally {
      sub.unsubscribe();
    }
  });

  it('pings an idle subscriber as tRPC does', async () => {
    const { token } = await tokenFor(['viewer']);
    const res = await fast(new Request(streamUrl('http://local', { type: `test.sse.idle.${crypto.randomUUID()}` }), { headers: { authorization: `Bearer ${token}` } }), { pingIntervalMs: 150 });
    const t0 = performance.now();
    const { text } = await readFrames(res.body!, 3);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(250);
    expect(framesOf(text).slice(1)).toEqual(['event: ping\ndata: \n\n\n', 'event: ping\ndata: \n\n\n']);
  });

  it('leaves other methods to tRPC', async () => {
    const res = await fetch(`${url}/api/trpc/activity.stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    const theirs = await fetch(`${url}/ref/api/trpc/activity.stream`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.status).toBe(theirs.status);
    expect(withoutStacks(await res.text())).toBe(withoutStacks(await theirs.text()));
  });
});

const afterAllSubs: (() => void)[] = [];
afterAll(() => afterAllSubs.forEach((u) => u()));
