/** Vitest setupFile for integration tests: DATABASE_URL is the run's test database, so getDb() works. */
import { inject } from 'vitest';

process.env.DATABASE_URL = inject('databaseUrl');
process.env.RACINE_TEST_DATABASE_KIND = inject('databaseKind');
