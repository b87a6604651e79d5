'use client';
import * as React from 'react';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Database, Plus } from 'lucide-react';
import {
  Button,
  DataTable,
  type DataTableColumn,
  DataTablePagination,
  DataTableSearch,
  EmptyState,
  FilterSelect,
  PageHeader,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import { useCurrentUser } from '~/components/shell/current-user';
import { EnvironmentBadge } from '~/components/environment-badge';
import { formatDateTime, formatRelative } from '~/lib/format';
import { useDebounced } from '~/lib/use-debounced';
import { RunStatusBadge } from '~/features/scans/bits';
import {
  CriticalityBadge,
  type Engine,
  EngineIcon,
  engineMeta,
  engineOptions,
  type Environment,
  environmentOptions,
  TestStatus,
} from './bits';
import { CreateDataSourceDialog } from './create-datasource-dialog';

type Source = RouterOutputs['datasource']['list']['items'][number];

const PAGE_SIZE = 10;

const columns: DataTableColumn<Source>[] = [
  {
    id: 'name',
    header: 'Name',
    cell: (s) => (
      <div className="flex min-w-0 items-center gap-3">
        <EngineIcon engine={s.engine} />
        <div className="min-w-0">
          <Link
            href={`/datasources/${s.id}`}
            className="font-medium hover:underline"
            data-testid="datasource-link"
            onClick={(e) => e.stopPropagation()}
          >
            {s.name}
          </Link>
          <div className="truncate text-xs text-muted-foreground">
            {engineMeta[s.engine].label}
            {s.workspace ? ` · ${s.workspace.name}` : ''}
            {s.tags.length ? ` · ${s.tags.map((t) => `#${t}`).join(' ')}` : ''}
          </div>
        </div>
      </div>
    ),
  },
  {
    id: 'env',
    header: 'Environment',
    cell: (s) => <EnvironmentBadge environment={s.environment} />,
    className: 'hidden sm:table-cell',
  },
  {
    id: 'criticality',
    header: 'Criticality',
    cell: (s) => <CriticalityBadge criticality={s.criticality} />,
    className: 'hidden md:table-cell',
  },
  {
    id: 'health',
    header: 'Connection',
    cell: (s) => <TestStatus source={s} compact />,
  },
  {
    id: 'scan',
    header: 'Last scan',
    cell: (s) =>
      s.lastScanStatus ? (
        <div className="flex items-center gap-2 whitespace-nowrap">
          <RunStatusBadge status={s.lastScanStatus} />
          <span className="text-xs text-muted-foreground" title={formatDateTime(s.lastScanAt)}>
            {formatRelative(s.lastScanAt)}
          </span>
        </div>
      ) : (
        <span className="text-xs text-muted-foreground">Never scanned</span>
      ),
  },
  {
    id: 'assets',
    header: <span title="Catalogued assets (tables, views, columns) · scans">Assets</span>,
    cell: (s) => (
      <span className="tabular-nums" title={`${s._count.assets} assets · ${s._count.scans} scans`}>
        {s._count.assets.toLocaleString()}
        <span className="text-muted-foreground">
          {' · '}
          {s._count.scans} {s._count.scans === 1 ? 'scan' : 'scans'}
        </span>
      </span>
    ),
    className: 'hidden lg:table-cell whitespace-nowrap',
  },
];

export function DataSourcesPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const { canCreateWorkspace: canCreate } = useCurrentUser();
  const [search, setSearch] = React.useState('');
  const [engine, setEngine] = React.useState<Engine | null>(null);
  const [environment, setEnvironment] = React.useState<Environment | null>(null);
  const [cursors, setCursors] = React.useState<(string | undefined)[]>([undefined]);
  const [createOpen, setCreateOpen] = React.useState(false);
  const query = useDebounced(search.trim(), 250);

  React.useEffect(() => setCursors([undefined]), [query, engine, environment]);

  // The command palette opens the create dialog with ?create=1.
  React.useEffect(() => {
    if (searchParams.get('create') === '1') {
      setCreateOpen(true);
      router.replace(pathname);
    }
  }, [searchParams, router, pathname]);

  const page = cursors.length;
  const list = useQuery({
    ...trpc.datasource.list.queryOptions({
      limit: PAGE_SIZE,
      ...(query ? { query } : {}),
      ...(engine ? { engine } : {}),
      ...(environment ? { environment } : {}),
      ...(cursors[page - 1] ? { cursor: cursors[page - 1] } : {}),
    }),
    placeholderData: keepPreviousData,
  });
  const total = list.data?.total ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const filtered = query !== '' || engine !== null || environment !== null;

  return (
    <>
      <PageHeader
        title="Data sources"
        description="The databases Racine connects to: their health, their scans and what was found in them."
        actions={
          canCreate ? (
            <Button onClick={() => setCreateOpen(true)} data-testid="create-datasource">
              <Plus />
              New data source
            </Button>
          ) : null
        }
      />
      <DataTable
        label="Data sources"
        columns={columns}
        data={list.data?.items}
        getRowId={(s) => s.id}
        rowTestId="datasource-row"
        isLoading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        onRowClick={(s) => router.push(`/datasources/${s.id}`)}
        toolbar={
          <>
            <DataTableSearch
              value={search}
              onChange={setSearch}
              placeholder="Search by name, description or tag…"
              label="Search data sources"
            />
            <FilterSelect
              value={engine}
              onChange={setEngine}
              options={engineOptions.map(([value, meta]) => ({ value, label: meta.label }))}
              allLabel="All engines"
              label="Engine filter"
              className="w-40"
            />
            <FilterSelect
              value={environment}
              onChange={setEnvironment}
              options={environmentOptions}
              allLabel="All environments"
              label="Environment filter"
              className="w-40"
            />
          </>
        }
        empty={
          filtered ? (
            <EmptyState
              icon={<Database />}
              title="No data source matches"
              description="Try another search, engine or environment."
              action={
                <Button
                  variant="outline"
                  size="sm"
                  onClick={() => {
                    setSearch('');
                    setEngine(null);
                    setEnvironment(null);
                  }}
                >
                  Clear filters
                </Button>
              }
            />
          ) : (
            <EmptyState
              icon={<Database />}
              title="No data source yet"
              description={
                canCreate
                  ? 'Register a database to scan it for sensitive data. The demo database is one click away.'
                  : 'Ask a steward or an admin to register a data source, or to give you access to one.'
              }
              action={
                canCreate ? (
                  <Button size="sm" onClick={() => setCreateOpen(true)}>
                    <Plus />
                    New data source
                  </Button>
                ) : null
              }
            />
          )
        }
        footer={
          list.data && total > 0 ? (
            <DataTablePagination
              page={page}
              pageCount={pageCount}
              total={total}
              onPageChange={(next) => {
                if (next < page) setCursors((c) => c.slice(0, next));
                else if (list.data?.nextCursor) setCursors((c) => [...c, list.data!.nextCursor!]);
              }}
            />
          ) : null
        }
      />
      <CreateDataSourceDialog open={createOpen} onOpenChange={setCreateOpen} />
    </>
  );
}
