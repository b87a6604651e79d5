/**
 * Curation against real Postgres: updateAsset audits exactly what changed,
 * records who certified, replaces owners/stewards/terms, refuses unknown
 * principals; bulk curation is all-or-nothing across sources; a table stays
 * as sensitive as its most sensitive column.
 */
import { describe, expect, it } from 'vitest';
import { getAsset } from '../src/catalog/asset-view';
import { bulkUpdateAssets } from '../src/catalog/bulk';
import { updateAsset } from '../src/catalog/curate';
import { bulkUpdateAssetsInput, updateAssetInput } from '../src/catalog/schemas';
import { reviewClassifications } from '../src/classify-review/review';
import { catalogPeople, makeSource } from './catalog-scene';
import { testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const shop = await makeSource(deps, { workspaceId: people.ws.id, tables: [{ name: 'customers', columns: { id: [], email: ['PII.Email'], ssn: ['PII.NationalId'] } }, { name: 'orders', columns: { id: [], zip: ['PII.PostalCode'] } }] });
  return { deps, ...people, shop, customers: shop.tables.customers!, orders: shop.tables.orders! };
}

const lastActivity = async (deps: Awaited<ReturnType<typeof testDeps>>, resourceId: string) =>
  deps.db.activityEvent.findFirstOrThrow({ where: { resourceId, type: 'catalog.asset.updated' }, orderBy: { id: 'desc' } });

describe('updating an asset', () => {
  it('changes description, tags, certification, owners, stewards and terms, auditing exactly what changed', async () => {
    const s = await scene();
    const term = await s.deps.db.glossaryTerm.create({ data: { name: `Customer ${crypto.randomUUID().slice(0, 6)}` } });
    const updated = await updateAsset(
      s.deps,
      s.member.actor,
      s.member.access,
      updateAssetInput.parse({ id: s.customers.id, description: '# Customers\nEveryone.', tags: ['Gold', 'gold', 'retention:7y'], certification: 'certified', owners: [{ type: 'user', id: s.owner.user.id }], stewards: [{ type: 'team', id: s.ws.id }], termIds: [term.id] }),
    );
    expect(updated).toMatchObject({ description: '# Customers\nEveryone.', tags: ['gold', 'retention:7y'], certification: 'certified', certifiedById: s.member.user.id, canCurate: true, terms: [{ id: term.id, name: term.name, status: 'draft' }] });
    expect(updated.certifiedAt).toBeInstanceOf(Date);
    expect(updated.stewards.map((p) => [p.role, p.principalType, p.name])).toEqual([
      ['owner', 'user', s.owner.user.name],
      ['steward', 'team', s.ws.name],
    ]);
    const audit = await lastActivity(s.deps, s.customers.id);
    expect(audit).toMatchObject({ sourceGroup: 'catalog', resourceType: 'asset', status: 'success', actorId: s.member.user.id, workspaceId: s.ws.id });
    expect(Object.keys(audit.after as object).sort()).toEqual(['certification', 'description', 'owners', 'stewards', 'tags', 'termIds']);
    expect((audit.before as Record<string, unknown>).certification).toBe('draft');

    // A second update touching one field records only that field.
    await updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.customers.id, description: 'Changed', tags: ['gold', 'retention:7y'] }));
    const second = await lastActivity(s.deps, s.customers.id);
    expect(second.before).toEqual({ description: '# Customers\nEveryone.' });
    expect(second.after).toEqual({ description: 'Changed' });
  });

  it('refuses unknown users, unknown teams and personal workspaces, naming them', async () => {
    const s = await scene();
    const ghost = crypto.randomUUID();
    await expect(updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.customers.id, owners: [{ type: 'user', id: ghost }] }))).rejects.toMatchObject({ code: 'NOT_FOUND', message: `User ${ghost} was not found` });
    await expect(updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.customers.id, stewards: [{ type: 'team', id: ghost }] }))).rejects.toMatchObject({ code: 'NOT_FOUND', message: `Team ${ghost} was not found` });
    await s.deps.db.workspace.update({ where: { id: s.ws.id }, data: { kind: 'personal' } });
    await expect(updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.customers.id, stewards: [{ type: 'team', id: s.ws.id }] }))).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    const bad = updateAssetInput.safeParse({ id: s.customers.id, tags: ['ok', 'not/ok'] });
    expect(bad.success ? null : bad.error.issues[0]!.message).toMatch(/"not\/ok" do not fit/);
  });

  it('shows a reader the asset page without the right to curate', async () => {
    const s = await scene();
    const page = await getAsset(s.deps, s.viewer.access, s.customers.id);
    expect(page.canCurate).toBe(false);
    expect(page.breadcrumbs.map((b) => b.type)).toEqual(['database', 'schema']);
    expect(page.children.map((c) => c.name)).toEqual(['id', 'email', 'ssn']);
    expect(page.sensitivity).toBe('Restricted');
    expect(page.dataSource).toMatchObject({ id: s.shop.source.id, engine: 'sqlite', workspaceId: s.ws.id });
    const column = await getAsset(s.deps, s.viewer.access, s.customers.columns.email!);
    expect(column.classifications.map((c) => [c.label, c.state])).toEqual([['PII.Email', 'suggested']]);
    expect(column.breadcrumbs.map((b) => b.name)).toEqual(['main', 'app', 'customers']);
  });
});

