/**
 * The one way to ask for a number: validates the query, finds the metric,
 * computes it over what the caller may read (every compute starts from
 * metrics/scope.ts), and caches the result per caller visibility.
 */
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { metricCacheFor } from './cache';
import { metricCatalog } from './catalog';
import { visibilityFingerprint } from './scope';
import { type MetricDefinition, type MetricDimension, type MetricFilters, type MetricQuery, type MetricResult, metricQueryInput } from './types';

const DEFAULT_TTL_MS = 5 * 60_000;

export interface QueryOptions {
  /** false: compute afresh and store nothing (the benchmark's "cache off"). */
  cache?: boolean;
}

export function findMetric(key: string): MetricDefinition {
  const def = metricCatalog.find((m) => m.key === key);
  if (!def) throw new AppError('BAD_REQUEST', `Unknown metric "${key}": metrics.catalog lists the metrics there are`, { metric: key });
  return def;
}

export async function queryMetric(deps: ServiceDeps, access: AccessChecker, userId: string | null, query: MetricQuery, options: QueryOptions = {}): Promise<MetricResult> {
  // The router marks metrics.query `filtered` (no scope to check), so the permission is checked here.
  await access.require('dashboard.use');
  const parsed = metricQueryInput.safeParse(query);
  if (!parsed.success) throw new AppError('BAD_REQUEST', `Invalid metric query: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'query'}: ${i.message}`).join('; ')}`);
  const q = parsed.data;
  const def = findMetric(q.metric);
  if (q.groupBy && !def.dimensions.includes(q.groupBy))
    throw new AppError('BAD_REQUEST', `Metric "${def.key}" cannot be grouped by ${q.groupBy}; it can by: ${def.dimensions.join(', ') || 'nothing'}`, { metric: def.key, groupBy: q.groupBy });
  const ctx = { deps, access, userId };
  const run = async (): Promise<MetricResult> => {
    const asOf = deps.clock();
    const out = await def.compute(ctx, q);
    const ignored = ignoredFilters(def, q);
    return { metric: def.key, title: def.title, unit: def.unit, better: def.better, ...out, ...(ignored.length ? { ignoredFilters: ignored } : {}), asOf };
  };
  const ttl = def.cacheTtlMs ?? DEFAULT_TTL_MS;
  if (options.cache === false || ttl === 0) return run();
  const key = `${def.key}\u0000${stableJson(q)}\u0000${await visibilityFingerprint(ctx)}`;
  return metricCacheFor(deps).through(key, def.invalidatedBy, ttl, run);
}

/** The public description of every metric: what the dashboard editor and the assistant read. */
export function metricCatalogList() {
  return metricCatalog.map(({ key, title, description, unit, better, dimensions, shapes, snapshot, invalidatedBy }) => ({ key, title, description, unit, better, dimensions, shapes, snapshot, invalidatedBy }));
}
export type MetricCatalogEntry = ReturnType<typeof metricCatalogList>[number];

const filterDimension: Record<keyof MetricFilters, MetricDimension> = {
  workspaceId: 'workspace',
  dataSourceId: 'datasource',
  frameworkId: 'framework',
  group: 'group',
  userId: 'user',
  severity: 'severity',
};

/** Filters set on the query that the metric has no dimension for. */
function ignoredFilters(def: MetricDefinition, q: MetricQuery): (keyof MetricFilters)[] {
  return (Object.keys(q.filters) as (keyof MetricFilters)[]).filter((k) => q.filters[k] !== undefined && !def.dimensions.includes(filterDimension[k]));
}

function stableJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  const obj = value as Record<string, unknown>;
  return `{${Object.keys(obj)
    .filter((k) => obj[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(obj[k])}`)
    .join(',')}}`;
}
