'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { Check, ScanSearch, Tags, X } from 'lucide-react';
import {
  Button,
  CountTabs,
  Checkbox,
  DataTable,
  type DataTableColumn,
  DataTableLoadMore,
  EmptyState,
  FilterSelect,
  Input,
  Slider,
  Spinner,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import {
  type ClassificationRow,
  type ClassificationState,
  ConfidenceBar,
  evidenceOf,
  isRuleEvidence,
  LabelBadge,
  labelFilterOptions,
  StateBadge,
} from './bits';
import { EvidencePanel } from './evidence-panel';
import { useReview } from './use-review';

const PAGE_SIZE = 50;
type StateFilter = ClassificationState | 'all';
const stateTabs: { value: StateFilter; label: string }[] = [
  { value: 'suggested', label: 'To review' },
  { value: 'accepted', label: 'Accepted' },
  { value: 'rejected', label: 'Rejected' },
  { value: 'all', label: 'All' },
];

interface Filters {
  sourceId: string | null;
  label: string;
  state: StateFilter;
  minConfidence: number;
}

function filtersFromUrl(params: URLSearchParams, fixedSourceId?: string): Filters {
  const state = params.get('state');
  const min = Number(params.get('min'));
  return {
    sourceId: fixedSourceId ?? params.get('source'),
    label: params.get('label') ?? '',
    state: stateTabs.some((t) => t.value === state) ? (state as StateFilter) : 'suggested',
    minConfidence: Number.isFinite(min) && min > 0 && min <= 1 ? min : 0,
  };
}

function apiFilters(f: Filters) {
  const label = f.label.trim();
  return {
    ...(f.sourceId ? { dataSourceId: f.sourceId } : {}),
    ...(label ? { label } : {}),
    ...(f.minConfidence > 0 ? { minConfidence: f.minConfidence } : {}),
  };
}

/**
 * The classification review queue: filter by source, label (or prefix),
 * state and confidence; read the evidence; accept or reject one label or
 * many. With `fixedSource` it is one source's queue (on its page).
 */
export function ReviewQueue({ fixedSource }: { fixedSource?: { id: string; name: string } }) {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const [filters, setFilters] = React.useState<Filters>(() =>
    filtersFromUrl(new URLSearchParams(searchParams), fixedSource?.id),
  );
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());
  const debounced = useDebounced(filters, 250);
  const base = React.useMemo(() => apiFilters(debounced), [debounced]);
  const set = (patch: Partial<Filters>) => setFilters((f) => ({ ...f, ...patch }));

  // The full page keeps its filters in the URL, so a filtered queue can be linked.
  React.useEffect(() => {
    if (fixedSource) return;
    const params = new URLSearchParams();
    if (debounced.sourceId) params.set('source', debounced.sourceId);
    if (debounced.label.trim()) params.set('label', debounced.label.trim());
    if (debounced.state !== 'suggested') params.set('state', debounced.state);
    if (debounced.minConfidence > 0) params.set('min', String(debounced.minConfidence));
    const tab = searchParams.get('tab');
    if (tab) params.set('tab', tab);
    const next = params.toString();
    if (next !== searchParams.toString())
      router.replace(`${pathname}${next ? `?${next}` : ''}`, { scroll: false });
  }, [debounced, fixedSource, pathname, router, searchParams]);

  React.useEffect(() => setSelected(new Set()), [base, debounced.state]);

  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    enabled: !fixedSource,
    staleTime: 60_000,
  });
  const list = useInfiniteQuery({
    ...trpc.classification.list.infiniteQueryOptions(
      {
        ...base,
        ...(debounced.state !== 'all' ? { state: debounced.state } : {}),
        limit: PAGE_SIZE,
      },
      { getNextPageParam: (last) => last.nextCursor ?? undefined },
    ),
    placeholderData: keepPreviousData,
  });
  // How many labels are in each state under the other filters (the tabs' counts).
  const counts = {
    suggested: useQuery(
      trpc.classification.list.queryOptions({ ...base, state: 'suggested', limit: 1 }),
    ),
    accepted: useQuery(
      trpc.classification.list.queryOptions({ ...base, state: 'accepted', limit: 1 }),
    ),
    rejected: useQuery(
      trpc.classification.list.queryOptions({ ...base, state: 'rejected', limit: 1 }),
    ),
  };
  const countOf = (s: StateFilter) =>
    s === 'all'
      ? ['suggested', 'accepted', 'rejected'].reduce(
          (n, k) => n + (counts[k as ClassificationState].data?.total ?? 0),
          0,
        )
      : counts[s].data?.total;

  const rows = React.useMemo(() => list.data?.pages.flatMap((p) => p.items) ?? [], [list.data]);
  const total = list.data?.pages[0]?.total;
  const review = useReview({
    onDone: (ids) => setSelected((s) => new Set([...s].filter((id) => !ids.includes(id)))),
  });
  const pendingIds = review.isPending ? new Set(review.variables?.ids ?? []) : new Set<string>();
  const decide = (ids: string[], decision: 'accept' | 'reject') => review.mutate({ ids, decision });

  const allSelected = rows.length > 0 && rows.every((r) => selected.has(r.id));
  const someSelected = rows.some((r) => selected.has(r.id));
  const toggle = (id: string) =>
    setSelected((s) => {
      const next = new Set(s);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  const noSuggestionsAtAll =
    !list.isPending &&
    counts.suggested.data?.total === 0 &&
    counts.accepted.data?.total === 0 &&
    counts.rejected.data?.total === 0 &&
    !filters.label.trim() &&
    filters.minConfidence === 0;

  const showSource = !fixedSource && !debounced.sourceId;
  // "Nothing left to review" only when there were labels and all of them are decided.
  const reviewedAll = filters.state === 'suggested' && (countOf('all') ?? 0) > 0;
  const columns: DataTableColumn<ClassificationRow>[] = [
    {
      id: 'select',
      header: (
        <Checkbox
          aria-label="Select all shown"
          checked={allSelected ? true : someSelected ? 'indeterminate' : false}
          onCheckedChange={(v) => setSelected(v ? new Set(rows.map((r) => r.id)) : new Set())}
        />
      ),
      className: 'w-8',
      cell: (r) => (
        <span onClick={(e) => e.stopPropagation()} className="flex">
          <Checkbox
            aria-label={`Select ${r.label} on ${r.column}`}
            checked={selected.has(r.id)}
            onCheckedChange={() => toggle(r.id)}
          />
        </span>
      ),
    },
    {
      id: 'column',
      header: 'Column',
      cell: (r) => (
        <div className="min-w-0">
          <div className="truncate font-mono text-xs" data-testid="label-column">
            <span className="text-muted-foreground">
              {r.schema ? `${r.schema}.` : ''}
              {r.tableId ? (
                <Link
                  href={`/catalog/assets/${r.tableId}`}
                  className="hover:underline"
                  onClick={(e) => e.stopPropagation()}
                >
                  {r.table}
                </Link>
              ) : (
                r.table
              )}
              .
            </span>
            <Link
              href={`/catalog/assets/${r.columnId}`}
              className="font-medium text-foreground hover:underline"
              onClick={(e) => e.stopPropagation()}
              title="Open in the catalog"
            >
              {r.column}
            </Link>
          </div>
          <div className="truncate text-[11px] text-muted-foreground">
            {r.dataType ?? ''}
            {showSource ? (
              <>
                {' · '}
                <Link
                  href={`/datasources/${r.dataSource.id}`}
                  className="hover:underline"
                  onClick={(e) => e.stopPropagation()}
                >
                  {r.dataSource.name}
                </Link>
              </>
            ) : null}
          </div>
        </div>
      ),
    },
    {
      id: 'label',
      header: 'Label',
      cell: (r) => <LabelBadge label={r.label} sensitivity={r.sensitivity} />,
    },
    {
      id: 'confidence',
      header: 'Confidence',
      className: 'w-32',
      cell: (r) => <ConfidenceBar value={r.confidence} label={`Confidence of ${r.label}`} />,
    },
    {
      id: 'state',
      header: 'State',
      className: 'whitespace-nowrap',
      cell: (r) => <StateBadge state={r.state} autoAccepted={r.autoAccepted} />,
    },
    {
      id: 'detector',
      header: 'Detector',
      className: 'hidden lg:table-cell max-w-40',
      cell: (r) => {
        const e = evidenceOf(r);
        return (
          <code
            className="block truncate font-mono text-[11px] text-muted-foreground"
            title={e.detector}
          >
            {isRuleEvidence(e) ? `rule ${e.rule.id}` : e.detector.replace(/^builtin\./, '')}
          </code>
        );
      },
    },
    {
      id: 'actions',
      header: <span className="sr-only">Review</span>,
      className: 'w-24 text-right',
      cell: (r) => (
        <div className="flex justify-end gap-1" onClick={(e) => e.stopPropagation()}>
          {pendingIds.has(r.id) ? <Spinner className="m-2 size-4" /> : null}
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Accept ${r.label} on ${r.column}`}
            data-testid="accept-label"
            disabled={r.state === 'accepted' || pendingIds.has(r.id)}
            className="text-success hover:text-success"
            onClick={() => decide([r.id], 'accept')}
          >
            <Check />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Reject ${r.label} on ${r.column}`}
            data-testid="reject-label"
            disabled={r.state === 'rejected' || pendingIds.has(r.id)}
            className="text-destructive hover:text-destructive"
            onClick={() => decide([r.id], 'reject')}
          >
            <X />
          </Button>
        </div>
      ),
    },
  ];

  const selectedIds = [...selected];
  // Settled: the filters typed are the ones loaded (for tests and assistive tech).
  const settled =
    JSON.stringify(filters) === JSON.stringify(debounced) &&
    !list.isFetching &&
    !list.isPlaceholderData;
  return (
    <div
      className="grid gap-3"
      data-testid="review-queue"
      data-settled={settled}
      aria-busy={!settled}
    >
      <CountTabs
        label="State"
        testIdPrefix="state-tab"
        value={filters.state}
        onChange={(state) => set({ state })}
        tabs={stateTabs.map((t) => ({ value: t.value, label: t.label, count: countOf(t.value) }))}
      />
      {selectedIds.length ? (
        <div
          className="flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm"
          data-testid="bulk-bar"
        >
          <span className="font-medium">{selectedIds.length} selected</span>
          <Button
            size="sm"
            onClick={() => decide(selectedIds, 'accept')}
            disabled={review.isPending}
            data-testid="bulk-accept"
          >
            <Check />
            Accept
          </Button>
          <Button
            size="sm"
            variant="destructive"
            onClick={() => decide(selectedIds, 'reject')}
            disabled={review.isPending}
            data-testid="bulk-reject"
          >
            <X />
            Reject
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
            Clear selection
          </Button>
        </div>
      ) : null}
      <DataTable
        label="Classifications"
        columns={columns}
        data={list.isPending ? undefined : rows}
        getRowId={(r) => r.id}
        rowTestId="classification-row"
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        renderExpanded={(r) => <EvidencePanel row={r} />}
        toolbar={
          <div className="flex w-full flex-wrap items-center gap-2">
            {fixedSource ? null : (
              <FilterSelect
                value={filters.sourceId}
                onChange={(v) => set({ sourceId: v })}
                options={(sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name }))}
                allLabel="All sources"
                label="Source filter"
                className="w-full sm:w-52"
              />
            )}
            <Input
              aria-label="Label filter"
              placeholder="Label or prefix, e.g. PII."
              list="classification-labels"
              value={filters.label}
              onChange={(e) => set({ label: e.target.value })}
              className="w-full sm:w-60"
            />
            <datalist id="classification-labels">
              {labelFilterOptions.map((l) => (
                <option key={l} value={l} />
              ))}
            </datalist>
            <div className="flex w-full items-center gap-3 sm:w-64">
              <span className="shrink-0 text-xs text-muted-foreground">Min confidence</span>
              <Slider
                aria-label="Minimum confidence"
                min={0}
                max={1}
                step={0.05}
                value={[filters.minConfidence]}
                onValueChange={([v]) => set({ minConfidence: v ?? 0 })}
              />
              <span className="w-9 shrink-0 text-right text-xs tabular-nums">
                {Math.round(filters.minConfidence * 100)}%
              </span>
            </div>
            {filters.label || filters.minConfidence > 0 || (!fixedSource && filters.sourceId) ? (
              <Button
                variant="ghost"
                size="sm"
                onClick={() =>
                  set({ label: '', minConfidence: 0, ...(fixedSource ? {} : { sourceId: null }) })
                }
              >
                <X />
                Clear
              </Button>
            ) : null}
          </div>
        }
        empty={
          noSuggestionsAtAll ? (
            <EmptyState
              icon={<ScanSearch />}
              title="No suggestions yet"
              description="Run a scan to get suggestions: each column's names, types and sampled values are checked by the detectors."
              action={
                <Button size="sm" asChild>
                  <Link href={fixedSource ? `/datasources/${fixedSource.id}?tab=scans` : '/scans'}>
                    Run a scan
                  </Link>
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Tags />}
              title={reviewedAll ? 'Nothing left to review' : 'No label matches these filters'}
              description={
                reviewedAll
                  ? 'Every suggestion under these filters has been reviewed.'
                  : 'Try another label, state or confidence.'
              }
            />
          )
        }
        footer={
          rows.length ? (
            <DataTableLoadMore
              count={rows.length}
              hasMore={!!list.hasNextPage}
              loading={list.isFetchingNextPage}
              onLoadMore={() => void list.fetchNextPage()}
            />
          ) : null
        }
      />
      {total !== undefined && rows.length ? (
        <p className="sr-only" aria-live="polite">
          {total} labels
        </p>
      ) : null}
    </div>
  );
}
