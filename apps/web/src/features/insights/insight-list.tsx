'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Lightbulb } from 'lucide-react';
import { EmptyState, ErrorState, Skeleton } from '@racine/ui';
import { formatRelative } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { SeverityBadge } from './insight-bits';

/**
 * A compact list of open insights (title, severity, when), each linking to its card on /insights.
 * For dashboards and side panels; the full cards with evidence live on the Insights page.
 */
export function InsightList({ limit = 5, kind }: { limit?: number; kind?: 'anomaly' | 'forecast' }) {
  const trpc = useTRPC();
  const list = useQuery(trpc.insight.list.queryOptions({ status: ['new', 'acknowledged'], ...(kind ? { kind } : {}), limit }));
  if (list.isPending)
    return (
      <div className="grid gap-2" aria-busy="true">
        {Array.from({ length: Math.min(limit, 3) }, (_, i) => (
          <Skeleton key={i} className="h-8 w-full" />
        ))}
      </div>
    );
  if (list.error) return <ErrorState title="Could not load insights" error={list.error} onRetry={() => void list.refetch()} />;
  if (!list.data.items.length) return <EmptyState icon={<Lightbulb />} title="Nothing unusual" description="No open anomalies or forecasts." />;
  return (
    <ul className="divide-y" data-testid="insight-compact-list">
      {list.data.items.map((i) => (
        <li key={i.id} className="flex items-center gap-2 py-2">
          <Lightbulb className="size-4 shrink-0 text-muted-foreground" aria-hidden />
          <Link href={`/insights?focus=${i.id}`} className="min-w-0 flex-1 truncate text-sm hover:underline" title={i.title}>
            {i.title}
          </Link>
          <span className="hidden shrink-0 text-xs text-muted-foreground sm:inline">{formatRelative(i.detectedAt)}</span>
          <SeverityBadge severity={i.severity} />
        </li>
      ))}
    </ul>
  );
}
