/**
 * Diagnostic (not part of `npm run bench`): what one SSE delivery costs the
 * server, by way of delivering it. No database: an in-memory hub stands in for
 * ActivityFeed (one push per event to every listener), so only the fan-out is
 * measured.
 *
 *   npx tsx bench/sse-cost.ts            # in packages/api
 *
 * Variants, each serving N subscribers at R events/s for S seconds:
 *   trpc-ping    a tRPC subscription configured as src/trpc.ts is (superjson,
 *                tracked ids, SSE ping every 15 s), the stream an async
 *                generator over the hub as activity.stream is over the feed;
 *   trpc-noping  the same with the server-side ping disabled;
 *   raw-each     a plain Node handler writing the same wire format (tRPC's
 *                "connected" event, then `id:`/`data:` frames whose data is
 *                JSON.stringify(superjson.serialize(event))), serialising
 *                for each subscriber as tRPC does;
 *   raw-shared   the same, with each event's frame built once and written to
 *                every subscriber;
 *   webstream-shared  as a Next.js route handler would: a web ReadableStream per
 *                subscriber piped to the Node response, each frame encoded
 *                once and enqueued on every stream;
 *   racine-trpc  the real thing on tRPC: appRouter's activity.stream over the
 *                standalone adapter, on a real ActivityFeed whose log is in
 *                memory (no database), every subscriber seeing every event;
 *   racine-fast  the same feed and log, activity.stream served by src/sse's
 *                handleActivityStream through the Node bridge (src/sse/node.ts).
 * Clients are raw HTTP readers in a child process that only count frames, so
 * they cost little and keep up.
 *
 * Prints one JSON object: per variant, server CPU µs per delivered message,
 * event-loop utilisation, and deliveries.
 *
 * Env: SSE_COST_SUBSCRIBERS (200), SSE_COST_RATE (50), SSE_COST_SECONDS (5),
 * SSE_COST_VARIANTS (all seven).
 */
import { fork } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { Db } from '@racine/db';
import { type AccessChecker, type Actor, ActivityFeed, type EventBus } from '@racine/services';
import { initTRPC, tracked } from '@trpc/server';
import { createHTTPHandler, createHTTPServer } from '@trpc/server/adapters/standalone';
import superjson from 'superjson';
import type { Context } from '../src/context';
import { appRouter } from '../src/root';
import { handleActivityStream, nodeHandler } from '../src/sse';

const SUBSCRIBERS = Number(process.env.SSE_COST_SUBSCRIBERS ?? 200);
const RATE = Number(process.env.SSE_COST_RATE ?? 50);
const SECONDS = Number(process.env.SSE_COST_SECONDS ?? 5);
const VARIANTS = (process.env.SSE_COST_VARIANTS ?? 'trpc-ping,trpc-noping,raw-each,raw-shared,webstream-shared,racine-trpc,racine-fast').split(',');

const log = (...parts: unknown[]) => process.stderr.write(`${parts.join(' ')}\n`);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

// ── the hub: ActivityFeed's shape (one push of a batch to every listener) ──

interface Event {
  id: string;
  occurredAt: Date;
  type: string;
  details: unknown;
  [key: string]: unknown;
}

class Hub {
  readonly listeners = new Set<(events: Event[]) => void>();
  push(events: Event[]) {
    for (const l of this.listeners) l(events);
  }
  /** As ActivityFeed.subscribe: a buffer, a wake-up promise, an async generator. */
  async *subscribe(signal?: AbortSignal): AsyncGenerator<Event> {
    const buffer: Event[] = [];
    let wake: (() => void) | null = null;
    const listener = (events: Event[]) => {
      buffer.push(...events);
      wake?.();
    };
    const onAbort = () => wake?.();
    signal?.addEventListener('abort', onAbort);
    this.listeners.add(listener);
    try {
      while (!signal?.aborted) {
        if (buffer.length === 0) await new Promise<void>((resolve) => (wake = resolve));
        wake = null;
        for (const event of buffer.splice(0)) yield event;
      }
    } finally {
      signal?.removeEventListener('abort', onAbort);
      this.listeners.delete(listener);
    }
  }
}

/** An activity row as the API returns it, roughly the size of a real one. */
function makeEvent(n: number): Event {
  return {
    id: String(1000 + n),
    occurredAt: new Date(),
    type: 'workspace.updated',
    category: 'configuration',
    sourceGroup: 'workspace',
    targetGroup: null,
    action: 'update',
    resourceType: 'workspace',
    resourceId: '2c14b314-b5c5-4374-9463-7b4f66e822d7',
    actorId: '5836c5b3-0d8e-4c53-9a43-0f3d2b7c1e11',
    actorType: 'token',
    actorName: 'Ada Steward',
    workspaceId: '2c14b314-b5c5-4374-9463-7b4f66e822d7',
    status: 'success',
    durationMs: 4,
    details: { seq: n, viaTokenId: 'a1f0c5de-5a4b-4f0e-9d7c-3e2b1a0f9e8d' },
    before: { name: 'Finance', description: '' },
    after: { name: 'Finance', description: 'Now with a description' },
    complianceRelevant: false,
    hash: 'f'.repeat(64),
  };
}

