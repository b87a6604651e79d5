/**
 * Pipeline benchmark: a PostgreSQL source of TABLES tables × 20 columns ×
 * 1,000 realistic rows (the scan bench's shape), scanned once so the catalog
 * knows it, then one run of the five-stage pipeline (ingest → classify →
 * quality → compliance → publish) through the real job worker. Reports, per
 * stage, items per second (succeeded / first start → last finish), p50/p95
 * item latency, and the run's wall time. Prints one JSON object; progress on
 * stderr.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server),
 * BENCH_PIPELINE_TABLES (default 200), BENCH_PIPELINE_CONCURRENCY (batches in
 * flight per stage, default 4), BENCH_PIPELINE_BATCH (items per batch,
 * default 10), BENCH_PIPELINE_WORKERS (worker concurrency, default 8).
 */
import { randomBytes } from 'node:crypto';
import { cpus, loadavg } from 'node:os';
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { systemActor } from '../src/actor';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { InProcessBus } from '../src/events/bus';
import { migrateJobSchema } from '../src/jobs/queue';
import { startRacineWorker } from '../src/jobs/tasks';
import { executePipeline } from '../src/pipeline/engine';
import { pipelineMetrics } from '../src/pipeline/metrics';
import { createPipeline } from '../src/pipeline/pipelines';
import { watchPipelineRun } from '../src/pipeline/run-views';
import { createPipelineInput } from '../src/pipeline/schemas';
import { AccessChecker } from '../src/rbac/resolve';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { benchEnv, benchServerUrl, createBenchDatabase, log, round } from './bench-db';
import { buildBenchSource } from './bench-source';
import { BENCH_COLUMNS } from './scan-data';

const TABLES = Number(benchEnv('PIPELINE_TABLES') ?? 200);
const CONCURRENCY = Number(benchEnv('PIPELINE_CONCURRENCY') ?? 4);
const BATCH = Number(benchEnv('PIPELINE_BATCH') ?? 10);
const WORKERS = Number(benchEnv('PIPELINE_WORKERS') ?? 8);
const ROWS = 1000;

// graphile-worker logs each job through console.log/info: send them to stderr, so stdout is the JSON alone.
console.log = console.info = (...args: unknown[]) => console.error(...args);

const server = benchServerUrl();
log(`pipeline bench: building ${TABLES} tables × ${BENCH_COLUMNS.length} columns × ${ROWS} rows…`);
const source = await buildBenchSource(server, TABLES, 'racine_pipebench', ROWS);
const racine = await createBenchDatabase(server);
const db = createDb(racine.url, { max: WORKERS + 4 });
const deps = { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: randomBytes(32) };
let runner: Awaited<ReturnType<typeof startRacineWorker>> | null = null;
try {
  await syncBuiltInRoles(db);
  await migrateJobSchema(racine.url);
  await syncBuiltInRuleSets(deps);
  await syncBuiltInFrameworks(deps);
  const owner = await makeUser(db, { roles: ['admin'] });
  const workspace = await makeWorkspace(db, { ownerId: owner.id });
  const u = new URL(source.url);
  const ds = await createDataSource(
    deps,
    systemActor,
    createDataSourceInput.parse({
      name: 'bench',
      engine: 'postgres',
      host: u.hostname,
      port: Number(u.port || 5432),
      database: source.name,
      username: decodeURIComponent(u.username),
      workspaceId: workspace.id,
    }),
  );
  const ruleSet = await db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const scan = await createScan(
    deps,
    systemActor,
    createScanInput.parse({ name: 'bench', dataSourceId: ds.id, ruleSetId: ruleSet.id }),
  );
  log('pipeline bench: scanning the source once so the catalog knows its tables…');
  await executeScanRun(deps, (await runScan(deps, systemActor, scan.id)).id, { concurrency: 4 });

  const stage = { concurrency: CONCURRENCY, batchSize: BATCH, maxAttempts: 3 };
  const pipeline = await createPipeline(
    deps,
    systemActor,
    new AccessChecker(db, systemActor),
    createPipelineInput.parse({
      workspaceId: workspace.id,
      name: 'bench',
      definition: {
        source: { kind: 'dataSourceTables', dataSourceId: ds.id },
        stages: [
          { ...stage, id: 'ingest', kind: 'ingest' },
          { ...stage, id: 'classify', kind: 'classify' },
          {
            ...stage,
            id: 'quality',
            kind: 'quality',
            config: {
              maxNullRatio: 0.5,
              minUniqueRatio: 1,
              freshnessColumn: 'created_at',
              maxAgeHours: 24 * 365 * 10,
            },
          },
          { ...stage, id: 'compliance', kind: 'compliance' },
          {
            ...stage,
            id: 'publish',
            kind: 'publish',
            config: { tag: 'published', certify: 'certified' },
          },
        ],
      },
    }),
  );
  runner = await startRacineWorker(deps, {
    databaseUrl: racine.url,
    concurrency: WORKERS,
    pollIntervalMs: 200,
  });
  log('pipeline bench: running the pipeline…');
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { runId } = await executePipeline(deps, systemActor, pipeline.id);
  let last = null;
  for await (const { run } of watchPipelineRun(deps, runId, undefined, 100)) last = run;
  const wallMs = performance.now() - started;
  const cpuUsed = process.cpuUsage(cpu);
  const metrics = await pipelineMetrics(deps, { id: pipeline.id, runId });
  const edges = await db.lineageEdge.count({
    where: { kind: 'pipeline', to: { dataSourceId: ds.id } },
  });
  process.stdout.write(
    JSON.stringify(
      {
        bench: 'pipeline',
        startedAt: new Date().toISOString(),
        machine: { cpus: cpus().length, node: process.version, loadAvg1m: round(loadavg()[0]!) },
        config: {
          tables: TABLES,
          columnsPerTable: BENCH_COLUMNS.length,
          rowsPerTable: ROWS,
          concurrencyPerStage: CONCURRENCY,
          batchSize: BATCH,
          workerConcurrency: WORKERS,
        },
        run: {
          status: last?.status,
          items: last?.itemsTotal,
          wallMs: round(wallMs),
          itemsPerSecondEndToEnd: round((last?.itemsTotal ?? 0) / (wallMs / 1000)),
          processCpuMs: round((cpuUsed.user + cpuUsed.system) / 1000),
          lineageEdges: edges,
        },
        stages: metrics.stages.map((m) => ({
          stage: m.stage,
          succeeded: m.succeeded,
          dead: m.dead,
          itemsPerSecond: m.throughputPerSec === null ? null : round(m.throughputPerSec),
          p50Ms: m.p50Ms === null ? null : round(m.p50Ms),
          p95Ms: m.p95Ms === null ? null : round(m.p95Ms),
          errorRate: m.errorRate,
        })),
      },
      null,
      2,
    ) + '\n',
  );
} finally {
  await runner?.stop();
  await db.$disconnect();
  await racine.drop();
  await source.drop();
}
