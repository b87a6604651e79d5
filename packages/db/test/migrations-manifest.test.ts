import { describe, expect, it } from 'vitest';
import { listMigrations } from '../src/migrate';
import { expectedMigrations } from '../src/migrations-manifest';

describe('migrations manifest', () => {
  it('names exactly the migrations in prisma/migrations, in order (the health check relies on it)', () => {
    expect([...expectedMigrations]).toEqual(listMigrations());
  });
});
