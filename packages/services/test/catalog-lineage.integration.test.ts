/**
 * Lineage against real Postgres: depth-bounded traversal in each direction,
 * cycles, hidden placeholders for unreadable sources, propagation
 * suggestions, and declared edges (duplicates, self-edges, foreign keys).
 */
import { describe, expect, it } from 'vitest';
import { getLineage } from '../src/catalog/lineage';
import { addLineageEdge, removeLineageEdge, updateLineageEdge } from '../src/catalog/lineage-edges';
import { addLineageEdgeInput, lineageInput } from '../src/catalog/schemas';
import { catalogPeople, makeSource, type TableSpec } from './catalog-scene';
import { testDeps } from './harness';

/** a → b → c → d → e in one source, plus a → x in a source the workspace's people cannot read. */
async function chain() {
  const deps = await testDeps();
  const people = await catalogPeople(deps);
  const src = await makeSource(deps, {
    workspaceId: people.ws.id,
    tables: ['a', 'b', 'c', 'd', 'e'].map((name): TableSpec => ({ name, columns: name === 'a' ? { email: ['PII.Email'], phone: ['PII.Phone'] } : name === 'b' ? { email: ['PII.Email'] } : { id: [] } })),
  });
  const hidden = await makeSource(deps, { tables: [{ name: 'x_secret_copy', columns: { id: [] } }] });
  const t = (n: string) => src.tables[n]!.id;
  const edge = (from: string, to: string, propagation: 'none' | 'downstream' | 'both' = 'none', kind = 'declared') => deps.db.lineageEdge.create({ data: { fromAssetId: from, toAssetId: to, kind, propagation, note: `${from}→${to}` } });
  const edges = {
    ab: await edge(t('a'), t('b'), 'downstream'),
    bc: await edge(t('b'), t('c'), 'both'),
    cd: await edge(t('c'), t('d')),
    de: await edge(t('d'), t('e')),
    ax: await edge(t('a'), hidden.tables.x_secret_copy!.id, 'downstream'),
  };
  return { deps, ...people, src, hidden, t, edges, edge };
}

const names = (r: Awaited<ReturnType<typeof getLineage>>) => r.nodes.map((n) => n.name).sort();

describe('lineage', () => {
  it('walks downstream, upstream and both up to the depth asked for', async () => {
    const s = await chain();
    const down2 = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('b'), direction: 'downstream', depth: 2 }));
    expect(names(down2)).toEqual(['b', 'c', 'd']);
    expect(down2.edges.map((e) => [e.from, e.to])).toEqual([
      [s.t('b'), s.t('c')],
      [s.t('c'), s.t('d')],
    ]);
    const up = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('c'), direction: 'upstream', depth: 5 }));
    expect(names(up)).toEqual(['a', 'b', 'c']);
    const both = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('c'), depth: 1 }));
    expect(names(both)).toEqual(['b', 'c', 'd']);
    expect(both.truncated).toBe(false);
  });

  it('ends on cycles', async () => {
    const s = await chain();
    await s.edge(s.t('e'), s.t('a'));
    const loop = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('a'), direction: 'downstream', depth: 10 }));
    expect(names(loop)).toEqual(['', 'a', 'b', 'c', 'd', 'e'].sort());
    expect(loop.edges).toHaveLength(6);
  });

  it('returns nodes of unreadable sources as placeholders, without names or notes', async () => {
    const s = await chain();
    const r = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('a'), direction: 'downstream', depth: 1 }));
    const placeholder = r.nodes.find((n) => n.id === s.hidden.tables.x_secret_copy!.id)!;
    expect(placeholder).toEqual({ id: placeholder.id, type: 'hidden', name: '', qualifiedName: '', dataSourceId: null, dataSourceName: null, sensitivity: null, labels: [] });
    expect(JSON.stringify(r)).not.toContain('x_secret_copy');
    expect(r.edges.find((e) => e.to === placeholder.id)!.note).toBe('');
    // An admin sees it by name.
    const admin = await getLineage(s.deps, s.admin.access, lineageInput.parse({ id: s.t('a'), direction: 'downstream', depth: 1 }));
    expect(names(admin)).toContain('x_secret_copy');
  });

  it('suggests labels along propagating edges, never on the hidden side, and none once present or rejected', async () => {
    const s = await chain();
    const r = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('b'), depth: 2 }));
    expect(r.suggestions.map((x) => [x.assetId, x.label, x.fromAssetId, x.viaEdgeId]).sort()).toEqual(
      [
        [s.t('b'), 'PII.Phone', s.t('a'), s.edges.ab.id],
        [s.t('c'), 'PII.Email', s.t('b'), s.edges.bc.id],
      ].sort(),
    );
    const admin = await getLineage(s.deps, s.admin.access, lineageInput.parse({ id: s.t('a'), direction: 'downstream', depth: 1 }));
    expect(admin.suggestions.filter((x) => x.assetId === s.hidden.tables.x_secret_copy!.id).map((x) => x.label).sort()).toEqual(['PII.Email', 'PII.Phone']);
    // Setting the edge to "none" stops them.
    await updateLineageEdge(s.deps, s.member.actor, { id: s.edges.ab.id, propagation: 'none' });
    const after = await getLineage(s.deps, s.member.access, lineageInput.parse({ id: s.t('b'), depth: 2 }));
    expect(after.suggestions.map((x) => x.label)).toEqual(['PII.Email']);
  });

  it('declares edges, refusing self-edges, duplicates, unreadable upstream assets and removing foreign keys', async () => {
    const s = await chain();
    expect(addLineageEdgeInput.safeParse({ fromAssetId: s.t('a'), toAssetId: s.t('a') }).success).toBe(false);
    const added = await addLineageEdge(s.deps, s.member.actor, s.member.access, addLineageEdgeInput.parse({ fromAssetId: s.t('a'), toAssetId: s.t('e'), note: 'nightly copy', propagation: 'both' }));
    expect(added).toMatchObject({ from: s.t('a'), to: s.t('e'), kind: 'declared', propagation: 'both', note: 'nightly copy', createdById: s.member.user.id });
    await expect(addLineageEdge(s.deps, s.member.actor, s.member.access, addLineageEdgeInput.parse({ fromAssetId: s.t('a'), toAssetId: s.t('e') }))).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('already feeds') });
    await expect(addLineageEdge(s.deps, s.member.actor, s.member.access, addLineageEdgeInput.parse({ fromAssetId: s.hidden.tables.x_secret_copy!.id, toAssetId: s.t('e') }))).rejects.toMatchObject({ code: 'NOT_FOUND' });

    const fk = await s.edge(s.t('e'), s.t('d'), 'none', 'foreign_key');
    await expect(removeLineageEdge(s.deps, s.member.actor, fk.id)).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: expect.stringContaining('next scan would recreate it') });
    await removeLineageEdge(s.deps, s.member.actor, added.id);
    expect(await s.deps.db.lineageEdge.findUnique({ where: { id: added.id } })).toBeNull();
    const audit = await s.deps.db.activityEvent.findMany({ where: { resourceId: added.id }, orderBy: { id: 'asc' }, select: { type: true, sourceGroup: true } });
    expect(audit).toEqual([
      { type: 'catalog.lineage.added', sourceGroup: 'catalog' },
      { type: 'catalog.lineage.removed', sourceGroup: 'catalog' },
    ]);
  });
});
