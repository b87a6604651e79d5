/**
 * The embedded database: PGlite (Postgres compiled to WASM) served over the
 * Postgres wire protocol by @electric-sql/pglite-socket, so Prisma, `pg` and
 * the CLI connect to it like to any PostgreSQL. Used by `npm start` when no
 * DATABASE_URL is set, and by the tests when no TEST_DATABASE_URL is set.
 *
 * PGlite is one single-user Postgres session; the socket server multiplexes
 * client connections over it (serially, transaction-aware). Two processes must
 * never open the same data folder, hence the lock file.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PgliteWireServer } from './pglite-wire-server';

export interface EmbeddedPostgresOptions {
  /** Folder that holds the database (in `<dataDir>/pg`) and its lock file. */
  dataDir: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** How many client connections the socket server accepts at once. */
  maxConnections?: number;
}

export interface EmbeddedPostgres {
  /** postgresql://… URL to give DATABASE_URL. */
  url: string;
  port: number;
  /** Stops accepting connections, closes PGlite (flushing to disk) and releases the lock. */
  stop(): Promise<void>;
}

const HOST = '127.0.0.1';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Locks this process holds (a pid alone cannot tell our lock from one left by an earlier process with the same pid). */
const heldLocks = new Set<string>();

/** Takes `<dataDir>/pg.lock`, or explains who holds it. A lock left by a dead process is taken over. */
async function acquireLock(lockPath: string): Promise<() => Promise<void>> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lockPath, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldLocks.add(lockPath);
      return async () => {
        heldLocks.delete(lockPath);
        await rm(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const pid = Number((await readFile(lockPath, 'utf8').catch(() => '')).trim());
      const inUse = pid === process.pid ? heldLocks.has(lockPath) : pid > 0 && isAlive(pid);
      if (inUse) {
        throw new Error(
          `The embedded database in ${path.dirname(lockPath)} is already in use by process ${pid}. ` +
            'Stop that process first, or point RACINE_DATA_DIR at another folder.',
        );
      }
      await rm(lockPath, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${lockPath}`);
}

export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const dataDir = path.resolve(options.dataDir);
  await mkdir(dataDir, { recursive: true });
  const releaseLock = await acquireLock(path.join(dataDir, 'pg.lock'));

  let db: PGlite | undefined;
  let server: PgliteWireServer | undefined;
  try {
    // pg_trgm is loaded so migrations may `CREATE EXTENSION pg_trgm` (trigram search) as on a real server.
    db = await PGlite.create(path.join(dataDir, 'pg'), { extensions: { pg_trgm } });
    // Our own wire server: pglite-socket 0.2 interleaves concurrent extended-protocol
    // queries on PGlite's single session (see pglite-wire-server.ts).
    server = new PgliteWireServer(db, { host: HOST, port: options.port, maxConnections: options.maxConnections ?? 40 });
    await server.start();
  } catch (error) {
    await db?.close().catch(() => {});
    await releaseLock();
    if ((error as NodeJS.ErrnoException).code === 'EADDRINUSE') {
      throw new Error(
        `Port ${options.port} on ${HOST} is already in use, so the embedded database cannot listen there. ` +
          'Set RACINE_EMBEDDED_PG_PORT to a free port.',
      );
    }
    throw error;
  }

  const port = server.port;
  let stopping: Promise<void> | undefined;
  return {
    url: `postgresql://postgres:postgres@${HOST}:${port}/postgres`,
    port,
    stop() {
      stopping ??= (async () => {
        try {
          await server.stop();
        } finally {
          try {
            await db.close();
          } finally {
            await releaseLock();
          }
        }
      })();
      return stopping;
    },
  };
}
