/**
 * ActivityFeed.subscribeFrames, which the fast activity.stream handler rides
 * on: frames encoded once per event for all subscribers, backfill then live
 * with nothing lost or repeated between the two, slow consumers and aborts.
 */
import { ActivityFeed, type ActivityEventView, FrameCache, recordActivity } from '@racine/services';
import { describe, expect, it } from 'vitest';
import { personWith, testDeps } from './harness';

const tick = (type: string, i: number) => ({ type, category: 'system', sourceGroup: 'test', action: 'tick', details: { i } }) as const;
const typeFor = (what: string) => `test.sse.feed.${what}.${crypto.randomUUID().slice(0, 8)}`;

async function setup() {
  const { deps } = await testDeps();
  const { actor } = await personWith(['viewer']);
  return { deps, actor, feed: new ActivityFeed(deps.db, deps.bus, 200) };
}

describe('ActivityFeed.subscribeFrames', () => {
  it('encodes each live event once, and hands every subscriber that accepts it the same frame', async () => {
    const { deps, actor, feed } = await setup();
    const type = typeFor('shared');
    const encoded: string[] = [];
    const frames = new FrameCache((e: ActivityEventView) => {
      encoded.push(e.id);
      return { id: e.id };
    });
    const abort = new AbortController();
    const got: { id: string }[][] = [[], [], []];
    const accepts = [(e: ActivityEventView) => e.type === type, (e: ActivityEventView) => e.type === type, (e: ActivityEventView) => e.type === type && (e.details as { i: number }).i === 1];
    const started = accepts.map(
      (accept, n) =>
        new Promise<void>((onStart) => {
          void feed.subscribeFrames({ after: null, accept, frames, signal: abort.signal, onStart, write: (f) => (got[n]!.push(...f), true) });
        }),
    );
    await Promise.all(started);
    expect(feed.subscriberCount).toBe(3);
    const ids = [String(await recordActivity(deps, actor, tick(type, 0))), String(await recordActivity(deps, actor, tick(type, 1)))];
    await expect.poll(() => got[0]!.length + got[1]!.length + got[2]!.length, { timeout: 5000 }).toBe(5);
    expect(got[0]!.map((f) => f.id)).toEqual(ids);
    expect(got[2]!.map((f) => f.id)).toEqual([ids[1]]);
    expect(got[0]![1]).toBe(got[1]![1]);
    expect(got[0]![1]).toBe(got[2]![0]);
    expect(encoded).toEqual(ids);
    abort.abort();
    await expect.poll(() => feed.subscriberCount).toBe(0);
  });

  it('backfills from `after`, then goes live: every event once, in order, even while events keep arriving', async () => {
    const { deps, actor, feed } = await setup();
    const type = typeFor('resume');
    const first = await recordActivity(deps, actor, tick(type, 0));
    const ids: string[] = [];
    for (let i = 1; i <= 5; i++) ids.push(String(await recordActivity(deps, actor, tick(type, i))));
    const got: string[] = [];
    const abort = new AbortController();
    let startedAt = -1;
    // Appends race the registration and the backfill.
    const racing = Promise.all(Array.from({ length: 10 }, (_, i) => recordActivity(deps, actor, tick(type, 6 + i))));
    const ended = feed.subscribeFrames({
      after: first,
      accept: (e) => e.type === type,
      frames: new FrameCache((e) => e.id),
      signal: abort.signal,
      onStart: () => (startedAt = got.length),
      write: (f) => (got.push(...f), true),
    });
    ids.push(...(await racing).map(String).sort((a, b) => (BigInt(a) < BigInt(b) ? -1 : 1)));
    const last = String(await recordActivity(deps, actor, tick(type, 99)));
    ids.push(last);
    await expect.poll(() => got.at(-1), { timeout: 5000 }).toBe(last);
    expect(startedAt).toBe(0);
    expect(got).toEqual(ids);
    abort.abort();
    expect(await ended).toBe('aborted');
    expect(feed.subscriberCount).toBe(0);
  });

  it('ends a subscriber whose consumer is full with "overflow" and lets the others go on', async () => {
    const { deps, actor, feed } = await setup();
    const type = typeFor('overflow');
    const abort = new AbortController();
    const frames = new FrameCache((e: ActivityEventView) => e.id);
    const slow: string[] = [];
    const fast: string[] = [];
    let ready = 0;
    // The slow consumer says "full" at its first write.
    const slowEnded = feed.subscribeFrames({ after: null, accept: (e) => e.type === type, frames, onStart: () => ready++, write: (f) => (slow.push(...f), false) });
    const fastEnded = feed.subscribeFrames({ after: null, accept: (e) => e.type === type, frames, signal: abort.signal, onStart: () => ready++, write: (f) => (fast.push(...f), true) });
    await expect.poll(() => ready).toBe(2);
    const first = String(await recordActivity(deps, actor, tick(type, 0)));
    expect(await slowEnded).toBe('overflow');
    expect(feed.subscriberCount).toBe(1);
    for (let i = 1; i < 4; i++) await recordActivity(deps, actor, tick(type, i));
    await expect.poll(() => fast.length, { timeout: 5000 }).toBe(4);
    expect(slow).toEqual([first]);
    abort.abort();
    expect(await fastEnded).toBe('aborted');
  });

  it('takes notifications that come within coalesceMs of each other together, in one batch', async () => {
    const { deps, actor } = await setup();
    let notify = (_id: bigint) => {};
    const bus = { ...deps.bus, onNotify: (l: (id: bigint) => void) => ((notify = l), () => {}), publish: async () => {} };
    const feed = new ActivityFeed(deps.db, bus, 60_000, 400);
    const type = typeFor('coalesce');
    const writes: string[][] = [];
    const abort = new AbortController();
    let started!: () => void;
    const ready = new Promise<void>((r) => (started = r));
    void feed.subscribeFrames({ after: null, accept: (e) => e.type === type, frames: new FrameCache((e) => e.id), signal: abort.signal, onStart: started, write: (f) => (writes.push(f), true) });
    await ready;
    const quiet = { ...deps, bus };
    const ids = [String(await recordActivity(quiet, actor, tick(type, 0)))];
    notify(BigInt(ids[0]!)); // read at once
    await expect.poll(() => writes.length).toBe(1);
    for (let i = 1; i <= 2; i++) {
      ids.push(String(await recordActivity(quiet, actor, tick(type, i))));
      notify(BigInt(ids[i]!)); // within the window: read together when it ends
    }
    await expect.poll(() => writes.length, { timeout: 3000 }).toBe(2);
    expect(writes).toEqual([[ids[0]], [ids[1], ids[2]]]);
    abort.abort();
  });

  it('counts a throwing consumer as overflowed rather than breaking the fan-out', async () => {
    const { deps, actor, feed } = await setup();
    const type = typeFor('throw');
    const abort = new AbortController();
    const frames = new FrameCache((e: ActivityEventView) => e.id);
    const fine: string[] = [];
    let ready = 0;
    const broken = feed.subscribeFrames({ after: null, accept: (e) => e.type === type, frames, onStart: () => ready++, write: () => { throw new Error('socket gone'); } });
    void feed.subscribeFrames({ after: null, accept: (e) => e.type === type, frames, signal: abort.signal, onStart: () => ready++, write: (f) => (fine.push(...f), true) });
    await expect.poll(() => ready).toBe(2);
    await recordActivity(deps, actor, tick(type, 0));
    await recordActivity(deps, actor, tick(type, 1));
    expect(await broken).toBe('overflow');
    await expect.poll(() => fine.length, { timeout: 5000 }).toBe(2);
    abort.abort();
  });
});
