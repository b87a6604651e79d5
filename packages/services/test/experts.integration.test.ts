/**
 * The expert finder against real Postgres: a scene where people did different
 * things through the real services (curation, classification reviews) and
 * hold different roles, then the expected order and reasons for an asset, a
 * label and a group; time decay through the clock; and nothing counted about
 * what the caller may not see.
 */
import { describe, expect, it } from 'vitest';
import { updateAsset } from '../src/catalog/curate';
import { reviewClassifications } from '../src/classify-review/review';
import { findExperts } from '../src/kb/experts';
import { findExpertsInput } from '../src/kb/schemas';
import { catalogPeople, makeSource, short } from './catalog-scene';
import { person, testDeps } from './harness';

async function scene() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  // Ann owns the workspace and Bob is a member of it (both review and curate there); Carol is only a viewer somewhere else.
  const { owner: ann, member: bob } = people;
  const carol = await person(deps, ['viewer']);
  const label = `PII.Email`;
  const shop = await makeSource(deps, { workspaceId: people.ws.id, tables: [{ name: `customers_${short()}`, columns: { email: [label], backup_email: [label], name: [] } }] });
  const table = Object.values(shop.tables)[0]!;
  const classifications = await deps.db.classification.findMany({ where: { assetId: { in: Object.values(table.columns) } }, select: { id: true } });
  // Ann reviews both email labels; Bob describes the table and comments on it; Carol owns it (set by the admin).
  await reviewClassifications(deps, ann.actor, ann.access, { ids: classifications.map((c) => c.id), decision: 'accept' });
  await updateAsset(deps, bob.actor, bob.access, { id: table.id, description: 'Everyone who ever bought something.' });
  await deps.db.comment.create({ data: { resourceType: 'asset', resourceId: table.id, authorId: bob.user.id, body: 'Is backup_email still written?' } });
  await updateAsset(deps, people.admin.actor, people.admin.access, { id: table.id, owners: [{ type: 'user', id: carol.user.id }] });
  return { deps, ...people, ann, bob, carol, shop, table, label };
}

const find = (deps: Parameters<typeof findExperts>[0], access: Parameters<typeof findExperts>[1], input: Record<string, unknown>) => findExperts(deps, access, findExpertsInput.parse(input));

describe('expert finder', () => {
  it('ranks an asset’s people by what they did on it, its columns included, and says why', async () => {
    const s = await scene();
    const found = await find(s.deps, s.viewer.access, { assetId: s.table.id });
    // Owners of glossary terms for PII.Email count too (they know the label), and other
    // test files make such terms in the same database: compare the scene's people only.
    const scenePeople = new Set([s.carol, s.ann, s.bob, s.admin].map((p) => p.user.id));
    const items = found.items.filter((i) => scenePeople.has(i.user.id));
    const order = items.map((i) => i.user.id);
    // Owner (5) > two fresh reviews (2 × 2) > a curation and a comment (1 + 0.5) > the admin's one curation (1).
    expect(order).toEqual([s.carol.user.id, s.ann.user.id, s.bob.user.id, s.admin.user.id]);
    expect(found.subject).toEqual({ kind: 'asset', id: s.table.id });
    const ann = items[1]!;
    expect(ann.score).toBeCloseTo(4, 1);
    expect(ann.reasons).toEqual([expect.objectContaining({ kind: 'reviewed', count: 2, example: expect.stringMatching(/^PII\.Email on main\.app\.customers_.*email$/) })]);
    expect(items[2]!.reasons.map((r) => r.kind).sort()).toEqual(['commented', 'curated']);
    expect(items[0]!.reasons[0]).toMatchObject({ kind: 'owner', count: 1 });
    expect(items[0]!.relative).toBe(1);

    // From one column: its table's curation and ownership count too.
    const column = await find(s.deps, s.viewer.access, { assetId: s.table.columns.email });
    expect(column.items.map((i) => i.user.id)).toEqual(expect.arrayContaining([s.carol.user.id, s.ann.user.id, s.bob.user.id]));
    expect(column.items.find((i) => i.user.id === s.ann.user.id)!.reasons[0]!.count).toBe(1);
  });

  it('lets old work fade: a year on, the owner still leads and reviews weigh a sixteenth', async () => {
    const s = await scene();
    const later = { ...s.deps, clock: () => new Date(Date.now() + 360 * 86_400_000) };
    const found = await find(later, s.viewer.access, { assetId: s.table.id });
    const scenePeople = new Set([s.carol, s.ann, s.bob, s.admin].map((p) => p.user.id));
    const items = found.items.filter((i) => scenePeople.has(i.user.id));
    expect(items[0]!.user.id).toBe(s.carol.user.id);
    expect(items[0]!.score).toBe(5);
    expect(found.items.find((i) => i.user.id === s.ann.user.id)!.score).toBeCloseTo(4 / 16, 1);
  });

  it('finds reviewers of a label and the people of a group, only from sources the caller reads', async () => {
    const s = await scene();
    const byLabel = await find(s.deps, s.viewer.access, { label: s.label, limit: 50 });
    const ann = byLabel.items.find((i) => i.user.id === s.ann.user.id)!;
    expect(ann.reasons.find((r) => r.kind === 'reviewed')).toMatchObject({ count: 2 });
    expect(byLabel.items.find((i) => i.user.id === s.carol.user.id)?.reasons.map((r) => r.kind)).toContain('owner');

    // An analyst of no workspace reads no source of this one: none of it counts for them.
    const outsider = await person(s.deps, ['analyst']);
    const blind = await find(s.deps, outsider.access, { label: s.label, limit: 50 });
    expect(blind.items.map((i) => i.user.id)).not.toContain(s.ann.user.id);
    await expect(find(s.deps, outsider.access, { assetId: s.table.id })).rejects.toMatchObject({ code: 'FORBIDDEN' });

    const group = await find(s.deps, s.admin.access, { group: 'classification', limit: 50 });
    const reviewer = group.items.find((i) => i.user.id === s.ann.user.id)!;
    // Counted from the reviews themselves, not once more as the review's activity row.
    expect(reviewer.reasons.map((r) => r.kind)).toEqual(['reviewed']);
    expect(reviewer.reasons[0]!.count).toBe(2);
    const catalog = await find(s.deps, s.admin.access, { group: 'catalog', limit: 50 });
    expect(catalog.items.find((i) => i.user.id === s.bob.user.id)!.reasons).toEqual([expect.objectContaining({ kind: 'activity', count: 1, example: 'catalog.asset.updated' })]);
  });
});