// ── the real feed over an in-memory log (racine-* variants) ──────────────────

/** Just what ActivityFeed reads: the head id, rows after an id, actor names. */
class MemoryLog {
  private readonly rows: Record<string, unknown>[] = [];
  private readonly listeners = new Set<(id: bigint) => void>();
  readonly db = {
    activityEvent: {
      findFirst: async () => (this.rows.length ? { id: this.rows.at(-1)!.id } : null),
      findMany: async ({ where, take }: { where: { id: { gt: bigint } }; take: number }) => {
        const from = this.rows.findIndex((r) => (r.id as bigint) > where.id.gt);
        return from === -1 ? [] : this.rows.slice(from, from + take);
      },
    },
    user: { findMany: async () => [{ id: '5836c5b3-0d8e-4c53-9a43-0f3d2b7c1e11', name: 'Ada Steward' }] },
  } as unknown as Db;
  readonly bus: EventBus = {
    kind: 'memory',
    publish: async (id) => this.listeners.forEach((l) => l(id)),
    onNotify: (l) => (this.listeners.add(l), () => void this.listeners.delete(l)),
    ping: async () => 0,
    close: async () => {},
  };
  append(n: number) {
    const { id, ...rest } = makeEvent(n);
    const row = { ...rest, id: BigInt(id) };
    this.rows.push(row);
    void this.bus.publish(row.id);
  }
}

function racineServer(fast: boolean) {
  const log = new MemoryLog();
  const feed = new ActivityFeed(log.db, log.bus, 60_000);
  const actor: Actor = { kind: 'user', userId: '5836c5b3-0d8e-4c53-9a43-0f3d2b7c1e11' };
  // Sees everything (as a holder of activity.read everywhere), without a database.
  const access = { actor, workspacesWith: async () => 'all' } as unknown as AccessChecker;
  const context = (): Context => ({ deps: { db: log.db, bus: log.bus, clock: () => new Date() }, feed, actor, access, mfaRequiredBy: async () => null, renew: async () => context() });
  const handle = fast ? nodeHandler((req) => handleActivityStream(req, async () => context())) : createHTTPHandler({ router: appRouter, createContext: context, basePath: '/api/trpc/' });
  const server = http.createServer((req, res) => void handle(req, res));
  return { server, path: '/api/trpc/activity.stream', subscribers: () => feed.subscriberCount, push: (n: number) => log.append(n) };
}

// ── servers ─────────────────────────────────────────────────────────────────

function trpcServer(hub: Hub, ping: boolean) {
  const t = initTRPC.create({
    transformer: superjson,
    sse: { ping: { enabled: ping, intervalMs: 15_000 }, client: { reconnectAfterInactivityMs: 40_000 } },
  });
  const router = t.router({
    stream: t.procedure.subscription(async function* ({ signal }) {
      for await (const event of hub.subscribe(signal)) yield tracked(event.id, event);
    }),
  });
  return { server: createHTTPServer({ router }), path: '/stream', subscribers: () => hub.listeners.size, push: (n: number) => hub.push([makeEvent(n)]) };
}

function rawServer(hub: Hub, shared: boolean) {
  const responses = new Set<http.ServerResponse>();
  const frameOf = (event: Event) => `id: ${event.id}\ndata: ${JSON.stringify(superjson.serialize(event))}\n\n`;
  hub.listeners.add((events) => {
    for (const event of events) {
      if (shared) {
        // Built once per event, then written to every subscriber.
        const frame = frameOf(event);
        for (const res of responses) res.write(frame);
      } else for (const res of responses) res.write(frameOf(event));
    }
  });
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
    res.write(`event: connected\ndata: ${JSON.stringify({ reconnectAfterInactivityMs: 40_000 })}\n\n`);
    responses.add(res);
    req.on('close', () => responses.delete(res));
  });
  return { server, path: '/stream', subscribers: () => responses.size, push: (n: number) => hub.push([makeEvent(n)]) };
}

/**
 * As a Next.js route handler would serve it: one web ReadableStream per
 * subscriber, piped to the Node response; each event's frame encoded once and
 * enqueued on every stream.
 */
function webStreamServer(hub: Hub) {
  const controllers = new Set<ReadableStreamDefaultController<Uint8Array>>();
  const encoder = new TextEncoder();
  hub.listeners.add((events) => {
    for (const event of events) {
      const frame = encoder.encode(`id: ${event.id}\ndata: ${JSON.stringify(superjson.serialize(event))}\n\n`);
      for (const c of controllers) c.enqueue(frame);
    }
  });
  const server = http.createServer((req, res) => {
    let controller: ReadableStreamDefaultController<Uint8Array>;
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
        c.enqueue(encoder.encode(`event: connected\ndata: ${JSON.stringify({ reconnectAfterInactivityMs: 40_000 })}\n\n`));
        controllers.add(c);
      },
      cancel() {
        controllers.delete(controller);
      },
    });
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache, no-transform', connection: 'keep-alive' });
    req.on('close', () => controllers.delete(controller));
    void body
      .pipeTo(
        new WritableStream({
          write(chunk) {
            if (!res.write(chunk)) return new Promise<void>((resolve) => res.once('drain', () => resolve()));
          },
        }),
      )
      .catch(() => {});
  });
  return { server, path: '/stream', subscribers: () => controllers.size, push: (n: number) => hub.push([makeEvent(n)]) };
}

