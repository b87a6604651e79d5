import { createDb, type Db } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import type { Actor } from '../src/actor';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { migrateJobSchema } from '../src/jobs/queue';
import { randomBytes } from 'node:crypto';
import { AccessChecker } from '../src/rbac/resolve';

let db: Db | null = null;
let rolesSynced: Promise<void> | null = null;
let jobSchema: Promise<void> | null = null;

/** graphile-worker's schema, which a worker creates on start; tests that enqueue need it first. */
export function ensureJobSchema(): Promise<void> {
  jobSchema ??= migrateJobSchema(process.env.DATABASE_URL!).catch(() => migrateJobSchema(process.env.DATABASE_URL!));
  return jobSchema;
}

/** Deps against the test database (DATABASE_URL, set by the vitest global setup). */
export async function testDeps(): Promise<ServiceDeps> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: run integration tests through vitest');
  db ??= createDb(url, { max: 4 });
  // Several test files start at once; the sync is idempotent, so a lost race is retried.
  rolesSynced ??= syncBuiltInRoles(db).catch(() => syncBuiltInRoles(db!));
  await rolesSynced;
  return { db, bus: new InProcessBus(), clock: () => new Date(), secretKey: testSecretKey };
}

export const testSecretKey = randomBytes(32);

export const userActor = (userId: string): Actor => ({ kind: 'user', userId });
export const accessFor = (deps: ServiceDeps, userId: string) => new AccessChecker(deps.db, userActor(userId));

/** A user with the given global roles, as an actor with its access checker. */
export async function person(deps: ServiceDeps, roles: string[] = ['viewer']) {
  const user = await makeUser(deps.db, { roles });
  const actor = userActor(user.id);
  return { user, actor, access: new AccessChecker(deps.db, actor) };
}

export { makeUser, makeWorkspace };
