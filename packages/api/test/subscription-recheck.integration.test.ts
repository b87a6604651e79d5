/**
 * Open subscriptions check their caller again every SUBSCRIPTION_RECHECK_MS (here 300 ms instead
 * of 30 s), signing in from the same credentials: events keep flowing, exactly once, while the
 * caller may; a token revoked or a role taken away while the stream is open ends it with the
 * reason. Checked on the fast activity.stream handler and on subscriptions served by tRPC's own
 * handler, through the real client over HTTP.
 */
import { recordActivity, revokeSession, sendNotifications, startUserSession } from '@racine/services';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

// Read when the router is built: before any import of it below.
vi.hoisted(() => {
  process.env.RACINE_SUBSCRIPTION_RECHECK_MS = '300';
});

const { createRacineClient } = await import('../src/client');
const { createTRPCContext } = await import('../src/context');
const { appRouter } = await import('../src/root');
const { handleActivityStream, nodeHandler } = await import('../src/sse');
const { SUBSCRIPTION_RECHECK_MS } = await import('../src/trpc');
const { personWith, testDeps } = await import('./harness');
const { headersOf, serve } = await import('./http-server');

let url = '';
let close: () => Promise<void>;
/** Connections opened per path: a recheck must not need a reconnect. */
const opened = new Map<string, number>();

beforeAll(async () => {
  const { deps, feed } = await testDeps();
  const trpc = createHTTPHandler({ router: appRouter, createContext: ({ req }) => createTRPCContext({ headers: headersOf(req), sessionUserId: null, deps, feed }), basePath: '/api/trpc/' });
  const stream = nodeHandler((req) => handleActivityStream(req, () => createTRPCContext({ headers: req.headers, sessionUserId: null, deps, feed })));
  ({ url, close } = await serve((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    opened.set(path, (opened.get(path) ?? 0) + 1);
    if (path === '/api/trpc/activity.stream') stream(req, res);
    else void trpc(req, res);
  }));
});
afterAll(() => close?.());

async function withToken(roles = ['viewer']) {
  const p = await personWith(roles);
  const created = await p.caller.user.createApiToken({ name: 'recheck test client' });
  return { ...p, token: created.token, tokenId: created.id };
}

const tick = (type: string, i: number) => ({ type, category: 'system', sourceGroup: 'test', action: 'tick', details: { i } }) as const;
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Subscribes and waits until the stream is open, collecting data and the first error's code. */
async function open<T>(subscribe: (handlers: { onStarted: () => void; onData: (d: T) => void; onError: (e: { data?: { code?: string } | null; message: string }) => void }) => { unsubscribe: () => void }) {
  const got: T[] = [];
  const state = { error: null as string | null };
  let started!: () => void;
  const ready = new Promise<void>((r) => (started = r));
  const sub = subscribe({ onStarted: () => started(), onData: (d) => void got.push(d), onError: (e) => void (state.error = e.data?.code ?? e.message) });
  await ready;
  return { got, state, sub };
}

describe('open subscriptions are authorised again while they run', () => {
  it('reads the interval from RACINE_SUBSCRIPTION_RECHECK_MS', () => {
    expect(SUBSCRIPTION_RECHECK_MS).toBe(300);
  });

  it('activity.stream (fast handler): events flow exactly once across rechecks on one connection; a revoked token ends the stream', async () => {
    const { token, tokenId, actor, caller } = await withToken();
    const { deps } = await testDeps();
    const type = `test.sse.recheck.${crypto.randomUUID().slice(0, 8)}`;
    const before = opened.get('/api/trpc/activity.stream') ?? 0;
    const client = createRacineClient({ url, token });
    const { got, state, sub } = await open<{ id: string }>((h) => client.activity.stream.subscribe({ type }, h));
    try {
      const sent: string[] = [];
      // Spread over several recheck intervals.
      for (let i = 0; i < 5; i++) {
        sent.push(String(await recordActivity(deps, actor, tick(type, i))));
        await pause(250);
      }
      await expect.poll(() => got.length, { timeout: 10_000, interval: 100 }).toBe(5);
      expect(got.map((e) => e.id)).toEqual(sent);
      expect(state.error).toBeNull();
      expect((opened.get('/api/trpc/activity.stream') ?? 0) - before).toBe(1);
      await caller.user.revokeApiToken({ tokenId });
      await expect.poll(() => state.error, { timeout: 5000, interval: 50 }).toBe('UNAUTHORIZED');
      await recordActivity(deps, actor, tick(type, 99));
      await pause(600);
      expect(got).toHaveLength(5);
    } finally {
      sub.unsubscribe();
    }
  });

  it('dashboard.watch (tRPC’s own handler): losing the role that grants dashboard.use ends the stream with FORBIDDEN', async () => {
    const { token, user, caller } = await withToken();
    const admin = await personWith(['admin']);
    const dashboard = await caller.dashboard.create({ name: `recheck ${crypto.randomUUID().slice(0, 6)}` });
    const client = createRacineClient({ url, token });
    const { state, sub } = await open((h) => client.dashboard.watch.subscribe({ id: dashboard.id }, h));
    try {
      await pause(700);
      expect(state.error).toBeNull();
      await admin.caller.user.setRoles({ userId: user.id, roles: [] });
      await expect.poll(() => state.error, { timeout: 5000, interval: 50 }).toBe('FORBIDDEN');
    } finally {
      sub.unsubscribe();
    }
  });

  it('a browser session signed out elsewhere ends its open stream with UNAUTHORIZED (in-process caller)', async () => {
    const { deps, feed } = await testDeps();
    const { user, actor } = await personWith(['viewer']);
    const session = await startUserSession(deps, { userId: user.id, method: 'password' });
    const ctx = await createTRPCContext({ headers: new Headers(), sessionUserId: user.id, sessionId: session.id, deps, feed });
    const caller = appRouter.createCaller(ctx);
    const stream = await caller.notification.stream({});
    const it = stream[Symbol.asyncIterator]();
    const next = it.next();
    await pause(400);
    await revokeSession(deps, actor, { id: session.id });
    await expect(next).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('notification.stream (tRPC’s own handler): delivered across rechecks; a revoked token ends the stream', async () => {
    const { token, tokenId, user, caller } = await withToken();
    const { deps } = await testDeps();
    const client = createRacineClient({ url, token });
    const { got, state, sub } = await open<{ data: { title: string } }>((h) => client.notification.stream.subscribe({}, h));
    try {
      const titles = Array.from({ length: 3 }, (_, i) => `recheck ${i} ${crypto.randomUUID().slice(0, 6)}`);
      for (const title of titles) {
        await deps.db.$transaction((tx) => sendNotifications(tx, [user.id], `recheck:${title}`, { kind: 'mention', title, body: '', link: '/' }));
        await pause(350);
      }
      await expect.poll(() => got.length, { timeout: 10_000, interval: 100 }).toBe(3);
      expect(got.map((n) => n.data.title)).toEqual(titles);
      expect(state.error).toBeNull();
      await caller.user.revokeApiToken({ tokenId });
      await expect.poll(() => state.error, { timeout: 5000, interval: 50 }).toBe('UNAUTHORIZED');
    } finally {
      sub.unsubscribe();
    }
  });
});
