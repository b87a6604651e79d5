/**
 * The catalog browser's state in the URL (`?q=…&type=table&label=PII.Email&page=2`),
 * so a filtered search can be linked. Multi-select facets repeat their parameter.
 */
export const facetParams = {
  types: 'type',
  dataSources: 'source',
  labels: 'label',
  sensitivities: 'sensitivity',
  owners: 'owner',
  tags: 'tag',
  environments: 'env',
  certifications: 'cert',
} as const;
export type FacetName = keyof typeof facetParams;
export const facetNames = Object.keys(facetParams) as FacetName[];

/** The facet's filter field in catalog.search's input. */
export const facetInputKey = {
  types: 'types',
  dataSources: 'dataSourceIds',
  labels: 'labels',
  sensitivities: 'sensitivities',
  owners: 'ownerIds',
  tags: 'tags',
  environments: 'environments',
  certifications: 'certifications',
} as const satisfies Record<FacetName, string>;

export const facetTitle: Record<FacetName, string> = {
  types: 'Type',
  dataSources: 'Data source',
  labels: 'Label',
  sensitivities: 'Sensitivity',
  owners: 'Owner',
  tags: 'Tag',
  environments: 'Environment',
  certifications: 'Certification',
};

export interface CatalogQuery {
  q: string;
  filters: Record<FacetName, string[]>;
  page: number;
}

export const PAGE_SIZE = 25;

export function emptyFilters(): Record<FacetName, string[]> {
  return Object.fromEntries(facetNames.map((f) => [f, []])) as unknown as Record<
    FacetName,
    string[]
  >;
}

export function queryFromParams(params: URLSearchParams): CatalogQuery {
  const filters = emptyFilters();
  for (const f of facetNames) filters[f] = [...new Set(params.getAll(facetParams[f]))];
  const page = Number(params.get('page'));
  return {
    q: params.get('q') ?? '',
    filters,
    page: Number.isInteger(page) && page > 1 ? page : 1,
  };
}

export function paramsFromQuery(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q.trim()) params.set('q', query.q.trim());
  for (const f of facetNames) for (const v of query.filters[f]) params.append(facetParams[f], v);
  if (query.page > 1) params.set('page', String(query.page));
  return params;
}

/** catalog.search's input for a query: empty filters are left out. */
export function searchInput(query: CatalogQuery) {
  const input: Record<string, unknown> = {
    limit: PAGE_SIZE,
    offset: (query.page - 1) * PAGE_SIZE,
  };
  if (query.q.trim()) input.q = query.q.trim();
  for (const f of facetNames)
    if (query.filters[f].length) input[facetInputKey[f]] = query.filters[f];
  return input;
}

export const activeFilterCount = (query: CatalogQuery) =>
  facetNames.reduce((n, f) => n + query.filters[f].length, 0);
