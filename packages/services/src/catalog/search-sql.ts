/**
 * Builds the one SQL statement behind catalog search: candidates (full-text
 * matches ∪ a capped set of trigram matches, or everything visible when
 * browsing with an owner filter), a flag per facet filter, then the page, the
 * total and every facet's counts from that one materialised candidate set.
 * Browsing without an owner filter is built by search-browse-sql.ts instead
 * (counts from the "CatalogFacetCount" summary, page from an index). Pure:
 * user text only ever travels as parameters.
 */
import { buildBrowseSql } from './search-browse-sql';
import { exactForm, prefixTsQuery, tokenize, transpositionTsQuery } from './search-query';
import { allBut, candColumns, facetFilters, facetsAndPage, flagColumns, paramList, sensitivityRank } from './search-sql-parts';
import type { SearchCatalogInput } from './schemas';

export { DESCRIPTION_SOURCE_CHARS, FACET_SIZE } from './search-sql-parts';

/** How many trigram (typo) candidates join the full-text ones: bounded so a vague query stays cheap. */
export const FUZZY_CANDIDATES = 200;
/** word_similarity threshold for the typo branch: "custmer emial" ↔ "customer_email" scores 0.47. */
export const WORD_SIMILARITY_THRESHOLD = 0.45;
/** Planner cost of a random page read for search, as on SSDs (default 4 assumes spinning disks). */
export const RANDOM_PAGE_COST = 1.1;
/** Memory for the search's sorts and its materialised candidates (default 4MB spills a 100k-asset browse to disk). */
export const SEARCH_WORK_MEM = '32MB';

export interface SearchSqlOptions {
  input: SearchCatalogInput;
  /** Source ids the caller may read, or 'all'. */
  visible: 'all' | string[];
  includeTerms: boolean;
  /** Label filters, prefixes already expanded. */
  labels: string[] | null;
  /** The query's tsquery as text, from resolveTsQuerySql; null or absent to browse. */
  resolvedTsQuery?: string | null;
  /**
   * How many assets full text matched (capped at FUZZY_CANDIDATES), from
   * resolveTsQuerySql. Typo matching runs only below the cap: a query that
   * full text answers well is not a typo.
   */
  fullTextMatches?: number;
}

/**
 * The statement that turns the query's words into one tsquery: each word as
 * typed ('simple': names, tags; the last one as a prefix) or stemmed
 * ('english': descriptions), every word required. Run first, on its own, so
 * the search statement gets a constant instead of re-parsing per row.
 */
export function resolveTsQuerySql(q: string, visible: 'all' | string[] = 'all'): { sql: string; params: unknown[] } | null {
  const tsq = prefixTsQuery(q);
  if (!tsq) return null;
  const params: unknown[] = [];
  const p = (v: string) => {
    params.push(v);
    return `$${params.length}::text`;
  };
  const parts = tsq.split(' & ').map((w) => `(to_tsquery('simple', ${p(w)}) || to_tsquery('english', ${p(w.replace(/:\*$/, ''))}))`);
  // Also: whether full text alone finds plenty among the readable assets (then typo matching only adds noise and time).
  const readable = visible === 'all' ? '' : ` AND a."dataSourceId" = ANY($${params.push(visible)}::text[])`;
  return {
    sql: `WITH tq AS (SELECT ${parts.join(' && ')} AS q)
          SELECT tq.q::text AS q, (SELECT count(*)::int FROM (SELECT 1 FROM "Asset" a WHERE a.search @@ tq.q AND a."removedAt" IS NULL${readable} LIMIT ${FUZZY_CANDIDATES}) x) AS matches
            FROM tq`,
    params,
  };
}

export interface SearchSql {
  sql: string;
  params: unknown[];
  /** Whether the statement uses the trigram branch. */
  fuzzy: boolean;
  /** Whether facets are counted from the per-combination summary (browsing) rather than per candidate. */
  summary: boolean;
}

