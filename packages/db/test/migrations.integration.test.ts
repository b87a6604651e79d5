import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { createDb } from '../src/index';
import { dbPackageDir, latestMigrationName, listMigrations, migrateDeploy, runPrisma } from '../src/migrate';
import { createTestDatabase, type TestDatabase } from '../src/test-database';

const created: TestDatabase[] = [];
async function freshDatabase(migrate: boolean): Promise<TestDatabase> {
  const database = await createTestDatabase({ migrate });
  created.push(database);
  return database;
}
afterAll(async () => {
  await Promise.all(created.map((d) => d.drop()));
});

/**
 * Prisma 6.19's schema engine panics ("RuntimeError: unreachable") when it
 * introspects PGlite (Postgres 18 in WASM), even an empty one, so `migrate
 * diff` only runs against a real server. The drift check is about the files
 * in this repository, not the engine; CI sets TEST_DATABASE_URL.
 */
const onRealPostgres = inject('databaseKind') === 'postgres';

/**
 * `migrate diff --from-migrations` replays the migrations into a shadow
 * database that our migration adapter creates beside DATABASE_URL. PGlite has
 * a single database, so there the "shadow" is DATABASE_URL itself: always
 * point it at a fresh, empty database.
 */
async function diffMigrationsAgainst(schemaPath: string) {
  const scratch = await freshDatabase(false);
  return runPrisma(
    ['migrate', 'diff', '--from-migrations', 'prisma/migrations', '--to-schema-datamodel', schemaPath, '--exit-code'],
    { databaseUrl: scratch.url },
  );
}

// Each test makes its own database (a PGlite start takes seconds).
describe('migrations', { timeout: 90_000 }, () => {
  it('apply to a fresh database, and a second deploy has nothing to do', async () => {
    const database = await freshDatabase(false);
    const first = await migrateDeploy(database.url);
    expect(first.applied).toEqual(listMigrations());

    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ migration_name: string }>(
        'SELECT migration_name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
      );
      expect(rows.map((r) => r.migration_name)).toEqual(listMigrations());
      expect(rows.at(-1)?.migration_name).toBe(latestMigrationName());
    } finally {
      await client.end();
    }

    const second = await migrateDeploy(database.url);
    expect(second.applied).toEqual([]);
  });

  it.skipIf(!onRealPostgres)('match schema.prisma (no drift; needs TEST_DATABASE_URL)', async () => {
    const { code, output } = await diffMigrationsAgainst('prisma/schema.prisma');
    expect(output).toContain('No difference detected');
    expect(code).toBe(0);
  });

  it.skipIf(!onRealPostgres)('drift is detected when schema.prisma changes without a migration (the check above can fail)', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'racine-drift-'));
    try {
      const schema = await readFile(path.join(dbPackageDir, 'prisma', 'schema.prisma'), 'utf8');
      const changed = schema.replace(/model User \{\n/, 'model User {\n  driftProbe String?\n');
      expect(changed).not.toBe(schema);
      const schemaPath = path.join(dir, 'schema.prisma');
      await writeFile(schemaPath, changed);
      const { code, output } = await diffMigrationsAgainst(schemaPath);
      expect(output).toContain('driftProbe');
      expect(code).toBe(2);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('report a clear error when the database cannot be reached', async () => {
    await expect(migrateDeploy('postgresql://postgres@127.0.0.1:1/nowhere')).rejects.toThrow(
      /prisma migrate deploy failed \(exit \d+\) against postgresql:\/\/postgres@127\.0\.0\.1:1\/nowhere/,
    );
  });
});

describe('ActivityEvent', { timeout: 90_000 }, () => {
  // Its own database: the row below is not a proper link of the hash chain,
  // and the shared test database's chain is verified by other tests.
  it('is append-only: UPDATE and DELETE are refused', async () => {
    const database = await freshDatabase(true);
    const db = createDb(database.url, { max: 2 });
    try {
      const hash = randomUUID();
      const event = await db.activityEvent.create({
        data: {
          occurredAt: new Date(),
          type: 'test.append_only',
          category: 'test',
          sourceGroup: 'test',
          action: 'probe',
          actorType: 'system',
          status: 'success',
          prevHash: '0'.repeat(64),
          hash,
        },
      });

      await expect(db.activityEvent.update({ where: { id: event.id }, data: { action: 'edited' } })).rejects.toThrow(
        /append-only \(UPDATE refused\)/,
      );
      await expect(db.activityEvent.delete({ where: { id: event.id } })).rejects.toThrow(
        /append-only \(DELETE refused\)/,
      );
      await expect(db.$executeRaw`DELETE FROM "ActivityEvent" WHERE hash = ${hash}`).rejects.toThrow(/append-only/);

      const after = await db.activityEvent.findUniqueOrThrow({ where: { id: event.id } });
      expect(after.action).toBe('probe');
    } finally {
      await db.$disconnect();
    }
  });
});
