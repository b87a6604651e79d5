import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, expect, it } from 'vitest';

// Each PGlite start takes seconds (more on a busy machine).
const timeout = 90_000;
import { startEmbeddedPostgres } from '../src/embedded';

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'racine-embedded-'));
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function query(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

it('keeps its data across restarts and refuses a second server on the same folder', { timeout }, async () => {
  const first = await startEmbeddedPostgres({ dataDir, port: 0 });
  try {
    await query(first.url, "CREATE TABLE kept (v text); INSERT INTO kept VALUES ('still here')");
    await expect(startEmbeddedPostgres({ dataDir, port: 0 })).rejects.toThrow(/already in use by process/);
  } finally {
    await first.stop();
  }

  const second = await startEmbeddedPostgres({ dataDir, port: 0 });
  try {
    expect(await query(second.url, 'SELECT v FROM kept')).toEqual([{ v: 'still here' }]);
  } finally {
    await second.stop();
  }
});

it('says which setting to change when the port is taken', { timeout }, async () => {
  const holder = await startEmbeddedPostgres({ dataDir: await mkdtemp(path.join(dataDir, 'a-')), port: 0 });
  try {
    await expect(
      startEmbeddedPostgres({ dataDir: await mkdtemp(path.join(dataDir, 'b-')), port: holder.port }),
    ).rejects.toThrow(/RACINE_EMBEDDED_PG_PORT/);
  } finally {
    await holder.stop();
  }
});
