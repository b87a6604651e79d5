/**
 * catalog.search: full-text + typo-tolerant search over assets, data sources
 * and glossary terms, filtered to what the caller may read, with facet counts;
 * plus published knowledge-base articles (kind 'article'), from a separate
 * small query merged at the end so the asset statement stays as measured.
 * The SQL is built in search-sql.ts (it returns the page's hits and the facet
 * values' names too); this file runs it and shapes the hits.
 * Design and measured numbers: README.md in this folder.
 */
import { getLabel } from '../classification/taxonomy';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import type { SearchCatalogInput } from './schemas';
import { buildSearchSql, FUZZY_CANDIDATES, RANDOM_PAGE_COST, resolveTsQuerySql, SEARCH_WORK_MEM, WORD_SIMILARITY_THRESHOLD } from './search-sql';
import { expandLabelFilters, type HighlightSegment, hitHighlight } from './search-query';
import { type ArticleHit, searchArticles } from '../kb/article-search';

export interface SearchHit {
  kind: 'asset' | 'term' | 'article';
  id: string;
  /** The asset type, 'source' for a data source, 'term', or 'article'. */
  type: string;
  name: string;
  qualifiedName: string;
  dataSource: { id: string; name: string; environment: string } | null;
  sensitivity: string | null;
  labels: string[];
  tags: string[];
  certification: string | null;
  description: string;
  highlight: HighlightSegment[];
  score: number;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
}

export interface SearchResult {
  total: number;
  items: SearchHit[];
  facets: Record<'types' | 'dataSources' | 'labels' | 'sensitivities' | 'owners' | 'tags' | 'environments' | 'certifications', FacetValue[]>;
  tookMs: number;
}

type Counted = { value: string; count: number; label?: string | null }[];
interface PageRow {
  id: string;
  kind: 'asset' | 'source' | 'term';
  type: string;
  score: number;
  name: string;
  qualifiedName: string;
  synonyms: string[] | null;
  sensitivity: string | null;
  labels: string[];
  tags: string[];
  certification: string | null;
  description: string;
  dataSource: { id: string; name: string; environment: string } | null;
}
interface Row {
  total: number;
  page: PageRow[];
  types: Counted;
  dataSources: Counted;
  labels: Counted;
  sensitivities: Counted;
  owners: Counted;
  tags: Counted;
  environments: Counted;
  certifications: Counted;
}

const DESCRIPTION_CHARS = 160;
/** A page mixing assets and articles shows at most this many articles, on its first page; the 'article' type facet pages through them all. */
export const ARTICLES_ON_MIXED_PAGE = 3;

