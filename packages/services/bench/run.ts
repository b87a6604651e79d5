/**
 * Activity append throughput with the hash chain.
 *
 * Sustained appends through recordActivity (each its own transaction, taking
 * the advisory lock that serialises the chain) at several concurrency levels,
 * then verifyChain over every row written. Prints one JSON object to stdout;
 * progress goes to stderr.
 *
 * Env: BENCH_DATABASE_URL (server to create the throwaway database on),
 * BENCH_LEVELS (default 1,4,8,16), BENCH_SECONDS per level (default 5),
 * BENCH_EVENTS (per level; if set, each level runs for this many events instead of a time),
 * BENCH_POOL (pg pool size; default the highest level + 2), BENCH_BUS (postgres | memory; default postgres).
 * Each also as RACINE_BENCH_*, the form `npm run bench` (turbo, strict env) passes through.
 */
import { cpus, loadavg } from 'node:os';
import { createDb, type Db, type Tx } from '@racine/db';
import { makeUser } from '@racine/db/factories';
import type { Actor } from '../src/actor';
import { recordActivity } from '../src/activity/record';
import { verifyChain } from '../src/activity/verify';
import type { ServiceDeps } from '../src/deps';
import { type EventBus, InProcessBus, PgNotifyBus } from '../src/events/bus';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { benchEnv, createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';

const levels = (benchEnv('LEVELS') ?? '1,4,8,16').split(',').map(Number).filter((n) => n > 0);
const seconds = Number(benchEnv('SECONDS') ?? 5);
const eventsPerLevel = benchEnv('EVENTS') ? Number(benchEnv('EVENTS')) : null;
const poolSize = Number(benchEnv('POOL') ?? Math.max(...levels) + 2);
const busKind = benchEnv('BUS') === 'memory' ? 'memory' : 'postgres';
const TARGET_EVENTS_PER_SECOND = 1000;

interface LevelResult {
  concurrency: number;
  events: number;
  seconds: number;
  eventsPerSecond: number;
  latencyMs: { p50: number; p99: number; max: number };
  /** Where an append's time goes, measured from Node (see PhaseProbe). */
  phasesMs: Record<keyof Phases, { p50: number; p99: number }>;
  /** 1000 / p50 lockHold: the most appends per second the serialised section allows. */
  lockBoundEventsPerSecond: number;
  errors: number;
}

interface Phases {
  /** $transaction called → body starts (pool checkout + BEGIN). */
  begin: number[];
  /** Body start → advisory lock requested (the actor-name lookup). */
  beforeLock: number[];
  /** Waiting for pg_advisory_xact_lock: queued behind other appends. */
  lockWait: number[];
  /** Lock granted → COMMIT acknowledged: the serialised section (head read, hash, INSERT, COMMIT). */
  lockHold: number[];
}

const emptyPhases = (): Phases => ({ begin: [], beforeLock: [], lockWait: [], lockHold: [] });

/**
 * Wraps the client so each recordActivity transaction reports its phases. It
 * only timestamps the calls appendActivity already makes (the lock is the one
 * $executeRawUnsafe mentioning pg_advisory_xact_lock); the SQL is unchanged.
 */
function probe(db: Db, phases: { current: Phases }): Db {
  return new Proxy(db, {
    get(target, prop, receiver) {
      if (prop !== '$transaction') return Reflect.get(target, prop, receiver);
      return (fn: (tx: Tx) => Promise<unknown>, options?: unknown) => {
        const t0 = performance.now();
        let body = NaN;
        let lockAsked = NaN;
        let lockGot = NaN;
        const run = (tx: Tx) => {
          body = performance.now();
          const wrapped = new Proxy(tx, {
            get(t, p, r) {
              const value = Reflect.get(t, p, r) as unknown;
              if (p !== '$executeRawUnsafe' || typeof value !== 'function') return typeof value === 'function' ? value.bind(t) : value;
              return async (sql: string, ...args: unknown[]) => {
                const isLock = sql.includes('pg_advisory_xact_lock');
                if (isLock) lockAsked = performance.now();
                const result = await (value as (...a: unknown[]) => Promise<unknown>).call(t, sql, ...args);
                if (isLock) lockGot = performance.now();
                return result;
              };
            },
          });
          return fn(wrapped);
        };
        return (target.$transaction as (f: typeof run, o?: unknown) => Promise<unknown>)(run, options).then((result) => {
          const done = performance.now();
          const p = phases.current;
          p.begin.push(body - t0);
          p.beforeLock.push(lockAsked - body);
          p.lockWait.push(lockGot - lockAsked);
          p.lockHold.push(done - lockGot);
          return result;
        });
      };
    },
  });
}

const summary = (values: number[]) => {
  const sorted = Float64Array.from(values.filter(Number.isFinite)).sort();
  return { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) };
};

let seq = 0;

const phases = { current: emptyPhases() };

