'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Radar } from 'lucide-react';
import {
  Badge,
  DataTable,
  type DataTableColumn,
  DataTableSearch,
  EmptyState,
  FilterSelect,
  Meter,
} from '@racine/ui';
import { LABEL_CATEGORIES } from '@racine/services/classification/taxonomy';
import { useTRPC } from '~/trpc/react';
import { type Detector, formatPercent, LabelBadge, SensitivityBadge } from './bits';

const columns: DataTableColumn<Detector>[] = [
  {
    id: 'label',
    header: 'Label',
    cell: (d) => (
      <div className="grid justify-items-start gap-1">
        <LabelBadge label={d.label} sensitivity={d.sensitivity} />
        <span className="text-xs text-muted-foreground">{d.displayName}</span>
      </div>
    ),
  },
  {
    id: 'how',
    header: 'How it decides',
    className: 'hidden md:table-cell min-w-72',
    cell: (d) => (
      <div className="min-w-0 text-xs">
        <p className="line-clamp-2" title={d.description}>
          {d.description}
        </p>
        <p className="mt-0.5 text-muted-foreground">
          Validation: {d.validation}
          {d.nameRequired ? ' · needs a matching column name' : ''}
        </p>
      </div>
    ),
  },
  {
    id: 'sensitivity',
    header: 'Sensitivity',
    className: 'hidden lg:table-cell',
    cell: (d) => <SensitivityBadge sensitivity={d.sensitivity} />,
  },
  {
    id: 'precision',
    header: 'Measured precision',
    className: 'w-44',
    cell: (d) =>
      d.measuredPrecision === null ? (
        <span
          className="text-xs text-muted-foreground"
          title={`Learned (prior): ${formatPercent(d.learnedPrecision)}`}
        >
          not reviewed yet
        </span>
      ) : (
        <Meter
          value={d.measuredPrecision}
          tone="auto"
          label={`Measured precision of ${d.label}`}
          format={(v) => formatPercent(v)}
        />
      ),
  },
  {
    id: 'reviews',
    header: 'Accepted / rejected',
    className: 'whitespace-nowrap tabular-nums',
    cell: (d) => (
      <span>
        <span className="text-success">{d.accepted}</span> /{' '}
        <span className="text-destructive">{d.rejected}</span>
      </span>
    ),
  },
  {
    id: 'learned',
    header: <span title="The Beta-smoothed precision the scorer uses">Learned</span>,
    className: 'hidden sm:table-cell tabular-nums text-muted-foreground',
    cell: (d) => formatPercent(d.learnedPrecision),
  },
  {
    id: 'version',
    header: 'Version',
    className: 'hidden 2xl:table-cell text-muted-foreground',
    cell: (d) => (
      <code className="font-mono text-xs">
        {d.id} v{d.version}
      </code>
    ),
  },
];

/** The built-in detectors and how precise reviews say they are. */
export function DetectorsTab() {
  const trpc = useTRPC();
  const detectors = useQuery(trpc.classification.detectors.queryOptions());
  const [search, setSearch] = React.useState('');
  const [category, setCategory] = React.useState<string | null>(null);
  const q = search.trim().toLowerCase();
  const rows = detectors.data?.filter(
    (d) =>
      (category === null || d.category === category) &&
      (!q ||
        d.label.toLowerCase().includes(q) ||
        d.displayName.toLowerCase().includes(q) ||
        d.description.toLowerCase().includes(q)),
  );
  return (
    <DataTable
      label="Detectors"
      columns={columns}
      data={rows}
      getRowId={(d) => d.id}
      rowTestId="detector-row"
      isLoading={detectors.isPending}
      error={detectors.error}
      onRetry={() => void detectors.refetch()}
      toolbar={
        <>
          <DataTableSearch
            value={search}
            onChange={setSearch}
            placeholder="Search detectors…"
            label="Search detectors"
          />
          <FilterSelect
            value={category}
            onChange={setCategory}
            options={LABEL_CATEGORIES.map((c) => ({ value: c, label: c }))}
            allLabel="All categories"
            label="Category filter"
            className="w-44"
          />
          <Badge variant="outline" className="ml-auto">
            Precision = accepted ÷ reviewed
          </Badge>
        </>
      }
      empty={<EmptyState icon={<Radar />} title="No detector matches" />}
    />
  );
}
