/**
 * The metric catalogue's contract. A metric is a named, typed, documented
 * SQL-backed computation over what the caller may read. Dashboards, insights
 * and the assistant all ask for numbers through `queryMetric` (./query.ts)
 * and nothing else, so one definition serves every consumer.
 */
import { z } from 'zod';
import type { AccessChecker } from '../rbac/resolve';
import type { ServiceDeps } from '../deps';

export const grains = ['hour', 'day', 'week'] as const;
export type Grain = (typeof grains)[number];

/** What a metric can be broken down or filtered by. */
export const metricDimensions = ['workspace', 'datasource', 'framework', 'group', 'user', 'severity', 'label', 'type', 'status'] as const;
export type MetricDimension = (typeof metricDimensions)[number];

export const metricUnits = ['count', 'percent', 'ms', 'days', 'hours'] as const;
export type MetricUnit = (typeof metricUnits)[number];

/** Which direction of change is an improvement; 'neither' for volumes (activity, queue depth) where a change is not good or bad by itself. */
export const metricBetterDirections = ['up', 'down', 'neither'] as const;
export type MetricBetter = (typeof metricBetterDirections)[number];

/** Relative ranges a dashboard keeps meaning as time passes. */
export const rangePresets = ['24h', '7d', '30d', '90d'] as const;
export type RangePreset = (typeof rangePresets)[number];

export const metricFiltersInput = z
  .object({
    workspaceId: z.uuid().optional(),
    dataSourceId: z.uuid().optional(),
    frameworkId: z.uuid().optional(),
    group: z.string().min(1).max(40).optional(),
    userId: z.uuid().optional(),
    severity: z.enum(['low', 'medium', 'high', 'critical']).optional(),
  })
  .strict();
export type MetricFilters = z.infer<typeof metricFiltersInput>;

export const metricQueryInput = z
  .object({
    metric: z.string().min(1).max(80),
    filters: metricFiltersInput.default({}),
    groupBy: z.enum(metricDimensions).optional(),
    grain: z.enum(grains).default('day'),
    range: z.enum(rangePresets).default('30d'),
    /** Rows for table/top-N/list shapes. */
    limit: z.number().int().min(1).max(100).default(10),
  })
  .strict();
export type MetricQuery = z.infer<typeof metricQueryInput>;

export interface MetricPoint {
  t: Date;
  value: number;
}

export interface MetricRow {
  key: string;
  label: string;
  value: number | null;
  /** Where clicking the row goes. */
  link?: string;
  /** Secondary facts shown beside the row (severity, age, owner…). */
  meta?: Record<string, string | number | null>;
}

export interface MetricResult {
  metric: string;
  title: string;
  unit: MetricUnit;
  /** From the catalogue: which way the value should move, so a KPI can say whether its delta is good news. */
  better: MetricBetter;
  /** The current value (null when nothing applies, e.g. a rate with no runs). */
  value: number | null;
  /** The value at the start of the range, for a KPI's delta (null when unknown). */
  previous: number | null;
  /** Time series over the range at the grain (empty for metrics without history). */
  series: MetricPoint[];
  /** Breakdown by `groupBy` (or the metric's natural breakdown), largest first. */
  breakdown: MetricRow[];
  /** For line/area charts grouped by a dimension (posture by framework…): one series per group. */
  seriesByGroup?: { key: string; label: string; points: MetricPoint[] }[];
  /** For list-shaped metrics (findings needing attention, my tasks…). */
  rows?: MetricRow[];
  /** Filters the metric has no dimension for, so they could not narrow it (they never widen it either). */
  ignoredFilters?: (keyof MetricFilters)[];
  /** Activity by hour (0–23, x) × weekday (0 = Sunday, y). */
  matrix?: { x: number; y: number; value: number }[];
  asOf: Date;
}

/** One SystemMetric value; ratios carry what they are made of so sources and buckets combine. */
export interface SnapshotRow {
  dimension: string;
  value: number;
  numerator?: number;
  denominator?: number;
}

/** What a metric's compute returns; the catalogue entry supplies the rest of its MetricResult. */
export type MetricComputation = Omit<MetricResult, 'metric' | 'title' | 'unit' | 'better' | 'asOf'>;

export interface MetricContext {
  deps: ServiceDeps;
  access: AccessChecker;
  /** The asking user, for "my …" metrics; null for system snapshots. */
  userId: string | null;
}

export interface MetricDefinition {
  key: string;
  title: string;
  description: string;
  unit: MetricUnit;
  /** Which direction of change is an improvement; 'neither' for volumes where a change is not good or bad by itself. */
  better: MetricBetter;
  /** Dimensions it can be filtered or grouped by. */
  dimensions: readonly MetricDimension[];
  /** Which widget shapes make sense: the editor offers only these. */
  shapes: readonly ('kpi' | 'line' | 'area' | 'bar' | 'donut' | 'table' | 'heatmap' | 'topN' | 'list')[];
  /** Snapshotted into SystemMetric by the periodic job. */
  snapshot: boolean;
  /**
   * Activity types (prefixes, e.g. "scan.", "compliance.finding.") whose rows can change this
   * metric: the metric cache drops its entries and dashboard.watch wakes widgets on them.
   */
  invalidatedBy: readonly string[];
  /**
   * How long a cached result may live even without invalidating activity, for numbers that
   * move without an activity row (ages, the job queue). 0: never cached. Default 5 minutes.
   */
  cacheTtlMs?: number;
  /**
   * For `snapshot: true`: the current values to store, the whole estate ("*") and one row per
   * data source ("datasource:<id>", and "framework:<id>/datasource:<id>" where per framework),
   * computed for everything (the snapshot job runs as the system).
   */
  snapshotRows?: (deps: ServiceDeps) => Promise<SnapshotRow[]>;
  compute: (ctx: MetricContext, query: MetricQuery) => Promise<MetricComputation>;
}
