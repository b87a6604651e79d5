/**
 * The two test tiers, shared by the root vitest.config.ts and any package's
 * own vitest.config.ts (so `vitest run` inside a package behaves the same):
 *
 * - unit: `*.test.ts` under src/ or test/; no database.
 * - integration: `*.integration.test.ts`; one fresh, migrated database per
 *   run (packages/db/test/global-setup.ts), its URL in DATABASE_URL.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TestProjectInlineConfiguration } from 'vitest/config';

export const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const dbTestDir = path.join(repoRoot, 'packages', 'db', 'test');

/** `dirs`: package folders relative to the vitest root ('.' inside a package). */
export function racineTestProjects(dirs: string[]): TestProjectInlineConfiguration[] {
  const globs = (suffix: string) =>
    dirs.flatMap((dir) => [`${dir}/src/**/*${suffix}`, `${dir}/test/**/*${suffix}`]);
  const exclude = ['**/node_modules/**', '**/generated/**', '**/.next/**', '**/dist/**'];
  return [
    {
      test: {
        name: 'unit',
        include: globs('.test.ts'),
        exclude: [...exclude, '**/*.integration.test.ts'],
        environment: 'node',
      },
    },
    {
      test: {
        name: 'integration',
        include: globs('.integration.test.ts'),
        exclude,
        environment: 'node',
        globalSetup: [path.join(dbTestDir, 'global-setup.ts')],
        setupFiles: [path.join(dbTestDir, 'integration-env.ts')],
        testTimeout: 30_000,
        hookTimeout: 60_000,
      },
    },
  ];
}
