import { defineConfig } from 'vitest/config';
import { racineTestProjects } from './vitest.shared.mts';

export default defineConfig({
  test: {
    projects: racineTestProjects(['packages/db', 'packages/services', 'packages/api', 'apps/web']),
    // Two cores: two forks. Integration tests share one database and create
    // their own uniquely named data, so files may run side by side.
    pool: 'forks',
    maxWorkers: 2,
    passWithNoTests: true,
  },
});
