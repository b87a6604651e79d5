/**
 * The glossary against real Postgres: creation with known labels only,
 * names unique, no parent cycles, deletion re-parenting children, links
 * limited to readable assets, and what a term page counts.
 */
import { describe, expect, it } from 'vitest';
import { createTermInput, linkTermInput, listTermsInput, updateTermInput } from '../src/glossary/schemas';
import { getTerm, listTerms } from '../src/glossary/term-queries';
import { createTerm, deleteTerm, linkTerm, updateTerm } from '../src/glossary/terms';
import { catalogPeople, makeSource, short } from './catalog-scene';
import { person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const steward = await person(deps, ['steward']);
  const shop = await makeSource(deps, { workspaceId: people.ws.id, tables: [{ name: 'customers', columns: { email: ['PII.Email'], contact_email: ['PII.Email'], id: [] } }] });
  const foreign = await makeSource(deps, { tables: [{ name: 'leads', columns: { email: ['PII.Email'] } }] });
  // The steward reads the shop through the workspace; the foreign source is nobody's here.
  await deps.db.workspaceMember.create({ data: { workspaceId: people.ws.id, userId: steward.user.id, roleId: 'ws.viewer' } });
  const make = (name: string, extra: Record<string, unknown> = {}) => createTerm(deps, steward.actor, steward.access, createTermInput.parse({ name, ...extra }));
  return { deps, ...people, steward, shop, foreign, make, tag: short() };
}

describe('the glossary', () => {
  it('creates terms with known labels, refuses unknown ones and taken names', async () => {
    const s = await scene();
    const term = await s.make(`Customer email ${s.tag}`, { definition: 'How we reach a customer.', synonyms: ['e-mail', 'e-mail'], labels: ['PII.Email'], ownerId: s.steward.user.id, status: 'approved' });
    expect(term).toMatchObject({ name: `Customer email ${s.tag}`, synonyms: ['e-mail'], labels: ['PII.Email'], status: 'approved', owner: { id: s.steward.user.id }, parent: null, assetCount: 0 });
    const bad = createTermInput.safeParse({ name: 'Thing', labels: ['PII.Emial'] });
    expect(bad.success ? null : bad.error.issues[0]!.message).toMatch(/Unknown classification label: PII.Emial/);
    await expect(s.make(`Customer email ${s.tag}`)).rejects.toMatchObject({ code: 'CONFLICT' });
    const audit = await s.deps.db.activityEvent.findFirstOrThrow({ where: { resourceId: term.id }, select: { type: true, sourceGroup: true, resourceType: true } });
    expect(audit).toEqual({ type: 'glossary.term.created', sourceGroup: 'catalog', resourceType: 'glossaryTerm' });
  });

  it('refuses a parent that is the term itself or one of its descendants', async () => {
    const s = await scene();
    const root = await s.make(`Party ${s.tag}`);
    const child = await s.make(`Customer ${s.tag}`, { parentId: root.id });
    const grandchild = await s.make(`VIP ${s.tag}`, { parentId: child.id });
    await expect(updateTerm(s.deps, s.steward.actor, s.steward.access, updateTermInput.parse({ id: root.id, parentId: grandchild.id }))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('loop') });
    await expect(updateTerm(s.deps, s.steward.actor, s.steward.access, updateTermInput.parse({ id: root.id, parentId: root.id }))).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'A term cannot be its own parent' });
    // Moving down the other way is fine.
    const moved = await updateTerm(s.deps, s.steward.actor, s.steward.access, updateTermInput.parse({ id: grandchild.id, parentId: root.id, status: 'deprecated' }));
    expect(moved).toMatchObject({ parent: { id: root.id }, status: 'deprecated' });
    const children = await listTerms(s.deps, listTermsInput.parse({ parentId: root.id }));
    expect(children.items.map((t) => t.name).sort()).toEqual([`Customer ${s.tag}`, `VIP ${s.tag}`]);
  });

  it('moves children up to the deleted term’s parent', async () => {
    const s = await scene();
    const root = await s.make(`Finance ${s.tag}`);
    const middle = await s.make(`Payments ${s.tag}`, { parentId: root.id });
    const leaf = await s.make(`Refunds ${s.tag}`, { parentId: middle.id });
    expect(await deleteTerm(s.deps, s.steward.actor, middle.id)).toMatchObject({ deleted: true, childrenMoved: 1 });
    expect((await getTerm(s.deps, s.steward.access, leaf.id)).parent).toEqual({ id: root.id, name: root.name });
    await expect(getTerm(s.deps, s.steward.access, middle.id)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('links readable assets only, and counts the readable columns carrying its labels', async () => {
    const s = await scene();
    const term = await s.make(`Email ${s.tag}`, { labels: ['PII.Email'] });
    const customers = s.shop.tables.customers!;
    await expect(linkTerm(s.deps, s.steward.actor, s.steward.access, linkTermInput.parse({ termId: term.id, assetIds: [customers.id, s.foreign.tables.leads!.id] }))).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringContaining(s.foreign.source.name) });
    expect(await s.deps.db.glossaryTermAsset.count({ where: { termId: term.id } })).toBe(0);

    const linked = await linkTerm(s.deps, s.steward.actor, s.steward.access, linkTermInput.parse({ termId: term.id, assetIds: [customers.id, customers.columns.email!] }));
    expect(linked.assets.map((a) => a.name).sort()).toEqual(['customers', 'email']);
    expect(linked.assetCount).toBe(2);
    expect(linked.labelAssetCount).toBe(2); // email and contact_email; not the foreign source's column
    // An admin links the foreign column too; the steward's page still lists only what they may read.
    await linkTerm(s.deps, s.admin.actor, s.admin.access, linkTermInput.parse({ termId: term.id, assetIds: [s.foreign.tables.leads!.columns.email!] }));
    const page = await getTerm(s.deps, s.steward.access, term.id);
    expect(page.assets.map((a) => a.name).sort()).toEqual(['customers', 'email']);
    expect((await getTerm(s.deps, s.admin.access, term.id)).labelAssetCount).toBeGreaterThanOrEqual(3);

    const unlinked = await linkTerm(s.deps, s.steward.actor, s.steward.access, linkTermInput.parse({ termId: term.id, unlinkAssetIds: [customers.id], labels: ['PII.Email', 'PII.Phone'] }));
    expect(unlinked.assets.map((a) => a.name)).toEqual(['email']);
    expect(unlinked.labels).toEqual(['PII.Email', 'PII.Phone']);
  });

  it('lists by text and status', async () => {
    const s = await scene();
    await s.make(`Churn ${s.tag}`, { definition: 'Customers who stopped buying.', status: 'approved' });
    await s.make(`Churn rate ${s.tag}`, { synonyms: ['attrition'] });
    const found = await listTerms(s.deps, listTermsInput.parse({ q: `churn ${s.tag}` }));
    expect(found.items.map((t) => t.name)).toEqual([`Churn ${s.tag}`]);
    const byWord = await listTerms(s.deps, listTermsInput.parse({ q: s.tag, status: 'draft' }));
    expect(byWord.items.map((t) => t.name)).toEqual([`Churn rate ${s.tag}`]);
    expect(byWord.total).toBe(1);
  });
});