export function buildSearchSql(options: SearchSqlOptions): SearchSql {
  const { input, visible, includeTerms, labels, resolvedTsQuery, fullTextMatches = 0 } = options;
  const q = input.q?.trim() ?? '';
  const tsq = q ? prefixTsQuery(q) : null;
  const browsing = !tsq || !resolvedTsQuery;
  // Owners are not part of the summary (an asset has several): such a browse counts its (few) candidates.
  if (browsing && !input.ownerIds?.length) return { ...buildBrowseSql({ input, visible, includeTerms, labels }), fuzzy: false, summary: true };
  const { params, p } = paramList();
  const fuzzy = !browsing && q.replace(/\s/g, '').length >= 3 && fullTextMatches < FUZZY_CANDIDATES;

  const visibleSources = visible === 'all' ? null : p(visible, '::text[]');
  const assetVisible = `a."removedAt" IS NULL${visibleSources ? ` AND a."dataSourceId" = ANY(${visibleSources})` : ''}`;
  const sourceVisible = visibleSources ? `s.id = ANY(${visibleSources})` : 'TRUE';
  const qP = fuzzy ? p(q, '::text') : null;
  const swaps = fuzzy ? transpositionTsQuery(q) : null;
  const swapsP = swaps ? `to_tsquery('simple', ${p(swaps, '::text')})` : null;
  // The tsquery arrives resolved (see resolveTsQuerySql): a constant the planner can estimate with and evaluates once.
  const tsquery = tsq && resolvedTsQuery ? `${p(resolvedTsQuery, '::tsquery')}` : null;
  const sourceDoc = `(to_tsvector('simple', regexp_replace(s.name || ' ' || array_to_string(s.tags, ' '), '[_.:]+', ' ', 'g')) || to_tsvector('english', s.description))`;
  // Only what facets, filters and ordering need: the page's rows are joined to their asset at the end.
  const assetCols = `a.id, 'asset' AS kind, a.type::text AS type, a."dataSourceId" AS ds, a.sensitivity AS sens, a.labels, a.tags, a.certification::text AS cert, src.environment::text AS env, a.name`;

  const assetParts: string[] = [];
  if (browsing) assetParts.push(`SELECT ${assetCols}, 0::real AS rank FROM "Asset" a JOIN "DataSource" src ON src.id = a."dataSourceId" WHERE ${assetVisible}`);
  else {
    // ts_rank, not ts_rank_cd: cover density doubled the cost of scoring a broad word's candidates (README).
    assetParts.push(`SELECT ${assetCols}, ts_rank(a.search, ${tsquery}) AS rank FROM "Asset" a JOIN "DataSource" src ON src.id = a."dataSourceId" WHERE a.search @@ ${tsquery} AND ${assetVisible}`);
    // Typos: names close to the query that full text missed, the closest few only; ranked by closeness, below real matches.
    if (qP)
      assetParts.push(
        `(SELECT ${assetCols}, (word_similarity(${qP}, a.name) * 0.1)::real AS rank FROM "Asset" a JOIN "DataSource" src ON src.id = a."dataSourceId"
           WHERE (${qP} <% a.name${swapsP ? ` OR a.search @@ ${swapsP}` : ''}) AND ${assetVisible} AND NOT (a.search @@ ${tsquery})
           ORDER BY word_similarity(${qP}, a.name) DESC LIMIT ${FUZZY_CANDIDATES})`,
      );
  }
  const sourceMatch = browsing ? 'TRUE' : `(${sourceDoc} @@ ${tsquery}${qP ? ` OR ${qP} <% s.name` : ''})`;
  const sourceRank = browsing ? '0::real' : `ts_rank(${sourceDoc}, ${tsquery})`;
  const termMatch = browsing ? 'TRUE' : `(t.search @@ ${tsquery}${qP ? ` OR ${qP} <% t.name` : ''})`;
  const termRank = browsing ? '0::real' : `ts_rank(t.search, ${tsquery})`;
  const parts = [
    ...assetParts,
    `SELECT s.id, 'source', 'source', s.id, NULL, '{}'::text[], s.tags, NULL, s.environment::text, s.name, ${sourceRank} FROM "DataSource" s WHERE ${sourceVisible} AND ${sourceMatch}`,
  ];
  if (includeTerms) parts.push(`SELECT t.id, 'term', 'term', NULL, NULL, t.labels, '{}'::text[], NULL, NULL, t.name, ${termRank} FROM "GlossaryTerm" t WHERE ${termMatch}`);

  // One boolean per facet filter; a facet's counts ignore its own flag.
  const filters = facetFilters(input, labels, p);
  const flags = filters.on(candColumns('c'));
  const active = filters.active;
  const words = tokenize(q);
  // Exact-name forms of the query: "customer email" is exactly customer_email, customer.email, customer-email.
  const exactForms = [...new Set([q.toLowerCase(), exactForm(q), words.join('_'), words.join('.'), words.join('-'), words.join('')])];
  // lower() of every candidate's name was a third of a broad word's page sort (14k names for "stg"). A name
  // that is pure ASCII (as many bytes as characters) keeps its length when lowercased, so one whose length
  // is no form's cannot be exact: only the rest pay for lower(). Non-ASCII names always do (no shortcut).
  const exactLengths = () => p([...new Set(exactForms.map((f) => [...f].length))], '::int[]');
  const isExact = () => `((octet_length(h.name) <> length(h.name) OR length(h.name) = ANY(${exactLengths()})) AND lower(h.name) = ANY(${p(exactForms, '::text[]')}))`;
  const score = browsing ? '0::real' : `(CASE WHEN ${isExact()} THEN 10 ELSE 0 END + h.rank * 2)`;
  // Browsing lists the most sensitive first; a query lists the best match first.
  // Names tie-break byte-wise (COLLATE "C"): identifiers, and a locale-aware compare made the page sort the slowest step.
  const order = (t: string) => (browsing ? `${sensitivityRank(`${t}.sens`)} DESC, ${t}.name COLLATE "C" ASC, ${t}.id ASC` : `score DESC, ${t}.name COLLATE "C" ASC, ${t}.id ASC`);
  const limitP = p(input.limit);
  const offsetP = p(input.offset);
  const tail = facetsAndPage({
    cand: 'cand',
    weight: '1',
    active,
    page: 'page',
    order,
    // A semi-join hashing the candidates' ids: as a join the planner merge-joined, sorting every candidate's uuid (a sixth of a broad word's time).
    ownersSql: `SELECT st."principalId" AS v, count(DISTINCT st."assetId")::int AS n FROM stewards st
                 WHERE st."assetId" IN (SELECT h.id FROM cand h WHERE h.kind = 'asset' AND ${allBut(active, 'owner', 'h.')}) GROUP BY 1`,
  });

  const sql = `WITH
stewards AS MATERIALIZED (SELECT "assetId", "principalId" FROM "AssetSteward" WHERE "principalType" = 'user'),
cand AS MATERIALIZED (
  SELECT c.*, ${flagColumns(flags)}
    FROM (${parts.join('\n UNION ALL ')}) c),
page AS (SELECT h.id, h.kind, h.type, h.sens, h.name, ${score} AS score FROM cand h WHERE ${allBut(active, null)} ORDER BY ${order('h')} LIMIT ${limitP} OFFSET ${offsetP}),
${tail.ctes}
${tail.select}`;
  return { sql, params, fuzzy, summary: false };
}