export async function searchCatalog(deps: ServiceDeps, access: AccessChecker, input: SearchCatalogInput): Promise<SearchResult> {
  const started = performance.now();
  const resolveFor = async (visible: 'all' | string[]) => {
    const resolve = input.q ? resolveTsQuerySql(input.q, visible) : null;
    return resolve ? (await deps.db.$queryRawUnsafe<{ q: string; matches: number }[]>(resolve.sql, ...resolve.params))[0] : undefined;
  };
  // The tsquery does not depend on the caller, so it is resolved while their access is.
  const [visible, includeTerms, readsArticles, overall] = await Promise.all([access.dataSourcesWith('datasource.read'), access.can('glossary.read'), access.can('kb.read'), resolveFor('all')]);
  // Few matches overall means few for anyone; plenty overall may still be few among what this caller reads.
  const resolved = overall && visible !== 'all' && overall.matches >= FUZZY_CANDIDATES ? await resolveFor(visible) : overall;
  const labels = input.labels?.length ? expandLabelFilters(input.labels) : null;
  const built = buildSearchSql({ input, visible, includeTerms, labels, resolvedTsQuery: resolved?.q ?? null, fullTextMatches: resolved?.matches ?? 0 });
  // Published articles: their own small query, on another connection while the asset statement runs (kb/article-search.ts).
  const articles = articleQuery(deps, input, readsArticles, resolved?.q ?? null);
  articles.catch(() => {}); // awaited below; this only keeps a failure while the asset statement runs from going unhandled
  // Settings scoped to this one read, set in one statement (set_config(…, true)
  // is SET LOCAL; each round trip counts at this scale): the typo operator's
  // threshold; index scans priced as on SSDs (with the default, a GIN bitmap
  // scan reading 8% of the catalog lost to a 3× slower sequential scan); and
  // enough work_mem that the materialised candidates never spill (a 100k-asset
  // browse wrote ~18 MB of temp files with the default 4 MB). See README.md.
  const [, rows] = await deps.db.$transaction([
    deps.db.$queryRawUnsafe(
      `SELECT set_config('pg_trgm.word_similarity_threshold', $1, true), set_config('random_page_cost', $2, true), set_config('work_mem', $3, true)`,
      String(WORD_SIMILARITY_THRESHOLD),
      String(RANDOM_PAGE_COST),
      SEARCH_WORK_MEM,
    ),
    deps.db.$queryRawUnsafe<Row[]>(built.sql, ...built.params),
  ]);
  const row = rows[0]!;
  const q = input.q ?? '';
  const plain = (c: Counted, label: (f: Counted[number]) => string = (f) => f.label ?? f.value) => c.map((f) => ({ value: f.value, label: label(f), count: f.count }));
  const found = await articles;
  const assets = row.page.map((p) => toHit(p, q));
  const types = plain(row.types);
  if (found.facetCount > 0) types.push({ value: 'article', label: 'article', count: found.facetCount });
  return {
    total: row.total + found.total,
    // Merged by score, so an exact article title still comes first.
    items: found.hits.length ? [...assets, ...found.hits.map(articleHit)].sort((a, b) => b.score - a.score) : assets,
    facets: {
      types: types.sort((a, b) => b.count - a.count),
      dataSources: plain(row.dataSources),
      labels: plain(row.labels, (f) => getLabel(f.value)?.displayName ?? f.value),
      sensitivities: plain(row.sensitivities),
      owners: plain(row.owners),
      tags: plain(row.tags),
      environments: plain(row.environments),
      certifications: plain(row.certifications),
    },
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

/**
 * The articles part of a search. Articles carry tags and nothing else a
 * catalog facet filters on, so any other filter leaves them out; the type
 * facet's 'article' count ignores the type filter, as every facet's does.
 * Asked for by type alone, articles page by the input's offset; mixed with
 * assets, the best few join the first page.
 */
async function articleQuery(deps: ServiceDeps, input: SearchCatalogInput, readsArticles: boolean, tsquery: string | null) {
  const none = { total: 0, facetCount: 0, hits: [] as ArticleHit[] };
  const otherFilters = [input.dataSourceIds, input.labels, input.sensitivities, input.ownerIds, input.environments, input.certifications].some((f) => f?.length);
  const q = input.q?.trim() ?? '';
  if (!readsArticles || otherFilters || (q && !tsquery)) return none;
  const onlyArticles = input.types?.length === 1 && input.types[0] === 'article';
  const wanted = input.types?.length ? input.types.includes('article') : Boolean(tsquery);
  // Browsing everything lists assets; articles show there only as the facet's count.
  const page = wanted ? (onlyArticles ? { limit: input.limit, offset: input.offset } : input.offset === 0 ? { limit: Math.min(ARTICLES_ON_MIXED_PAGE, input.limit), offset: 0 } : { limit: 1, offset: 0 }) : { limit: 1, offset: 0 };
  const result = await searchArticles(deps, { q, tsquery, tags: input.tags?.length ? input.tags : null, ...page });
  const shown = wanted && (onlyArticles || input.offset === 0) ? result.hits : [];
  return { total: wanted ? result.total : 0, facetCount: result.total, hits: shown };
}

const articleHit = (a: ArticleHit): SearchHit => ({
  kind: 'article',
  id: a.id,
  type: 'article',
  name: a.title,
  qualifiedName: a.title,
  dataSource: null,
  sensitivity: null,
  labels: [],
  tags: a.tags,
  certification: null,
  description: a.description,
  highlight: a.highlight,
  score: a.score,
});

/** A page row as the API returns it: sources are assets of type 'source', terms show their synonyms. */
function toHit(p: PageRow, q: string): SearchHit {
  const qualifiedName = p.kind === 'term' && p.synonyms?.length ? `${p.name} (${p.synonyms.join(', ')})` : p.qualifiedName;
  return {
    kind: p.kind === 'term' ? 'term' : 'asset',
    id: p.id,
    type: p.type,
    name: p.name,
    qualifiedName,
    dataSource: p.dataSource,
    sensitivity: p.sensitivity,
    labels: p.labels,
    tags: p.tags,
    certification: p.certification,
    description: truncate(p.description),
    highlight: hitHighlight({ name: p.name, qualifiedName, description: p.description }, q),
    score: Math.round(p.score * 1000) / 1000,
  };
}

const truncate = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_CHARS ? `${flat.slice(0, DESCRIPTION_CHARS - 1)}…` : flat;
};
