/**
 * The one place dashboards meet the metric catalogue: computing a widget's
 * metric (queryMetric: validated, scoped to what the caller may read, cached)
 * and knowing which activity can change it.
 */
import type { ServiceDeps } from '../deps';
import { metricCatalog } from '../metrics/catalog';
import { queryMetric } from '../metrics/query';
import type { MetricQuery, MetricResult } from '../metrics/types';
import type { AccessChecker } from '../rbac/resolve';
import type { Widget } from './widgets';

export function widgetQuery(w: Widget): MetricQuery {
  return { metric: w.metric, filters: w.filters, groupBy: w.groupBy, grain: w.grain, range: w.range, limit: w.limit };
}

export function computeMetric(deps: ServiceDeps, access: AccessChecker, userId: string, query: MetricQuery): Promise<MetricResult> {
  return queryMetric(deps, access, userId, query);
}

/** Activity type prefixes that can change this metric; none for a metric the catalogue does not know. */
export function invalidatorsOf(metric: string): readonly string[] {
  return metricCatalog.find((m) => m.key === metric)?.invalidatedBy ?? [];
}