async function runLevel(deps: ServiceDeps, actor: Actor, concurrency: number, opts: { seconds: number; events: number | null }): Promise<LevelResult> {
  phases.current = emptyPhases();
  const latencies: number[] = [];
  let errors = 0;
  let started = 0;
  const t0 = performance.now();
  const deadline = t0 + opts.seconds * 1000;
  const more = () => (opts.events !== null ? started < opts.events : performance.now() < deadline);
  const worker = async (w: number) => {
    while (more()) {
      started++;
      const n = ++seq;
      const s = performance.now();
      try {
        await recordActivity(deps, actor, {
          type: 'bench.activity.appended',
          category: 'system',
          sourceGroup: 'bench',
          action: 'append',
          resourceType: 'benchItem',
          resourceId: `item-${n}`,
          details: { seq: n, worker: w, concurrency, note: 'sustained append benchmark' },
          after: { value: n, tags: ['bench', `c${concurrency}`] },
        });
        latencies.push(performance.now() - s);
      } catch (error) {
        errors++;
        if (errors <= 3) log(`  append failed: ${(error as Error).message}`);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, (_, w) => worker(w)));
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  return {
    concurrency,
    events: latencies.length,
    seconds: round(elapsed, 3),
    eventsPerSecond: round(latencies.length / elapsed, 1),
    latencyMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)), max: round(sorted.at(-1) ?? NaN) },
    phasesMs: {
      begin: summary(phases.current.begin),
      beforeLock: summary(phases.current.beforeLock),
      lockWait: summary(phases.current.lockWait),
      lockHold: summary(phases.current.lockHold),
    },
    lockBoundEventsPerSecond: round(1000 / summary(phases.current.lockHold).p50, 0),
    errors,
  };
}

async function main() {
  const startedAt = new Date();
  const loadAtStart = loadavg()[0]!;
  // Other work on the machine skews every number here; say so when it is busy.
  if (loadAtStart > cpus().length) log(`warning: load average ${loadAtStart.toFixed(1)} on ${cpus().length} CPUs: the machine is busy, expect lower numbers`);
  log(`creating and migrating a bench database…`);
  const bench = await createBenchDatabase();
  dropOnSignal(bench);
  log(`  ${bench.name}`);
  const db = createDb(bench.url, { max: poolSize });
  let bus: EventBus | null = null;
  try {
    await syncBuiltInRoles(db);
    if (busKind === 'postgres') {
      const pgBus = new PgNotifyBus(bench.url);
      await pgBus.start();
      bus = pgBus;
    } else bus = new InProcessBus();
    const deps: ServiceDeps = { db: probe(db, phases), bus, clock: () => new Date() };
    const user = await makeUser(db, { roles: ['admin'] });
    const actor: Actor = { kind: 'user', userId: user.id };

    log(`warming up (300 appends at concurrency 4)…`);
    await runLevel(deps, actor, 4, { seconds: 0, events: 300 });

    const results: LevelResult[] = [];
    for (const concurrency of levels) {
      log(`concurrency ${concurrency}: ${eventsPerLevel !== null ? `${eventsPerLevel} events` : `${seconds} s`}…`);
      const r = await runLevel(deps, actor, concurrency, { seconds, events: eventsPerLevel });
      log(`  ${r.eventsPerSecond} events/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, ${r.errors} errors; lock wait p50 ${r.phasesMs.lockWait.p50} ms, lock hold p50 ${r.phasesMs.lockHold.p50} ms`);
      results.push(r);
    }

    const rows = await db.activityEvent.count();
    log(`verifying the chain over ${rows} rows…`);
    const chain = await verifyChain(deps);
    log(`  ok=${chain.ok} in ${round(chain.durationMs)} ms`);

    const best = Math.max(...results.map((r) => r.eventsPerSecond));
    const sustained = Math.min(...results.filter((r) => r.concurrency > 1).map((r) => r.eventsPerSecond));
    const output = {
      bench: 'activity-append',
      startedAt: startedAt.toISOString(),
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, loadAvg1mAtStart: round(loadAtStart, 2), loadAvg1mAtEnd: round(loadavg()[0]!, 2) },
      config: { levels, secondsPerLevel: eventsPerLevel === null ? seconds : null, eventsPerLevel, poolSize, bus: busKind, actor: 'user' },
      levels: results,
      verifyChain: { rows, checked: chain.checked, ok: chain.ok, durationMs: round(chain.durationMs), rowsPerSecond: round(chain.checked / (chain.durationMs / 1000), 0), firstBroken: chain.firstBroken },
      target: {
        eventsPerSecond: TARGET_EVENTS_PER_SECOND,
        bestEventsPerSecond: best,
        // "Sustained" = the worst of the concurrent levels: the rate the chain keeps up under contention.
        sustainedEventsPerSecond: Number.isFinite(sustained) ? sustained : best,
        met: (Number.isFinite(sustained) ? sustained : best) >= TARGET_EVENTS_PER_SECOND,
      },
    };
    process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
  } finally {
    await bus?.close().catch(() => {});
    await db.$disconnect().catch(() => {});
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
