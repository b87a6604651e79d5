/**
 * quality: profiles columns through the connector and checks thresholds.
 * - null ratio: every column's nullCount / rowCount against `maxNullRatio`;
 * - uniqueness: distinct / non-null rows of `uniqueColumns` (default: the
 *   table's primary key columns) against `minUniqueRatio`;
 * - freshness: age of the latest `freshnessColumn` value (a timestamp, ISO
 *   text, or epoch seconds/milliseconds) against `maxAgeHours`; a table
 *   without that column is not checked for freshness.
 * A breach is data about the table, not a failure of the pipeline: by default
 * the item succeeds with `output.violations` (and `passed: false`). With
 * `failOnViolation` the item fails instead, so it is retried and then
 * dead-lettered, for a gate that must stop bad tables.
 */
import type { ProfileResult } from '../../connectors/types';
import { StageFailure, type StageHandler, perItem } from './types';

export interface QualityViolation {
  check: 'nullRatio' | 'uniqueness' | 'freshness';
  column: string;
  value: number;
  threshold: number;
  message: string;
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

/** A column's max value as a time: Date, ISO text, or epoch seconds / milliseconds. */
export function asTime(value: unknown): Date | null {
  if (value instanceof Date) return value;
  if (
    typeof value === 'number' ||
    (typeof value === 'string' && /^\d{9,13}(\.\d+)?$/.test(value))
  ) {
    const n = Number(value);
    return new Date(n > 1e11 ? n : n * 1000);
  }
  if (typeof value === 'string') {
    const t = Date.parse(
      value.includes('T') || value.endsWith('Z') ? value : value.replace(' ', 'T') + 'Z',
    );
    return Number.isNaN(t) ? null : new Date(t);
  }
  return null;
}

export const qualityStage: StageHandler<'quality'> = perItem('quality', async (ctx, { item }) => {
  const config = ctx.stage.config;
  const columns = await ctx.deps.db.asset.findMany({
    where: { parentId: item.assetId, type: 'column', removedAt: null },
    select: { name: true, isPrimaryKey: true },
    orderBy: { ordinal: 'asc' },
  });
  const names = new Set(columns.map((c) => c.name));
  const uniqueColumns = config.uniqueColumns?.length
    ? config.uniqueColumns.filter((c) => names.has(c))
    : columns.filter((c) => c.isPrimaryKey).map((c) => c.name);
  const wanted = new Set<string>();
  if (config.maxNullRatio !== undefined) columns.forEach((c) => wanted.add(c.name));
  if (config.minUniqueRatio !== undefined) uniqueColumns.forEach((c) => wanted.add(c));
  const freshnessColumn =
    config.freshnessColumn && names.has(config.freshnessColumn) ? config.freshnessColumn : null;
  if (freshnessColumn && config.maxAgeHours !== undefined) wanted.add(freshnessColumn);

  const connector = ctx.connector();
  const ref = { schema: item.schema, table: item.table };
  // Two columns at a time: the batch's connector has a pool of two (SQLite runs them one by one anyway).
  const profiles = new Map<string, ProfileResult>();
  const queue = [...wanted];
  const lane = async () => {
    for (let column = queue.shift(); column !== undefined; column = queue.shift())
      profiles.set(column, await connector.profile(ref, column, { topN: 1 }));
  };
  await Promise.all([lane(), lane()]);

  const violations: QualityViolation[] = [];
  const columnStats: Record<string, { nullRatio: number; uniqueRatio: number | null }> = {};
  for (const [column, p] of profiles) {
    const nonNull = p.rowCount - p.nullCount;
    const uniqueRatio = nonNull > 0 ? p.distinctCount / nonNull : null;
    columnStats[column] = { nullRatio: p.nullRatio, uniqueRatio };
    if (config.maxNullRatio !== undefined && p.nullRatio > config.maxNullRatio)
      violations.push({
        check: 'nullRatio',
        column,
        value: p.nullRatio,
        threshold: config.maxNullRatio,
        message: `${column} is ${pct(p.nullRatio)} null, above the ${pct(config.maxNullRatio)} allowed`,
      });
    if (
      config.minUniqueRatio !== undefined &&
      uniqueColumns.includes(column) &&
      uniqueRatio !== null &&
      uniqueRatio < config.minUniqueRatio
    )
      violations.push({
        check: 'uniqueness',
        column,
        value: uniqueRatio,
        threshold: config.minUniqueRatio,
        message: `${column} has ${p.distinctCount} distinct values in ${nonNull} non-null rows (${pct(uniqueRatio)} unique), below the ${pct(config.minUniqueRatio)} required`,
      });
  }
  let ageHours: number | null = null;
  if (freshnessColumn && config.maxAgeHours !== undefined) {
    const latest = asTime(profiles.get(freshnessColumn)?.max);
    ageHours = latest ? (ctx.deps.clock().getTime() - latest.getTime()) / 3_600_000 : null;
    if (ageHours === null)
      violations.push({
        check: 'freshness',
        column: freshnessColumn,
        value: Number.POSITIVE_INFINITY,
        threshold: config.maxAgeHours,
        message: `${freshnessColumn} has no readable latest value, so the table's freshness is unknown`,
      });
    else if (ageHours > config.maxAgeHours)
      violations.push({
        check: 'freshness',
        column: freshnessColumn,
        value: ageHours,
        threshold: config.maxAgeHours,
        message: `The latest ${freshnessColumn} is ${ageHours.toFixed(1)} h old, older than the ${config.maxAgeHours} h allowed`,
      });
  }
  const rowCount = [...profiles.values()][0]?.rowCount ?? null;
  const output = {
    passed: violations.length === 0,
    rowCount,
    columnsProfiled: profiles.size,
    uniqueColumns,
    freshnessAgeHours: ageHours,
    violations,
    columns: columnStats,
  };
  if (violations.length && config.failOnViolation)
    throw new StageFailure(
      `Quality check failed: ${violations.map((v) => v.message).join('; ')}`,
      output,
    );
  return output;
});
