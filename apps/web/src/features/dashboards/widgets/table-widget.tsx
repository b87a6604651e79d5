'use client';
import Link from 'next/link';
import { DataTable, type DataTableColumn } from '@racine/ui';
import { formatRelative } from '~/lib/format';
import { formatMetric } from '../format';
import type { MetricResult, MetricRow } from '../types';

/** The rows a list-shaped metric returns, else its breakdown. */
export const tableRows = (r: MetricResult): MetricRow[] => (r.rows?.length ? r.rows : r.breakdown);

const isoDate = /^\d{4}-\d{2}-\d{2}T/;
const metaLabel = (key: string) => key.replace(/([a-z])([A-Z])/g, '$1 $2').replace(/^./, (c) => c.toUpperCase());
function metaCell(v: string | number | null | undefined) {
  if (v === null || v === undefined || v === '') return <span className="text-muted-foreground">—</span>;
  if (typeof v === 'string' && isoDate.test(v)) return <span title={v}>{formatRelative(v)}</span>;
  return String(v);
}

/**
 * A metric's rows as a table: the label (a link when the row has one), the
 * value in the metric's unit, and the first few facts the metric attaches to
 * its rows (status, owner, due…), columns named after them.
 */
export function TableWidget({ result }: { result: MetricResult }) {
  const rows = tableRows(result);
  const metaKeys = [...new Set(rows.flatMap((r) => Object.keys(r.meta ?? {})))].slice(0, 3);
  const showValue = rows.some((r) => r.value !== null);
  const columns: DataTableColumn<MetricRow>[] = [
    {
      id: 'label',
      header: 'Name',
      className: 'max-w-64',
      cell: (r) =>
        r.link ? (
          <Link href={r.link} className="block truncate font-medium hover:underline" title={r.label}>
            {r.label}
          </Link>
        ) : (
          <span className="block truncate" title={r.label}>
            {r.label}
          </span>
        ),
    },
    ...metaKeys.map((k) => ({ id: `meta-${k}`, header: metaLabel(k), className: 'hidden @md:table-cell whitespace-nowrap text-muted-foreground', cell: (r: MetricRow) => metaCell(r.meta?.[k]) })),
    ...(showValue ? [{ id: 'value', header: result.unit === 'count' ? 'Count' : metaLabel(result.unit), className: 'text-right tabular-nums whitespace-nowrap', cell: (r: MetricRow) => formatMetric(r.value, result.unit) }] : []),
  ];
  return <DataTable label={result.title} columns={columns} data={rows} getRowId={(r) => r.key} rowTestId="widget-row" className="border-0 shadow-none" />;
}

export const tableIsEmpty = (r: MetricResult) => tableRows(r).length === 0;
