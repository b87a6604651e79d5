'use client';
import * as React from 'react';
import { ChevronDown, ChevronLeft, ChevronRight, Search } from 'lucide-react';
import { cn } from './cn';
import { Button } from './button';
import { Input } from './input';
import { Skeleton } from './skeleton';
import { ErrorState } from './error-state';

export interface DataTableColumn<T> {
  id: string;
  header: React.ReactNode;
  cell: (row: T) => React.ReactNode;
  /** Applied to both the header and the body cells (widths, alignment, hiding on small screens). */
  className?: string;
}

export interface DataTableProps<T> {
  columns: DataTableColumn<T>[];
  data: readonly T[] | undefined;
  getRowId: (row: T) => string;
  isLoading?: boolean;
  error?: unknown;
  onRetry?: () => void;
  /** Shown when there is no row (usually an <EmptyState>). */
  empty?: React.ReactNode;
  /** Filters above the table. */
  toolbar?: React.ReactNode;
  /** Pagination below the table. */
  footer?: React.ReactNode;
  /** When set, rows get an expand toggle that shows this below the row. */
  renderExpanded?: (row: T) => React.ReactNode;
  onRowClick?: (row: T) => void;
  rowTestId?: string;
  /** Extra data attributes per row (e.g. `data-name`), so tests and scripts can find a row by what it shows. */
  rowData?: (row: T) => Record<`data-${string}`, string>;
  /** Row ids to flash briefly (e.g. rows that just arrived live). */
  highlightIds?: ReadonlySet<string>;
  skeletonRows?: number;
  label?: string;
  className?: string;
}

