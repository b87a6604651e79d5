'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight } from 'lucide-react';
import { trpcErrorCode, useTRPC } from '~/trpc/react';
import { type Widget, widgetStateOf } from '~/features/dashboards/types';
import { RenderWidget } from '~/features/dashboards/widgets/render-widget';

/** A KPI tile of `metric` over the last 30 days, in column `x` of a 12-column row. */
const kpi = (id: string, title: string, metric: string, x: number): Widget => ({ id, type: 'kpi', title, metric, filters: {}, grain: 'day', range: '30d', limit: 10, x, y: 0, w: 3, h: 2 });

/** The four numbers a governance lead checks first, as the dashboards' own KPI tiles. */
const GLANCE: Widget[] = [
  kpi('posture', 'Compliance posture', 'posture.score', 0),
  kpi('sensitive', 'Sensitive columns', 'sensitive.columns', 3),
  kpi('findings', 'Open findings', 'findings.open', 6),
  kpi('insights', 'Open insights', 'insights.open', 9),
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
