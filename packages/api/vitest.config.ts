import { defineConfig } from 'vitest/config';
import { racineTestProjects } from '../../vitest.shared.mts';

export default defineConfig({
  test: { projects: racineTestProjects(['.']), pool: 'forks', maxWorkers: 2, passWithNoTests: true },
});
