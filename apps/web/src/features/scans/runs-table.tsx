'use client';
import Link from 'next/link';
import { AlertTriangle, History } from 'lucide-react';
import { DataTable, type DataTableColumn, DataTableLoadMore, EmptyState } from '@racine/ui';
import { formatDateTime, formatRelative } from '~/lib/format';
import { DriftCounts, formatDuration, type RunView, RunStatusBadge } from './bits';

const errorsOf = (run: RunView) => (Array.isArray(run.tableErrors) ? run.tableErrors.length : 0);

/** Run history: status, when, how long, what it found, drift. */
export function RunsTable({
  runs,
  isLoading,
  error,
  onRetry,
  onOpenRun,
  showSource = false,
  showScan = true,
  hasMore,
  loadingMore,
  onLoadMore,
  empty,
  toolbar,
}: {
  runs: RunView[] | undefined;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  onOpenRun: (runId: string) => void;
  showSource?: boolean;
  showScan?: boolean;
  hasMore?: boolean;
  loadingMore?: boolean;
  onLoadMore?: () => void;
  empty?: React.ReactNode;
  toolbar?: React.ReactNode;
}) {
  const columns: DataTableColumn<RunView>[] = [
    {
      id: 'status',
      header: 'Status',
      className: 'w-32',
      cell: (r) => <RunStatusBadge status={r.status} />,
    },
    ...(showScan
      ? [
          {
            id: 'scan',
            header: 'Scan',
            cell: (r: RunView) => (
              <div className="min-w-0">
                <div className="truncate font-medium">{r.scan.name}</div>
                {showSource ? (
                  <Link
                    href={`/datasources/${r.dataSource.id}?tab=scans`}
                    className="truncate text-xs text-muted-foreground hover:underline"
                    onClick={(e) => e.stopPropagation()}
                  >
                    {r.dataSource.name}
                  </Link>
                ) : null}
              </div>
            ),
          },
        ]
      : []),
    {
      id: 'when',
      header: 'Started',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <span title={formatDateTime(r.startedAt ?? r.queuedAt)} className="text-muted-foreground">
          {formatRelative(r.startedAt ?? r.queuedAt)}
          <span className="ml-1 text-xs">· {r.trigger}</span>
        </span>
      ),
    },
    {
      id: 'duration',
      header: 'Duration',
      className: 'hidden md:table-cell whitespace-nowrap tabular-nums',
      cell: (r) => formatDuration(r.startedAt, r.finishedAt),
    },
    {
      id: 'found',
      header: 'Tables · columns · labels',
      className: 'hidden lg:table-cell whitespace-nowrap tabular-nums',
      cell: (r) => (
        <span>
          {r.tablesDone}/{r.tablesTotal} · {r.columnsClassified} ·{' '}
          <span className="font-medium">{r.labelsSuggested}</span>
          {r.labelsAutoAccepted ? (
            <span className="text-xs text-muted-foreground"> ({r.labelsAutoAccepted} auto)</span>
          ) : null}
        </span>
      ),
    },
    {
      id: 'drift',
      header: 'Drift',
      className: 'whitespace-nowrap',
      cell: (r) => (
        <span className="inline-flex items-center gap-2">
          <DriftCounts run={r} />
          {errorsOf(r) ? (
            <span
              className="inline-flex items-center gap-1 text-xs text-destructive"
              title={`${errorsOf(r)} table(s) failed`}
            >
              <AlertTriangle className="size-3.5" />
              {errorsOf(r)}
            </span>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <DataTable
      label="Scan runs"
      columns={columns}
      data={runs}
      getRowId={(r) => r.id}
      rowTestId="run-row"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      onRowClick={(r) => onOpenRun(r.id)}
      toolbar={toolbar}
      empty={
        empty ?? (
          <EmptyState
            icon={<History />}
            title="No run yet"
            description="Runs appear here as they start."
          />
        )
      }
      footer={
        runs?.length && onLoadMore ? (
          <DataTableLoadMore
            count={runs.length}
            hasMore={!!hasMore}
            loading={loadingMore}
            onLoadMore={onLoadMore}
          />
        ) : null
      }
    />
  );
}
