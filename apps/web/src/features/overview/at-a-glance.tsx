'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight } from 'lucide-react';
import { trpcErrorCode, useTRPC } from '~/trpc/react';
import type { Widget } from '~/features/dashboards/types';
import { widgetStateOf } from '~/features/dashboards/types';
import { RenderWidget } from '~/features/dashboards/widgets/render-widget';

/** The four numbers a governance lead checks first, as the dashboards' own KPI tiles. */
const GLANCE: Widget[] = [
  { id: 'posture', type: 'kpi', title: 'Compliance posture', metric: 'posture.score', filters: {}, grain: 'day', range: '30d', limit: 10, x: 0, y: 0, w: 3, h: 2 },
  { id: 'sensitive', type: 'kpi', title: 'Sensitive columns', metric: 'sensitive.columns', filters: {}, grain: 'day', range: '30d', limit: 10, x: 3, y: 0, w: 3, h: 2 },
  { id: 'findings', type: 'kpi', title: 'Open findings', metric: 'findings.open', filters: {}, grain: 'day', range: '30d', limit: 10, x: 6, y: 0, w: 3, h: 2 },
  { id: 'insights', type: 'kpi', title: 'Open insights', metric: 'insights.open', filters: {}, grain: 'day', range: '30d', limit: 10, x: 9, y: 0, w: 3, h: 2 },
];

/**
 * The Overview's "at a glance" row: posture, sensitive columns, open findings
 * and open insights over what the caller may read (the metrics are scoped to
 * them), with a way to the dashboards. Hidden for those without dashboard.use.
 */
export function AtAGlance() {
  const trpc = useTRPC();
  const data = useQuery(trpc.dashboard.data.queryOptions({ widgets: GLANCE }, { refetchInterval: 60_000 }));
  if (trpcErrorCode(data.error) === 'FORBIDDEN') return null;
  return (
    <section className="mb-4" data-testid="overview-glance" aria-label="At a glance">
      <div className="mb-2 flex items-center justify-between">
        <h2 className="text-sm font-medium text-muted-foreground">At a glance</h2>
        <Link href="/dashboards" className="flex items-center gap-1 text-sm text-primary hover:underline">
          Dashboards <ArrowRight className="size-3.5" />
        </Link>
      </div>
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        {GLANCE.map((w) => (
          <div key={w.id} className="h-[150px]">
            <RenderWidget widget={w} state={data.isPending ? { loading: true } : widgetStateOf(data, w.id)} />
          </div>
        ))}
      </div>
    </section>
  );
}