describe('bulk curation', () => {
  it('tags, certifies and assigns across assets in one go, one audit row per asset', async () => {
    const s = await scene();
    const ids = [s.customers.id, s.orders.id];
    const before = await s.deps.db.activityEvent.count({ where: { resourceId: { in: ids } } });
    await updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.orders.id, tags: ['legacy', 'finance'] }));
    const result = await bulkUpdateAssets(s.deps, s.member.actor, s.member.access, bulkUpdateAssetsInput.parse({ ids, addTags: ['Masked'], removeTags: ['legacy'], certification: 'deprecated', addSteward: { type: 'user', id: s.viewer.user.id } }));
    expect(result).toEqual({ updated: 2 });
    const rows = await s.deps.db.asset.findMany({ where: { id: { in: ids } }, select: { id: true, tags: true, certification: true, stewards: { select: { principalId: true, role: true } } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(s.customers.id)).toMatchObject({ tags: ['masked'], certification: 'deprecated', stewards: [{ principalId: s.viewer.user.id, role: 'steward' }] });
    expect(byId.get(s.orders.id)).toMatchObject({ tags: ['finance', 'masked'], certification: 'deprecated' });
    expect(await s.deps.db.activityEvent.count({ where: { resourceId: { in: ids } } })).toBe(before + 1 + 2);
  });

  it('changes nothing when the caller may not curate one of the sources, and says which', async () => {
    const s = await scene();
    const foreign = await makeSource(s.deps, { name: `foreign-${crypto.randomUUID().slice(0, 6)}`, tables: [{ name: 'secrets', columns: { id: [] } }] });
    const ids = [s.customers.id, foreign.tables.secrets!.id];
    await expect(bulkUpdateAssets(s.deps, s.member.actor, s.member.access, bulkUpdateAssetsInput.parse({ ids, addTags: ['x'] }))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(foreign.source.name) });
    const tags = await s.deps.db.asset.findMany({ where: { id: { in: ids } }, select: { tags: true } });
    expect(tags.every((t) => t.tags.length === 0)).toBe(true);
    // A reader may not curate even their own workspace's assets.
    await expect(bulkUpdateAssets(s.deps, s.viewer.actor, s.viewer.access, bulkUpdateAssetsInput.parse({ ids: [s.customers.id], certification: 'certified' }))).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('sensitivity', () => {
  it('keeps a table as sensitive as its most sensitive column through curation and reviews', async () => {
    const s = await scene();
    const level = async (id: string) => (await s.deps.db.asset.findUniqueOrThrow({ where: { id } })).sensitivity;
    expect(await level(s.customers.id)).toBe('Restricted');
    expect(await level(s.orders.id)).toBe('Internal');
    await updateAsset(s.deps, s.member.actor, s.member.access, updateAssetInput.parse({ id: s.customers.columns.ssn!, description: 'US SSN', tags: ['masked'] }));
    expect(await level(s.customers.id)).toBe('Restricted');
    const ssnLabel = await s.deps.db.classification.findFirstOrThrow({ where: { assetId: s.customers.columns.ssn! } });
    await reviewClassifications(s.deps, s.member.actor, s.member.access, { ids: [ssnLabel.id], decision: 'reject' });
    expect(await level(s.customers.id)).toBe('Confidential');
    expect((await s.deps.db.asset.findUniqueOrThrow({ where: { id: s.customers.id } })).labels).toEqual(['PII.Email']);
  });
});
