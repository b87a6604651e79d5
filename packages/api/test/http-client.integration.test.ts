/**
 * The typed client over real HTTP: API-token auth, batched queries and
 * mutations, and the SSE activity stream resuming from lastEventId.
 */
import type { AddressInfo } from 'node:net';
import { createHTTPServer } from '@trpc/server/adapters/standalone';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRacineClient } from '../src/client';
import { createTRPCContext } from '../src/context';
import { appRouter } from '../src/root';
import { personWith, testDeps } from './harness';

let url = '';
let close: () => Promise<void>;

beforeAll(async () => {
  const { deps, feed } = await testDeps();
  const server = createHTTPServer({
    router: appRouter,
    createContext: ({ req }) => {
      const headers = new Headers();
      for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
      return createTRPCContext({ headers, sessionUserId: null, deps, feed });
    },
    basePath: '/api/trpc/',
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => new Promise((resolve) => server.close(() => resolve()));
});
afterAll(() => close?.());

async function tokenFor(roles: string[]) {
  const p = await personWith(roles);
  const { token } = await p.caller.user.createApiToken({ name: 'test client' });
  return { ...p, token };
}

describe('createRacineClient', () => {
  it('acts as the token’s owner and refuses a revoked token', async () => {
    const steward = await tokenFor(['steward']);
    const client = createRacineClient({ url, token: steward.token });
    expect((await client.user.me.query()).id).toBe(steward.user.id);
    const ws = await client.workspace.create.mutate({ name: `Over HTTP ${crypto.randomUUID().slice(0, 6)}` });
    expect(ws.owner.id).toBe(steward.user.id);
    const [tokenRow] = await steward.caller.user.tokens();
    await steward.caller.user.revokeApiToken({ tokenId: tokenRow!.id });
    await expect(client.user.me.query()).rejects.toMatchObject({ data: { code: 'UNAUTHORIZED' } });
  });

  it('returns readable BAD_REQUEST errors with the zod issues flattened', async () => {
    const { token } = await tokenFor(['steward']);
    const client = createRacineClient({ url, token });
    const error = await client.workspace.create.mutate({ name: '' }).catch((e: unknown) => e);
    expect(error).toMatchObject({ message: expect.stringContaining('name: Names need at least 2 characters'), data: { code: 'BAD_REQUEST', zodError: { fieldErrors: { name: expect.any(Array) } } } });
  });

  it('streams activity live and resumes from lastEventId with exactly what was missed', async () => {
    const { token, caller } = await tokenFor(['steward']);
    const client = createRacineClient({ url, token });
    const marker = `stream-${crypto.randomUUID().slice(0, 8)}`;
    const seen: { id: string; name: string }[] = [];
    const nameOf = (e: { after: unknown }) => (e.after as { name?: string } | null)?.name ?? '';

    // Like the activity page: start from the newest event the caller already has.
    const head = (await caller.activity.list({ limit: 1 })).items[0]!.id;
    const first = await new Promise<string>((resolve, reject) => {
      const sub = client.activity.stream.subscribe(
        { lastEventId: head, type: 'workspace.created' },
        {
          onStarted: () => void caller.workspace.create({ name: `${marker} one` }),
          onData: ({ id, data }) => {
            if (!nameOf(data).startsWith(marker)) return;
            seen.push({ id, name: nameOf(data) });
            sub.unsubscribe();
            resolve(id);
          },
          onError: reject,
        },
      );
    });
    // While nobody listens, two more workspaces are created.
    await caller.workspace.create({ name: `${marker} two` });
    await caller.workspace.create({ name: `${marker} three` });
    const resumed = await new Promise<string[]>((resolve, reject) => {
      const names: string[] = [];
      const sub = client.activity.stream.subscribe(
        { lastEventId: first, type: 'workspace.created' },
        {
          onData: ({ data }) => {
            if (!nameOf(data).startsWith(marker)) return;
            names.push(nameOf(data));
            if (names.length === 2) void caller.workspace.create({ name: `${marker} four` });
            if (names.length === 3) {
              sub.unsubscribe();
              resolve(names);
            }
          },
          onError: reject,
        },
      );
    });
    expect(seen.map((s) => s.name)).toEqual([`${marker} one`]);
    expect(resumed).toEqual([`${marker} two`, `${marker} three`, `${marker} four`]);
  });

  it('does not stream events from workspaces the caller cannot see', async () => {
    const outsider = await tokenFor(['viewer']);
    const owner = await personWith(['steward']);
    const client = createRacineClient({ url, token: outsider.token });
    const marker = `hidden-${crypto.randomUUID().slice(0, 8)}`;
    const got: string[] = [];
    const sub = client.activity.stream.subscribe({}, { onData: ({ data }) => got.push(JSON.stringify(data.after)) });
    await new Promise((r) => setTimeout(r, 300));
    await owner.caller.workspace.create({ name: `${marker} secret` });
    const mine = await outsider.caller.user.createApiToken({ name: marker });
    await new Promise((r) => setTimeout(r, 1500));
    sub.unsubscribe();
    expect(got.some((g) => g.includes(`${marker} secret`))).toBe(false);
    expect(got.some((g) => g.includes(mine.prefix))).toBe(true);
  });
});
