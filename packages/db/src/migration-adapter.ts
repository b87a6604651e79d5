/**
 * Driver adapter for Prisma's JS schema engine (`prisma migrate …`), with the
 * workarounds that Prisma 6.19 + @prisma/adapter-pg need on these machines.
 * Everything odd about migrations lives in this one file; see
 * ../../../../shared/docs/prisma.md for how each was found.
 *
 * 1. prisma/prisma#27403: the engine's catalog queries return columns of type
 *    `name` (OID 19) and `"char"` (OID 18), which adapter-pg cannot map
 *    ("Column type 'name' could not be deserialized"). Our pg Client rewrites
 *    those OIDs to `text` (25) in every result, for both the promise and the
 *    callback form of `query()` (pg.Pool#query uses the callback form).
 * 2. adapter-pg's connectToShadowDb() drops the shadow database while its own
 *    pool is still connected, and with a connection string its shadow pool
 *    silently connects to the main database. We create the shadow database
 *    ourselves, connect with discrete options, and drop it WITH (FORCE) after
 *    the pool has ended.
 * 3. adapter-pg's executeScript() splits a script on every ";", which breaks
 *    PL/pgSQL function bodies in our migrations. Ours sends the script whole
 *    (the simple query protocol runs multi-statement scripts).
 */
import { randomUUID } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';

const TEXT_OID = 25;
const REWRITTEN_OIDS = new Set([18, 19]);

function rewriteFieldTypes(result: unknown): unknown {
  const results = Array.isArray(result) ? result : [result];
  for (const r of results) {
    const fields = (r as { fields?: { dataTypeID: number }[] } | undefined)?.fields;
    if (fields) for (const f of fields) if (REWRITTEN_OIDS.has(f.dataTypeID)) f.dataTypeID = TEXT_OID;
  }
  return result;
}

class CatalogSafeClient extends pg.Client {
  // pg's overloads are too many to restate; we only wrap the result.
  /* eslint-disable @typescript-eslint/no-explicit-any */
  override query(...args: any[]): any {
    const callbackIndex = args.findIndex((a) => typeof a === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (err: unknown, res: unknown) => void;
      args[callbackIndex] = (err: unknown, res: unknown) => callback(err, err ? res : rewriteFieldTypes(res));
      return (super.query as any)(...args);
    }
    const out = (super.query as any)(...args);
    return typeof out?.then === 'function' ? out.then(rewriteFieldTypes) : out;
  }
  /* eslint-enable @typescript-eslint/no-explicit-any */
}

type Adapter = Awaited<ReturnType<PrismaPg['connect']>>;

function wholeScripts(adapter: Adapter, pool: pg.Pool): Adapter {
  adapter.executeScript = async (script: string) => {
    await pool.query(script);
  };
  return adapter;
}

function connectionOptions(url: string): pg.PoolConfig {
  const u = new URL(url);
  return {
    host: u.hostname,
    port: Number(u.port || 5432),
    user: decodeURIComponent(u.username),
    password: decodeURIComponent(u.password),
    database: decodeURIComponent(u.pathname.slice(1)) || 'postgres',
    Client: CatalogSafeClient,
    max: 2,
    // The CLI never disposes its adapter; without this it waits out the idle timeout.
    allowExitOnIdle: true,
    idleTimeoutMillis: 200,
  };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function migrationAdapterFactory(databaseUrl: string) {
  const options = connectionOptions(databaseUrl);
  return {
    provider: 'postgres' as const,
    adapterName: '@prisma/adapter-pg',
    async connect() {
      const pool = new pg.Pool(options);
      const adapter = await new PrismaPg(pool, { disposeExternalPool: true }).connect();
      return wholeScripts(adapter, pool);
    },
    async connectToShadowDb() {
      const database = `prisma_migrate_shadow_db_${randomUUID().replaceAll('-', '')}`;
      const admin = new pg.Client({ ...options, Client: undefined } as pg.ClientConfig);
      await admin.connect();
      await admin.query(`CREATE DATABASE ${quoteIdent(database)}`);
      await admin.end();
      const pool = new pg.Pool({ ...options, database });
      const adapter = wholeScripts(
        await new PrismaPg(pool, { disposeExternalPool: true }).connect(),
        pool,
      );
      const dispose = adapter.dispose.bind(adapter);
      adapter.dispose = async () => {
        await dispose();
        const dropper = new pg.Client({ ...options, Client: undefined } as pg.ClientConfig);
        await dropper.connect();
        await dropper.query(`DROP DATABASE IF EXISTS ${quoteIdent(database)} WITH (FORCE)`);
        await dropper.end();
      };
      return adapter;
    },
  };
}
