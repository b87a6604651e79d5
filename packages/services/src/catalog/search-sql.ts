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
/** Facets with open-ended values (labels, tags, owners, sources) show their most frequent ones. */
export const FACET_SIZE = 50;

export interface SearchSqlOptions {
  input: SearchCatalogInput;
  /** Source ids the caller may read, or 'all'. */
  visible: 'all' | string[];
  includeTerms: boolean;
  /** Label filters, prefixes already expanded. */
  labels: string[] | null;
}

export interface SearchSql {
  sql: string;
  params: unknown[];
  /** Whether the statement uses the trigram branch (it needs the threshold set in its transaction). */
  fuzzy: boolean;
}

type Facet = 'type' | 'ds' | 'label' | 'sens' | 'owner' | 'tag' | 'env' | 'cert';
const FACETS: Facet[] = ['type', 'ds', 'label', 'sens', 'owner', 'tag', 'env', 'cert'];

export function buildSearchSql({ input, visible, includeTerms, labels }: SearchSqlOptions): SearchSql {
  const params: unknown[] = [];
  const p = (value: unknown, cast = '') => {
    params.push(value);
    return `$${params.length}${cast}`;
  };
  const q = input.q?.trim() ?? '';
  const tsq = q ? prefixTsQuery(q) : null;
  const browsing = !tsq;
  const fuzzy = !browsing && q.replace(/\s/g, '').length >= 3;

  const visibleSources = visible === 'all' ? null : p(visible, '::text[]');
  const assetVisible = `a."removedAt" IS NULL${visibleSources ? ` AND a."dataSourceId" = ANY(${visibleSources})` : ''}`;
  const sourceVisible = visibleSources ? `s.id = ANY(${visibleSources})` : 'TRUE';
  const qP = fuzzy ? p(q, '::text') : null;
  // Each word as typed (names, tags: 'simple') or stemmed (descriptions: 'english'); every word must match.
  const tsquery = tsq
    ? tsq
        .split(' & ')
        .map((w) => {
          const wp = p(w, '::text');
          return `(to_tsquery('simple', ${wp}) || to_tsquery('english', ${wp}))`;
        })
        .join(' && ')
    : null;
  const sourceDoc = `(to_tsvector('simple', regexp_replace(s.name || ' ' || array_to_string(s.tags, ' '), '[_.:]+', ' ', 'g')) || to_tsvector('english', s.description))`;

  const ctes: string[] = [];
  if (browsing) {
    ctes.push(`matched AS (SELECT a.id, 0::real AS rank FROM "Asset" a WHERE ${assetVisible})`);
  } else {
    ctes.push(`fts AS (SELECT a.id, ts_rank_cd(a.search, (${tsquery})) AS rank FROM "Asset" a WHERE a.search @@ (${tsquery}) AND ${assetVisible})`);
    if (qP)
      ctes.push(
        `fuzzy AS (SELECT a.id, 0::real AS rank FROM "Asset" a WHERE ${qP} <% a.name AND ${assetVisible} ORDER BY word_similarity(${qP}, a.name) DESC LIMIT ${FUZZY_CANDIDATES})`,
      );
    ctes.push(`matched AS (SELECT id, max(rank) AS rank FROM (SELECT id, rank FROM fts${qP ? ' UNION ALL SELECT id, rank FROM fuzzy' : ''}) x GROUP BY id)`);
  }

  const sourceMatch = browsing ? 'TRUE' : `(${sourceDoc} @@ (${tsquery})${qP ? ` OR ${qP} <% s.name` : ''})`;
  const sourceRank = browsing ? '0::real' : `ts_rank_cd(${sourceDoc}, (${tsquery}))`;
  const termMatch = browsing ? 'TRUE' : `(t.search @@ (${tsquery})${qP ? ` OR ${qP} <% t.name` : ''})`;
  const termRank = browsing ? '0::real' : `ts_rank_cd(t.search, (${tsquery}))`;
  const parts = [
    `SELECT a.id, 'asset' AS kind, a.type::text AS type, a."dataSourceId" AS ds, a.sensitivity AS sens, a.labels, a.tags, a.certification::text AS cert,
            s.environment::text AS env, a.name, m.rank
       FROM matched m JOIN "Asset" a ON a.id = m.id JOIN "DataSource" s ON s.id = a."dataSourceId"`,
    `SELECT s.id, 'source', 'source', s.id, NULL, '{}'::text[], s.tags, NULL, s.environment::text, s.name, ${sourceRank}
       FROM "DataSource" s WHERE ${sourceVisible} AND ${sourceMatch}`,
  ];
  if (includeTerms)
    parts.push(`SELECT t.id, 'term', 'term', NULL, NULL, t.labels, '{}'::text[], NULL, NULL, t.name, ${termRank} FROM "GlossaryTerm" t WHERE ${termMatch}`);
  ctes.push(`cand AS MATERIALIZED (${parts.join('\n UNION ALL ')})`);

  // One boolean per facet filter; a facet's counts ignore its own flag.
  const flag: Record<Facet, string> = {
    type: input.types?.length ? `c.type = ANY(${p(input.types, '::text[]')})` : 'TRUE',
    ds: input.dataSourceIds?.length ? `c.ds = ANY(${p(input.dataSourceIds, '::text[]')})` : 'TRUE',
    label: labels ? `c.labels && ${p(labels, '::text[]')}` : 'TRUE',
    sens: input.sensitivities?.length ? `c.sens = ANY(${p(input.sensitivities, '::text[]')})` : 'TRUE',
    owner: input.ownerIds?.length
      ? `(c.kind = 'asset' AND c.id IN (SELECT st."assetId" FROM "AssetSteward" st WHERE st."principalType" = 'user' AND st."principalId" = ANY(${p(input.ownerIds, '::text[]')})))`
      : 'TRUE',
    tag: input.tags?.length ? `c.tags && ${p(input.tags.map((t) => t.toLowerCase()), '::text[]')}` : 'TRUE',
    env: input.environments?.length ? `c.env = ANY(${p(input.environments, '::text[]')})` : 'TRUE',
    cert: input.certifications?.length ? `c.cert = ANY(${p(input.certifications, '::text[]')})` : 'TRUE',
  };
  ctes.push(`flagged AS MATERIALIZED (SELECT c.*, ${FACETS.map((f) => `${flag[f]} AS f_${f}`).join(', ')} FROM cand c)`);
  const allBut = (skip: Facet | null) => FACETS.filter((f) => f !== skip).map((f) => `f_${f}`).join(' AND ');

  const words = tokenize(q);
  // Exact-name forms of the query: "customer email" is exactly customer_email, customer.email, customer-email.
  const exactForms = () => p([...new Set([q.toLowerCase(), exactForm(q), words.join('_'), words.join('.'), words.join('-'), words.join('')])], '::text[]');
  const score = browsing
    ? '0::real'
    : `(CASE WHEN lower(h.name) = ANY(${exactForms()}) THEN 10 ELSE 0 END + h.rank * 2${qP ? ` + similarity(h.name, ${qP})` : ''})`;
  const sensRank = (t: string) => `CASE ${t}.sens WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
  // Browsing lists the most sensitive first; a query lists the best match first.
  const order = (t: string) => (browsing ? `${sensRank(t)} DESC, ${t}.name ASC, ${t}.id ASC` : `score DESC, ${t}.name ASC, ${t}.id ASC`);
  const limitP = p(input.limit);
  const offsetP = p(input.offset);

  const counts = (facet: Facet, value: string, from = 'flagged h', extra = '') =>
    `(SELECT coalesce(json_agg(json_build_object('value', v, 'count', n) ORDER BY n DESC, v), '[]'::json)
        FROM (SELECT ${value} AS v, count(DISTINCT h.id)::int AS n FROM ${from} WHERE ${allBut(facet)}${extra} GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT ${FACET_SIZE}) f)`;

  const sql = `WITH ${ctes.join(',\n')},
page AS (SELECT h.id, h.kind, h.type, h.sens, h.name, ${score} AS score FROM flagged h WHERE ${allBut(null)} ORDER BY ${order('h')} LIMIT ${limitP} OFFSET ${offsetP})
SELECT
  (SELECT count(*)::int FROM flagged WHERE ${allBut(null)}) AS total,
  (SELECT coalesce(json_agg(json_build_object('id', pg.id, 'kind', pg.kind, 'type', pg.type, 'score', pg.score) ORDER BY ${order('pg')}), '[]'::json) FROM page pg) AS page,
  ${counts('type', 'h.type')} AS types,
  ${counts('ds', 'h.ds', 'flagged h', ' AND h.ds IS NOT NULL')} AS "dataSources",
  ${counts('label', 'l', 'flagged h CROSS JOIN LATERAL unnest(h.labels) l')} AS labels,
  ${counts('sens', 'h.sens', 'flagged h', ' AND h.sens IS NOT NULL')} AS sensitivities,
  ${counts('owner', 'st."principalId"', `flagged h JOIN "AssetSteward" st ON st."assetId" = h.id AND st."principalType" = 'user'`)} AS owners,
  ${counts('tag', 'tg', 'flagged h CROSS JOIN LATERAL unnest(h.tags) tg')} AS tags,
  ${counts('env', 'h.env', 'flagged h', ' AND h.env IS NOT NULL')} AS environments,
  ${counts('cert', 'h.cert', 'flagged h', ' AND h.cert IS NOT NULL')} AS certifications`;
  return { sql, params, fuzzy };
}
