/**
 * Builds the one SQL statement behind catalog search: candidates (full-text
 * matches ∪ a capped set of trigram matches, or everything visible when
 * browsing), a flag per facet filter, then the page, the total and every
 * facet's counts from that one materialised candidate set. Pure: user text
 * only ever travels as parameters.
 */
import { exactForm, prefixTsQuery, tokenize } from './search-query';
import type { SearchCatalogInput } from './schemas';

/** How many trigram (typo) candidates join the full-text ones: bounded so a vague query stays cheap. */
export const FUZZY_CANDIDATES = 200;
/** word_similarity threshold for the typo branch: "custmer emial" ↔ "customer_email" scores 0.47. */
export const WORD_SIMILARITY_THRESHOLD = 0.45;
/** Planner cost of a random page read for search, as on SSDs (default 4 assumes spinning disks). */
export const RANDOM_PAGE_COST = 1.1;
/** Memory for the search's sorts and its materialised candidates (default 4MB spills a 100k-asset browse to disk). */
export const SEARCH_WORK_MEM = '32MB';
/** How much of a hit's description the statement returns: enough for a snippet around the first match. */
export const DESCRIPTION_SOURCE_CHARS = 4000;
/** Facets with open-ended values (labels, tags, owners, sources) show their most frequent ones. */
export const FACET_SIZE = 50;

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
}

type Facet = 'type' | 'ds' | 'label' | 'sens' | 'owner' | 'tag' | 'env' | 'cert';
const FACETS: Facet[] = ['type', 'ds', 'label', 'sens', 'owner', 'tag', 'env', 'cert'];
const facetName: Record<Facet, string> = { type: 'types', ds: 'dataSources', label: 'labels', sens: 'sensitivities', owner: 'owners', tag: 'tags', env: 'environments', cert: 'certifications' };

export function buildSearchSql({ input, visible, includeTerms, labels, resolvedTsQuery, fullTextMatches = 0 }: SearchSqlOptions): SearchSql {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const q = input.q?.trim() ?? '';
  const tsq = q ? prefixTsQuery(q) : null;
  const browsing = !tsq || !resolvedTsQuery;
  const fuzzy = !browsing && q.replace(/\s/g, '').length >= 3 && fullTextMatches < FUZZY_CANDIDATES;

  const visibleSources = visible === 'all' ? null : p(visible, '::text[]');
  const assetVisible = `a."removedAt" IS NULL${visibleSources ? ` AND a."dataSourceId" = ANY(${visibleSources})` : ''}`;
  const sourceVisible = visibleSources ? `s.id = ANY(${visibleSources})` : 'TRUE';
  const qP = fuzzy ? p(q, '::text') : null;
  // The tsquery arrives resolved (see resolveTsQuerySql): a constant the planner can estimate with and evaluates once.
  const tsquery = tsq && resolvedTsQuery ? `${p(resolvedTsQuery, '::tsquery')}` : null;
  const sourceDoc = `(to_tsvector('simple', regexp_replace(s.name || ' ' || array_to_string(s.tags, ' '), '[_.:]+', ' ', 'g')) || to_tsvector('english', s.description))`;
  // Only what facets, filters and ordering need: hits are hydrated afterwards, for the page alone.
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
           WHERE ${qP} <% a.name AND ${assetVisible} AND NOT (a.search @@ ${tsquery})
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
  const flag: Record<Facet, string> = {
    type: input.types?.length ? `c.type = ANY(${p(input.types, '::text[]')})` : 'TRUE',
    ds: input.dataSourceIds?.length ? `c.ds = ANY(${p(input.dataSourceIds, '::text[]')})` : 'TRUE',
    label: labels ? `c.labels && ${p(labels, '::text[]')}` : 'TRUE',
    sens: input.sensitivities?.length ? `c.sens = ANY(${p(input.sensitivities, '::text[]')})` : 'TRUE',
    owner: input.ownerIds?.length ? `c.id IN (SELECT "assetId" FROM stewards WHERE "principalId" = ANY(${p(input.ownerIds, '::text[]')}))` : 'TRUE',
    tag: input.tags?.length ? `c.tags && ${p(input.tags.map((t) => t.toLowerCase()), '::text[]')}` : 'TRUE',
    env: input.environments?.length ? `c.env = ANY(${p(input.environments, '::text[]')})` : 'TRUE',
    cert: input.certifications?.length ? `c.cert = ANY(${p(input.certifications, '::text[]')})` : 'TRUE',
  };
  const allBut = (skip: Facet | null) => FACETS.filter((f) => f !== skip).map((f) => `f_${f}`).join(' AND ');

  const words = tokenize(q);
  // Exact-name forms of the query: "customer email" is exactly customer_email, customer.email, customer-email.
  const exactForms = () => p([...new Set([q.toLowerCase(), exactForm(q), words.join('_'), words.join('.'), words.join('-'), words.join('')])], '::text[]');
  const score = browsing ? '0::real' : `(CASE WHEN lower(h.name) = ANY(${exactForms()}) THEN 10 ELSE 0 END + h.rank * 2)`;
  const sensRank = (t: string) => `CASE ${t}.sens WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
  // Browsing lists the most sensitive first; a query lists the best match first.
  // Names tie-break byte-wise (COLLATE "C"): identifiers, and a locale-aware compare made the page sort the slowest step.
  const order = (t: string) => (browsing ? `${sensRank(t)} DESC, ${t}.name COLLATE "C" ASC, ${t}.id ASC` : `score DESC, ${t}.name COLLATE "C" ASC, ${t}.id ASC`);
  const limitP = p(input.limit);
  const offsetP = p(input.offset);

  // Scalar facets in one pass (one grouping set each), counting per facet with its own filter left out.
  const scalar: [Facet, string][] = [
    ['type', 'type'],
    ['ds', 'ds'],
    ['sens', 'sens'],
    ['env', 'env'],
    ['cert', 'cert'],
  ];
  const arrayFacet = (facet: Facet, column: string) =>
    `(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::json)
        FROM (SELECT v, count(*)::int AS n
                FROM (SELECT unnest(h.${column}) AS v FROM cand h WHERE ${allBut(facet)} AND cardinality(h.${column}) > 0) u
               GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_SIZE}) f)`;

  const sql = `WITH
