'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Database, Library, SearchX } from 'lucide-react';
import { Button, DataTablePagination, EmptyState, Input, PageHeader } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import { BulkActions } from './bulk-actions';
import { FacetSidebar } from './facet-sidebar';
import { ResultsTable } from './results-table';
import {
  activeFilterCount,
  type CatalogQuery,
  emptyFilters,
  type FacetName,
  PAGE_SIZE,
  paramsFromQuery,
  queryFromParams,
  searchInput,
} from './search-params';
import type { SearchInput } from './types';

/**
 * The catalog browser: typo-tolerant search over every asset and glossary
 * term the caller may see, narrowed by facets, with bulk curation. The query
 * lives in the URL so a search can be shared.
 */
export function CatalogPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [query, setQuery] = React.useState<CatalogQuery>(() =>
    queryFromParams(new URLSearchParams(searchParams)),
  );
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  // Typing is debounced; ticking a facet or turning a page is not.
  const debouncedQ = useDebounced(query.q, 250);
  const effective = React.useMemo(() => ({ ...query, q: debouncedQ }), [query, debouncedQ]);

  React.useEffect(() => {
    const next = paramsFromQuery(effective).toString();
    if (next !== searchParams.toString())
      router.replace(`${pathname}${next ? `?${next}` : ''}`, { scroll: false });
  }, [effective, pathname, router, searchParams]);

  // Back/forward (or a link to /catalog?q=… while here) changes the URL under us.
  React.useEffect(() => {
    const fromUrl = queryFromParams(new URLSearchParams(searchParams));
    if (paramsFromQuery(fromUrl).toString() !== paramsFromQuery(effective).toString())
      setQuery(fromUrl);
    // Only a URL change (back/forward, a pasted link) resets the query; typing updates the URL, not the reverse.
  }, [searchParams]);

  const input = React.useMemo(() => searchInput(effective) as SearchInput, [effective]);
  const search = useQuery({
    ...trpc.catalog.search.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  React.useEffect(() => setSelected(new Set()), [input]);

  const toggleFacet = (facet: FacetName, value: string) =>
    setQuery((q) => {
      const list = q.filters[facet];
      const next = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
      return { ...q, page: 1, filters: { ...q.filters, [facet]: next } };
    });
  const clearFacet = (facet: FacetName) =>
    setQuery((q) => ({ ...q, page: 1, filters: { ...q.filters, [facet]: [] } }));
  const clearAll = () => setQuery({ q: '', filters: emptyFilters(), page: 1 });

  const data = search.data;
  const filtered = activeFilterCount(effective) > 0 || effective.q.trim() !== '';
  const pageCount = data ? Math.max(1, Math.ceil(data.total / PAGE_SIZE)) : 1;
  const settled = query.q === debouncedQ && !search.isFetching && !search.isPlaceholderData;

  const empty = filtered ? (
    <EmptyState
      icon={<SearchX />}
      title="Nothing matches — try fewer filters"
      description="Search is forgiving of typos, but every ticked filter must match."
      action={
        <Button variant="outline" onClick={clearAll}>
          Clear search and filters
        </Button>
      }
    />
  ) : (
    <EmptyState
      icon={<Database />}
      title="No assets yet — scan a data source"
      description="Tables, views and columns appear here once a scan of a data source finishes."
      action={
        <Button asChild>
          <Link href="/datasources">Go to data sources</Link>
        </Button>
      }
    />
  );

  return (
    <>
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            <Library className="size-6 text-muted-foreground" />
            Catalog
          </span>
        }
        description="Every table, view and column your scans found, and the glossary terms that name them."
      />
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <Input
          type="search"
          aria-label="Search the catalog"
          data-testid="catalog-search"
          placeholder="Search assets and terms — e.g. email, customers, PII.Email"
          value={query.q}
          onChange={(e) => setQuery((q) => ({ ...q, q: e.target.value, page: 1 }))}
          className="h-10 max-w-2xl flex-1 text-base"
        />
        {data ? (
          <span className="text-sm text-muted-foreground" data-testid="catalog-total">
            {data.total.toLocaleString()} {data.total === 1 ? 'result' : 'results'}
            <span className="hidden sm:inline"> · {data.tookMs} ms</span>
          </span>
        ) : null}
      </div>
      <div className="grid gap-6 md:grid-cols-[14rem_1fr]">
        <aside className="min-w-0">
          <FacetSidebar
            facets={data?.facets}
            selected={query.filters}
            onToggle={toggleFacet}
            onClear={clearFacet}
            loading={search.isPending}
          />
        </aside>
        <div
          className="flex min-w-0 flex-col gap-3"
          data-testid="catalog-results"
          data-settled={settled}
          aria-busy={!settled}
        >
          {selected.size ? (
            <BulkActions ids={[...selected]} onDone={() => setSelected(new Set())} />
          ) : null}
          <ResultsTable
            hits={search.isPending ? undefined : (data?.items ?? [])}
            isLoading={search.isPending}
            error={search.error}
            onRetry={() => void search.refetch()}
            empty={empty}
            selected={selected}
            onSelectedChange={setSelected}
          />
          {data && data.total > 0 ? (
            <DataTablePagination
              page={query.page}
              pageCount={pageCount}
              total={data.total}
              onPageChange={(page) => setQuery((q) => ({ ...q, page }))}
            />
          ) : null}
        </div>
      </div>
    </>
  );
}
