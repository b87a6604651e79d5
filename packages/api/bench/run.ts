/**
 * Event-to-subscriber latency with many concurrent SSE subscribers over real HTTP.
 *
 * - Server (this process): appRouter on Node's HTTP server (the tRPC standalone
 *   adapter, as in test/http-client.integration.test.ts), context from
 *   createTRPCContext with one shared ServiceDeps + ActivityFeed; the bus is
 *   PgNotifyBus (real LISTEN/NOTIFY). GET /api/trpc/activity.stream is served
 *   as the web app serves it (BENCH_STREAM, default "fast"):
 *     fast: src/sse's handleActivityStream (one web stream per subscriber,
 *           each event's frame serialised once), bridged to Node as Next.js
 *           bridges a route handler (src/sse/node.ts);
 *     trpc: tRPC's own SSE handling, as before the fast path.
 * - Subscribers: N users, each a viewer of one workspace with their own API
 *   token, each a createRacineClient subscribed to activity.stream (filtered to
 *   the workspace and the bench's event type): one EventSource, so one TCP
 *   connection, each. They run in child processes (BENCH_SUBSCRIBER_PROCESSES,
 *   default 2) so that client-side parsing does not share the server's event
 *   loop; 0 runs them in this process.
 * - Publisher: appends events through recordActivity at a steady rate (open
 *   loop), each carrying its send time in details. Each run places it
 *   differently (BENCH_PUBLISHER, default "process,server"):
 *     process: a child process with its own Prisma client and PgNotifyBus, as
 *              a worker or another app instance would be;
 *     server:  inside the server's process, as a mutation arriving over HTTP
 *              at a single app instance would be.
 * - Latency per subscriber per event: time received (in the subscriber's
 *   onData) − send time (just before recordActivity): the append transaction,
 *   NOTIFY, the feed's read of the log, fan-out, SSE and client-side parsing.
 *   `afterCommit` starts the clock when recordActivity resolved instead.
 *   Clocks: performance.timeOrigin + performance.now() in every process,
 *   corrected by an offset measured over IPC (reported; normally < 1 ms).
 *
 * Prints one JSON object to stdout; progress goes to stderr. ~60–80 s.
 *
 * Env: BENCH_DATABASE_URL, BENCH_SUBSCRIBERS (200), BENCH_RATE (events/s, 50;
 * a list such as 10,25,50 makes one run per rate and publisher, over the same
 * subscribers), BENCH_SECONDS (per run, 10), BENCH_SUBSCRIBER_PROCESSES (2),
 * BENCH_PUBLISHER (process,server), BENCH_FEED_POLL_MS (2000), BENCH_STREAM
 * (fast | trpc). Each also as RACINE_BENCH_*, the form `npm run bench`
 * (turbo, strict env) passes through.
 *
 * The real app instead of the in-process server: BENCH_SERVER_URL (e.g. a
 * `next start` of apps/web), BENCH_SERVER_DATABASE_URL (its database: the
 * bench adds its users and workspace there and drops nothing) and optionally
 * BENCH_SERVER_PID (its next-server process, for CPU from /proc). Only the
 * "process" publisher applies; BENCH_STREAM is whatever that server serves.
 */
import { type ChildProcess, fork } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { ActivityFeed, createApiToken, PgNotifyBus, type ServiceDeps, syncBuiltInRoles } from '@racine/services';
import http from 'node:http';
import { createHTTPHandler } from '@trpc/server/adapters/standalone';
import { createTRPCContext } from '../src/context';
import { appRouter } from '../src/root';
import { handleActivityStream, nodeHandler } from '../src/sse';
import { type BenchDatabase, benchEnv, createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';
import { EVENT_TYPE, type FromPublisher, publish, type PublishPlan, type PublishResult, type ToPublisher } from './publisher';
import { type Deliveries, type FromChild, now, type ProcessStats, processMeter, type SubscriberSet, startSubscribers, type ToChild } from './subscribers';

const SUBSCRIBERS = Number(benchEnv('SUBSCRIBERS') ?? 200);
const RATES = (benchEnv('RATE') ?? '50').split(',').map((r) => Number(r.trim()));
const SECONDS = Number(benchEnv('SECONDS') ?? 10);
const PROCESSES = Math.max(0, Math.min(Number(benchEnv('SUBSCRIBER_PROCESSES') ?? 2), SUBSCRIBERS));
const PUBLISHERS = (benchEnv('PUBLISHER') ?? 'process,server').split(',').map((p) => p.trim()) as ('process' | 'server')[];
const FEED_POLL_MS = Number(benchEnv('FEED_POLL_MS') ?? 2000);
const STREAM = (benchEnv('STREAM') ?? 'fast') as 'fast' | 'trpc';
const EXTERNAL_URL = benchEnv('SERVER_URL');
const EXTERNAL_DB = benchEnv('SERVER_DATABASE_URL');
const EXTERNAL_PID = benchEnv('SERVER_PID');
if (EXTERNAL_URL && !EXTERNAL_DB) throw new Error('BENCH_SERVER_URL needs BENCH_SERVER_DATABASE_URL, the database that server uses');
if (EXTERNAL_URL && PUBLISHERS.includes('server')) PUBLISHERS.splice(0, PUBLISHERS.length, ...PUBLISHERS.filter((p) => p === 'process'));
if (STREAM !== 'fast' && STREAM !== 'trpc') throw new Error(`BENCH_STREAM must be fast or trpc, not ${STREAM}`);
const TARGET_P99_MS = 250;
/** After the last append, how long to wait for stragglers before counting what is missing. */
const DRAIN_MS = 10_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));
const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));

