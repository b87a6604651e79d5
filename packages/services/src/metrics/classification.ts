/**
 * Classification metrics: the sensitive-data footprint, classified coverage,
 * label states and detector precision. Columns count while a scan still finds
 * them (removedAt null); a column's labels are Asset.labels, the labels no one
 * rejected (accepted or suggested), kept by recomputeSensitivity.
 *
 * The footprint and coverage read CatalogFacetCount, the per-combination
 * counts of live assets that triggers on "Asset" keep exact (migration
 * 20261201100000_catalog_facet_counts): each row is a distinct combination
 * (source, type, labels, …) with its count n, so "columns with any PII label"
 * is the sum of n over the rows whose labels overlap PII's, with no column
 * counted twice. At 100k assets that is ~8k rows instead of a scan of every
 * asset (bench/dashboard.ts: 340 ms → 8 ms under load). Every catalogued
 * column was found by a scan (catalog-sync stamps lastScannedAt), so live
 * columns are the scanned ones.
 */
import { detectorPrecision } from '../classification/precision';
import { getLabel, LABELS } from '../classification/taxonomy';
import type { ServiceDeps } from '../deps';
import { none, visibleSources } from './scope';
import { snapshotSeries, withLive } from './series';
import { inSet, num } from './sql';
import { bucketOf, percent, rangeStart, round1 } from './time';
import type { MetricComputation, MetricContext, MetricQuery, MetricRow, SnapshotRow } from './types';

type Computed = MetricComputation;
const empty = (): Computed => ({ value: 0, previous: null, series: [], breakdown: [] });

/** Categories whose labels make a column "sensitive" for the footprint. */
export const SENSITIVE_CATEGORIES = ['PII', 'PCI', 'PHI', 'Secret', 'GDPR-special'] as const;
export const SENSITIVE_LABELS: string[] = LABELS.filter((l) => (SENSITIVE_CATEGORIES as readonly string[]).includes(l.category)).map((l) => l.id);
const categoryName: Record<string, string> = { PII: 'PII', PCI: 'PCI', PHI: 'PHI', Secret: 'Secrets', 'GDPR-special': 'GDPR special categories' };

/** Label ids start with their category's prefix ("GDPR.Health" is GDPR-special). */
const labelCategoryOfPrefix: Record<string, string> = { PII: 'PII', PCI: 'PCI', PHI: 'PHI', Secret: 'Secret', GDPR: 'GDPR-special' };


async function sourceNames(deps: ServiceDeps, ids: string[]): Promise<Map<string, string>> {
  const rows = ids.length ? await deps.db.dataSource.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } }) : [];
  return new Map(rows.map((r) => [r.id, r.name]));
}

// ── sensitive.columns ──

