/**
 * Diagnostic (not part of `npm run bench`): how fast could the hash-chained
 * append be? Compares, on a throwaway database, at the same concurrency:
 *
 *   current      recordActivity as it is: one transaction per event; the advisory
 *                lock is held across three client round trips (head read, INSERT,
 *                COMMIT) through Prisma.
 *   batched      an in-process queue: whatever is waiting is appended in one
 *                transaction (one lock, one head read, one multi-row INSERT, one
 *                COMMIT), hashes computed in JS exactly as appendActivity does,
 *                so verifyChain must still pass.
 *   sql-oneshot  the whole critical section in one PL/pgSQL call, autocommitted
 *                (lock, head, nextval, INSERT; the link hash computed in SQL as
 *                sha256(prevHash ‖ id ‖ contentHash), contentHash computed in JS
 *                before the lock). A different hash scheme, so verifyChain does
 *                not apply; shown for the ceiling it gives.
 *
 * The SQL here is a sketch of a proposal, not the services' code.
 *
 *   npx tsx bench/append-variants.ts     # in packages/services
 *
 * Env: BENCH_DATABASE_URL, VARIANTS_CONCURRENCY (8), VARIANTS_SECONDS (4),
 * VARIANTS (current,batched,sql-oneshot).
 */
import { createHash } from 'node:crypto';
import { createDb, type Db } from '@racine/db';
import { makeUser } from '@racine/db/factories';
import { toJson } from '../src/activity/append';
import { activityHash, canonicalJson, GENESIS_HASH, type HashedFields } from '../src/activity/hash';
import { recordActivity } from '../src/activity/record';
import type { ActivityInput } from '../src/activity/types';
import { verifyChain } from '../src/activity/verify';
import type { Actor } from '../src/actor';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';

const CONCURRENCY = Number(process.env.VARIANTS_CONCURRENCY ?? 8);
const SECONDS = Number(process.env.VARIANTS_SECONDS ?? 4);
const VARIANTS = (process.env.VARIANTS ?? 'current,batched,sql-oneshot').split(',');
const LOCK_KEY = 0x52_41_43_49;

const input = (n: number): ActivityInput => ({
  type: 'bench.activity.appended',
  category: 'system',
  sourceGroup: 'bench',
  action: 'append',
  resourceType: 'benchItem',
  resourceId: `item-${n}`,
  details: { seq: n, note: 'append variants' },
  after: { value: n },
});

function row(id: bigint, actor: Actor, i: ActivityInput, occurredAt: Date): HashedFields {
  return {
    id,
    occurredAt,
    type: i.type,
    category: i.category,
    sourceGroup: i.sourceGroup,
    targetGroup: i.targetGroup ?? null,
    action: i.action,
    resourceType: i.resourceType ?? null,
    resourceId: i.resourceId ?? null,
    actorId: actor.kind === 'system' ? null : actor.userId,
    actorType: actor.kind,
    workspaceId: i.workspaceId ?? null,
    status: i.status ?? 'success',
    durationMs: i.durationMs == null ? null : Math.round(i.durationMs),
    details: toJson(i.details ?? {}),
    before: toJson(i.before),
    after: toJson(i.after),
    complianceRelevant: i.complianceRelevant ?? false,
  };
}

const COLUMNS = `id, "occurredAt", type, category, "sourceGroup", "targetGroup", action, "resourceType", "resourceId", "actorId", "actorType",
  "workspaceId", status, "durationMs", details, before, after, "complianceRelevant", "prevHash", hash, search`;

/** Batched: one transaction appends everything queued, with appendActivity's hashing. */
function batcher(db: Db, actor: Actor) {
  const queue: { input: ActivityInput; resolve: (id: bigint) => void; reject: (e: unknown) => void }[] = [];
  let running = false;
  const sizes: number[] = [];
  const drain = async () => {
    running = true;
    while (queue.length) {
      const batch = queue.splice(0, 500);
      sizes.push(batch.length);
      try {
        const ids = await db.$transaction(async (tx) => {
          await tx.$executeRawUnsafe('SELECT pg_advisory_xact_lock($1)', LOCK_KEY);
          const [head] = await tx.$queryRawUnsafe<{ hash: string | null; next: bigint }[]>(
            `SELECT (SELECT hash FROM "ActivityEvent" ORDER BY id DESC LIMIT 1) AS hash,
                    nextval(pg_get_serial_sequence('"ActivityEvent"', 'id')) AS next`,
          );
          // Reserve the rest of the batch's ids in order (the lock is held, so they are contiguous after `next`).
          const more = batch.length > 1
            ? await tx.$queryRawUnsafe<{ id: bigint }[]>(`SELECT nextval(pg_get_serial_sequence('"ActivityEvent"', 'id')) AS id FROM generate_series(1, $1)`, batch.length - 1)
            : [];
          const ids = [BigInt(head!.next), ...more.map((m) => BigInt(m.id)).sort((a, b) => (a < b ? -1 : 1))];
          let prev = head?.hash ?? GENESIS_HASH;
          const occurredAt = new Date();
          const params: unknown[] = [];
          const values: string[] = [];
          batch.forEach((b, k) => {
            const r = row(ids[k]!, actor, b.input, occurredAt);
            const hash = activityHash(prev, r);
            const p = params.length;
            values.push(`($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9}, $${p + 10}, $${p + 11}::"ActorType", $${p + 12},
              $${p + 13}::"ActivityStatus", $${p + 14}, $${p + 15}::jsonb, $${p + 16}::jsonb, $${p + 17}::jsonb, $${p + 18}, $${p + 19}, $${p + 20}, to_tsvector('simple', $${p + 21}))`);
            params.push(r.id, r.occurredAt, r.type, r.category, r.sourceGroup, r.targetGroup, r.action, r.resourceType, r.resourceId, r.actorId, r.actorType,
              r.workspaceId, r.status, r.durationMs, JSON.stringify(r.details), r.before === null ? null : JSON.stringify(r.before),
              r.after === null ? null : JSON.stringify(r.after), r.complianceRelevant, prev, hash, `${r.type} ${r.resourceId}`);
            prev = hash;
          });
          await tx.$executeRawUnsafe(`INSERT INTO "ActivityEvent" (${COLUMNS}) VALUES ${values.join(',')}`, ...params);
          return ids;
        });
        batch.forEach((b, k) => b.resolve(ids[k]!));
      } catch (error) {
        batch.forEach((b) => b.reject(error));
      }
    }
    running = false;
  };
  return {
    append(i: ActivityInput) {
      return new Promise<bigint>((resolve, reject) => {
        queue.push({ input: i, resolve, reject });
        if (!running) void drain();
      });
    },
    meanBatch: () => round(sizes.reduce((a, b) => a + b, 0) / (sizes.length || 1), 1),
  };
}

