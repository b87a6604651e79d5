/**
 * recomputeSensitivity computes columns and tables in one statement; this
 * checks it against the two-statement version it replaced (columns first,
 * then tables read back from the updated column rows), kept here as the
 * reference, on a source with the awkward cases: rejected labels, a removed
 * column still labelled, a table without columns, a view, a label withdrawn.
 */
import type { Db } from '@racine/db';
import { describe, expect, it } from 'vitest';
import { recomputeSensitivity } from '../src/scan/sensitivity';
import { makeSource } from './catalog-scene';
import { testDeps } from './harness';

const rank = (col: string) => `CASE ${col} WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
const level = (r: string) => `CASE ${r} WHEN 4 THEN 'Restricted' WHEN 3 THEN 'Confidential' WHEN 2 THEN 'Internal' WHEN 1 THEN 'Public' END`;

async function referenceSensitivity(db: Db, dataSourceId: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "Asset" a SET sensitivity = s.level, labels = s.labels
       FROM (SELECT c.id, ${level(`max(${rank('cl.sensitivity')})`)} AS level,
                    coalesce(array_agg(DISTINCT cl.label ORDER BY cl.label) FILTER (WHERE cl.label IS NOT NULL), '{}') AS labels
               FROM "Asset" c LEFT JOIN "Classification" cl ON cl."assetId" = c.id AND cl.state <> 'rejected'
              WHERE c."dataSourceId" = $1 AND c.type = 'column'
              GROUP BY c.id) s
      WHERE a.id = s.id AND (a.sensitivity IS DISTINCT FROM s.level OR a.labels IS DISTINCT FROM s.labels)`,
    dataSourceId,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Asset" t SET sensitivity = s.level, labels = s.labels
       FROM (SELECT t2.id, ${level(`max(${rank('c.sensitivity')})`)} AS level,
                    coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM "Asset" c2, unnest(c2.labels) l
                               WHERE c2."parentId" = t2.id AND c2.type = 'column' AND c2."removedAt" IS NULL), '{}') AS labels
               FROM "Asset" t2 LEFT JOIN "Asset" c ON c."parentId" = t2.id AND c.type = 'column' AND c."removedAt" IS NULL
              WHERE t2."dataSourceId" = $1 AND t2.type IN ('table', 'view')
              GROUP BY t2.id) s
      WHERE t.id = s.id AND (t.sensitivity IS DISTINCT FROM s.level OR t.labels IS DISTINCT FROM s.labels)`,
    dataSourceId,
  );
}

describe('recomputeSensitivity', () => {
  it('gives every column and table the level and labels the two-statement version gave', async () => {
    const deps = await testDeps();
    const s = await makeSource(deps, {
      tables: [
        { name: 'customers', columns: { email: ['PII.Email'], ssn: ['PII.NationalId', 'PII.PersonName'], zip: ['PII.PostalCode'], notes: [] } },
        { name: 'orders', columns: { card: ['PCI.CardNumber'], total: [] } },
        { name: 'empty', columns: {} },
        { name: 'audit', columns: { who: ['PII.PersonName'] } },
      ],
    });
    const { customers, orders, audit } = s.tables;
    // A rejected label does not count; a removed column's labels stay on it but leave its table.
    await deps.db.classification.updateMany({ where: { assetId: customers!.columns.ssn!, label: 'PII.NationalId' }, data: { state: 'rejected' } });
    await deps.db.asset.update({ where: { id: orders!.columns.card! }, data: { removedAt: new Date() } });
    await deps.db.asset.update({ where: { id: audit!.id }, data: { type: 'view' } });
    // A label gone altogether (withdrawn by a rescan) clears the column.
    await deps.db.classification.deleteMany({ where: { assetId: customers!.columns.zip! } });

    const state = async () =>
      (await deps.db.asset.findMany({ where: { dataSourceId: s.source.id, type: { in: ['column', 'table', 'view'] } }, select: { qualifiedName: true, sensitivity: true, labels: true }, orderBy: { qualifiedName: 'asc' } }));
    await recomputeSensitivity(deps.db, s.source.id);
    const computed = await state();
    await deps.db.asset.updateMany({ where: { dataSourceId: s.source.id }, data: { sensitivity: null, labels: [] } });
    await referenceSensitivity(deps.db, s.source.id);
    expect(computed).toEqual(await state());

    const at = (name: string) => computed.find((a) => a.qualifiedName === `main.app.${name}`);
    expect(at('customers')).toMatchObject({ sensitivity: 'Confidential', labels: ['PII.Email', 'PII.PersonName'] });
    expect(at('customers.zip')).toMatchObject({ sensitivity: null, labels: [] });
    expect(at('orders')).toMatchObject({ sensitivity: null, labels: [] });
    expect(at('orders.card')).toMatchObject({ sensitivity: 'Restricted', labels: ['PCI.CardNumber'] });
    expect(at('empty')).toMatchObject({ sensitivity: null, labels: [] });
    expect(at('audit')).toMatchObject({ sensitivity: 'Confidential', labels: ['PII.PersonName'] });
  });
});
