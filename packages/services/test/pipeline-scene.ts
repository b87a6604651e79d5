/** A workspace with the demo shop as its source, scanned once, for the pipeline tests. */
import { mkdirSync, mkdtempSync } from 'node:fs';
import path from 'node:path';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import type { ServiceDeps } from '../src/deps';
import { executeScanRun } from '../src/scan/run-scan';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import { createScan, runScan } from '../src/scan/scans';
import { createScanInput } from '../src/scan/schemas';
import { AccessChecker } from '../src/rbac/resolve';
import { ensureJobSchema, testDeps, userActor } from './harness';

/**
 * Under the data directory, which every process allows SQLite files in: a
 * worker of another test file may run one of these pipelines' jobs.
 */
const testFiles = path.join(
  path.resolve(process.env.RACINE_DATA_DIR ?? '.racine'),
  'test-pipelines',
);
mkdirSync(testFiles, { recursive: true });
export const sqliteRoot = mkdtempSync(path.join(testFiles, 'run-'));

let frameworksSynced: Promise<void> | null = null;

export async function pipelineScene(options: { scan?: boolean } = {}) {
  const deps = await testDeps();
  await ensureJobSchema();
  await syncBuiltInRuleSets(deps);
  frameworksSynced ??= syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
  await frameworksSynced;
  const [steward, member, viewer, outsider] = await Promise.all([
    makeUser(deps.db, { roles: ['steward'] }),
    makeUser(deps.db),
    makeUser(deps.db),
    makeUser(deps.db),
  ]);
  const workspace = await makeWorkspace(deps.db, {
    ownerId: steward.id,
    members: [
      { userId: member.id, role: 'member' },
      { userId: viewer.id, role: 'viewer' },
    ],
  });
  const file = path.join(sqliteRoot, `${crypto.randomUUID()}.sqlite`);
  generateDemoDatabase(file, { seed: 7, people: 120 });
  const stewardActor = userActor(steward.id);
  const source = await createDataSource(
    deps,
    stewardActor,
    createDataSourceInput.parse({
      name: `Shop ${crypto.randomUUID().slice(0, 8)}`,
      engine: 'sqlite',
      database: file,
      workspaceId: workspace.id,
    }),
  );
  if (options.scan !== false) {
    const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
    const scan = await createScan(
      deps,
      stewardActor,
      createScanInput.parse({ name: 'demo', dataSourceId: source.id, ruleSetId: ruleSet.id }),
    );
    const run = await runScan(deps, stewardActor, scan.id);
    await executeScanRun(deps, run.id);
  }
  const who = (id: string) => ({
    actor: userActor(id),
    access: new AccessChecker(deps.db, userActor(id)),
  });
  return {
    deps,
    workspace,
    source,
    file,
    steward: who(steward.id),
    member: who(member.id),
    viewer: who(viewer.id),
    outsider: who(outsider.id),
  };
}

export type PipelineScene = Awaited<ReturnType<typeof pipelineScene>>;
export type { ServiceDeps };
