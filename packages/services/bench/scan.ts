/**
 * Full-scan benchmark: a PostgreSQL source of TABLES tables × 20 columns ×
 * 1,000 rows of realistic values (people, contact details, national ids,
 * cards, IBANs, codes, timestamps, free text), scanned completely with
 * 100-row samples by the real runner (discover → catalog sync → sample →
 * classify → store labels → lineage → sensitivity), compared with the floor:
 * the same metadata and sample queries issued with plain `pg` and no
 * processing. Prints one JSON object; progress on stderr.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server), BENCH_SCAN_TABLES
 * (default "100,500": one run per size, to show memory staying flat),
 * BENCH_SCAN_CONCURRENCY (default 4: tables sampled at once),
 * BENCH_SCAN_CLASSIFY_THREADS (worker threads for the detectors, a number or
 * "auto"; default RACINE_SCAN_CLASSIFY_THREADS, else in-thread).
 * Run with `node --expose-gc --import tsx bench/scan.ts` for a baseline RSS
 * taken after a collection; add BENCH_SCAN_LIVE_HEAP=1 to also collect every
 * ~250 ms and report the peak reachable heap (slows the scan a little).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createDb } from '@racine/db';
import pg from 'pg';
import { systemActor } from '../src/actor';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { InProcessBus } from '../src/events/bus';
import { migrateJobSchema } from '../src/jobs/queue';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { type ClassifyPoolStats, classifyThreadsFromEnv, sharedClassifyPool } from '../src/scan/classify-pool';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { benchEnv, benchServerUrl, createBenchDatabase, log, round } from './bench-db';
import { buildBenchSource } from './bench-source';
import { BENCH_COLUMNS } from './scan-data';

const sizes = (benchEnv('SCAN_TABLES') ?? '100,500').split(',').map(Number).filter((n) => n > 0);
const concurrency = Number(benchEnv('SCAN_CONCURRENCY') ?? 4);
/** Worker threads for classification: BENCH_SCAN_CLASSIFY_THREADS, else RACINE_SCAN_CLASSIFY_THREADS (as `npm run worker` reads it), else in-thread. */
const liveHeap = benchEnv('SCAN_LIVE_HEAP') === '1';
const classifyThreads = benchEnv('SCAN_CLASSIFY_THREADS') !== undefined ? classifyThreadsFromEnv({ RACINE_SCAN_CLASSIFY_THREADS: benchEnv('SCAN_CLASSIFY_THREADS') }) : classifyThreadsFromEnv();
const ROWS = 1000;
const SAMPLE = 100;

const COLUMNS = BENCH_COLUMNS;

/** The same work with plain pg and nothing else: pg_catalog metadata, then a 100-row sample of every table. */
async function floor(url: string) {
  const pool = new pg.Pool({ connectionString: url, max: concurrency });
  const started = performance.now();
  const { rows: tables } = await pool.query(
    `SELECT n.nspname AS schema, c.relname AS name, c.reltuples FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r','v') AND n.nspname NOT IN ('pg_catalog','information_schema') AND n.nspname NOT LIKE 'pg_toast%'`,
  );
  await pool.query(
    `SELECT c.relname, a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull, a.attnum FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid
      JOIN pg_namespace n ON n.oid = c.relnamespace WHERE a.attnum > 0 AND NOT a.attisdropped AND c.relkind IN ('r','v') AND n.nspname = 'public'`,
  );
  const queue = [...tables];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let t = queue.shift(); t; t = queue.shift()) await pool.query(`SELECT * FROM "${t.schema}"."${t.name}" ORDER BY random() LIMIT $1`, [SAMPLE]);
    }),
  );
  const ms = performance.now() - started;
  await pool.end();
  return ms;
}

interface Sample {
  at: number;
  rss: number;
  /** Heap used right after a forced collection (BENCH_SCAN_LIVE_HEAP=1), on every tenth sample. */
  live?: number;
}

