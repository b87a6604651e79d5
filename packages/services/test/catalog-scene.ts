/**
 * A small catalog built directly in the database for catalog and glossary
 * tests: a source in its own workspace with a database → schema → tables →
 * columns, labels on some columns (kept by the real recomputeSensitivity),
 * and people holding each role that matters.
 */
import type { ServiceDeps } from '../src/deps';
import { recomputeSensitivity } from '../src/scan/sensitivity';
import { makeWorkspace, person } from './harness';

export const short = () => crypto.randomUUID().slice(0, 8);

export interface TableSpec {
  name: string;
  /** Column name → labels (suggested) on it. */
  columns: Record<string, string[]>;
  description?: string;
  tags?: string[];
}

const sensitivityOf: Record<string, string> = { 'PII.Email': 'Confidential', 'PII.PersonName': 'Confidential', 'PII.NationalId': 'Restricted', 'PCI.CardNumber': 'Restricted', 'PII.PostalCode': 'Internal' };

export async function makeSource(deps: ServiceDeps, options: { workspaceId?: string; environment?: 'dev' | 'staging' | 'prod'; name?: string; tables: TableSpec[] }) {
  const source = await deps.db.dataSource.create({
    data: { name: options.name ?? `src-${short()}`, engine: 'sqlite', database: '/tmp/none.sqlite', workspaceId: options.workspaceId ?? null, environment: options.environment ?? 'dev' },
  });
  const db = await deps.db.asset.create({ data: { dataSourceId: source.id, type: 'database', qualifiedName: 'main', name: 'main' } });
  const schema = await deps.db.asset.create({ data: { dataSourceId: source.id, type: 'schema', parentId: db.id, qualifiedName: 'main.app', name: 'app' } });
  const tables: Record<string, { id: string; columns: Record<string, string> }> = {};
  for (const t of options.tables) {
    const table = await deps.db.asset.create({
      data: { dataSourceId: source.id, type: 'table', parentId: schema.id, qualifiedName: `main.app.${t.name}`, name: t.name, description: t.description ?? '', tags: t.tags ?? [] },
    });
    const columns: Record<string, string> = {};
    let ordinal = 0;
    for (const [name, labels] of Object.entries(t.columns)) {
      const column = await deps.db.asset.create({
        data: { dataSourceId: source.id, type: 'column', parentId: table.id, qualifiedName: `${table.qualifiedName}.${name}`, name, dataType: 'TEXT', ordinal: ordinal++, nullable: true },
      });
      columns[name] = column.id;
      for (const label of labels)
        await deps.db.classification.create({ data: { assetId: column.id, label, confidence: 0.9, sensitivity: sensitivityOf[label] ?? 'Confidential', source: 'detector', evidence: { detector: label } } });
    }
    tables[t.name] = { id: table.id, columns };
  }
  await recomputeSensitivity(deps.db, source.id);
  return { source, database: db, schema, tables };
}

/** A workspace with an owner, a member and a viewer (global viewers), and an outsider (a global steward). */
export async function catalogPeople(deps: ServiceDeps) {
  const [owner, member, viewer, outsider, admin] = await Promise.all([person(deps), person(deps), person(deps), person(deps, ['steward']), person(deps, ['admin'])]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: member.user.id, role: 'member' },
      { userId: viewer.user.id, role: 'viewer' },
    ],
  });
  return { ws, owner, member, viewer, outsider, admin };
}