stewards AS MATERIALIZED (SELECT "assetId", "principalId" FROM "AssetSteward" WHERE "principalType" = 'user'),
cand AS MATERIALIZED (
  SELECT c.*, ${FACETS.map((f) => `${flag[f]} AS f_${f}`).join(', ')}
    FROM (${parts.join('\n UNION ALL ')}) c),
page AS (SELECT h.id, h.kind, h.type, h.sens, h.name, ${score} AS score FROM cand h WHERE ${allBut(null)} ORDER BY ${order('h')} LIMIT ${limitP} OFFSET ${offsetP}),
grouped AS (
  SELECT ${scalar.map(([, c]) => c).join(', ')}, GROUPING(${scalar.map(([, c]) => c).join(', ')}) AS g,
         count(*) FILTER (WHERE ${allBut(null)})::int AS n_all,
         ${scalar.map(([f]) => `count(*) FILTER (WHERE ${allBut(f)})::int AS n_${f}`).join(',\n         ')}
    FROM cand GROUP BY GROUPING SETS (${scalar.map(([, c]) => `(${c})`).join(', ')}, ()))
SELECT
  (SELECT n_all FROM grouped WHERE g = ${(1 << scalar.length) - 1}) AS total,
  (SELECT coalesce(json_agg(json_build_object(
            'id', pg.id, 'kind', pg.kind, 'type', pg.type, 'score', pg.score, 'name', pg.name,
            'qualifiedName', coalesce(a."qualifiedName", ps.name, t.name), 'synonyms', t.synonyms,
            'sensitivity', a.sensitivity, 'labels', coalesce(a.labels, t.labels, '{}'), 'tags', coalesce(a.tags, ps.tags, '{}'),
            'certification', a.certification,
            'description', left(coalesce(nullif(a.description, ''), a.comment, ps.description, t.definition, ''), ${DESCRIPTION_SOURCE_CHARS}),
            'dataSource', CASE WHEN ps.id IS NOT NULL THEN json_build_object('id', ps.id, 'name', ps.name, 'environment', ps.environment) END
          ) ORDER BY ${order('pg')}), '[]'::json)
     FROM page pg
     LEFT JOIN "Asset" a ON pg.kind = 'asset' AND a.id = pg.id
     LEFT JOIN "GlossaryTerm" t ON pg.kind = 'term' AND t.id = pg.id
     LEFT JOIN "DataSource" ps ON ps.id = CASE pg.kind WHEN 'asset' THEN a."dataSourceId" WHEN 'source' THEN pg.id END) AS page,
  ${scalar
    .map(
      ([f, c], i) =>
        `(SELECT coalesce(json_agg(json_build_object('value', ${c}, 'count', n_${f}${f === 'ds' ? `, 'label', (SELECT name FROM "DataSource" WHERE id = ${c})` : ''}) ORDER BY n_${f} DESC, ${c}), '[]'::json)
      FROM (SELECT ${c}, n_${f} FROM grouped WHERE g = ${((1 << scalar.length) - 1) ^ (1 << (scalar.length - 1 - i))} AND ${c} IS NOT NULL AND n_${f} > 0 ORDER BY n_${f} DESC, ${c} LIMIT ${FACET_SIZE}) f) AS "${facetName[f]}"`,
    )
    .join(',\n  ')},
  ${arrayFacet('label', 'labels')} AS labels,
  ${arrayFacet('tag', 'tags')} AS tags,
  (SELECT coalesce(json_agg(json_build_object('value', v, 'count', n, 'label', (SELECT name FROM "User" WHERE id = v)) ORDER BY n DESC, v), '[]'::json)
     FROM (SELECT st."principalId" AS v, count(DISTINCT h.id)::int AS n FROM cand h JOIN stewards st ON st."assetId" = h.id
            WHERE ${allBut('owner')} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_SIZE}) f) AS owners`;
  return { sql, params, fuzzy };
}