// ── child processes ─────────────────────────────────────────────────────────

const children: ChildProcess[] = [];

/** A forked tsx child speaking a { kind }-tagged IPC protocol. */
function child<In extends { kind: string }, Out extends { kind: string }>(file: string, args: string[]) {
  const proc = fork(here(file), args, { execArgv: ['--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  children.push(proc);
  const waiters = new Map<string, (m: Out) => void>();
  const listeners: ((m: Out) => void)[] = [];
  proc.on('message', (m: Out) => {
    listeners.forEach((l) => l(m));
    const waiter = waiters.get(m.kind);
    waiters.delete(m.kind);
    waiter?.(m);
  });
  const next = <K extends Out['kind']>(kind: K) =>
    new Promise<Extract<Out, { kind: K }>>((resolve, reject) => {
      // 'close', not 'exit': it comes after every message the child sent has been delivered.
      const onExit = (code: number | null) => reject(new Error(`${file} exited (${code}) while waiting for "${kind}"`));
      proc.once('close', onExit);
      waiters.set(kind, (m) => {
        proc.off('close', onExit);
        resolve(m as Extract<Out, { kind: K }>);
      });
    });
  const send = (m: In) => void proc.send(m);
  return {
    proc,
    next,
    send,
    onMessage: (l: (m: Out) => void) => listeners.push(l),
    /** This child's clock minus ours, from the fastest of a few IPC round trips. */
    async clockOffsetMs(clock: In): Promise<number> {
      let best = { rtt: Infinity, offset: 0 };
      for (let i = 0; i < 7; i++) {
        const reply = next('clock' as Out['kind']) as unknown as Promise<{ at: number }>;
        const sent = now();
        send(clock);
        const { at } = await reply;
        const back = now();
        if (back - sent < best.rtt) best = { rtt: back - sent, offset: at - (sent + back) / 2 };
      }
      return best.offset;
    },
  };
}

/** A share of the subscribers: a child process, or (BENCH_SUBSCRIBER_PROCESSES=0) this process. */
interface Group {
  start(): Promise<number>;
  delivered(): number;
  clockOffsetMs(): Promise<number>;
  stats(): Promise<ProcessStats | null>;
  stop(): Promise<Deliveries[]>;
}

function childGroup(spec: { url: string; tokens: string[]; workspaceId: string }): Group {
  const c = child<ToChild, FromChild>('./subscribers.ts', ['--bench-subscriber']);
  let delivered = 0;
  c.onMessage((m) => {
    if (m.kind === 'progress') delivered = m.delivered;
  });
  return {
    async start() {
      const started = c.next('started');
      c.send({ kind: 'start', spec: { ...spec, type: EVENT_TYPE } });
      return (await started).ms;
    },
    delivered: () => delivered,
    clockOffsetMs: () => c.clockOffsetMs({ kind: 'clock' }),
    async stats() {
      const reply = c.next('stats');
      c.send({ kind: 'stats' });
      return (await reply).stats;
    },
    async stop() {
      const result = c.next('result');
      c.send({ kind: 'stop' });
      return (await result).deliveries;
    },
  };
}

function localGroup(spec: { url: string; tokens: string[]; workspaceId: string }): Group {
  let set: SubscriberSet | null = null;
  return {
    async start() {
      const t0 = performance.now();
      set = startSubscribers({ ...spec, type: EVENT_TYPE });
      await set.started;
      return performance.now() - t0;
    },
    delivered: () => set?.delivered() ?? 0,
    clockOffsetMs: async () => 0,
    stats: async () => null,
    async stop() {
      set?.stop();
      return set?.deliveries ?? [];
    },
  };
}

/** CPU of another process (the external server) from /proc, as ProcessStats (event-loop figures unknown). */
function pidMeter(pid: number | null) {
  const cpuMs = () => {
    if (pid === null) return NaN;
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * (1000 / 100); // utime + stime, in USER_HZ (100) ticks
  };
  let last = cpuMs();
  return {
    take(): ProcessStats {
      const nowMs = cpuMs();
      const stats = { cpuMs: nowMs - last, eventLoopUtilization: NaN, eventLoopDelayP99Ms: NaN };
      last = nowMs;
      return stats;
    },
  };
}

/** CPU time the whole machine spent busy (all processes, ms), from /proc/stat; NaN where there is none. */
function machineBusyMs(): number {
  try {
    // cpu  user nice system idle iowait irq softirq steal …, in USER_HZ (100) ticks
    const t = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
    return (t[0]! + t[1]! + t[2]! + t[5]! + t[6]! + t[7]!) * (1000 / 100);
  } catch {
    return NaN;
  }
}

// ── statistics ──────────────────────────────────────────────────────────────

function summarize(values: ArrayLike<number>) {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const v of sorted) sum += v;
  return {
    p50: round(percentile(sorted, 50)),
    p95: round(percentile(sorted, 95)),
    p99: round(percentile(sorted, 99)),
    max: round(sorted.at(-1) ?? NaN),
    mean: round(sum / (sorted.length || 1)),
  };
}

const statsView = (s: ProcessStats | null, wallMs: number) =>
  s && { cpuCores: round(s.cpuMs / wallMs), eventLoopUtilization: round(s.eventLoopUtilization), eventLoopDelayP99Ms: round(s.eventLoopDelayP99Ms) };

interface RunRecord {
  publisher: 'process' | 'server';
  plan: PublishPlan;
  result: PublishResult;
  /** The publisher's clock minus ours. */
  publisherOffsetMs: number;
  publisherCpuCores: number | null;
  server: ProcessStats;
  subscribers: (ProcessStats | null)[];
  wallMs: number;
  drainedMs: number;
  /** The whole machine's busy CPU time during the run (the bench, Postgres, and anything else running). */
  machineBusyMs: number;
}

/** Per run: every subscriber must have every event of the run exactly once, in log order. */
function analyse(run: RunRecord, perGroup: Deliveries[][], offsets: number[]) {
  const { firstSeq, total } = run.plan;
  const latencies: number[] = [];
  const afterCommit: number[] = [];
  const perSubscriberP99: number[] = [];
  let delivered = 0;
  let duplicates = 0;
  let missing = 0;
  let outOfOrder = 0;
  perGroup.forEach((deliveries, g) => {
    const offset = offsets[g] ?? 0;
    for (const d of deliveries) {
      const seen = new Uint8Array(total);
      const mine: number[] = [];
      let lastId = -1;
      d.seqs.forEach((seq, i) => {
        const k = seq - firstSeq;
        if (k < 0 || k >= total) return;
        delivered++;
        if (seen[k]) duplicates++;
        seen[k] = 1;
        if (d.ids[i]! <= lastId) outOfOrder++;
        lastId = d.ids[i]!;
        // Both times in our clock: received (child clock − child offset), sent (publisher clock − publisher offset).
        const received = d.receivedAt[i]! - offset;
        const latency = received - (run.result.sentAt[k]! - run.publisherOffsetMs);
        latencies.push(latency);
        mine.push(latency);
        if (run.result.committedAt[k]) afterCommit.push(received - (run.result.committedAt[k]! - run.publisherOffsetMs));
      });
      // A failed append was never in the log: it cannot be missing.
      for (let k = 0; k < total; k++) if (!seen[k] && run.result.committedAt[k]) missing++;
      if (mine.length) perSubscriberP99.push(percentile(Float64Array.from(mine).sort(), 99));
    }
  });
  const appended = run.result.committedAt.filter((c) => c > 0).length;
  const expected = appended * SUBSCRIBERS;
  const append = run.result.committedAt.flatMap((c, k) => (c > 0 ? [c - run.result.sentAt[k]!] : []));
  const latencyMs = summarize(latencies);
  const exact = delivered === expected && duplicates === 0 && missing === 0 && outOfOrder === 0;
  return {
    ratePerSecond: run.plan.rate,
    publisher: run.publisher === 'process' ? 'separate process (own Prisma client and PgNotifyBus)' : 'inside the server process',
    events: {
      sent: total,
      appended,
      appendErrors: run.result.errors,
      appendErrorSamples: run.result.errorSamples,
      publishSeconds: round(run.result.seconds, 2),
      achievedRate: round(appended / run.result.seconds, 1),
      maxSendLagMs: round(run.result.maxSendLagMs),
    },
    deliveries: { expected, delivered, duplicates, missing, outOfOrderById: outOfOrder, exact, drainedAfterLastAppendMs: round(run.drainedMs, 0) },
    latencyMs,
    breakdownMs: {
      /** send → recordActivity resolved (append committed, NOTIFY sent) */
      append: summarize(append),
      /** recordActivity resolved → received (NOTIFY, feed read, fan-out, SSE, parse) */
      afterCommit: summarize(afterCommit),
      /** the spread between subscribers: each one's own p99 */
      perSubscriberP99: summarize(perSubscriberP99),
    },
    processes: {
      /** Server CPU per delivered SSE message: the fan-out cost, and less sensitive to other load than latency is. */
      serverCpuUsPerDelivery: delivered ? round((run.server.cpuMs * 1000) / delivered, 1) : null,
      subscriberCpuUsPerDelivery: delivered && run.subscribers.every((s) => s) ? round((run.subscribers.reduce((n, s) => n + s!.cpuMs, 0) * 1000) / delivered, 1) : null,
      server: statsView(run.server, run.wallMs),
      publisher: run.publisherCpuCores === null ? 'in the server' : { cpuCores: run.publisherCpuCores },
      subscribers: run.subscribers.map((s) => statsView(s, run.wallMs)),
      /** Cores busy machine-wide: what is left over after the bench's processes is Postgres and other work on the machine. */
      machine: { cores: cpus().length, busyCores: round(run.machineBusyMs / run.wallMs) },
    },
    target: { p99Ms: TARGET_P99_MS, met: latencyMs.p99 < TARGET_P99_MS && exact && run.result.errors === 0 },
  };
}

// ── the bench ───────────────────────────────────────────────────────────────

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  // Other work on the machine skews every number here; say so when it is busy.
  if (loadAtStart > cpus().length) log(`warning: load average ${loadAtStart.toFixed(1)} on ${cpus().length} CPUs: the machine is busy, expect worse numbers`);
  let bench: BenchDatabase;
  if (EXTERNAL_URL) {
    bench = { url: EXTERNAL_DB!, name: new URL(EXTERNAL_DB!).pathname.slice(1), drop: async () => {} };
    log(`using ${EXTERNAL_URL} and its database ${bench.name} (nothing is dropped)`);
  } else {
    log('creating and migrating a bench database…');
    bench = await createBenchDatabase();
    dropOnSignal(bench);
    log(`  ${bench.name}`);
  }

  const serverDb = createDb(bench.url, { max: 10 });
  const serverBus = new PgNotifyBus(bench.url);
  let server: http.Server | null = null;
  try {
    await syncBuiltInRoles(serverDb);
    await serverBus.start();
    const deps: ServiceDeps = { db: serverDb, bus: serverBus, clock: () => new Date() };
    const feed = new ActivityFeed(serverDb, serverBus, FEED_POLL_MS);

    // ── the HTTP server ──
    let connections = 0;
    let peakConnections = 0;
    const trpc = createHTTPHandler({
      router: appRouter,
      createContext: ({ req }) => {
        const headers = new Headers();
        for (const [k, v] of Object.entries(req.headers)) if (typeof v === 'string') headers.set(k, v);
        return createTRPCContext({ headers, sessionUserId: null, deps, feed });
      },
      basePath: '/api/trpc/',
    });
    // As apps/web/src/app/api/trpc/activity.stream/route.ts mounts it (BENCH_STREAM=trpc: not at all).
    const stream = nodeHandler((req) => handleActivityStream(req, () => createTRPCContext({ headers: req.headers, sessionUserId: null, deps, feed })));
    let url = EXTERNAL_URL?.replace(/\/$/, '') ?? '';
    if (!EXTERNAL_URL) {
      server = http.createServer((req, res) => {
        if (STREAM === 'fast' && req.url?.split('?', 1)[0] === '/api/trpc/activity.stream') stream(req, res);
        else void trpc(req, res);
      });
      server.on('connection', (socket) => {
        peakConnections = Math.max(peakConnections, ++connections);
        socket.on('close', () => connections--);
      });
      await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      log(`server on ${url}`);
    }

    // ── people: an owner who publishes, N viewers who subscribe, each with their own token ──
    log(`creating ${SUBSCRIBERS} users with API tokens…`);
    const owner = await makeUser(serverDb, { roles: ['steward'] });
    const viewers = [];
    for (let i = 0; i < SUBSCRIBERS; i += 50)
      viewers.push(...(await Promise.all(Array.from({ length: Math.min(50, SUBSCRIBERS - i) }, () => makeUser(serverDb, { roles: ['viewer'] })))));
    const workspace = await makeWorkspace(serverDb, {
      ownerId: owner.id,
      name: 'Latency bench',
      maxMembers: SUBSCRIBERS + 10,
      members: viewers.map((v) => ({ userId: v.id, role: 'viewer' as const })),
    });
    const tokens: string[] = [];
    for (const v of viewers) tokens.push((await createApiToken(deps, { kind: 'user', userId: v.id }, { name: 'latency bench', expiresInDays: null })).token);

    // ── subscribers ──
    const spec = { url, workspaceId: workspace.id };
    const groups: Group[] =
      PROCESSES === 0
        ? [localGroup({ ...spec, tokens })]
        : Array.from({ length: PROCESSES }, (_, p) => childGroup({ ...spec, tokens: tokens.filter((_, i) => i % PROCESSES === p) }));
    log(`connecting ${SUBSCRIBERS} SSE subscribers from ${PROCESSES === 0 ? 'this process' : `${PROCESSES} child processes`}…`);
    const connectStart = performance.now();
    const startedMs = Math.max(...(await Promise.all(groups.map((g) => g.start()))));
    // onStarted means the SSE response has begun; the server registers with the feed a little later
    // (after the token lookup and visibility query), and only events after that reach the subscriber.
    // (An external server's feed is out of sight: there, with the fast path, `connected` is sent once registered.)
    if (EXTERNAL_URL) await sleep(1000);
    else while (feed.subscriberCount < SUBSCRIBERS && performance.now() - connectStart < 30_000) await sleep(20);
    const registeredMs = performance.now() - connectStart;
    log(`  all started in ${round(startedMs, 0)} ms, all registered with the feed in ${round(registeredMs, 0)} ms; ${connections} open connections`);
    if (!EXTERNAL_URL && feed.subscriberCount !== SUBSCRIBERS) throw new Error(`expected ${SUBSCRIBERS} live subscriptions, the feed has ${feed.subscriberCount}`);
    const subscriberOffsets = await Promise.all(groups.map((g) => g.clockOffsetMs()));

    // ── runs ──
    const meter = EXTERNAL_URL ? pidMeter(EXTERNAL_PID ? Number(EXTERNAL_PID) : null) : processMeter();
    const runs: RunRecord[] = [];
    let firstSeq = 0;
    let expectedSoFar = 0;
    for (const [rate, publisher] of RATES.flatMap((r) => PUBLISHERS.map((p) => [r, p] as const))) {
      const plan: PublishPlan = { rate, total: Math.round(rate * SECONDS), firstSeq, workspaceId: workspace.id, actorId: owner.id };
      firstSeq += plan.total;
      let pub: ReturnType<typeof child<ToPublisher, FromPublisher>> | null = null;
      let publisherOffsetMs = 0;
      if (publisher === 'process') {
        pub = child<ToPublisher, FromPublisher>('./publisher.ts', ['--bench-publisher', bench.url]);
        await pub.next('ready');
        publisherOffsetMs = await pub.clockOffsetMs({ kind: 'clock' });
      }
      await sleep(1000); // let the connects and child start-ups settle
      log(`run "${publisher}": ${plan.total} events at ${rate}/s, publisher ${publisher === 'process' ? 'in its own process' : 'in the server process'}…`);
      meter.take();
      await Promise.all(groups.map((g) => g.stats()));
      const t0 = performance.now();
      const machine0 = machineBusyMs();
      let result: PublishResult;
      let publisherCpuCores: number | null = null;
      if (pub) {
        const done = pub.next('published');
        pub.send({ kind: 'publish', plan });
        const published = await done;
        result = published.result;
        publisherCpuCores = round(published.cpuMs / (published.result.seconds * 1000));
        pub.send({ kind: 'stop' });
      } else {
        const publisherDb = createDb(bench.url, { max: 4 });
        const publisherBus = new PgNotifyBus(bench.url);
        await publisherBus.start();
        result = await publish({ db: publisherDb, bus: publisherBus, clock: () => new Date() }, plan);
        void Promise.all([publisherBus.close(), publisherDb.$disconnect()]);
      }
      expectedSoFar += result.committedAt.filter((c) => c > 0).length * SUBSCRIBERS;
      const drainStart = performance.now();
      while (groups.reduce((n, g) => n + g.delivered(), 0) < expectedSoFar && performance.now() - drainStart < DRAIN_MS) await sleep(25);
      const drainedMs = performance.now() - drainStart;
      const wallMs = performance.now() - t0;
      const server = meter.take();
      const machineBusy = machineBusyMs() - machine0;
      const subscribers = await Promise.all(groups.map((g) => g.stats()));
      runs.push({ publisher, plan, result, publisherOffsetMs, publisherCpuCores, server, subscribers, wallMs, drainedMs, machineBusyMs: machineBusy });
      log(`  appended ${result.committedAt.filter((c) => c > 0).length}/${plan.total} (${result.errors} failed), drained ${round(drainedMs, 0)} ms after the last append`);
    }
    await sleep(300); // duplicates still in flight would show up now

    // ── results ──
    const perGroup = await Promise.all(groups.map((g) => g.stop()));
    const subscriberErrors = perGroup.flat().flatMap((d) => d.errors);
    const analysed = runs.map((r) => analyse(r, perGroup, subscriberOffsets));
    const output = {
      bench: 'activity-stream-latency',
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadAvg1mAtStart: round(loadAtStart, 2), loadAvg1mAtEnd: round(loadavg()[0]!, 2) },
      config: {
        subscribers: SUBSCRIBERS,
        subscriberProcesses: PROCESSES,
        tokens: 'one API token per subscriber (each a viewer of the bench workspace)',
        ratePerSecond: RATES,
        secondsPerRun: SECONDS,
        bus: 'postgres (PgNotifyBus, LISTEN/NOTIFY)',
        feedPollMs: FEED_POLL_MS,
        stream: EXTERNAL_URL ? 'as the external server serves it' : STREAM,
        transport: EXTERNAL_URL
          ? `external server ${EXTERNAL_URL}${EXTERNAL_PID ? ` (pid ${EXTERNAL_PID})` : ''}; createRacineClient → httpSubscriptionLink (SSE, eventsource@3 over undici fetch)`
          : STREAM === 'fast'
            ? 'Node HTTP server: activity.stream on the fast handler (src/sse, shared frames), everything else on the tRPC standalone handler; createRacineClient → httpSubscriptionLink (SSE, eventsource@3 over undici fetch)'
            : 'tRPC standalone HTTP server (tRPC SSE for activity.stream); createRacineClient → httpSubscriptionLink (SSE, eventsource@3 over undici fetch)',
      },
      connect: {
        allStartedMs: round(startedMs, 0),
        allRegisteredMs: round(registeredMs, 0),
        peakServerConnections: EXTERNAL_URL ? null : peakConnections,
        subscriberErrors: subscriberErrors.length,
        subscriberErrorSamples: [...new Set(subscriberErrors)].slice(0, 5),
        clockOffsetsMs: { subscribers: subscriberOffsets.map((o) => round(o, 3)), publishers: runs.map((r) => round(r.publisherOffsetMs, 3)) },
      },
      runs: analysed,
      target: { p99Ms: TARGET_P99_MS, met: analysed.every((r) => r.target.met), perRun: Object.fromEntries(runs.map((r, i) => [`${r.plan.rate}/s ${r.publisher}`, analysed[i]!.target.met])) },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
    for (const r of analysed)
      log(`${r.ratePerSecond}/s, ${r.publisher}: p50 ${r.latencyMs.p50} ms, p95 ${r.latencyMs.p95} ms, p99 ${r.latencyMs.p99} ms, max ${r.latencyMs.max} ms; delivered ${r.deliveries.delivered}/${r.deliveries.expected}, ${r.deliveries.duplicates} duplicates, ${r.deliveries.missing} missing, ${r.events.appendErrors} failed appends`);
  } finally {
    for (const c of children) if (c.exitCode === null) c.kill();
    server?.closeAllConnections();
    await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
    await serverBus.close().catch(() => {});
    await serverDb.$disconnect().catch(() => {});
    await bench.drop().catch((e: unknown) => log(`could not drop ${bench.name}: ${(e as Error).message}`));
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
