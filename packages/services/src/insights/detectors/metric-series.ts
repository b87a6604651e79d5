import type { ServiceDeps } from '../../deps';

/** Daily SystemMetric points of one metric, by dimension, oldest first. */
export async function dailyMetric(deps: ServiceDeps, metric: string, since: Date, dimensions: { like: string } | { eq: string }) {
  const rows = await deps.db.$queryRawUnsafe<{ dimension: string; bucket: Date; value: number }[]>(
    `SELECT dimension, bucket, value FROM "SystemMetric"
      WHERE metric = $1 AND grain = 'day' AND bucket >= $2::timestamp(3) AND ${'like' in dimensions ? 'dimension LIKE $3' : 'dimension = $3'}
      ORDER BY dimension, bucket`,
    metric,
    since.toISOString(),
    'like' in dimensions ? dimensions.like : dimensions.eq,
  );
  const out = new Map<string, { t: Date; value: number }[]>();
  for (const r of rows) out.set(r.dimension, [...(out.get(r.dimension) ?? []), { t: new Date(r.bucket), value: Number(r.value) }]);
  return out;
}
