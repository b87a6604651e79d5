/**
 * The `insights.open` metric (listed in metrics/catalog.ts): open insights (new or acknowledged)
 * the caller may see, as list rows (title, severity, link) most recent first; value = how many,
 * breakdown by severity. The dashboards' insights widget draws it.
 */
import type { MetricComputation, MetricContext, MetricQuery } from '../metrics/types';
import { listInsights } from './queries';
import { insightSeverities } from './schemas';
import { insightReader } from './visibility';

const open = ['new', 'acknowledged'] as const;

export async function openInsightsMetric(ctx: MetricContext, q: MetricQuery): Promise<MetricComputation> {
  const severity = q.filters.severity;
  const [page, reader] = await Promise.all([listInsights(ctx.deps, ctx.access, { status: [...open], ...(severity ? { severity } : {}), limit: q.limit }), insightReader(ctx.access)]);
  const counts = await ctx.deps.db.insight.groupBy({ by: ['severity'], where: { AND: [reader.where, { status: { in: [...open] } }, ...(severity ? [{ severity }] : [])] }, _count: { _all: true } });
  const countOf = new Map(counts.map((c) => [c.severity as string, c._count._all]));
  const value = counts.reduce((a, c) => a + c._count._all, 0);
  return {
    value,
    previous: null,
    series: [],
    breakdown: [...insightSeverities].reverse().map((s) => ({ key: s, label: s, value: countOf.get(s) ?? 0 })).filter((r) => r.value > 0),
    rows: page.items.map((i) => ({
      key: i.id,
      label: i.title,
      value: Math.round(i.confidence * 100),
      link: `/insights?focus=${i.id}`,
      meta: { severity: i.severity, kind: i.kind, status: i.status, type: i.type, action: i.actionLink, at: i.detectedAt.toISOString() },
    })),
  };
}
