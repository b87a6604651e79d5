/**
 * Previewing rows of a Restricted table through the API records a restricted read
 * (catalog.asset.viewed, via: preview) next to datasource.previewed; a non-Restricted one does not.
 */
import { describe, expect, it } from 'vitest';
import { testDeps } from './harness';
import { sourceScene } from './source-scene';

describe('datasource.preview of a Restricted table', () => {
  it('appends one catalog.asset.viewed for the table, with its sensitivity', async () => {
    const { deps } = await testDeps();
    const s = await sourceScene();
    const schema = await deps.db.asset.create({ data: { dataSourceId: s.source.id, type: 'schema', qualifiedName: 'main.main', name: 'main' } });
    const table = await deps.db.asset.create({ data: { dataSourceId: s.source.id, type: 'table', parentId: schema.id, qualifiedName: 'main.main.customers', name: 'customers', sensitivity: 'Restricted' } });
    const preview = await s.member.caller.datasource.preview({ id: s.source.id, schema: 'main', table: 'customers', limit: 5 });
    expect(preview.rows.length).toBe(5);
    const reads = await deps.db.activityEvent.findMany({ where: { type: 'catalog.asset.viewed', actorId: s.member.user.id } });
    expect(reads).toHaveLength(1);
    expect(reads[0]).toMatchObject({ resourceType: 'asset', resourceId: table.id, complianceRelevant: true, workspaceId: s.ws.id, details: expect.objectContaining({ sensitivity: 'Restricted', via: 'preview' }) });

    // Internal data is not a restricted read.
    await deps.db.asset.update({ where: { id: table.id }, data: { sensitivity: 'Internal' } });
    await s.admin.caller.datasource.preview({ id: s.source.id, schema: 'main', table: 'customers', limit: 5 });
    expect(await deps.db.activityEvent.count({ where: { type: 'catalog.asset.viewed', actorId: s.admin.user.id } })).toBe(0);
  });
});
