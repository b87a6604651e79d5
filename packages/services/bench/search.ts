/**
 * Catalog search benchmark: 100,000 assets (default) over several sources,
 * seeded by bulk inserts into a throwaway database, then a mix of realistic
 * queries (single words, two words, typos, prefixes, with and without facet
 * filters, browsing) through the real `searchCatalog`, as an admin and as a
 * user who may read only a few sources. Each query gets a fresh
 * AccessChecker, as each request does. Prints one JSON object; progress on
 * stderr. Target: p95 < 50 ms. Besides wall time, `cpuMs` is the CPU each
 * call took in Node plus the database backends (see cpu-meter.ts): the
 * machine is shared, and wall time moves with its load.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server),
 * BENCH_SEARCH_ASSETS (default 100000), BENCH_SEARCH_SOURCES (default 12),
 * BENCH_SEARCH_ROUNDS (default 2: how many times the query mix runs).
 */
import { cpus, loadavg } from 'node:os';
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import type { Actor } from '../src/actor';
import { searchCatalog } from '../src/catalog/search';
import { searchCatalogInput } from '../src/catalog/schemas';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { AccessChecker } from '../src/rbac/resolve';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { benchEnv, createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';
import { cpuMeter } from './cpu-meter';
import { seedCatalog } from './search-seed';

const ASSETS = Number(benchEnv('SEARCH_ASSETS') ?? 100_000);
const SOURCES = Number(benchEnv('SEARCH_SOURCES') ?? 12);
const ROUNDS = Number(benchEnv('SEARCH_ROUNDS') ?? 2);

type Query = { kind: string; input: Record<string, unknown> };

function queryMix(): Query[] {
  const words = ['customer', 'email', 'invoice', 'payment', 'shipment', 'patient', 'iban', 'session', 'refund', 'address', 'phone', 'campaign', 'order', 'status', 'created'];
  const pairs = ['customer email', 'card number', 'order items', 'payment history', 'first name', 'invoice tax', 'patient claim', 'ip address', 'date birth', 'shipment daily'];
  const typos = ['custmer emial', 'invocie', 'paymnet card', 'shipmnet', 'adress', 'pateint', 'subscripton', 'transacton history', 'emial', 'custommer'];
  const prefixes = ['cust', 'inv', 'pay', 'ship', 'sub', 'dim_cus', 'fact_ord', 'stg', 'emp', 'war'];
  const filters: Record<string, unknown>[] = [
    { labels: ['PII.*'] },
    { sensitivities: ['Restricted'] },
    { types: ['column'], labels: ['PCI.CardNumber'] },
    { types: ['table'], certifications: ['certified'] },
    { environments: ['prod'], tags: ['gold'] },
    { types: ['table', 'view'] },
  ];
  const mix: Query[] = [];
  for (const q of words) mix.push({ kind: 'word', input: { q } });
  for (const q of pairs) mix.push({ kind: 'two-words', input: { q } });
  for (const q of typos) mix.push({ kind: 'typo', input: { q } });
  for (const q of prefixes) mix.push({ kind: 'prefix', input: { q } });
  [...words, ...pairs, ...typos].forEach((q, i) => mix.push({ kind: 'filtered', input: { q, ...filters[i % filters.length]! } }));
  filters.forEach((f) => mix.push({ kind: 'browse', input: { ...f } }));
  mix.push({ kind: 'browse', input: {} });
  words.slice(0, 5).forEach((q) => mix.push({ kind: 'page-2', input: { q, offset: 25 } }));
  return mix;
}

async function main() {
  const bench = await createBenchDatabase();
  dropOnSignal(bench);
  const db = createDb(bench.url, { max: 4 });
  try {
    await syncBuiltInRoles(db);
    const admin = await makeUser(db, { roles: ['admin'] });
    const limited = await makeUser(db, { roles: ['viewer'] });
    const stewards = await Promise.all(Array.from({ length: 8 }, () => makeUser(db, { roles: ['viewer'] })));
    const workspaces = await Promise.all(Array.from({ length: 6 }, () => makeWorkspace(db, { ownerId: admin.id })));
    // The limited user is a member of one workspace: 2 of the sources.
    await db.workspaceMember.create({ data: { workspaceId: workspaces[0]!.id, userId: limited.id, roleId: 'ws.viewer' } });
    const seedStarted = performance.now();
    log(`seeding ${ASSETS} assets over ${SOURCES} sources…`);
    const seeded = await seedCatalog(db, { sources: SOURCES, assets: ASSETS, workspaceIds: workspaces.map((w) => w.id), stewardIds: stewards.map((s) => s.id) });
    const seedMs = performance.now() - seedStarted;
    log(`seeded ${seeded.assets} assets in ${round(seedMs / 1000)} s`);

    const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date() };
    const actors: [string, Actor][] = [
      ['admin', { kind: 'user', userId: admin.id }],
      ['limited', { kind: 'user', userId: limited.id }],
    ];
    const mix = queryMix();
    // Warm-up: plans, caches, the pool.
    for (const q of mix.slice(0, 20)) await searchCatalog(deps, new AccessChecker(db, actors[0]![1]), searchCatalogInput.parse(q.input));
    const samples = new Map<string, number[]>();
    const add = (key: string, ms: number) => samples.set(key, [...(samples.get(key) ?? []), ms]);
    const cpu = await cpuMeter(db);
    const cpuSamples = new Map<string, number[]>();
    const addCpu = (key: string, ms: number | null) => ms !== null && cpuSamples.set(key, [...(cpuSamples.get(key) ?? []), ms]);
    const loads: number[] = [];
    let slowest = { ms: 0, query: {} as unknown, as: '' };
    let hits = 0;
    for (let round_ = 0; round_ < ROUNDS; round_++)
      for (const [who, actor] of actors)
        for (const q of mix) {
          const input = searchCatalogInput.parse(q.input);
          let ms = 0;
          const { result, cpuMs, nodeMs, serverMs } = await cpu.measure(async () => {
            const started = performance.now();
            const found = await searchCatalog(deps, new AccessChecker(db, actor), input);
            ms = performance.now() - started;
            return found;
          });
          const kind = q.kind === 'browse' ? 'browse' : 'search';
          addCpu(kind, cpuMs);
          addCpu(`${kind}:node`, nodeMs);
          addCpu(`${kind}:database`, serverMs);
          addCpu('overallWithBrowse', cpuMs);
          loads.push(loadavg()[0]!);
          hits += result.total;
          add(q.kind, ms);
          add(`as:${who}`, ms);
          add('overall', ms);
          // Browsing (no query) counts every visible asset's facets: reported on its own, see README.
          if (q.kind !== 'browse') add('search', ms);
          if (ms > slowest.ms) slowest = { ms: round(ms), query: q.input, as: who };
        }
    const stats = (xs: number[]) => {
      const s = [...xs].sort((a, b) => a - b);
      return { n: s.length, p50: round(percentile(s, 50)), p95: round(percentile(s, 95)), p99: round(percentile(s, 99)), max: round(s.at(-1)!) };
    };
    const byKind = Object.fromEntries([...samples].filter(([k]) => k !== 'overall' && k !== 'search').map(([k, v]) => [k, stats(v)]));
    console.log(
      JSON.stringify(
        {
          bench: 'catalog-search',
          assets: await db.asset.count(),
          sources: seeded.sourceIds.length,
          glossaryTerms: await db.glossaryTerm.count(),
          seedSeconds: round(seedMs / 1000),
          queries: samples.get('overall')!.length,
          distinctQueries: mix.length,
          meanHitsPerQuery: round(hits / samples.get('overall')!.length, 1),
          latencyMs: { search: stats(samples.get('search')!), overallWithBrowse: stats(samples.get('overall')!), ...byKind },
          cpuMs: cpu.available ? Object.fromEntries([...cpuSamples].map(([k, v]) => [k, stats(v)])) : null,
          slowest,
          targetP95Ms: 50,
          meetsTarget: stats(samples.get('search')!).p95 < 50,
          machine: { cpus: cpus().length, node: process.version, loadAvg1m: round(loadavg()[0]!), loadAvg1mDuringQueries: round(percentile([...loads].sort((a, b) => a - b), 50)) },
        },
        null,
        2,
      ),
    );
  } finally {
    await db.$disconnect();
    await bench.drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
