/**
 * Compliance evaluation benchmark: a catalog of 100,000 columns (5,000 tables
 * of 20 columns across 8 sources in dev/staging/prod, realistic labels,
 * sensitivity, tags, owners and stewards, workspace members and role
 * assignments), seeded with set-based SQL into a throwaway database; then the
 * five built-in frameworks evaluated in full (first run: findings inserted),
 * again (steady state: findings updated), and once incrementally for one
 * source, and all five over facts loaded once (what `compliance.evaluate`
 * without a framework does). Prints one JSON object; progress on stderr.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server),
 * BENCH_COMPLIANCE_COLUMNS (default 100000; a multiple of 20 × 8).
 */
import { cpus, loadavg } from 'node:os';
import { createDb, type Db } from '@racine/db';
import { systemActor } from '../src/actor';
import { evaluateFramework, evaluateFrameworks, type EvaluationSummary } from '../src/compliance/evaluate';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { benchEnv, createBenchDatabase, dropOnSignal, log, round } from './bench-db';

const COLUMNS = Number(benchEnv('COMPLIANCE_COLUMNS') ?? 100_000);
const SOURCES = 8;
const PER_TABLE = 20;
const TABLES_PER_SOURCE = Math.max(1, Math.round(COLUMNS / PER_TABLE / SOURCES));
const USERS = 60;

/** Column c of table t: its label (if any). Shapes a catalog where most tables hold some personal data and a few hold cards, health data or secrets. */
const LABEL_SQL = `CASE c
  WHEN 1 THEN ARRAY['PII.Email'] WHEN 2 THEN ARRAY['PII.PersonName'] WHEN 3 THEN ARRAY['PII.Phone']
  WHEN 4 THEN CASE WHEN t % 5 = 0 THEN ARRAY['PCI.CardNumber'] ELSE '{}' END
  WHEN 5 THEN CASE WHEN t % 3 = 0 THEN ARRAY['PHI.Diagnosis'] ELSE '{}' END
  WHEN 6 THEN CASE WHEN t % 4 = 0 THEN ARRAY['PII.NationalId'] ELSE '{}' END
  WHEN 7 THEN CASE WHEN t % 10 = 0 THEN ARRAY['Secret.Password'] ELSE '{}' END
  WHEN 8 THEN CASE WHEN t % 7 = 0 THEN ARRAY['GDPR.Health'] ELSE '{}' END
  WHEN 9 THEN CASE WHEN t % 50 = 0 THEN ARRAY['PCI.CardVerificationCode'] ELSE '{}' END
  WHEN 10 THEN ARRAY['PII.Address'] WHEN 11 THEN CASE WHEN t % 2 = 0 THEN ARRAY['Financial.IBAN'] ELSE '{}' END
  ELSE '{}' END`;