/** RSS and heap every 25 ms (with the time since start), for peaks overall and per phase. */
function sampleMemory() {
  const t0 = performance.now();
  const first = process.memoryUsage();
  const samples: Sample[] = [{ at: 0, rss: first.rss }];
  let peakHeap = first.heapUsed;
  let peakLive = 0;
  let ticks = 0;
  const timer = setInterval(() => {
    // With BENCH_SCAN_LIVE_HEAP=1 (and --expose-gc), collect every ~250 ms: the heap that is still reachable, not garbage awaiting a GC.
    let live: number | undefined;
    if (liveHeap && globalThis.gc && ++ticks % 10 === 0) {
      globalThis.gc();
      live = process.memoryUsage().heapUsed;
      peakLive = Math.max(peakLive, live);
    }
    const m = process.memoryUsage();
    samples.push({ at: performance.now() - t0, rss: m.rss, live });
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 25);
  return {
    stop() {
      clearInterval(timer);
      const peak = Math.max(...samples.map((s) => s.rss));
      return { samples, baselineRssMb: mb(first.rss), peakRssMb: mb(peak), rssGrowthMb: mb(peak - first.rss), peakHeapUsedMb: mb(peakHeap), peakLiveHeapMb: peakLive ? mb(peakLive) : null };
    },
  };
}

const mb = (bytes: number) => round(bytes / 2 ** 20);

/** The runner's phases run one after another in this order; each window's peak RSS. */
const PHASE_ORDER = ['discoverMs', 'catalogMs', 'classifyMs', 'lineageMs', 'sensitivityMs'];
function peakByPhase(samples: Sample[], timings: Record<string, number>, of: (s: Sample) => number | undefined) {
  const out: Record<string, number> = {};
  let from = 0;
  for (const phase of PHASE_ORDER) {
    const to = from + (timings[phase] ?? 0);
    const inside = samples.filter((s) => s.at >= from && s.at <= to + 25).map(of).filter((v) => v !== undefined);
    if (inside.length) out[phase.replace(/Ms$/, '')] = mb(Math.max(...inside));
    from = to;
  }
  return out;
}

/** Machine-wide busy cores (all processes) over a span, from the kernel's CPU counters: other engineers' load shows here. */
function machineBusy() {
  const total = () => cpus().reduce((acc, c) => ({ busy: acc.busy + c.times.user + c.times.nice + c.times.sys + c.times.irq, all: acc.all + c.times.user + c.times.nice + c.times.sys + c.times.irq + c.times.idle }), { busy: 0, all: 0 });
  const start = total();
  return {
    stop() {
      const end = total();
      return round(((end.busy - start.busy) / (end.all - start.all || 1)) * cpus().length);
    },
  };
}

/** This run's share of the process-wide pool's counters. */
function poolDelta(before: ClassifyPoolStats, after: ClassifyPoolStats) {
  return { threads: after.threads, tablesInThreads: after.tablesInThreads - before.tablesInThreads, fallbacks: after.fallbacks - before.fallbacks, crashes: after.crashes - before.crashes, disabled: after.disabled };
}

async function measure(tables: number) {
  const server = benchServerUrl();
  log(`scan bench: building ${tables} tables × ${COLUMNS.length} columns × ${ROWS} rows…`);
  const source = await buildBenchSource(server, tables, 'racine_scanbench', ROWS);
  const racine = await createBenchDatabase(server);
  const db = createDb(racine.url, { max: concurrency + 2 });
  try {
    await syncBuiltInRoles(db);
    await migrateJobSchema(racine.url);
    const deps = { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: randomBytes(32) };
    await syncBuiltInRuleSets(deps);
    const u = new URL(source.url);
    const ds = await createDataSource(deps, systemActor, createDataSourceInput.parse({ name: 'bench', engine: 'postgres', host: u.hostname, port: Number(u.port || 5432), database: source.name, username: decodeURIComponent(u.username) }));
    const ruleSet = await db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
    const scan = await createScan(deps, systemActor, createScanInput.parse({ name: 'bench', dataSourceId: ds.id, ruleSetId: ruleSet.id }));
    const floorMs = await floor(source.url);
    log(`scan bench: floor ${round(floorMs)} ms; scanning…`);

    // Collect what earlier runs left, so the baseline is this run's own.
    globalThis.gc?.();
    const memory = sampleMemory();
    const loop = monitorEventLoopDelay({ resolution: 10 });
    const machine = machineBusy();
    const poolBefore = classifyThreads ? { ...sharedClassifyPool(classifyThreads).stats } : null;
    const run = await runScan(deps, systemActor, scan.id);
    loop.enable();
    const cpu = process.cpuUsage();
    const started = performance.now();
    await executeScanRun(deps, run.id, { concurrency, classifyThreads });
    const wallMs = performance.now() - started;
    const cpuUsed = process.cpuUsage(cpu);
    loop.disable();
    const mem = memory.stop();
    const busyCores = machine.stop();
    const done = await db.scanRun.findUniqueOrThrow({ where: { id: run.id } });
    const labels = await db.classification.groupBy({ by: ['label'], where: { asset: { dataSourceId: ds.id } }, _count: { _all: true } });
    return {
      tables,
      columns: done.columnsScanned,
      status: done.status,
      wallMs: round(wallMs),
      columnsPerSecond: round(done.columnsScanned / (wallMs / 1000)),
      floorMs: round(floorMs),
      ratioToFloor: round(wallMs / floorMs),
      phasesMs: done.timings,
      baselineRssMb: mem.baselineRssMb,
      peakRssMb: mem.peakRssMb,
      rssGrowthMb: mem.rssGrowthMb,
      peakHeapUsedMb: mem.peakHeapUsedMb,
      peakLiveHeapMb: mem.peakLiveHeapMb,
      /** Peak RSS while each phase ran (phases in order, from the run's own timings). */
      peakRssByPhaseMb: peakByPhase(mem.samples, done.timings as Record<string, number>, (s) => s.rss),
      peakLiveHeapByPhaseMb: liveHeap ? peakByPhase(mem.samples, done.timings as Record<string, number>, (s) => s.live) : null,
      eventLoopDelayMs: { p50: round(loop.percentile(50) / 1e6), p99: round(loop.percentile(99) / 1e6), max: round(loop.max / 1e6) },
      machineBusyCores: busyCores,
      /** CPU this process used during the scan, all threads (steadier than wall time on a busy machine; PostgreSQL's share is not in it). */
      processCpuMs: round((cpuUsed.user + cpuUsed.system) / 1000),
      classifyPool: poolBefore ? poolDelta(poolBefore, sharedClassifyPool(classifyThreads).stats) : null,
      labelsByLabel: Object.fromEntries(labels.map((l) => [l.label, l._count._all]).sort()),
    };
  } finally {
    await db.$disconnect();
    await racine.drop();
    await source.drop();
  }
}

const startedAt = new Date().toISOString();
const results = [];
for (const size of sizes) results.push(await measure(size));
const largest = results.at(-1)!;
if (classifyThreads) await sharedClassifyPool(classifyThreads).close();
console.log(
  JSON.stringify(
    {
      bench: 'full-scan',
      startedAt,
      machine: { cpus: cpus().length, node: process.version, loadAvg1m: round(loadavg()[0]!) },
      config: { rowsPerTable: ROWS, columnsPerTable: COLUMNS.length, sampleRows: SAMPLE, concurrency, classifyThreads: classifyThreads || 'in-thread' },
      runs: results,
      targets: {
        under15s: { target: 'the 10,000 columns in under 15 s', met: largest.tables >= 500 ? largest.wallMs < 15_000 : null },
        within2xFloor: { target: 'within 2× of the floor', met: largest.ratioToFloor <= 2 },
      },
    },
    null,
    2,
  ),
);
