/**
 * catalog.search against real Postgres: typos, exact-first ranking, facets
 * counted over the filtered set (ignoring their own filter), each filter, and
 * never a hit from a source the caller cannot read.
 */
import { describe, expect, it } from 'vitest';
import { searchCatalog } from '../src/catalog/search';
import { searchCatalogInput } from '../src/catalog/schemas';
import { catalogPeople, makeSource, short } from './catalog-scene';
import { testDeps } from './harness';

const search = async (access: Parameters<typeof searchCatalog>[1], input: Record<string, unknown>) => searchCatalog(await testDeps(), access, searchCatalogInput.parse(input));
const count = (facet: { value: string; count: number }[], value: string) => facet.find((f) => f.value === value)?.count ?? 0;

async function shop() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const shopSource = await makeSource(deps, {
    workspaceId: people.ws.id,
    environment: 'prod',
    tables: [
      { name: 'customers', description: 'Everyone who ever bought something.', tags: ['gold'], columns: { id: [], customer_email: ['PII.Email'], first_name: ['PII.PersonName'], national_id: ['PII.NationalId'], created_at: [] } },
      { name: 'customer_email', columns: { id: [], address: ['PII.Email'] } },
      { name: 'orders', columns: { id: [], customer_id: [], total: [] } },
      { name: 'payments', tags: ['pci'], columns: { id: [], card_number: ['PCI.CardNumber'], postal_code: ['PII.PostalCode'] } },
    ],
  });
  // Another workspace's source with look-alike names: must never reach the workspace's people.
  const other = await makeSource(deps, { environment: 'dev', tables: [{ name: 'customers', columns: { customer_email: ['PII.Email'], secret_plan: [] } }] });
  return { deps, ...people, shopSource, other, only: [shopSource.source.id] };
}

