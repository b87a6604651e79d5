/**
 * catalog.search: full-text + typo-tolerant search over assets, data sources
 * and glossary terms, filtered to what the caller may read, with facet counts.
 * The SQL is built in search-sql.ts; this file runs it and shapes the hits.
 * Design and measured numbers: README.md in this folder.
 */
import { getLabel } from '../classification/taxonomy';
import type { ServiceDeps } from '../deps';
import type { AccessChecker } from '../rbac/resolve';
import type { SearchCatalogInput } from './schemas';
import { buildSearchSql, RANDOM_PAGE_COST, resolveTsQuerySql, SEARCH_WORK_MEM, WORD_SIMILARITY_THRESHOLD } from './search-sql';
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

type Counted = { value: string; count: number }[];
interface Row {
  total: number;
  page: { id: string; kind: 'asset' | 'source' | 'term'; type: string; score: number }[];
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
  const [visible, includeTerms] = await Promise.all([access.dataSourcesWith('datasource.read'), access.can('glossary.read')]);
  const labels = input.labels?.length ? expandLabelFilters(input.labels) : null;
  const resolve = input.q ? resolveTsQuerySql(input.q, visible) : null;
  const resolved = resolve ? (await deps.db.$queryRawUnsafe<{ q: string; matches: number }[]>(resolve.sql, ...resolve.params))[0] : undefined;
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
  const [items, sourceNames, ownerNames] = await Promise.all([
    hydrate(deps, row.page, input.q ?? ''),
    namesOf(deps, 'source', row.dataSources.map((f) => f.value)),
    namesOf(deps, 'user', row.owners.map((f) => f.value)),
  ]);
  const plain = (c: Counted, label: (v: string) => string = (v) => v) => c.map((f) => ({ value: f.value, label: label(f.value), count: f.count }));
  return {
    total: row.total,
    items,
    facets: {
      types: plain(row.types),
      dataSources: plain(row.dataSources, (v) => sourceNames.get(v) ?? v),
      labels: plain(row.labels, (v) => getLabel(v)?.displayName ?? v),
      sensitivities: plain(row.sensitivities),
      owners: plain(row.owners, (v) => ownerNames.get(v) ?? v),
      tags: plain(row.tags),
      environments: plain(row.environments),
      certifications: plain(row.certifications),
    },
    tookMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

async function namesOf(deps: ServiceDeps, kind: 'source' | 'user', ids: string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows =
    kind === 'source'
      ? await deps.db.dataSource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } })
      : await deps.db.user.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** One query per kind for the page (at most 100 rows), never per hit. */
async function hydrate(deps: ServiceDeps, page: Row['page'], q: string): Promise<SearchHit[]> {
  const ids = (kind: string) => page.filter((p) => p.kind === kind).map((p) => p.id);
  const [assets, sources, terms] = await Promise.all([
    ids('asset').length
      ? deps.db.asset.findMany({
          where: { id: { in: ids('asset') } },
          select: { id: true, type: true, name: true, qualifiedName: true, sensitivity: true, labels: true, tags: true, certification: true, description: true, comment: true, dataSource: { select: { id: true, name: true, environment: true } } },
        })
      : [],
    ids('source').length ? deps.db.dataSource.findMany({ where: { id: { in: ids('source') } }, select: { id: true, name: true, description: true, tags: true, environment: true } }) : [],
    ids('term').length ? deps.db.glossaryTerm.findMany({ where: { id: { in: ids('term') } }, select: { id: true, name: true, definition: true, labels: true, synonyms: true } }) : [],
  ]);
  const byId = new Map<string, Omit<SearchHit, 'score' | 'highlight' | 'description'> & { fullDescription: string }>();
  for (const a of assets)
    byId.set(a.id, { kind: 'asset', id: a.id, type: a.type, name: a.name, qualifiedName: a.qualifiedName, dataSource: a.dataSource, sensitivity: a.sensitivity, labels: a.labels, tags: a.tags, certification: a.certification, fullDescription: a.description || a.comment || '' });
  for (const s of sources)
    byId.set(s.id, { kind: 'asset', id: s.id, type: 'source', name: s.name, qualifiedName: s.name, dataSource: { id: s.id, name: s.name, environment: s.environment }, sensitivity: null, labels: [], tags: s.tags, certification: null, fullDescription: s.description });
  for (const t of terms)
    byId.set(t.id, { kind: 'term', id: t.id, type: 'term', name: t.name, qualifiedName: t.synonyms.length ? `${t.name} (${t.synonyms.join(', ')})` : t.name, dataSource: null, sensitivity: null, labels: t.labels, tags: [], certification: null, fullDescription: t.definition });
  return page.flatMap((p) => {
    const hit = byId.get(p.id);
    if (!hit) return []; // removed between the two queries
    const { fullDescription, ...rest } = hit;
    return [{ ...rest, description: truncate(fullDescription), highlight: hitHighlight({ name: hit.name, qualifiedName: hit.qualifiedName, description: fullDescription }, q), score: Math.round(p.score * 1000) / 1000 }];
  });
}

const truncate = (text: string) => {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > DESCRIPTION_CHARS ? `${flat.slice(0, DESCRIPTION_CHARS - 1)}…` : flat;
};
