import { createDb, type Db } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { randomBytes } from 'node:crypto';
import { ActivityFeed, type Actor, InProcessBus, migrateJobSchema, type ServiceDeps, syncBuiltInRoles, syncBuiltInRuleSets } from '@racine/services';
import { createContextForActor } from '../src/context';
import { appRouter } from '../src/root';
import { createCallerFactory } from '../src/trpc';

let db: Db | null = null;
let ready: Promise<void> | null = null;
let shared: { deps: ServiceDeps; feed: ActivityFeed } | null = null;

export async function testDeps() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests through vitest');
  db ??= createDb(url, { max: 4 });
  const prepare = async (d: Db) => {
    await syncBuiltInRoles(d);
    await syncBuiltInRuleSets({ db: d });
    await migrateJobSchema(url);
  };
  ready ??= prepare(db).catch(() => prepare(db!));
  await ready;
  if (!shared) {
    const deps: ServiceDeps = { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: randomBytes(32) };
    shared = { deps, feed: new ActivityFeed(deps.db, deps.bus, 200) };
  }
  return shared;
}

const createCaller = createCallerFactory(appRouter);

export async function callerFor(actor: Actor | null) {
  const { deps, feed } = await testDeps();
  return createCaller(createContextForActor(deps, feed, actor));
}

/** A user with these global roles, and a tRPC caller acting as them. */
export async function personWith(roles: string[]) {
  const { deps } = await testDeps();
  const user = await makeUser(deps.db, { roles });
  const actor: Actor = { kind: 'user', userId: user.id };
  return { user, actor, caller: await callerFor(actor) };
}

export { makeUser, makeWorkspace };