export function DataTable<T>({
  columns,
  data,
  getRowId,
  isLoading,
  error,
  onRetry,
  empty,
  toolbar,
  footer,
  renderExpanded,
  onRowClick,
  rowTestId,
  rowData,
  highlightIds,
  skeletonRows = 6,
  label,
  className,
}: DataTableProps<T>) {
  const [expanded, setExpanded] = React.useState<ReadonlySet<string>>(new Set());
  const toggle = (id: string) =>
    setExpanded((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const colSpan = columns.length + (renderExpanded ? 1 : 0);

  let body: React.ReactNode;
  if (error && !data?.length) {
    body = (
      <tr>
        <td colSpan={colSpan}>
          <ErrorState error={error} onRetry={onRetry} />
        </td>
      </tr>
    );
  } else if (isLoading && !data?.length) {
    body = Array.from({ length: skeletonRows }, (_, i) => (
      <tr key={i} className="border-b last:border-0">
        {renderExpanded ? <td className="w-8 px-3 py-3" /> : null}
        {columns.map((c) => (
          <td key={c.id} className={cn('px-3 py-3', c.className)}>
            <Skeleton className="h-4 w-full max-w-40" />
          </td>
        ))}
      </tr>
    ));
  } else if (!data?.length) {
    body = (
      <tr>
        <td colSpan={colSpan}>
          {empty ?? (
            <p className="py-10 text-center text-sm text-muted-foreground">Nothing here yet.</p>
          )}
        </td>
      </tr>
    );
  } else {
    body = data.map((row) => {
      const id = getRowId(row);
      const isOpen = expanded.has(id);
      return (
        <React.Fragment key={id}>
          <tr
            data-testid={rowTestId}
            data-row-id={id}
            {...rowData?.(row)}
            aria-expanded={renderExpanded ? isOpen : undefined}
            className={cn(
              'border-b transition-colors last:border-0 hover:bg-muted/40',
              (onRowClick || renderExpanded) && 'cursor-pointer',
              isOpen && 'bg-muted/40 border-b-0',
              highlightIds?.has(id) && 'animate-flash',
            )}
            onClick={() => {
              if (onRowClick) onRowClick(row);
              else if (renderExpanded) toggle(id);
            }}
          >
            {renderExpanded ? (
              <td className="w-8 pl-3">
                <button
                  type="button"
                  aria-label={isOpen ? 'Collapse row' : 'Expand row'}
                  className="flex size-6 items-center justify-center rounded hover:bg-accent cursor-pointer"
                  onClick={(e) => {
                    e.stopPropagation();
                    toggle(id);
                  }}
                >
                  <ChevronRight
                    className={cn('size-4 transition-transform', isOpen && 'rotate-90')}
                  />
                </button>
              </td>
            ) : null}
            {columns.map((c) => (
              <td key={c.id} className={cn('px-3 py-2.5 align-middle', c.className)}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
          {renderExpanded && isOpen ? (
            <tr className="border-b bg-muted/40 last:border-0">
              <td colSpan={colSpan} className="px-4 pb-4 pt-1">
                {renderExpanded(row)}
              </td>
            </tr>
          ) : null}
        </React.Fragment>
      );
    });
  }

  return (
    <div className={cn('flex flex-col gap-3', className)}>
      {toolbar ? <div className="flex flex-wrap items-center gap-2">{toolbar}</div> : null}
      <div className="overflow-x-auto rounded-lg border bg-card">
        <table
          className="w-full caption-bottom text-sm"
          aria-label={label}
          aria-busy={isLoading || undefined}
        >
          <thead>
            <tr className="border-b bg-muted/40">
              {renderExpanded ? <th className="w-8" aria-label="Expand" /> : null}
              {columns.map((c) => (
                <th
                  key={c.id}
                  scope="col"
                  className={cn(
                    'h-9 px-3 text-left align-middle text-xs font-medium text-muted-foreground',
                    c.className,
                  )}
                >
                  {c.header}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>{body}</tbody>
        </table>
      </div>
      {footer}
    </div>
  );
}

/** A search box for a table's toolbar. */
export function DataTableSearch({
  value,
  onChange,
  placeholder = 'Search…',
  label = 'Search',
  className,
}: {
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  label?: string;
  className?: string;
}) {
  return (
    <div className={cn('relative w-full sm:w-72', className)}>
      <Search className="pointer-events-none absolute left-2.5 top-1/2 size-4 -translate-y-1/2 text-muted-foreground" />
      <Input
        type="search"
        aria-label={label}
        placeholder={placeholder}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        className="pl-8"
      />
    </div>
  );
}

/** Page-number pagination: "Page 2 of 5" with previous/next. */
export function DataTablePagination({
  page,
  pageCount,
  total,
  onPageChange,
}: {
  page: number;
  pageCount: number;
  total?: number;
  onPageChange: (page: number) => void;
}) {
  if (pageCount <= 1 && total === undefined) return null;
  return (
    <div className="flex items-center justify-between gap-2 text-sm text-muted-foreground">
      <span>{total !== undefined ? `${total} ${total === 1 ? 'item' : 'items'}` : null}</span>
      <div className="flex items-center gap-2">
        <span>
          Page {Math.min(page, Math.max(pageCount, 1))} of {Math.max(pageCount, 1)}
        </span>
        <Button
          variant="outline"
          size="icon-sm"
          aria-label="Previous page"
          disabled={page <= 1}
          onClick={() => onPageChange(page - 1)}
        >
          <ChevronLeft />
        </Button>
        <Button
          variant="outline"
          size="icon-sm"
          aria-label="Next page"
          disabled={page >= pageCount}
          onClick={() => onPageChange(page + 1)}
        >
          <ChevronRight />
        </Button>
      </div>
    </div>
  );
}

/** Cursor pagination: a "Load more" button while there is a next page. */
export function DataTableLoadMore({
  hasMore,
  loading,
  onLoadMore,
  count,
}: {
  hasMore: boolean;
  loading?: boolean;
  onLoadMore: () => void;
  count?: number;
}) {
  return (
    <div className="flex items-center justify-between text-sm text-muted-foreground">
      <span>{count !== undefined ? `${count} shown` : null}</span>
      {hasMore ? (
        <Button variant="outline" size="sm" onClick={onLoadMore} disabled={loading}>
          <ChevronDown />
          {loading ? 'Loading…' : 'Load more'}
        </Button>
      ) : null}
    </div>
  );
}

/** Client-side paging of an in-memory list; resets to page 1 when the list's length changes. */
export function useClientPagination<T>(items: readonly T[] | undefined, pageSize = 10) {
  const [page, setPage] = React.useState(1);
  const total = items?.length ?? 0;
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  React.useEffect(() => {
    if (page > pageCount) setPage(pageCount);
  }, [page, pageCount]);
  const current = Math.min(page, pageCount);
  const pageItems = items?.slice((current - 1) * pageSize, current * pageSize);
  return { page: current, pageCount, total, pageItems, setPage };
}
