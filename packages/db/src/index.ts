import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from './generated/prisma/client';

export * from './generated/prisma/client';

export type Db = PrismaClient;
/** The client inside `db.$transaction(async (tx) => …)`. */
export type Tx = Omit<PrismaClient, '$connect' | '$disconnect' | '$on' | '$transaction' | '$extends'>;
/** Either a client or a transaction: what read helpers accept. */
export type DbOrTx = Db | Tx;

export interface CreateDbOptions {
  /** Pool size. The embedded PGlite serialises everything anyway, so keep it small there. */
  max?: number;
}

export function createDb(databaseUrl: string, options: CreateDbOptions = {}): Db {
  const adapter = new PrismaPg({ connectionString: databaseUrl, max: options.max ?? 10 });
  return new PrismaClient({ adapter });
}

const globalForDb = globalThis as unknown as { racineDb?: Db };

/** The process-wide client, from DATABASE_URL. Reused across Next.js hot reloads. */
export function getDb(): Db {
  if (!globalForDb.racineDb) {
    const url = process.env.DATABASE_URL;
    if (!url) throw new Error('DATABASE_URL is not set');
    globalForDb.racineDb = createDb(url);
  }
  return globalForDb.racineDb;
}