// ── one variant ─────────────────────────────────────────────────────────────

async function measure(variant: string) {
  const hub = new Hub();
  const { server, path, subscribers, push } = variant.startsWith('racine-')
    ? racineServer(variant === 'racine-fast')
    : variant === 'webstream-shared'
      ? webStreamServer(hub)
      : variant.startsWith('raw-')
        ? rawServer(hub, variant === 'raw-shared')
        : trpcServer(hub, variant === 'trpc-ping');
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}${path}`;
  const clients = fork(fileURLToPath(import.meta.url), ['--sse-cost-clients', url, String(SUBSCRIBERS)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = (kind: string) => new Promise<{ frames?: number }>((resolve) => clients.on('message', (m: { kind: string; frames?: number }) => m.kind === kind && resolve(m)));
  await next('open');
  // tRPC registers the generator after the response starts; wait until every subscriber listens.
  while (subscribers() < SUBSCRIBERS) await sleep(10);
  await sleep(500);

  const total = RATE * SECONDS;
  const cpu = process.cpuUsage();
  const elu = performance.eventLoopUtilization();
  const t0 = performance.now();
  for (let n = 0; n < total; n++) {
    const wait = t0 + (n * 1000) / RATE - performance.now();
    if (wait > 0) await sleep(wait);
    push(n);
  }
  // Wait for the last deliveries.
  const expected = total * SUBSCRIBERS;
  let frames = 0;
  for (const deadline = performance.now() + 15_000; performance.now() < deadline; ) {
    const counting = next('count');
    clients.send({ kind: 'count' });
    frames = (await counting).frames ?? 0;
    if (frames >= expected) break;
    await sleep(50);
  }
  const wallMs = performance.now() - t0;
  const used = process.cpuUsage(cpu);
  const utilization = performance.eventLoopUtilization(elu).utilization;
  const cpuMs = (used.user + used.system) / 1000;
  clients.kill();
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return {
    variant,
    expected,
    delivered: frames,
    wallMs: Math.round(wallMs),
    serverCpuCores: Math.round((cpuMs / wallMs) * 100) / 100,
    eventLoopUtilization: Math.round(utilization * 100) / 100,
    serverCpuUsPerDelivery: Math.round(((cpuMs * 1000) / Math.max(1, frames)) * 10) / 10,
    /** The deliveries per second one fully busy core could sustain at this cost. */
    deliveriesPerCoreSecond: Math.round(1e6 / ((cpuMs * 1000) / Math.max(1, frames))),
  };
}

async function main() {
  const results = [];
  for (const variant of VARIANTS) {
    log(`${variant}: ${SUBSCRIBERS} subscribers, ${RATE} events/s for ${SECONDS} s…`);
    const r = await measure(variant);
    log(`  ${r.serverCpuUsPerDelivery} µs CPU per delivery, ${r.delivered}/${r.expected} delivered in ${r.wallMs} ms, event loop ${r.eventLoopUtilization}`);
    results.push(r);
  }
  process.stdout.write(`${JSON.stringify({ bench: 'sse-delivery-cost', subscribers: SUBSCRIBERS, ratePerSecond: RATE, seconds: SECONDS, node: process.version, results }, null, 2)}\n`);
}

// ── clients (child process): N raw SSE readers counting frames ─────────────

function runClients() {
  const [url, count] = process.argv.slice(process.argv.indexOf('--sse-cost-clients') + 1);
  const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
  let frames = 0;
  let open = 0;
  for (let i = 0; i < Number(count); i++) {
    http.get(url!, { agent, headers: { accept: 'text/event-stream' } }, (res) => {
      open++;
      if (open === Number(count)) process.send!({ kind: 'open' });
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        // Count message frames (data lines with an id), not pings or the connected event.
        for (let at = chunk.indexOf('\nid: '); at !== -1; at = chunk.indexOf('\nid: ', at + 1)) frames++;
        if (chunk.startsWith('id: ')) frames++;
      });
    });
  }
  process.on('message', (m: { kind: string }) => {
    if (m.kind === 'count') process.send!({ kind: 'count', frames });
  });
  process.on('disconnect', () => process.exit(0));
}


if (process.argv.includes('--sse-cost-clients')) runClients();
else
  void main().then(
    () => process.exit(0),
    (error: unknown) => {
      log(error instanceof Error ? (error.stack ?? error.message) : String(error));
      process.exit(1);
    },
  );
