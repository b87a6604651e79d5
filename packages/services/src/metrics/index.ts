// The metrics barrel: re-export this folder's public functions here.
export * from './types';
export { queryMetric, metricCatalogList, findMetric, type MetricCatalogEntry, type QueryOptions } from './query';
export { metricCatalog } from './catalog';
export { MetricCache, metricCacheFor } from './cache';
export { snapshotMetrics, metricsSnapshotTask, type SnapshotOutcome } from './snapshot';