export async function sensitiveColumns(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return empty();
  const db = ctx.deps.db;
  const now = ctx.deps.clock();
  const where = `f.type = 'column' AND f.n > 0 AND f.labels && $1::text[] AND ${inSet('f."dataSourceId"', 2)}`;
  const [total, series, rows] = await Promise.all([
    db.$queryRawUnsafe<{ n: bigint | null }[]>(`SELECT sum(f.n) AS n FROM "CatalogFacetCount" f WHERE ${where}`, SENSITIVE_LABELS, sources),
    snapshotSeries(ctx, { metric: 'sensitive.columns', grain: q.grain, since: rangeStart(now, q.range), sources, ratio: false }),
    q.groupBy === 'datasource'
      ? db.$queryRawUnsafe<{ key: string; n: bigint }[]>(`SELECT f."dataSourceId" AS key, sum(f.n) AS n FROM "CatalogFacetCount" f WHERE ${where} GROUP BY 1`, SENSITIVE_LABELS, sources)
      : q.groupBy === 'label'
        ? // Per category: a column with two PII labels is one facet row, so it counts once for PII.
          db.$queryRawUnsafe<{ key: string; n: bigint }[]>(
            `SELECT c.prefix AS key, sum(f.n) AS n FROM "CatalogFacetCount" f
               JOIN LATERAL (SELECT DISTINCT split_part(l, '.', 1) AS prefix FROM unnest(f.labels) l WHERE l = ANY($1::text[])) c ON true
              WHERE ${where} GROUP BY 1`,
            SENSITIVE_LABELS,
            sources,
          )
        : db.$queryRawUnsafe<{ key: string; n: bigint }[]>(
            `SELECT l AS key, sum(f.n) AS n FROM "CatalogFacetCount" f CROSS JOIN LATERAL unnest(f.labels) l WHERE ${where} AND l = ANY($1::text[]) GROUP BY 1`,
            SENSITIVE_LABELS,
            sources,
          ),
  ]);
  const value = num(total[0]?.n);
  let breakdown: MetricRow[];
  if (q.groupBy === 'datasource') {
    const names = await sourceNames(ctx.deps, rows.map((r) => r.key));
    breakdown = rows.map((r) => ({ key: r.key, label: names.get(r.key) ?? r.key, value: num(r.n), link: `/datasources/${r.key}` }));
  } else if (q.groupBy === 'label')
    breakdown = rows.map((r) => {
      const category = labelCategoryOfPrefix[r.key] ?? r.key;
      return { key: category, label: categoryName[category] ?? category, value: num(r.n), meta: { labels: SENSITIVE_LABELS.filter((l) => l.startsWith(`${r.key}.`)).join(', ') } };
    });
  else breakdown = rows.map((r) => ({ key: r.key, label: getLabel(r.key)?.displayName ?? r.key, value: num(r.n), meta: { category: getLabel(r.key)?.category ?? null } }));
  breakdown.sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const full = withLive(series, bucketOf(now, q.grain), value);
  return { value, previous: full.length > 1 ? full[0]!.value : null, series: full, breakdown };
}

export async function sensitiveColumnsSnapshot(deps: ServiceDeps): Promise<SnapshotRow[]> {
  const rows = await deps.db.$queryRawUnsafe<{ id: string; n: bigint | null }[]>(
    `SELECT d.id, sum(f.n) AS n FROM "DataSource" d LEFT JOIN "CatalogFacetCount" f ON f."dataSourceId" = d.id AND f.type = 'column' AND f.labels && $1::text[] GROUP BY d.id`,
    SENSITIVE_LABELS,
  );
  return [{ dimension: '*', value: rows.reduce((s, r) => s + num(r.n), 0) }, ...rows.map((r) => ({ dimension: `datasource:${r.id}`, value: num(r.n) }))];
}

// ── classification.coverage ──

const coverageSql = (where: string) =>
  `SELECT f."dataSourceId" AS id, sum(f.n) FILTER (WHERE cardinality(f.labels) > 0) AS labelled, sum(f.n) AS scanned
     FROM "CatalogFacetCount" f WHERE f.type = 'column' AND ${where} GROUP BY 1 HAVING sum(f.n) > 0`;

export async function coverage(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return { ...empty(), value: null };
  const now = ctx.deps.clock();
  const [rows, series] = await Promise.all([
    ctx.deps.db.$queryRawUnsafe<{ id: string; labelled: bigint | null; scanned: bigint }[]>(coverageSql(inSet('f."dataSourceId"', 1)), sources),
    snapshotSeries(ctx, { metric: 'classification.coverage', grain: q.grain, since: rangeStart(now, q.range), sources, ratio: true, emptyRatio: null }),
  ]);
  const labelled = rows.reduce((s, r) => s + num(r.labelled), 0);
  const scanned = rows.reduce((s, r) => s + num(r.scanned), 0);
  const value = percent(labelled, scanned);
  const names = await sourceNames(ctx.deps, rows.map((r) => r.id));
  const breakdown = rows
    .map((r) => ({ key: r.id, label: names.get(r.id) ?? r.id, value: percent(num(r.labelled), num(r.scanned)), link: `/datasources/${r.id}`, meta: { labelled: num(r.labelled), scanned: num(r.scanned) } }))
    .sort((a, b) => (b.value ?? 0) - (a.value ?? 0));
  const full = withLive(series, bucketOf(now, q.grain), value);
  return { value, previous: full.length > 1 ? full[0]!.value : null, series: full, breakdown };
}

