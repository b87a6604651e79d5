'use client';
import Link from 'next/link';
import { Tags } from 'lucide-react';
import { DataTable, type DataTableColumn, EmptyState } from '@racine/ui';
import {
  ConfidenceBar,
  LabelBadge,
  StateBadge,
} from '~/features/classifications/bits';
import { EvidencePanel } from '~/features/classifications/evidence-panel';
import { reviewHref } from './columns-table';
import type { AssetView } from './types';

type Label = AssetView['classifications'][number];

/** A column's labels with the evidence behind each (the review queue's panel). */
export function ColumnClassifications({ asset }: { asset: AssetView }) {
  const columns: DataTableColumn<Label>[] = [
    {
      id: 'label',
      header: 'Label',
      cell: (c) => <LabelBadge label={c.label} sensitivity={c.sensitivity} />,
    },
    {
      id: 'confidence',
      header: 'Confidence',
      className: 'w-36',
      cell: (c) => <ConfidenceBar value={c.confidence} label={`Confidence of ${c.label}`} />,
    },
    {
      id: 'state',
      header: 'State',
      cell: (c) => <StateBadge state={c.state} autoAccepted={c.autoAccepted} />,
    },
    {
      id: 'review',
      header: <span className="sr-only">Review</span>,
      className: 'text-right',
      cell: (c) => (
        <Link
          href={reviewHref(asset.dataSource.id, c.label)}
          className="text-xs text-primary hover:underline"
          onClick={(e) => e.stopPropagation()}
        >
          Review
        </Link>
      ),
    },
  ];
  return (
    <DataTable
      label="Classifications"
      columns={columns}
      data={asset.classifications}
      getRowId={(c) => c.id}
      rowTestId="asset-classification"
      renderExpanded={(c) => <EvidencePanel row={{ ...c, dataType: asset.dataType }} />}
      empty={
        <EmptyState
          icon={<Tags />}
          title="No labels on this column"
          description="Scans found nothing sensitive here, or every suggestion was rejected."
        />
      }
    />
  );
}
