/**
 * Catalog tools: search, one asset with its labels and lineage, the columns
 * carrying a label. Each calls the catalog or classification service with the
 * asker's access, so what a tool can return is what their catalog page shows.
 */
import { z } from 'zod';
import { getAsset } from '../../catalog/asset-view';
import { getLineage } from '../../catalog/lineage';
import { catalogEnvironments, catalogSearchTypes, catalogSensitivities, searchCatalogInput } from '../../catalog/schemas';
import { searchCatalog } from '../../catalog/search';
import { listClassifications } from '../../classify-review/review';
import type { AiTool } from '../types';
import { assetLink, readableAssetSource, sourceIds, userIds } from './resolve';

const assetHit = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  qualifiedName: z.string(),
  source: z.string().nullable(),
  environment: z.string().nullable(),
  sensitivity: z.string().nullable(),
  labels: z.array(z.string()),
  owners: z.array(z.string()),
  link: z.string(),
});

const searchInput = z
  .object({
    text: z.string().trim().max(200).optional().describe('Free text matched against names, descriptions and tags'),
    labels: z.array(z.string().trim().min(1).max(80)).max(10).optional().describe('Classification labels, e.g. PII.Email, or a prefix such as PII.*'),
    types: z.array(z.enum(catalogSearchTypes)).max(8).optional(),
    source: z.string().trim().min(1).max(200).optional().describe('A data source name (or id)'),
    environment: z.enum(catalogEnvironments).optional(),
    sensitivity: z.enum(catalogSensitivities).optional(),
    owner: z.string().trim().min(1).max(200).optional().describe('A user name, email or id: assets they own or steward'),
    unowned: z.boolean().optional().describe('Only assets with no owner'),
    limit: z.number().int().min(1).max(100).default(25),
  })
  .strict();

/** Unowned is not a search facet, so a page of candidates is read and filtered; the total then counts what was checked. */
const UNOWNED_CANDIDATES = 100;

export const searchCatalogTool: AiTool<z.output<typeof searchInput>, { total: number; items: z.output<typeof assetHit>[] }> = {
  name: 'search_catalog',
  description: 'Search the data catalog (tables, columns, sources) by text, classification label, source, environment, sensitivity and owner; only what the asker may read.',
  permission: 'ai.use',
  write: false,
  input: searchInput,
  output: z.object({ total: z.number().int(), items: z.array(assetHit) }),
  async run(ctx, input) {
    const [dataSourceIds, ownerIds] = await Promise.all([sourceIds(ctx, input.source), input.owner ? userIds(ctx, input.owner) : undefined]);
    const query = searchCatalogInput.parse({
      q: input.text,
      labels: input.labels,
      types: input.types ?? ['table', 'view', 'column'],
      dataSourceIds,
      ownerIds,
      environments: input.environment ? [input.environment] : undefined,
      sensitivities: input.sensitivity ? [input.sensitivity] : undefined,
      limit: input.unowned ? UNOWNED_CANDIDATES : input.limit,
    });
    const found = await searchCatalog(ctx.deps, ctx.access, query);
    const hits = found.items.filter((h) => h.kind === 'asset');
    const owners = await ownersOf(ctx, hits.map((h) => h.id));
    const kept = input.unowned ? hits.filter((h) => !owners.get(h.id)?.length) : hits;
    return {
      total: input.unowned ? kept.length : found.total,
      items: kept.slice(0, input.limit).map((h) => ({
        id: h.id,
        type: h.type,
        name: h.name,
        qualifiedName: h.qualifiedName,
        source: h.dataSource?.name ?? null,
        environment: h.dataSource?.environment ?? null,
        sensitivity: h.sensitivity,
        labels: h.labels,
        owners: owners.get(h.id) ?? [],
        link: assetLink(h.id),
      })),
    };
  },
};

/** Owner names per asset (users and teams), for assets already known to be readable. */
async function ownersOf(ctx: Parameters<AiTool['run']>[0], ids: string[]): Promise<Map<string, string[]>> {
  if (!ids.length) return new Map();
  const rows = await ctx.deps.db.assetSteward.findMany({ where: { assetId: { in: ids }, role: 'owner' }, select: { assetId: true, principalType: true, principalId: true } });
  const users = await ctx.deps.db.user.findMany({ where: { id: { in: rows.filter((r) => r.principalType === 'user').map((r) => r.principalId) } }, select: { id: true, name: true } });
  const teams = await ctx.deps.db.workspace.findMany({ where: { id: { in: rows.filter((r) => r.principalType === 'team').map((r) => r.principalId) } }, select: { id: true, name: true } });
  const names = new Map([...users, ...teams].map((u) => [u.id, u.name]));
  const out = new Map<string, string[]>();
  for (const r of rows) out.set(r.assetId, [...(out.get(r.assetId) ?? []), names.get(r.principalId) ?? r.principalId]);
  return out;
}

const assetIdInput = z.object({ assetId: z.uuid('Not an asset id') }).strict();

