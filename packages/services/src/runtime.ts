import { getDb } from '@racine/db';
import { ActivityFeed } from './activity/feed';
import type { ServiceDeps } from './deps';
import { type EventBus, InProcessBus, PgNotifyBus } from './events/bus';

const globalForRuntime = globalThis as unknown as { racineDeps?: ServiceDeps; racineFeed?: ActivityFeed };

/** RACINE_BUS=memory for a single process (the embedded default), postgres (LISTEN/NOTIFY) otherwise. */
export function createBus(databaseUrl: string, kind = process.env.RACINE_BUS ?? 'postgres'): EventBus {
  if (kind === 'memory') return new InProcessBus();
  const bus = new PgNotifyBus(databaseUrl);
  void bus.start();
  return bus;
}

/** The process-wide dependencies, built once from the environment. */
export function getServiceDeps(): ServiceDeps {
  if (!globalForRuntime.racineDeps) {
    const db = getDb();
    globalForRuntime.racineDeps = { db, bus: createBus(process.env.DATABASE_URL!), clock: () => new Date() };
  }
  return globalForRuntime.racineDeps;
}

/** The process-wide live tail of the activity log. */
export function getActivityFeed(): ActivityFeed {
  if (!globalForRuntime.racineFeed) {
    const deps = getServiceDeps();
    globalForRuntime.racineFeed = new ActivityFeed(
      deps.db,
      deps.bus,
      Number(process.env.RACINE_FEED_POLL_MS ?? 2000),
      // Notifications within this window become one log read (0: read on every notification).
      Number(process.env.RACINE_FEED_COALESCE_MS ?? 40),
    );
  }
  return globalForRuntime.racineFeed;
}
