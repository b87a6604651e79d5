/**
 * Vitest globalSetup for every `*.integration.test.ts`: one fresh, migrated
 * database per run (see ../src/test-database.ts), dropped at teardown.
 * Test files read its URL from process.env.DATABASE_URL (set by
 * ./integration-env.ts) or with `inject('databaseUrl')`.
 */
import type { TestProject } from 'vitest/node';
import { createTestDatabase, type TestDatabaseKind } from '../src/test-database';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: TestDatabaseKind;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const started = Date.now();
  const database = await createTestDatabase();
  console.log(
    `[racine] integration tests use a fresh ${database.kind === 'postgres' ? 'PostgreSQL database from TEST_DATABASE_URL' : 'embedded PGlite database (TEST_DATABASE_URL is not set)'}, ready in ${Date.now() - started} ms`,
  );
  project.provide('databaseUrl', database.url);
  project.provide('databaseKind', database.kind);
  return () => database.drop();
}
