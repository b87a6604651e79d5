/**
 * Dashboard benchmark: the time to compute every widget of the built-in
 * executive dashboard through the real `queryMetric`, as an admin, over
 * 100,000 assets (the catalog-search seed: sources → schemas → tables →
 * columns with real labels and recomputed sensitivity), compliance findings
 * on ~30% of labelled columns from the built-in frameworks' column rules,
 * 90 days of posture snapshots per framework and source, 30 days of metric
 * snapshots (the real metrics:snapshot job, run with past clocks), and
 * 1,000,000 activity rows inserted in bulk.
 *
 * Reported, in ms for the whole dashboard (widgets computed concurrently,
 * one AccessChecker per dashboard, as one request does):
 *   cold           the first computation after seeding (empty metric cache);
 *   warmCached     repeated computations with the metric cache on;
 *   warmUncached   repeated computations with the cache off (database warm).
 * Plus each widget's p50/p95 uncached. Target: warm under 300 ms.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server),
 * BENCH_DASHBOARD_ASSETS (100000), BENCH_DASHBOARD_SOURCES (6),
 * BENCH_DASHBOARD_ACTIVITY (1000000), BENCH_DASHBOARD_RUNS (10), BENCH_DASHBOARD_KEEP (keep the
 * database for EXPLAIN; drop it yourself).
 */