async function seedCatalog(db: Db) {
  await db.$executeRawUnsafe(
    `INSERT INTO "User" (id, email, name, "isActive", "updatedAt") SELECT 'u' || g, 'user' || g || '@bench.local', 'User ' || g, g % 15 <> 0, now() FROM generate_series(1, ${USERS}) g`,
  );
  await db.$executeRawUnsafe(`INSERT INTO "RoleAssignment" (id, "userId", "roleId", "scopeType") SELECT 'ra' || g, 'u' || g, 'admin', 'global' FROM generate_series(1, 3) g`);
  await db.$executeRawUnsafe(
    `INSERT INTO "Workspace" (id, slug, name, environment, "ownerId", "updatedAt") SELECT 'w' || g, 'ws-' || g, 'Workspace ' || g, (ARRAY['dev','staging','prod'])[1 + g % 3]::"Environment", 'u' || g, now() FROM generate_series(1, 4) g`,
  );
  // Each workspace: its owner, and members/viewers among the users.
  await db.$executeRawUnsafe(
    `INSERT INTO "WorkspaceMember" ("workspaceId", "userId", "roleId") SELECT 'w' || w, 'u' || u, CASE WHEN u = w THEN 'ws.owner' WHEN u % 3 = 0 THEN 'ws.member' ELSE 'ws.viewer' END
       FROM generate_series(1, 4) w, generate_series(1, ${USERS}) u WHERE u = w OR u % 4 = w - 1`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "DataSource" (id, name, engine, database, environment, criticality, tags, "workspaceId", "lastScanAt", "lastScanStatus", "updatedAt")
     SELECT 's' || g, 'source-' || g, 'postgres', 'db' || g, (ARRAY['dev','staging','prod','prod'])[1 + g % 4]::"Environment", (ARRAY['low','medium','high','critical'])[1 + g % 4]::"Criticality",
            CASE WHEN g % 2 = 0 THEN ARRAY['pci'] ELSE '{}' END, 'w' || (1 + g % 4), now() - (g * 3) * interval '1 day', 'succeeded', now()
       FROM generate_series(1, ${SOURCES}) g`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "RoleAssignment" (id, "userId", "roleId", "scopeType", "scopeId", "expiresAt") SELECT 'rd' || s || '-' || u, 'u' || u, 'ds.steward', 'datasource', 's' || s, CASE WHEN u % 2 = 0 THEN now() + interval '10 days' END
       FROM generate_series(1, ${SOURCES}) s, generate_series(40, 45) u`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Asset" (id, "dataSourceId", type, "qualifiedName", name, "lastScannedAt", "updatedAt") SELECT 'd' || s.id, s.id, 'database', s.database, s.database, now(), now() FROM "DataSource" s`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Asset" (id, "dataSourceId", type, "parentId", "qualifiedName", name, "lastScannedAt", "updatedAt") SELECT 'sc' || s.id, s.id, 'schema', 'd' || s.id, s.database || '.public', 'public', now(), now() FROM "DataSource" s`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Asset" (id, "dataSourceId", type, "parentId", "qualifiedName", name, tags, certification, description, "lastScannedAt", "updatedAt")
     SELECT s.id || '-t' || t, s.id, 'table', 'sc' || s.id, s.database || '.public.t' || t, 't' || t,
            CASE WHEN t % 2 = 0 THEN ARRAY['retention:7y'] ELSE '{}' END, CASE WHEN t % 5 = 0 THEN 'certified' ELSE 'draft' END::"Certification",
            CASE WHEN t % 3 = 0 THEN '' ELSE 'Orders and the people who placed them' END, now() - (t % 40) * interval '1 day', now()
       FROM "DataSource" s, generate_series(1, ${TABLES_PER_SOURCE}) t`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "Asset" (id, "dataSourceId", type, "parentId", "qualifiedName", name, "dataType", "normalizedType", labels, sensitivity, tags, "lastScannedAt", "updatedAt")
     SELECT x.tid || '-c' || x.c, x.sid, 'column', x.tid, x.tq || '.col' || x.c, 'col' || x.c, 'text', 'string', x.labels,
            CASE WHEN x.labels && ARRAY['PCI.CardNumber','PCI.CardVerificationCode','PHI.Diagnosis','Secret.Password','GDPR.Health','PII.NationalId'] THEN 'Restricted'
                 WHEN cardinality(x.labels) > 0 THEN 'Confidential' END,
            CASE WHEN (x.t * 20 + x.c) % 3 = 0 THEN ARRAY['masked'] WHEN (x.t * 20 + x.c) % 7 = 0 THEN ARRAY['encrypted'] ELSE '{}' END, now(), now()
       FROM (SELECT tid, sid, tq, t, c, ${LABEL_SQL} AS labels
               FROM (SELECT a.id AS tid, a."dataSourceId" AS sid, a."qualifiedName" AS tq, substring(a.name from 2)::int AS t FROM "Asset" a WHERE a.type = 'table') tt,
                    generate_series(1, ${PER_TABLE}) c) x`,
  );
  // Tables carry their columns' labels and highest sensitivity, as recomputeSensitivity keeps them.
  await db.$executeRawUnsafe(
    `UPDATE "Asset" t SET labels = s.labels, sensitivity = s.level FROM (
       SELECT c."parentId" AS id, coalesce(array_agg(DISTINCT l ORDER BY l) FILTER (WHERE l IS NOT NULL), '{}') AS labels,
              CASE max(CASE c.sensitivity WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 ELSE 0 END) WHEN 4 THEN 'Restricted' WHEN 3 THEN 'Confidential' END AS level
         FROM "Asset" c LEFT JOIN LATERAL unnest(c.labels) l ON true WHERE c.type = 'column' GROUP BY c."parentId") s
      WHERE t.id = s.id`,
  );
  await db.$executeRawUnsafe(
    `INSERT INTO "AssetSteward" (id, "assetId", role, "principalType", "principalId")
     SELECT 'o' || a.id, a.id, 'owner'::"StewardRole", 'user'::"PrincipalType", 'u' || (1 + abs(hashtext(a.id)) % ${USERS}) FROM "Asset" a WHERE a.type = 'table' AND abs(hashtext(a.id)) % 5 < 3
     UNION ALL
     SELECT 'st' || a.id, a.id, 'steward'::"StewardRole", 'team'::"PrincipalType", 'w' || (1 + abs(hashtext(a.id)) % 4) FROM "Asset" a WHERE a.type = 'table' AND abs(hashtext(a.id)) % 5 IN (0, 3)`,
  );
  await db.$executeRawUnsafe('ANALYZE');
}

async function main() {
  const bench = await createBenchDatabase();
  dropOnSignal(bench);
  const db = createDb(bench.url, { max: 4 });
  const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date() };
  try {
    await syncBuiltInRoles(db);
    await syncBuiltInFrameworks(deps);
    const seedStart = performance.now();
    await seedCatalog(db);
    const seedMs = performance.now() - seedStart;
    const counts = Object.fromEntries((await db.asset.groupBy({ by: ['type'], _count: { _all: true } })).map((g) => [g.type, g._count._all]));
    log(`seeded ${JSON.stringify(counts)} in ${Math.round(seedMs)} ms`);
    const subjects = { column: counts.column ?? 0, table: (counts.table ?? 0) + (counts.view ?? 0), source: SOURCES };
    const frameworks = await db.complianceFramework.findMany({ where: { builtIn: true }, include: { rules: { where: { enabled: true } } }, orderBy: { name: 'asc' } });

    const pass = async (label: string, dataSourceId?: string) => {
      const started = performance.now();
      const rows: (EvaluationSummary & { ruleAssetPairs: number; pairsPerSecond: number })[] = [];
      for (const fw of frameworks) {
        const t0 = performance.now();
        const s = await evaluateFramework(deps, systemActor, { frameworkId: fw.id, dataSourceId, trigger: 'manual' });
        const ms = performance.now() - t0;
        const share = dataSourceId ? 1 / SOURCES : 1;
        const pairs = Math.round(fw.rules.reduce((n, r) => n + subjects[r.target as keyof typeof subjects] * share, 0));
        rows.push({ ...s, durationMs: Math.round(ms), ruleAssetPairs: pairs, pairsPerSecond: Math.round(pairs / (ms / 1000)) });
        log(`${label} ${fw.name}: ${Math.round(ms)} ms (${JSON.stringify(s.timings)}), ${s.checks} checks, ${s.failures} failing, ${s.opened} opened, ${s.resolved} resolved, score ${s.score}`);
      }
      const totalMs = performance.now() - started;
      const pairs = rows.reduce((n, r) => n + r.ruleAssetPairs, 0);
      return {
        totalMs: Math.round(totalMs),
        ruleAssetPairs: pairs,
        pairsPerSecond: Math.round(pairs / (totalMs / 1000)),
        findingsWritten: rows.reduce((n, r) => n + r.opened + r.resolved + r.reopened, 0),
        findingsTouched: rows.reduce((n, r) => n + r.failures, 0),
        frameworks: rows.map((r) => ({ name: r.frameworkName, rules: r.rulesEvaluated, wallMs: r.durationMs, ruleAssetPairs: r.ruleAssetPairs, pairsPerSecond: r.pairsPerSecond, checks: r.checks, failures: r.failures, opened: r.opened, resolved: r.resolved, score: r.score, timings: r.timings })),
      };
    };

    const first = await pass('first');
    const again = await pass('again');
    const incremental = await pass('incremental', 's3');
    // What compliance.evaluate without a framework does: every framework over facts loaded once.
    const allStart = performance.now();
    const all = await evaluateFrameworks(deps, systemActor, { trigger: 'manual' });
    const allMs = performance.now() - allStart;
    log(`all five, facts loaded once: ${Math.round(allMs)} ms`);
    const findings = await db.complianceFinding.count();
    console.log(
      JSON.stringify(
        {
          bench: 'compliance',
          machine: { cpus: cpus().length, loadavg1: round(loadavg()[0]!, 2) },
          catalog: { columns: subjects.column, tables: subjects.table, sources: SOURCES, seedMs: Math.round(seedMs) },
          firstEvaluation: first,
          reEvaluation: again,
          incrementalOneSource: incremental,
          allFrameworksSharedLoad: { totalMs: Math.round(allMs), ruleAssetPairs: again.ruleAssetPairs, pairsPerSecond: Math.round(again.ruleAssetPairs / (allMs / 1000)), perFrameworkMs: all.evaluations.map((e) => ({ name: e.frameworkName, ms: e.durationMs, timings: e.timings })) },
          findingsInDatabase: findings,
          peakRssMb: round(process.resourceUsage().maxRSS / 1024, 1),
        },
        null,
        2,
      ),
    );
  } finally {
    await db.$disconnect().catch(() => {});
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
