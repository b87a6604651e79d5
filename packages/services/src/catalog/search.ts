/**
 * catalog.search: full-text + typo-tolerant search over assets, data sources
 * and glossary terms, filtered to what the caller may read, with facet counts.
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

export interface SearchHit {
  kind: 'asset' | 'term';
  id: string;
  /** The asset type, 'source' for a data source, or 'term'. */
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

export async function searchCatalog(deps: ServiceDeps, access: AccessChecker, input: SearchCatalogInput): Promise<SearchResult> {
  const started = performance.now();
  const resolveFor = async (visible: 'all' | string[]) => {
    const resolve = input.q ? resolveTsQuerySql(input.q, visible) : null;
    return resolve ? (await deps.db.$queryRawUnsafe<{ q: string; matches: number }[]>(resolve.sql, ...resolve.params))[0] : undefined;
  };
  // The tsquery does not depend on the caller, so it is resolved while their access is.
  const [visible, includeTerms, overall] = await Promise.all([access.dataSourcesWith('datasource.read'), access.can('glossary.read'), resolveFor('all')]);
  // Few matches overall means few for anyone; plenty overall may still be few among what this caller reads.
  const resolved = overall && visible !== 'all' && overall.matches >= FUZZY_CANDIDATES ? await resolveFor(visible) : overall;
  const labels = input.labels?.length ? expandLabelFilters(input.labels) : null;
  const built = buildSearchSql({ input, visible, includeTerms, labels, resolvedTsQuery: resolved?.q ?? null, fullTextMatches: resolved?.matches ?? 0 });
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
  return {
    total: row.total,
    items: row.page.map((p) => toHit(p, q)),
    facets: {
      types: plain(row.types),
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
