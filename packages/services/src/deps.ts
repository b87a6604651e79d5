import type { Db } from '@racine/db';
import type { EventBus } from './events/bus';

/** What services need from the outside world, passed in so tests can build their own. */
export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  clock: () => Date;
  /** AES-256-GCM key for data-source credentials; read from RACINE_SECRET_KEY when absent. */
  secretKey?: Buffer;
}
