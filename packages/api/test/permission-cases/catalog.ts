/** Permission cases: catalog search, curation, lineage, and the glossary. */
import { personWith, testDeps } from '../harness';
import { sourceScene } from '../source-scene';
import { type Case, global, uuid } from './shared';

/** The scene's column (it carries the label) and its table. */
async function assetsOf(s: Awaited<ReturnType<typeof sourceScene>>) {
  const { deps } = await testDeps();
  const column = await deps.db.asset.findUniqueOrThrow({ where: { id: s.label.assetId }, select: { id: true, parentId: true } });
  return { deps, columnId: column.id, tableId: column.parentId! };
}

async function declaredEdge() {
  const s = await sourceScene();
  const { deps, columnId, tableId } = await assetsOf(s);
  const other = await deps.db.asset.create({ data: { dataSourceId: s.source.id, type: 'table', qualifiedName: `main.main.copy${uuid().slice(0, 6)}`, name: 'customers_copy' } });
  const edge = await deps.db.lineageEdge.create({ data: { fromAssetId: tableId, toAssetId: other.id, kind: 'declared' } });
  return { s, edge, columnId };
}

const term = async () => {
  const { deps } = await testDeps();
  return deps.db.glossaryTerm.create({ data: { name: `Term ${uuid().slice(0, 8)}` } });
};

export const catalogCases: Record<string, Case> = {
  'catalog.search': { setup: global(['viewer'], []), badInput: { limit: 0, q: 'x'.repeat(300) } },
  'catalog.getAsset': {
    setup: async () => {
      const s = await sourceScene();
      const { tableId } = await assetsOf(s);
      return { input: { id: tableId }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: 'x' },
  },
  'catalog.updateAsset': {
    setup: async () => {
      const s = await sourceScene();
      const { tableId } = await assetsOf(s);
      return { input: { id: tableId, description: 'Customers', tags: ['Gold'], certification: 'certified' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), tags: ['has space/slash'] },
  },
  'catalog.bulkUpdate': {
    setup: async () => {
      const s = await sourceScene();
      const { tableId, columnId } = await assetsOf(s);
      return { input: { ids: [tableId, columnId], addTags: ['masked'] }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { ids: [] },
  },
  'catalog.lineage': {
    setup: async () => {
      const s = await sourceScene();
      const { tableId } = await assetsOf(s);
      return { input: { id: tableId, depth: 2 }, allowed: s.viewer, denied: [s.outsider] };
    },
    badInput: { id: uuid(), depth: 11 },
  },
  'catalog.addLineageEdge': {
    setup: async () => {
      const s = await sourceScene();
      const { tableId, columnId } = await assetsOf(s);
      return { input: { fromAssetId: columnId, toAssetId: tableId, propagation: 'downstream' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { fromAssetId: uuid(), toAssetId: uuid(), propagation: 'sideways' },
  },
  'catalog.updateLineageEdge': {
    setup: async () => {
      const { s, edge } = await declaredEdge();
      return { input: { id: edge.id, propagation: 'both', note: 'copied nightly' }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), note: 'x'.repeat(501) },
  },
  'catalog.removeLineageEdge': {
    setup: async () => {
      const { s, edge } = await declaredEdge();
      return { input: { id: edge.id }, allowed: s.member, denied: [s.viewer] };
    },
    badInput: { id: 'edge' },
  },
  // ── glossary ──
  'glossary.create': {
    setup: global(['steward'], [['analyst'], ['viewer']], { name: `Customer ${uuid().slice(0, 8)}`, labels: ['PII.Email'] }),
    badInput: { name: 'x', labels: ['PII.Emial'] },
  },
  'glossary.list': { setup: global(['viewer'], [[]]), badInput: { limit: 1000 } },
  'glossary.get': {
    setup: async () => ({ input: { id: (await term()).id }, allowed: await personWith(['analyst']), denied: [await personWith([])] }),
    badInput: { id: 'x' },
  },
  'glossary.update': {
    setup: async () => ({ input: { id: (await term()).id, status: 'approved' }, allowed: await personWith(['steward']), denied: [await personWith(['analyst'])] }),
    badInput: { id: uuid(), status: 'final' },
  },
  'glossary.delete': {
    setup: async () => ({ input: { id: (await term()).id }, allowed: await personWith(['steward']), denied: [await personWith(['viewer'])] }),
    badInput: { id: 1 },
  },
  'glossary.link': {
    setup: async () => {
      const s = await sourceScene();
      const { deps, tableId } = await assetsOf(s);
      // A global steward manages the glossary; reading the source comes from the workspace.
      await deps.db.workspaceMember.create({ data: { workspaceId: s.ws.id, userId: s.outsider.user.id, roleId: 'ws.viewer' } });
      return { input: { termId: (await term()).id, assetIds: [tableId] }, allowed: s.outsider, denied: [s.member] };
    },
    badInput: { termId: uuid() },
  },
};