describe('catalog search', () => {
  it('finds customer_email from a typo ("custmer emial") and ranks the exact name first', async () => {
    const s = await shop();
    const typo = await search(s.admin.access, { q: 'custmer emial', dataSourceIds: s.only });
    expect(typo.items.map((i) => i.qualifiedName)).toContain('main.app.customers.customer_email');
    const marked = typo.items.find((i) => i.name === 'customer_email')!.highlight.filter((h) => h.match).map((h) => h.text);
    expect(marked.join(' ')).toContain('customer_email');

    const exact = await search(s.admin.access, { q: 'customer_email', dataSourceIds: s.only });
    expect(exact.items[0]!.name).toBe('customer_email');
    expect(exact.items.slice(0, 2).map((i) => i.name)).toEqual(['customer_email', 'customer_email']);
    const words = await search(s.admin.access, { q: 'customer email', dataSourceIds: s.only });
    expect(words.items[0]!.name).toBe('customer_email');
  });

  it('finds email from swapped neighbours ("emial"), which trigrams alone miss', async () => {
    const s = await shop();
    const typo = await search(s.admin.access, { q: 'emial', dataSourceIds: s.only });
    expect(typo.items.map((i) => i.name)).toContain('customer_email');
    const marked = typo.items.find((i) => i.name === 'customer_email')!.highlight.filter((h) => h.match).map((h) => h.text);
    expect(marked.join(' ')).toContain('email');
  });

  it('matches the last word as a prefix and finds words of descriptions', async () => {
    const s = await shop();
    const prefix = await search(s.admin.access, { q: 'paym', dataSourceIds: s.only });
    expect(prefix.items.map((i) => i.name)).toContain('payments');
    const described = await search(s.admin.access, { q: 'bought', dataSourceIds: s.only });
    expect(described.items.map((i) => i.name)).toEqual(['customers']);
    expect(described.items[0]!.highlight.some((h) => h.match && /bought/.test(h.text))).toBe(true);
  });

  it('counts facets over the filtered set, each facet ignoring its own filter', async () => {
    const s = await shop();
    const all = await search(s.admin.access, { dataSourceIds: s.only, types: ['column'] });
    // 5 + 2 + 3 + 3 columns
    expect(all.total).toBe(13);
    expect(count(all.facets.types, 'column')).toBe(13);
    expect(count(all.facets.types, 'table')).toBe(4);
    expect(count(all.facets.labels, 'PII.Email')).toBe(2);
    expect(count(all.facets.sensitivities, 'Restricted')).toBe(2);
    expect(count(all.facets.dataSources, s.shopSource.source.id)).toBe(13);

    const restricted = await search(s.admin.access, { dataSourceIds: s.only, types: ['column'], sensitivities: ['Restricted'] });
    expect(restricted.items.map((i) => i.name).sort()).toEqual(['card_number', 'national_id']);
    // Its own facet still shows the other levels; the others count only Restricted columns.
    expect(count(restricted.facets.sensitivities, 'Confidential')).toBe(3);
    expect(count(restricted.facets.types, 'column')).toBe(2);
    expect(count(restricted.facets.types, 'table')).toBe(2);
    expect(count(restricted.facets.labels, 'PII.Email')).toBe(0);
  });

  it('filters by label prefix, tag, environment, certification, owner and source', async () => {
    const s = await shop();
    const { deps } = s;
    const pii = await search(s.admin.access, { dataSourceIds: s.only, types: ['column'], labels: ['PII.*'] });
    expect(pii.items.map((i) => i.name).sort()).toEqual(['address', 'customer_email', 'first_name', 'national_id', 'postal_code']);
    const pci = await search(s.admin.access, { dataSourceIds: s.only, labels: ['PCI.CardNumber'] });
    expect(pci.items.map((i) => i.name).sort()).toEqual(['card_number', 'payments']);

    const tagged = await search(s.admin.access, { dataSourceIds: s.only, tags: ['GOLD'] });
    expect(tagged.items.map((i) => i.name)).toEqual(['customers']);
    expect(count(tagged.facets.tags, 'pci')).toBe(1);

    const q = `marker${short()}`;
    expect((await search(s.admin.access, { q, environments: ['prod'] })).total).toBe(0);
    await deps.db.asset.update({ where: { id: s.shopSource.tables.orders!.id }, data: { description: `see ${q}`, certification: 'certified' } });
    await deps.db.asset.update({ where: { id: s.other.tables.customers!.id }, data: { description: `see ${q}` } });
    expect((await search(s.admin.access, { q, environments: ['prod'] })).items.map((i) => i.id)).toEqual([s.shopSource.tables.orders!.id]);
    expect((await search(s.admin.access, { q, certifications: ['certified'] })).items.map((i) => i.id)).toEqual([s.shopSource.tables.orders!.id]);
    expect((await search(s.admin.access, { q, dataSourceIds: [s.other.source.id] })).items.map((i) => i.id)).toEqual([s.other.tables.customers!.id]);
    const envs = await search(s.admin.access, { q, environments: ['prod'] });
    expect(count(envs.facets.environments, 'dev')).toBe(1);

    await deps.db.assetSteward.create({ data: { assetId: s.shopSource.tables.payments!.id, role: 'steward', principalType: 'user', principalId: s.member.user.id } });
    // Within the source: the owners facet ignores its own filter, so unscoped it would count every test's stewards.
    const owned = await search(s.admin.access, { ownerIds: [s.member.user.id], dataSourceIds: s.only });
    expect(owned.items.map((i) => i.id)).toEqual([s.shopSource.tables.payments!.id]);
    expect(owned.facets.owners).toEqual([{ value: s.member.user.id, label: s.member.user.name, count: 1 }]);
  });

  it('never returns assets of sources the caller cannot read, nor their counts', async () => {
    const s = await shop();
    for (const who of [s.member, s.viewer]) {
      const found = await search(who.access, { q: 'customer email' });
      const sources = new Set(found.items.map((i) => i.dataSource?.id));
      expect(sources.has(s.other.source.id)).toBe(false);
      expect(found.items.length).toBeGreaterThan(0);
      expect(found.facets.dataSources.map((f) => f.value)).toEqual([s.shopSource.source.id]);
      expect((await search(who.access, { q: 'secret_plan' })).total).toBe(0);
    }
    // The outsider (a global steward without workspace roles) sees neither source.
    const outsider = await search(s.outsider.access, { q: 'customer email' });
    expect(outsider.items.filter((i) => i.dataSource && [s.shopSource.source.id, s.other.source.id].includes(i.dataSource.id))).toEqual([]);
  });

  it('still corrects typos for a reader when full text matches plenty only in sources they cannot read', async () => {
    const s = await shop();
    const word = `quasar${short().replace(/[0-9]/g, 'x')}`;
    const hiddenTable = s.other.tables.customers!.id;
    await s.deps.db.asset.createMany({
      data: Array.from({ length: 210 }, (_, i) => ({ dataSourceId: s.other.source.id, type: 'column' as const, parentId: hiddenTable, qualifiedName: `main.app.customers.${word}_${i}`, name: `${word}_${i}` })),
    });
    const visible = await s.deps.db.asset.create({ data: { dataSourceId: s.shopSource.source.id, type: 'column', parentId: s.shopSource.tables.orders!.id, qualifiedName: `main.app.orders.${word.replace('quasar', 'qusar')}`, name: word.replace('quasar', 'qusar') } });
    const found = await search(s.member.access, { q: word });
    expect(found.items.map((i) => i.id)).toEqual([visible.id]);
  });

  it('lists data sources as type "source" and glossary terms only to glossary readers', async () => {
    const s = await shop();
    const { deps } = s;
    const word = `ledger${short()}`;
    const term = await deps.db.glossaryTerm.create({ data: { name: `${word} entry`, definition: 'A line in the books.' } });
    await deps.db.dataSource.update({ where: { id: s.shopSource.source.id }, data: { description: `The ${word} of the shop` } });
    const found = await search(s.member.access, { q: word });
    expect(found.items.map((i) => [i.type, i.id]).sort()).toEqual([['source', s.shopSource.source.id], ['term', term.id]].sort());
    expect(count(found.facets.types, 'term')).toBe(1);
    const noTerms = await search(s.member.access, { q: word, types: ['table', 'source'] });
    expect(noTerms.items.map((i) => i.type)).toEqual(['source']);
    const stripped = await testDeps();
    await stripped.db.roleAssignment.deleteMany({ where: { userId: s.member.user.id, scopeType: 'global' } });
    const { AccessChecker } = await import('../src/rbac/resolve');
    const noGlossary = await search(new AccessChecker(deps.db, s.member.actor), { q: word });
    expect(noGlossary.items.map((i) => i.type)).toEqual(['source']);
  });

  it('shows a source’s description on the source’s hit only, never on its undescribed assets', async () => {
    const s = await shop();
    const word = `atlas${short()}`;
    await s.deps.db.dataSource.update({ where: { id: s.shopSource.source.id }, data: { description: `The ${word} of the shop` } });
    const found = await search(s.member.access, { q: 'payments', dataSourceIds: s.only });
    const table = found.items.find((i) => i.type === 'table' && i.name === 'payments');
    expect(table?.description).toBe('');
    const source = await search(s.member.access, { q: word });
    expect(source.items.find((i) => i.type === 'source')?.description).toContain(word);
  });

  it('browses (empty query) most sensitive first, then by name, and skips removed assets', async () => {
    const s = await shop();
    await s.deps.db.asset.update({ where: { id: s.shopSource.tables.payments!.columns.card_number! }, data: { removedAt: new Date() } });
    const browse = await search(s.admin.access, { dataSourceIds: s.only, types: ['column'], limit: 3 });
    expect(browse.total).toBe(12);
    expect(browse.items.map((i) => [i.name, i.sensitivity])).toEqual([
      ['national_id', 'Restricted'],
      ['address', 'Confidential'],
      ['customer_email', 'Confidential'],
    ]);
  });

  it('keeps browse facet counts exact through inserts, updates, removals, restores and deletes', async () => {
    const s = await shop();
    const { db } = s.deps;
    const source = s.shopSource.source.id;
    const parentId = s.shopSource.tables.orders!.id;
    await db.asset.createMany({
      data: ['tax_code', 'iban', 'notes'].map((name, i) => ({ dataSourceId: source, type: 'column' as const, parentId, qualifiedName: `main.app.orders.${name}`, name, labels: i < 2 ? ['Financial.IBAN'] : [], sensitivity: i < 2 ? 'Confidential' : null, tags: i === 0 ? ['finance'] : [] })),
    });
    const iban = await db.asset.findFirstOrThrow({ where: { dataSourceId: source, name: 'iban' } });
    await db.asset.update({ where: { id: iban.id }, data: { labels: ['PCI.CardNumber'], sensitivity: 'Restricted', certification: 'certified' } });
    await db.asset.updateMany({ where: { dataSourceId: source, type: 'table' }, data: { tags: { push: 'core' } } });
    await db.asset.update({ where: { id: s.shopSource.tables.customers!.columns.first_name! }, data: { removedAt: new Date() } });
    await db.asset.update({ where: { id: s.shopSource.tables.customers!.columns.first_name! }, data: { removedAt: null, lastScannedAt: new Date() } });
    await db.asset.update({ where: { id: s.shopSource.tables.customers!.columns.created_at! }, data: { removedAt: new Date() } });
    await db.asset.deleteMany({ where: { dataSourceId: source, name: 'notes' } });

    // The summary equals counting the live assets themselves.
    const combos = (rows: { type: string; sensitivity: string | null; certification: string; labels: string[]; tags: string[]; n: number }[]) =>
      rows.map((r) => `${r.type}|${r.sensitivity}|${r.certification}|${r.labels.join(',')}|${r.tags.join(',')}|${r.n}`).sort();
    const summary = await db.catalogFacetCount.findMany({ where: { dataSourceId: source, n: { gt: 0 } } });
    const live = await db.asset.findMany({ where: { dataSourceId: source, removedAt: null } });
    const counted = new Map<string, (typeof summary)[number]>();
    for (const a of live) {
      const key = JSON.stringify([a.type, a.sensitivity, a.certification, a.labels, a.tags]);
      const row = counted.get(key) ?? { key, dataSourceId: source, type: a.type, sensitivity: a.sensitivity, certification: a.certification, labels: a.labels, tags: a.tags, n: 0 };
      counted.set(key, { ...row, n: row.n + 1 });
    }
    expect(combos(summary)).toEqual(combos([...counted.values()]));

    // And the browse facets say so (the source itself is one more hit, of type "source").
    const browse = await search(s.admin.access, { dataSourceIds: s.only });
    expect(browse.total).toBe(live.length + 1);
    expect(count(browse.facets.types, 'column')).toBe(live.filter((a) => a.type === 'column').length);
    expect(count(browse.facets.labels, 'PCI.CardNumber')).toBe(live.filter((a) => a.labels.includes('PCI.CardNumber')).length);
    expect(count(browse.facets.labels, 'Financial.IBAN')).toBe(1);
    expect(count(browse.facets.sensitivities, 'Restricted')).toBe(live.filter((a) => a.sensitivity === 'Restricted').length);
    expect(count(browse.facets.tags, 'core')).toBe(4);
    expect(count(browse.facets.certifications, 'certified')).toBe(1);
    const restricted = await search(s.admin.access, { dataSourceIds: s.only, sensitivities: ['Restricted'], types: ['column'] });
    expect(restricted.items.map((i) => i.name).sort()).toEqual(['card_number', 'iban', 'national_id']);

    // Deleting a source (its assets cascade) leaves nothing counted for it.
    await db.dataSource.delete({ where: { id: s.other.source.id } });
    expect(await db.catalogFacetCount.count({ where: { dataSourceId: s.other.source.id, n: { not: 0 } } })).toBe(0);
  });
});