const ONESHOT_SQL = `
CREATE OR REPLACE FUNCTION bench_append_oneshot(p jsonb, p_content_hash text) RETURNS bigint LANGUAGE plpgsql AS $$
DECLARE prev text; nid bigint;
BEGIN
  PERFORM pg_advisory_xact_lock(${LOCK_KEY});
  SELECT hash INTO prev FROM "ActivityEvent" ORDER BY id DESC LIMIT 1;
  prev := coalesce(prev, '${GENESIS_HASH}');
  nid := nextval(pg_get_serial_sequence('"ActivityEvent"', 'id'));
  INSERT INTO "ActivityEvent" (${COLUMNS})
  VALUES (nid, (p->>'occurredAt')::timestamptz, p->>'type', p->>'category', p->>'sourceGroup', p->>'targetGroup', p->>'action',
    p->>'resourceType', p->>'resourceId', p->>'actorId', (p->>'actorType')::"ActorType", p->>'workspaceId', (p->>'status')::"ActivityStatus",
    (p->>'durationMs')::int, p->'details', p->'before', p->'after', (p->>'complianceRelevant')::boolean, prev,
    encode(sha256(convert_to(prev || E'\\n' || nid::text || E'\\n' || p_content_hash, 'UTF8')), 'hex'),
    to_tsvector('simple', p->>'type'));
  RETURN nid;
END $$;`;

async function oneshot(db: Db, actor: Actor, i: ActivityInput): Promise<bigint> {
  const r = row(0n, actor, i, new Date());
  const { id: _id, ...content } = r;
  const contentHash = createHash('sha256').update(canonicalJson({ ...content, occurredAt: r.occurredAt.toISOString() })).digest('hex');
  const [res] = await db.$queryRawUnsafe<{ id: bigint }[]>(
    'SELECT bench_append_oneshot($1::jsonb, $2) AS id',
    JSON.stringify({ ...content, occurredAt: r.occurredAt.toISOString() }),
    contentHash,
  );
  return res!.id;
}

async function run(label: string, append: (n: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let n = 0;
  const t0 = performance.now();
  const end = t0 + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (performance.now() < end) {
        const s = performance.now();
        await append(++n);
        latencies.push(performance.now() - s);
      }
    }),
  );
  const elapsed = (performance.now() - t0) / 1000;
  const sorted = Float64Array.from(latencies).sort();
  const r = { variant: label, events: latencies.length, eventsPerSecond: round(latencies.length / elapsed, 0), latencyMs: { p50: round(percentile(sorted, 50)), p99: round(percentile(sorted, 99)) } };
  log(`${label}: ${r.eventsPerSecond} events/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms`);
  return r;
}

async function main() {
  const bench = await createBenchDatabase();
  dropOnSignal(bench);
  const db = createDb(bench.url, { max: CONCURRENCY + 2 });
  try {
    await syncBuiltInRoles(db);
    const user = await makeUser(db, { roles: ['admin'] });
    const actor: Actor = { kind: 'user', userId: user.id };
    const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date() };
    const results = [];
    for (const variant of VARIANTS) {
      if (variant === 'current') results.push(await run(variant, (n) => recordActivity(deps, actor, input(n))));
      else if (variant === 'batched') {
        const b = batcher(db, actor);
        const r = await run(variant, (n) => b.append(input(n)));
        const chain = await verifyChain(deps);
        results.push({ ...r, meanBatchSize: b.meanBatch(), verifyChainOk: chain.ok, rowsChecked: chain.checked });
      } else if (variant === 'sql-oneshot') {
        await db.$executeRawUnsafe(ONESHOT_SQL);
        results.push(await run(variant, (n) => oneshot(db, actor, input(n))));
      }
    }
    process.stdout.write(`${JSON.stringify({ bench: 'append-variants', concurrency: CONCURRENCY, secondsPerVariant: SECONDS, results }, null, 2)}\n`);
  } finally {
    await db.$disconnect().catch(() => {});
    await bench.drop().catch(() => {});
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
