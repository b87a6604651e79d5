/**
 * The hourly snapshot of every `snapshot: true` metric into SystemMetric, so
 * trends survive history pruning and series cost one indexed read. Each run
 * writes, for the hour, day and week buckets holding now, one row per
 * dimension the metric reports ("*", "datasource:<id>", per framework…).
 * Rows are upserted on (metric, dimension, grain, bucket): a re-run in the
 * same hour overwrites that hour's row, and the day's and week's rows end up
 * holding the last value taken in them.
 */
import type { ServiceDeps } from '../deps';
import type { PeriodicTask } from '../jobs/periodic';
import { metricCatalog } from './catalog';
import { bucketOf } from './time';
import { grains, type MetricDefinition } from './types';

export interface SnapshotOutcome {
  metrics: number;
  rows: number;
  at: Date;
}

export async function snapshotMetrics(deps: ServiceDeps, catalog: readonly MetricDefinition[] = metricCatalog): Promise<SnapshotOutcome> {
  const now = deps.clock();
  let written = 0;
  const due = catalog.filter((m) => m.snapshot && m.snapshotRows);
  for (const def of due) {
    const rows = await def.snapshotRows!(deps);
    if (!rows.length) continue;
    const metric: string[] = [];
    const dimension: string[] = [];
    const grain: string[] = [];
    const bucket: string[] = [];
    const value: number[] = [];
    const numerator: (number | null)[] = [];
    const denominator: (number | null)[] = [];
    for (const g of grains)
      for (const r of rows) {
        metric.push(def.key);
        dimension.push(r.dimension);
        grain.push(g);
        bucket.push(bucketOf(now, g).toISOString());
        value.push(r.value);
        numerator.push(r.numerator ?? null);
        denominator.push(r.denominator ?? null);
      }
    written += await deps.db.$executeRawUnsafe(
      `INSERT INTO "SystemMetric" (metric, dimension, grain, bucket, value, numerator, denominator, "takenAt")
       SELECT * , $8::timestamp(3) FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamp(3)[], $5::float8[], $6::float8[], $7::float8[])
       ON CONFLICT (metric, dimension, grain, bucket) DO UPDATE
         SET value = EXCLUDED.value, numerator = EXCLUDED.numerator, denominator = EXCLUDED.denominator, "takenAt" = EXCLUDED."takenAt"`,
      metric,
      dimension,
      grain,
      bucket,
      value,
      numerator,
      denominator,
      now.toISOString(),
    );
  }
  return { metrics: due.length, rows: written, at: now };
}

export const metricsSnapshotTask: PeriodicTask = {
  name: 'metrics:snapshot',
  // Five past the hour: after hourly scans that start on the hour have had a moment to land.
  cron: '5 * * * *',
  run: (deps) => snapshotMetrics(deps),
};
