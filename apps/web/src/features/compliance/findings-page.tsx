'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Check, ShieldCheck, UserPlus } from 'lucide-react';
import {
  Button,
  CountTabs,
  DataTable,
  DataTablePagination,
  EmptyState,
  PageHeader,
  Spinner,
  toast,
} from '@racine/ui';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useTRPC, useTRPCClient } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import { useDebounced } from '~/lib/use-debounced';
import { FindingSheet } from './finding-sheet';
import { findingColumns } from './findings-columns';
import {
  type FindingFilters,
  filtersFromUrl,
  filtersToUrl,
  findingsInput,
  isFiltered,
  PAGE_SIZE,
  statusTabs,
} from './findings-filters';
import { FindingsToolbar } from './findings-toolbar';
import type { Finding } from './types';

/**
 * The findings board: every failing rule on every asset the caller may see,
 * filtered from the URL (so a filtered board can be linked), with a sheet
 * per finding to read its evidence and act on it.
 */
export function FindingsPage() {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { user } = useCurrentUser();
  const filters = React.useMemo(
    () => filtersFromUrl(new URLSearchParams(searchParams)),
    [searchParams],
  );
  const [search, setSearch] = React.useState(filters.q);
  const q = useDebounced(search, 250);
  const openId = searchParams.get('finding');
  const [selected, setSelected] = React.useState<ReadonlySet<string>>(new Set());

  const navigate = React.useCallback(
    (next: FindingFilters, finding: string | null = openId) => {
      const params = filtersToUrl(next);
      if (finding) params.set('finding', finding);
      const s = params.toString();
      if (s !== searchParams.toString())
        router.replace(`${pathname}${s ? `?${s}` : ''}`, { scroll: false });
    },
    [openId, pathname, router, searchParams],
  );
  // Any filter change goes back to the first page.
  const set = (patch: Partial<FindingFilters>) => navigate({ ...filters, page: 1, ...patch });
  // Only a new debounced search moves the URL; other filter changes already did.
  const lastQ = React.useRef(q);
  React.useEffect(() => {
    if (lastQ.current === q) return;
    lastQ.current = q;
    if (q.trim() !== filters.q.trim()) navigate({ ...filters, q, page: 1 });
  }, [q, filters, navigate]);
  // A new filter is a new list: forget the selection (opening a finding is not a new filter).
  const filterKey = filtersToUrl(filters).toString();
  React.useEffect(() => setSelected(new Set()), [filterKey]);

  const input = findingsInput(filters);
  const list = useQuery({
    ...trpc.compliance.findings.queryOptions(input),
    placeholderData: keepPreviousData,
  });
  const rows = list.data?.items ?? [];
  const total = list.data?.total ?? 0;
  const byStatus: Partial<Record<string, number>> = list.data?.counts.byStatus ?? {};
  const countOf = (statuses: readonly string[]) =>
    list.data
      ? (statuses.length ? statuses : Object.keys(byStatus)).reduce(
          (n, s) => n + (byStatus[s] ?? 0),
          0,
        )
      : undefined;

  // Keep the open finding on screen after an action moves it out of the current filter.
  const [shown, setShown] = React.useState<Finding | null>(null);
  React.useEffect(() => {
    if (!openId) return setShown(null);
    const fresh = rows.find((r) => r.id === openId);
    if (fresh) setShown(fresh);
  }, [openId, rows]);
  const openFinding = (f: Finding) => {
    setShown(f);
    navigate(filters, f.id);
  };

  const [bulkPending, setBulkPending] = React.useState(false);
  // One call per finding: a handful at a time is what people select, and each change is audited on its own.
  const bulk = async (patch: { status?: 'acknowledged'; assigneeId?: string }, done: string) => {
    setBulkPending(true);
    const ids = [...selected];
    const results = await Promise.allSettled(
      ids.map((id) => client.compliance.updateFinding.mutate({ id, ...patch })),
    );
    const failed = results.filter((r) => r.status === 'rejected');
    if (failed.length)
      toast.fromError(
        (failed[0] as PromiseRejectedResult).reason,
        `${failed.length} of ${ids.length} could not be updated`,
      );
    if (failed.length < ids.length) toast.success(`${ids.length - failed.length} ${done}`);
    setSelected(new Set());
    setBulkPending(false);
    await queryClient.invalidateQueries(trpc.compliance.pathFilter());
  };

  const columns = findingColumns({ rows, selected, setSelected });
  const settled = !list.isFetching;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));

  return (
    <>
      <PageHeader
        title="Findings"
        breadcrumb={
          <Link href="/compliance" className="hover:underline">
            Compliance
          </Link>
        }
        description="Rules failing on assets: who is on them, what the evidence says, and what was waived."
      />
      <div
        className="grid grid-cols-[minmax(0,1fr)] gap-3"
        data-testid="findings-board"
        data-settled={settled}
        aria-busy={!settled}
      >
        <CountTabs
          label="Status"
          testIdPrefix="status-tab"
          value={filters.tab}
          onChange={(tab) => set({ tab })}
          tabs={statusTabs.map((t) => ({
            value: t.value,
            label: t.label,
            count: countOf(t.statuses),
          }))}
        />
        {selected.size ? (
          <div
            className="flex flex-wrap items-center gap-2 rounded-md border bg-muted/40 px-3 py-2 text-sm"
            data-testid="bulk-bar"
          >
            <span className="font-medium">{selected.size} selected</span>
            <Button
              size="sm"
              variant="outline"
              disabled={bulkPending}
              onClick={() => void bulk({ status: 'acknowledged' }, 'acknowledged')}
            >
              {bulkPending ? <Spinner /> : <Check />}
              Acknowledge
            </Button>
            <Button
              size="sm"
              variant="outline"
              disabled={bulkPending}
              onClick={() => void bulk({ assigneeId: user.id }, 'assigned to you')}
            >
              <UserPlus />
              Assign to me
            </Button>
            <Button size="sm" variant="ghost" onClick={() => setSelected(new Set())}>
              Clear
            </Button>
          </div>
        ) : null}
        <DataTable
          label="Findings"
          columns={columns}
          data={rows}
          getRowId={(f) => f.id}
          rowTestId="finding-row"
          isLoading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          onRowClick={openFinding}
          toolbar={
            <FindingsToolbar filters={filters} search={search} onSearch={setSearch} set={set} />
          }
          empty={
            isFiltered(filters) || filters.tab !== 'active' ? (
              <EmptyState
                icon={<ShieldCheck />}
                title="No finding matches"
                description="Try another status, framework, source or search."
                action={
                  <Button
                    variant="outline"
                    size="sm"
                    onClick={() => {
                      setSearch('');
                      navigate(filtersFromUrl(new URLSearchParams()), null);
                    }}
                  >
                    Clear filters
                  </Button>
                }
              />
            ) : (
              <EmptyState
                icon={<ShieldCheck />}
                title="Nothing needs attention"
                description="No open finding. Evaluate the frameworks after a scan to check the catalog again."
                action={
                  <Button variant="outline" size="sm" asChild>
                    <Link href="/compliance">Go to the posture</Link>
                  </Button>
                }
              />
            )
          }
          footer={
            list.data && total > 0 ? (
              <DataTablePagination
                page={filters.page}
                pageCount={pageCount}
                total={total}
                onPageChange={(page) => navigate({ ...filters, page })}
              />
            ) : null
          }
        />
      </div>
      <FindingSheet
        finding={openId ? (rows.find((r) => r.id === openId) ?? shown) : null}
        onOpenChange={(open) => {
          if (!open) navigate(filters, null);
        }}
      />
    </>
  );
}