import { cpus, loadavg } from 'node:os';
import { createDb, type Db } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import { builtInDashboards } from '../src/dashboards/builtins';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { metricCatalog } from '../src/metrics/catalog';
import { metricCacheFor } from '../src/metrics/cache';
import { queryMetric } from '../src/metrics/query';
import { snapshotMetrics } from '../src/metrics/snapshot';
import { metricQueryInput } from '../src/metrics/types';
import { AccessChecker } from '../src/rbac/resolve';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { benchEnv, createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';
import { seedCatalog } from './search-seed';

const ASSETS = Number(benchEnv('DASHBOARD_ASSETS') ?? 100_000);
const SOURCES = Number(benchEnv('DASHBOARD_SOURCES') ?? 6);
const ACTIVITY = Number(benchEnv('DASHBOARD_ACTIVITY') ?? 1_000_000);
const RUNS = Number(benchEnv('DASHBOARD_RUNS') ?? 10);
const DAY = 86_400_000;

async function seedCompliance(db: Db, stewardIds: string[]) {
  await syncBuiltInFrameworks({ db });
  // Findings: ~30% of labelled columns fail one column rule (picked by a hash of the column), mostly open,
  // due dates spread ±20 days around now (so some breach their SLA), half assigned.
  await db.$executeRawUnsafe(
    `WITH rules AS (
       SELECT r.id, r."frameworkId", r.severity, row_number() OVER (ORDER BY r.id) - 1 AS k, count(*) OVER () AS n
         FROM "ComplianceRule" r JOIN "ComplianceFramework" f ON f.id = r."frameworkId" AND f.enabled WHERE r.target = 'column')
     INSERT INTO "ComplianceFinding" (id, "ruleId", "frameworkId", "assetId", "dataSourceId", "workspaceId", severity, status, evidence, "assigneeId", "dueAt", "firstSeenAt", "lastSeenAt", "updatedAt")
     SELECT gen_random_uuid()::text, r.id, r."frameworkId", a.id, a."dataSourceId", d."workspaceId", r.severity,
            (CASE WHEN random() < 0.75 THEN 'open' WHEN random() < 0.5 THEN 'acknowledged' WHEN random() < 0.7 THEN 'resolved' ELSE 'waived' END)::"FindingStatus",
            '{}'::jsonb, CASE WHEN random() < 0.5 THEN ($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] END,
            now() + (random() * 40 - 20) * interval '1 day', now() - random() * 60 * interval '1 day', now(), now()
       FROM "Asset" a JOIN "DataSource" d ON d.id = a."dataSourceId" JOIN rules r ON r.k = abs(hashtext(a.id)) % r.n
      WHERE a.type = 'column' AND cardinality(a.labels) > 0 AND random() < 0.3`,
    stewardIds,
  );
  // 90 days of posture: one snapshot per framework and source a day, scores drifting, and the global sums.
  await db.$executeRawUnsafe(
    `INSERT INTO "PostureSnapshot" (id, "frameworkId", "scopeType", "scopeId", score, checks, failures, "takenAt")
     SELECT gen_random_uuid()::text, f.id, 'datasource', d.id, 0, 1000, (80 + 40 * random() + day)::int, now() - day * interval '1 day'
       FROM "ComplianceFramework" f CROSS JOIN "DataSource" d CROSS JOIN generate_series(0, 89) day WHERE f.enabled`,
  );
  await db.$executeRawUnsafe(`UPDATE "PostureSnapshot" SET score = round(((checks - failures)::numeric / checks) * 1000) / 10`);
  await db.$executeRawUnsafe(
    `INSERT INTO "PostureSnapshot" (id, "frameworkId", "scopeType", "scopeId", score, checks, failures, "takenAt")
     SELECT gen_random_uuid()::text, "frameworkId", 'global', '*', round(((sum(checks) - sum(failures))::numeric / sum(checks)) * 1000) / 10, sum(checks), sum(failures), max("takenAt")
       FROM "PostureSnapshot" WHERE "scopeType" = 'datasource' GROUP BY "frameworkId", date_trunc('day', "takenAt")`,
  );
}

async function seedActivity(db: Db, rows: number, userIds: string[], workspaceIds: string[]) {
  const types = ['catalog.asset.viewed', 'scan.run.succeeded', 'classification.accepted', 'compliance.finding.acknowledged', 'workflow.execution.succeeded', 'datasource.previewed', 'kb.article.viewed', 'task.approved'];
  const chunk = 200_000;
  for (let start = 0; start < rows; start += chunk) {
    const end = Math.min(rows, start + chunk);
    // Spread over the last 90 days, newest last (ids ascend with time, as appends do). Hashes only need to be unique here.
    await db.$executeRawUnsafe(
      `INSERT INTO "ActivityEvent" ("occurredAt", type, category, "sourceGroup", action, "actorId", "actorType", "workspaceId", status, "prevHash", hash)
       SELECT now() - (($1::int - g)::float8 / $1::int) * interval '90 days',
              ($2::text[])[1 + g % cardinality($2::text[])], 'data', split_part(($2::text[])[1 + g % cardinality($2::text[])], '.', 1), 'bench',
              ($3::text[])[1 + (g * 7) % cardinality($3::text[])], 'user', ($4::text[])[1 + (g * 13) % cardinality($4::text[])],
              (CASE WHEN g % 50 = 0 THEN 'failure' ELSE 'success' END)::"ActivityStatus", md5('bench-prev-' || g), md5('bench-' || g)
         FROM generate_series($5::int, $6::int) g`,
      rows,
      types,
      userIds,
      workspaceIds,
      start + 1,
      end,
    );
    log(`  activity ${end}/${rows}`);
  }
}

/** 30 days of the real snapshot job, one run per day with a clock in that day. */
async function seedMetricHistory(deps: ServiceDeps) {
  const now = Date.now();
  for (let d = 30; d >= 1; d--) await snapshotMetrics({ ...deps, clock: () => new Date(now - d * DAY) });
}

async function main() {
  const bench = await createBenchDatabase();
  dropOnSignal(bench);
  const db = createDb(bench.url, { max: 4 });
  try {
    await syncBuiltInRoles(db);
    await syncBuiltInRuleSets({ db });
    const admin = await makeUser(db, { roles: ['admin'] });
    const stewards = await Promise.all(Array.from({ length: 8 }, () => makeUser(db, { roles: ['viewer'] })));
    const workspaces = await Promise.all(Array.from({ length: 3 }, () => makeWorkspace(db, { ownerId: admin.id })));
    const seedStarted = performance.now();
    log(`seeding ${ASSETS} assets over ${SOURCES} sources…`);
    const seeded = await seedCatalog(db, { sources: SOURCES, assets: ASSETS, workspaceIds: workspaces.map((w) => w.id), stewardIds: stewards.map((s) => s.id) });
    await db.$executeRawUnsafe(`UPDATE "Asset" SET "lastScannedAt" = now() WHERE type = 'column'`);
    log('seeding findings and posture…');
    await seedCompliance(db, stewards.map((s) => s.id));
    log(`seeding ${ACTIVITY} activity rows…`);
    await seedActivity(db, ACTIVITY, [admin.id, ...stewards.map((s) => s.id)], workspaces.map((w) => w.id));
    const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date() };
    log('30 days of metric snapshots…');
    await seedMetricHistory(deps);
    await db.$executeRawUnsafe('VACUUM ANALYZE');
    const seedMs = performance.now() - seedStarted;
    log(`seeded in ${round(seedMs / 1000)} s`);

    const known = new Set(metricCatalog.map((m) => m.key));
    const widgets = builtInDashboards.executive.widgets;
    const computed = widgets.filter((w) => known.has(w.metric));
    const skipped = widgets.filter((w) => !known.has(w.metric)).map((w) => w.metric);
    const actor = { kind: 'user' as const, userId: admin.id };
    const perWidget = new Map<string, number[]>();

    const dashboard = async (cache: boolean) => {
      const access = new AccessChecker(db, actor);
      const started = performance.now();
      await Promise.all(
        computed.map(async (w) => {
          const t = performance.now();
          await queryMetric(deps, access, admin.id, metricQueryInput.parse({ metric: w.metric, filters: w.filters, groupBy: w.groupBy, grain: w.grain, range: w.range, limit: w.limit }), { cache });
          if (!cache) perWidget.set(w.id, [...(perWidget.get(w.id) ?? []), performance.now() - t]);
        }),
      );
      return performance.now() - started;
    };

    const cold = await dashboard(true);
    const warmCached: number[] = [];
    const warmUncached: number[] = [];
    for (let i = 0; i < RUNS; i++) warmCached.push(await dashboard(true));
    for (let i = 0; i < RUNS; i++) warmUncached.push(await dashboard(false));
    // Each widget alone (uncached), so its own cost shows without the others' queueing for the pool.
    const alone = new Map<string, number[]>();
    for (let i = 0; i < 3; i++)
      for (const w of computed) {
        const t = performance.now();
        await queryMetric(deps, new AccessChecker(db, actor), admin.id, metricQueryInput.parse({ metric: w.metric, filters: w.filters, groupBy: w.groupBy, grain: w.grain, range: w.range, limit: w.limit }), { cache: false });
        alone.set(w.id, [...(alone.get(w.id) ?? []), performance.now() - t]);
      }
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), max: round(s.at(-1)!) };
    };
    const cache = metricCacheFor(deps);
    console.log(
      JSON.stringify(
        {
          bench: 'dashboard-executive',
          assets: await db.asset.count(),
          columns: await db.asset.count({ where: { type: 'column' } }),
          labels: await db.classification.count(),
          findings: await db.complianceFinding.count(),
          postureSnapshots: await db.postureSnapshot.count(),
          systemMetricRows: await db.systemMetric.count(),
          activityRows: await db.activityEvent.count(),
          sources: seeded.sourceIds.length,
          widgets: computed.map((w) => `${w.id}:${w.metric}${w.groupBy ? `/${w.groupBy}` : ''}`),
          skippedWidgets: skipped,
          seedSeconds: round(seedMs / 1000),
          dashboardMs: { cold: round(cold), warmCached: stats(warmCached), warmUncached: stats(warmUncached) },
          widgetMsUncachedConcurrent: Object.fromEntries([...perWidget].map(([k, v]) => [k, stats(v)])),
          widgetMsUncachedAlone: Object.fromEntries([...alone].map(([k, v]) => [k, stats(v).p50])),
          cache: { hits: cache.hits, misses: cache.misses, entries: cache.size },
          targetWarmMs: 300,
          meetsTarget: { cached: stats(warmCached).p95 < 300, uncached: stats(warmUncached).p95 < 300 },
          machine: { cpus: cpus().length, node: process.version, loadAvg1m: round(loadavg()[0]!) },
        },
        null,
        2,
      ),
    );
    cache.close();
  } finally {
    await db.$disconnect();
    if (benchEnv('DASHBOARD_KEEP')) log(`kept ${bench.url}`);
    else await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
