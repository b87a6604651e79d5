'use client';
import Link from 'next/link';
import { Database } from 'lucide-react';
import { DataTable, type DataTableColumn, EmptyState } from '@racine/ui';
import { EnvironmentBadge } from '~/components/environment-badge';
import { ScoreCell } from './bits';
import type { Posture } from './types';

type SourceRow = Posture['bySource'][number];

/** Every readable source with its score under each framework. */
export function SourceScoresTable({
  posture,
  isLoading,
  error,
  onRetry,
}: {
  posture: Posture | undefined;
  isLoading: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const frameworks = posture?.frameworks ?? [];
  const columns: DataTableColumn<SourceRow>[] = [
    {
      id: 'source',
      header: 'Source',
      cell: (s) => (
        <Link
          href={`/compliance/findings?source=${s.dataSourceId}`}
          className="font-medium hover:underline"
          title="Findings of this source"
        >
          {s.name}
        </Link>
      ),
    },
    {
      id: 'env',
      header: 'Environment',
      cell: (s) => <EnvironmentBadge environment={s.environment} />,
      className: 'hidden sm:table-cell',
    },
    ...frameworks.map((f): DataTableColumn<SourceRow> => ({
      id: f.id,
      header: f.name,
      className: 'text-right',
      cell: (s) => <ScoreCell score={s.scores.find((x) => x.frameworkId === f.id)?.score} />,
    })),
  ];
  return (
    <DataTable
      label="Scores by source"
      columns={columns}
      data={posture?.bySource}
      getRowId={(s) => s.dataSourceId}
      rowTestId="source-score-row"
      isLoading={isLoading}
      error={error}
      onRetry={onRetry}
      skeletonRows={3}
      empty={
        <EmptyState
          icon={<Database />}
          title="No source scored yet"
          description="Register and scan a data source, then evaluate: each source gets a score per framework."
          action={
            <Link href="/datasources" className="text-sm font-medium text-primary hover:underline">
              Go to data sources
            </Link>
          }
        />
      }
    />
  );
}
