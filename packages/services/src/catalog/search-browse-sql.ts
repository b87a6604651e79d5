/**
 * The browse statement (catalog search with no query and no owner filter).
 * Counting every visible asset per request took 86–360 ms at 100,000 assets,
 * so the facets are counted over "CatalogFacetCount" instead: one row per
 * combination of facet values with how many live assets share it, kept exact
 * by triggers on "Asset" (migration 20261201100000_catalog_facet_counts) —
 * ~8,000 rows for the bench's 100,000 assets. The page comes from
 * "Asset_browse_order_idx" (sensitivity rank, name byte-wise, id), read only
 * as far as offset + limit. Data sources and glossary terms are few and are
 * added as rows of weight 1. Results are the same as counting every asset
 * (catalog-search.integration.test.ts checks both against direct counts).
 */
import { allBut, assetColumns, candColumns, facetFilters, facetsAndPage, flagColumns, paramList, sensitivityRank } from './search-sql-parts';
import type { SearchCatalogInput } from './schemas';

export interface BrowseSqlOptions {
  input: SearchCatalogInput;
  visible: 'all' | string[];
  includeTerms: boolean;
  labels: string[] | null;
}

export function buildBrowseSql({ input, visible, includeTerms, labels }: BrowseSqlOptions): { sql: string; params: unknown[] } {
  const { params, p } = paramList();
  const visibleSources = visible === 'all' ? null : p(visible, '::text[]');
  const filters = facetFilters(input, labels, p);
  if (filters.filtersOwners) throw new Error('buildBrowseSql: owner filters are counted per asset (buildSearchSql)');
  const limitP = p(input.limit);
  const offsetP = p(input.offset);

  const parts = [
    `SELECT NULL::text AS id, 'asset' AS kind, k.type::text AS type, k."dataSourceId" AS ds, k.sensitivity AS sens, k.labels, k.tags, k.certification::text AS cert, src.environment::text AS env, NULL::text AS name, k.n
       FROM "CatalogFacetCount" k JOIN "DataSource" src ON src.id = k."dataSourceId"
      WHERE k.n > 0${visibleSources ? ` AND k."dataSourceId" = ANY(${visibleSources})` : ''}`,
    `SELECT s.id, 'source', 'source', s.id, NULL, '{}'::text[], s.tags, NULL, s.environment::text, s.name, 1 FROM "DataSource" s${visibleSources ? ` WHERE s.id = ANY(${visibleSources})` : ''}`,
  ];
  if (includeTerms) parts.push(`SELECT t.id, 'term', 'term', NULL, NULL, t.labels, '{}'::text[], NULL, NULL, t.name, 1 FROM "GlossaryTerm" t`);

  const assetVisible = `a."removedAt" IS NULL${visibleSources ? ` AND a."dataSourceId" = ANY(${visibleSources})` : ''}`;
  const assetFlags = filters.on(assetColumns);
  // ORDER BY exactly as "Asset_browse_order_idx" is built, so the first offset + limit rows are read from it in order.
  const assetOrder = `${sensitivityRank('a.sensitivity')} DESC, (a.name COLLATE "C") ASC, a.id ASC`;
  const order = (t: string) => `${sensitivityRank(`${t}.sens`)} DESC, ${t}.name COLLATE "C" ASC, ${t}.id ASC`;
  const tail = facetsAndPage({
    cand: 'cand',
    weight: 'n',
    active: filters.active,
    page: 'page',
    order,
    // Stewardships are few (an asset has 0–3); each is checked against its asset's flags.
    ownersSql: `SELECT st."principalId" AS v, count(DISTINCT a.id)::int AS n
                  FROM stewards st JOIN "Asset" a ON a.id = st."assetId" JOIN "DataSource" src ON src.id = a."dataSourceId"
                 WHERE ${assetVisible} AND ${Object.entries(assetFlags)
                   .filter(([f]) => f !== 'owner')
                   .map(([, e]) => e)
                   .join(' AND ')} GROUP BY 1`,
  });

  const sql = `WITH
stewards AS MATERIALIZED (SELECT "assetId", "principalId" FROM "AssetSteward" WHERE "principalType" = 'user'),
cand AS MATERIALIZED (
  SELECT c.*, ${flagColumns(filters.on(candColumns('c')))}
    FROM (${parts.join('\n UNION ALL ')}) c),
page AS (
  SELECT * FROM (
    (SELECT a.id, 'asset' AS kind, a.type::text AS type, a.sensitivity AS sens, a.name, 0::real AS score
       FROM "Asset" a JOIN "DataSource" src ON src.id = a."dataSourceId"
      WHERE ${assetVisible} AND ${Object.values(assetFlags).join(' AND ')}
      ORDER BY ${assetOrder} LIMIT ${limitP}::int + ${offsetP}::int)
    UNION ALL
    SELECT h.id, h.kind, h.type, h.sens, h.name, 0::real FROM cand h WHERE h.kind <> 'asset' AND ${allBut(filters.active, null, 'h.')}) x
  ORDER BY ${order('x')} LIMIT ${limitP} OFFSET ${offsetP}),
${tail.ctes}
${tail.select}`;
  return { sql, params };
}
