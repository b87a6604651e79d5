'use client';
import Link from 'next/link';
import { Badge, DataTable, type DataTableColumn, cn } from '@racine/ui';
import { assetHref, SensitivityBadge, TagList } from './bits';
import type { ColumnChild } from './types';

const stateClass: Record<string, string> = {
  accepted: 'border-success/40 text-success',
  suggested: 'border-dashed text-foreground',
  rejected: 'text-muted-foreground line-through',
};

/** Where a label is reviewed: the queue filtered to this source and label. */
export const reviewHref = (dataSourceId: string, label: string) =>
  `/classifications?source=${dataSourceId}&label=${encodeURIComponent(label)}&state=all`;

/** A table's or view's columns, with their labels and where to review them. */
export function ColumnsTable({
  columns: rows,
  dataSourceId,
}: {
  columns: readonly ColumnChild[];
  dataSourceId: string;
}) {
  const columns: DataTableColumn<ColumnChild>[] = [
    {
      id: 'name',
      header: 'Column',
      cell: (c) => (
        <div className="min-w-0">
          <Link
            href={assetHref(c.id)}
            className="inline-flex items-center gap-1.5 font-mono text-xs font-medium hover:underline"
            data-testid="column-link"
          >
            {c.name}
          </Link>
          {c.description ? (
            <div className="line-clamp-1 max-w-md text-xs text-muted-foreground">
              {c.description}
            </div>
          ) : null}
        </div>
      ),
    },
    {
      id: 'type',
      header: 'Type',
      cell: (c) => (
        <span className="whitespace-nowrap font-mono text-xs">
          {c.dataType ?? '—'}
          <span className="ml-1.5 text-muted-foreground">
            {c.nullable === false ? 'not null' : c.nullable ? 'null' : ''}
          </span>
        </span>
      ),
    },
    {
      id: 'pk',
      header: 'PK',
      className: 'w-12 hidden sm:table-cell',
      cell: (c) => (c.isPrimaryKey ? <Badge variant="warning">PK</Badge> : null),
    },
    {
      id: 'labels',
      header: 'Labels',
      cell: (c) =>
        c.classifications.length ? (
          <div className="flex max-w-96 flex-wrap gap-1">
            {c.classifications.map((k) => (
              <Link
                key={k.id}
                href={reviewHref(dataSourceId, k.label)}
                title={`${k.state} · ${Math.round(k.confidence * 100)}% confidence — open in the review queue`}
                data-testid="column-label"
                data-state={k.state}
              >
                <Badge variant="outline" className={cn('font-mono', stateClass[k.state])}>
                  {k.label}
                  <span className="tabular-nums text-muted-foreground">
                    {Math.round(k.confidence * 100)}%
                  </span>
                </Badge>
              </Link>
            ))}
          </div>
        ) : (
          <span className="text-xs text-muted-foreground">—</span>
        ),
    },
    {
      id: 'sensitivity',
      header: 'Sensitivity',
      cell: (c) =>
        c.sensitivity ? (
          <SensitivityBadge sensitivity={c.sensitivity} />
        ) : (
          <span className="text-xs text-muted-foreground">—</span>
        ),
    },
    {
      id: 'tags',
      header: 'Tags',
      className: 'hidden lg:table-cell',
      cell: (c) => <TagList tags={c.tags} max={3} />,
    },
  ];
  return (
    <DataTable
      label="Columns"
      columns={columns}
      data={rows}
      getRowId={(c) => c.id}
      rowTestId="asset-column-row"
      rowData={(c) => ({ 'data-name': c.name })}
      empty={<p className="py-8 text-center text-sm text-muted-foreground">No columns found.</p>}
    />
  );
}