const neighbour = z.object({ id: z.string(), name: z.string(), qualifiedName: z.string(), link: z.string() });
const getAssetOutput = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  qualifiedName: z.string(),
  source: z.object({ id: z.string(), name: z.string(), environment: z.string() }),
  sensitivity: z.string().nullable(),
  description: z.string(),
  labels: z.array(z.object({ label: z.string(), state: z.string(), confidence: z.number(), detector: z.string().nullable(), matched: z.number().nullable(), sampled: z.number().nullable() })),
  owners: z.array(z.string()),
  stewards: z.array(z.string()),
  columns: z.array(z.object({ id: z.string(), name: z.string(), labels: z.array(z.string()) })),
  upstream: z.array(neighbour),
  downstream: z.array(neighbour),
  openFindings: z.number().int(),
  link: z.string(),
});

export const getAssetTool: AiTool<z.output<typeof assetIdInput>, z.output<typeof getAssetOutput>> = {
  name: 'get_asset',
  description: 'One catalog asset: its labels with a summary of their evidence, owners and stewards, columns, direct lineage neighbours and open findings.',
  permission: 'ai.use',
  write: false,
  input: assetIdInput,
  output: getAssetOutput,
  async run(ctx, { assetId }) {
    await readableAssetSource(ctx, assetId);
    const [asset, lineage] = await Promise.all([getAsset(ctx.deps, ctx.access, assetId), getLineage(ctx.deps, ctx.access, { id: assetId, direction: 'both', depth: 1 })]);
    // Hidden placeholders (assets of sources the asker cannot read) are left out: not even their existence is told.
    const nodes = new Map(lineage.nodes.filter((n) => n.type !== 'hidden').map((n) => [n.id, n]));
    const near = (ids: string[]) => ids.map((id) => nodes.get(id)).filter((n) => !!n).map((n) => ({ id: n.id, name: n.name, qualifiedName: n.qualifiedName, link: assetLink(n.id) }));
    const upstream = near(lineage.edges.filter((e) => e.to === assetId).map((e) => e.from));
    const downstream = near(lineage.edges.filter((e) => e.from === assetId).map((e) => e.to));
    const ev = (e: unknown) => (e && typeof e === 'object' ? (e as { detector?: string; matched?: number; sampled?: number }) : {});
    return {
      id: asset.id,
      type: asset.type,
      name: asset.name,
      qualifiedName: asset.qualifiedName,
      source: { id: asset.dataSource.id, name: asset.dataSource.name, environment: asset.dataSource.environment },
      sensitivity: asset.sensitivity,
      description: asset.description,
      labels: asset.classifications.map((c) => ({ label: c.label, state: c.state, confidence: c.confidence, detector: ev(c.evidence).detector ?? null, matched: ev(c.evidence).matched ?? null, sampled: ev(c.evidence).sampled ?? null })),
      owners: asset.stewards.filter((s) => s.role === 'owner').map((s) => s.name),
      stewards: asset.stewards.filter((s) => s.role === 'steward').map((s) => s.name),
      columns: asset.children.filter((c) => c.type === 'column').map((c) => ({ id: c.id, name: c.name, labels: c.labels })),
      upstream,
      downstream,
      openFindings: asset.openFindings,
      link: assetLink(asset.id),
    };
  },
};

const columnsInput = z
  .object({
    label: z.string().trim().min(1).max(80).describe('A label such as PII.Email, or a prefix ending in "." or "*" (PII.*)'),
    state: z.enum(['suggested', 'accepted', 'rejected']).optional().describe('Omit for every label not rejected'),
    source: z.string().trim().min(1).max(200).optional(),
    table: z.string().trim().min(1).max(255).optional().describe('"schema.table" or a table name'),
    limit: z.number().int().min(1).max(200).default(50),
  })
  .strict();

const columnRow = z.object({
  columnId: z.string(),
  column: z.string(),
  table: z.string().nullable(),
  tableId: z.string().nullable(),
  schema: z.string().nullable(),
  source: z.string(),
  label: z.string(),
  state: z.string(),
  confidence: z.number(),
  link: z.string(),
});

export const listColumnsWithLabelTool: AiTool<z.output<typeof columnsInput>, { total: number; items: z.output<typeof columnRow>[] }> = {
  name: 'list_columns_with_label',
  description: 'Columns carrying a classification label (e.g. PII.Email), with their table, source, review state and confidence; rejected labels are left out unless asked for.',
  permission: 'ai.use',
  write: false,
  input: columnsInput,
  output: z.object({ total: z.number().int(), items: z.array(columnRow) }),
  async run(ctx, input) {
    const ids = await sourceIds(ctx, input.source);
    const states = input.state ? [input.state] : (['accepted', 'suggested'] as const);
    const perSource = ids ?? [undefined];
    const pages = await Promise.all(
      perSource.flatMap((dataSourceId) => states.map((state) => listClassifications(ctx.deps, ctx.access, { label: input.label, state, dataSourceId, table: input.table, limit: input.limit }))),
    );
    const items = pages
      .flatMap((p) => p.items)
      .sort((a, b) => b.confidence - a.confidence)
      .slice(0, input.limit)
      .map((c) => ({ columnId: c.columnId, column: c.column, table: c.table, tableId: c.tableId, schema: c.schema, source: c.dataSource.name, label: c.label, state: c.state, confidence: c.confidence, link: assetLink(c.columnId) }));
    return { total: pages.reduce((n, p) => n + p.total, 0), items };
  },
};
