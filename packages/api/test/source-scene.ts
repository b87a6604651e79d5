import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { generateDemoDatabase } from '@racine/services/demo-source/index';
import { makeWorkspace, personWith, testDeps } from './harness';

/** SQLite sources must live under an allowed root; tests use their own temporary one. */
export const sqliteRoot = mkdtempSync(path.join(tmpdir(), 'racine-api-'));
process.env.RACINE_SQLITE_ROOTS = sqliteRoot;
const demoFile = path.join(sqliteRoot, 'demo.sqlite');
generateDemoDatabase(demoFile, { seed: 3, people: 30 });
export const demoPath = demoFile;

/**
 * A workspace whose four roles are each held by someone (global viewers), an
 * outsider (a global steward), and a data source in that workspace with a
 * scan, a finished run, a queued run and one label on a column.
 */
export async function sourceScene() {
  const { deps } = await testDeps();
  const [owner, admin, member, viewer, outsider] = await Promise.all([personWith(['viewer']), personWith(['viewer']), personWith(['viewer']), personWith(['viewer']), personWith(['steward'])]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: admin.user.id, role: 'admin' },
      { userId: member.user.id, role: 'member' },
      { userId: viewer.user.id, role: 'viewer' },
    ],
  });
  const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
  const source = await deps.db.dataSource.create({ data: { name: `src-${crypto.randomUUID().slice(0, 8)}`, engine: 'sqlite', database: demoFile, workspaceId: ws.id } });
  const scan = await deps.db.scan.create({ data: { name: 'scan', dataSourceId: source.id, ruleSetId: ruleSet.id } });
  const finished = await deps.db.scanRun.create({ data: { scanId: scan.id, dataSourceId: source.id, status: 'succeeded', finishedAt: new Date() } });
  const queued = await deps.db.scanRun.create({ data: { scanId: scan.id, dataSourceId: source.id, status: 'queued' } });
  const table = await deps.db.asset.create({ data: { dataSourceId: source.id, type: 'table', qualifiedName: `main.main.t${crypto.randomUUID().slice(0, 6)}`, name: 'customers' } });
  const column = await deps.db.asset.create({ data: { dataSourceId: source.id, type: 'column', parentId: table.id, qualifiedName: `${table.qualifiedName}.email`, name: 'email', dataType: 'TEXT' } });
  const label = await deps.db.classification.create({ data: { assetId: column.id, label: 'PII.Email', confidence: 0.9, sensitivity: 'Confidential', source: 'detector', evidence: { detector: 'email', matched: 10 } } });
  return { ws, owner, admin, member, viewer, outsider, source, scan, finished, queued, label, ruleSet };
}