export async function coverageSnapshot(deps: ServiceDeps): Promise<SnapshotRow[]> {
  const rows = await deps.db.$queryRawUnsafe<{ id: string; labelled: bigint | null; scanned: bigint }[]>(coverageSql('true'));
  const bySource = new Map(rows.map((r) => [r.id, r]));
  const all = await deps.db.dataSource.findMany({ select: { id: true } });
  const row = (dimension: string, labelled: number, scanned: number): SnapshotRow => ({ dimension, value: percent(labelled, scanned) ?? 0, numerator: labelled, denominator: scanned });
  return [
    row('*', rows.reduce((s, r) => s + num(r.labelled), 0), rows.reduce((s, r) => s + num(r.scanned), 0)),
    ...all.map((s) => row(`datasource:${s.id}`, num(bySource.get(s.id)?.labelled), num(bySource.get(s.id)?.scanned))),
  ];
}

// ── classification.labels ──

export async function labelStates(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return empty();
  const rows = await ctx.deps.db.$queryRawUnsafe<{ state: string; n: bigint }[]>(
    `SELECT c.state::text AS state, count(*) AS n FROM "Classification" c JOIN "Asset" a ON a.id = c."assetId"
      WHERE a."removedAt" IS NULL AND ${inSet('a."dataSourceId"', 1)} GROUP BY 1`,
    sources,
  );
  const by = new Map(rows.map((r) => [r.state, num(r.n)]));
  const breakdown = (['accepted', 'suggested', 'rejected'] as const).map((s) => ({ key: s, label: s[0]!.toUpperCase() + s.slice(1), value: by.get(s) ?? 0 }));
  return { value: breakdown.reduce((s, r) => s + r.value, 0), previous: null, series: [], breakdown };
}

// ── classification.precision ──

/**
 * Measured precision of each detector over the visible sources' reviewed
 * labels: accepted by a person ÷ (accepted by a person + rejected), the same
 * counts the scanner learns from (scan/classify-table.ts feedbackCounts).
 * Auto-accepted labels nobody reviewed are not evidence either way.
 */
export async function precision(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return { ...empty(), value: null };
  const rows = await ctx.deps.db.$queryRawUnsafe<{ label: string; accepted: bigint; rejected: bigint }[]>(
    `SELECT c.label, count(*) FILTER (WHERE c.state = 'accepted') AS accepted, count(*) FILTER (WHERE c.state = 'rejected') AS rejected
       FROM "Classification" c JOIN "Asset" a ON a.id = c."assetId"
      WHERE (c.state = 'rejected' OR (c.state = 'accepted' AND c."reviewedById" IS NOT NULL)) AND ${inSet('a."dataSourceId"', 1)}
      GROUP BY 1`,
    sources,
  );
  const accepted = rows.reduce((s, r) => s + num(r.accepted), 0);
  const reviewed = accepted + rows.reduce((s, r) => s + num(r.rejected), 0);
  const breakdown = rows
    .map((r) => {
      const a = num(r.accepted);
      const rej = num(r.rejected);
      return {
        key: r.label,
        label: getLabel(r.label)?.displayName ?? r.label,
        value: percent(a, a + rej),
        meta: { accepted: a, rejected: rej, learned: round1(detectorPrecision({ accepted: a, rejected: rej }) * 100) },
      };
    })
    .sort((x, y) => (y.meta.accepted + y.meta.rejected) - (x.meta.accepted + x.meta.rejected));
  return { value: percent(accepted, reviewed), previous: null, series: [], breakdown };
}
