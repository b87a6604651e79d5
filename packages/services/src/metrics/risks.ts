/**
 * risks.top: tables and views ranked by a stated risk score,
 *
 *   score = sensitivity weight (Restricted 10, Confidential 5, Internal 2, Public 0)
 *         + open findings on the table or its columns (critical 8, high 4, medium 2, low 1 each)
 *         + 5 when it has no owner (user or team).
 *
 * Only tables that are Confidential or Restricted, or have an open finding,
 * are ranked: a public table without findings carries no risk worth a row.
 */
import { none, visibleSources } from './scope';
import { inSet, num } from './sql';
import type { MetricComputation, MetricContext, MetricQuery } from './types';

type Computed = MetricComputation;

export const RISK_WEIGHTS = {
  sensitivity: { Restricted: 10, Confidential: 5, Internal: 2, Public: 0 },
  finding: { critical: 8, high: 4, medium: 2, low: 1 },
  noOwner: 5,
} as const;

const sensitivityWeight = `CASE t.sensitivity WHEN 'Restricted' THEN 10 WHEN 'Confidential' THEN 5 WHEN 'Internal' THEN 2 ELSE 0 END`;
const findingWeight = `CASE f.severity WHEN 'critical' THEN 8 WHEN 'high' THEN 4 WHEN 'medium' THEN 2 ELSE 1 END`;

export async function topRisks(ctx: MetricContext, q: MetricQuery): Promise<Computed> {
  const emptyResult: Computed = { value: 0, previous: null, series: [], breakdown: [], rows: [] };
  const sources = await visibleSources(ctx, q.filters);
  if (none(sources)) return emptyResult;
  const rows = await ctx.deps.db.$queryRawUnsafe<
    { id: string; qualifiedName: string; sensitivity: string | null; source: string; findingScore: number; findings: bigint; critical: bigint; high: bigint; owned: boolean; score: number; ranked: bigint }[]
  >(
    `WITH f AS (
       SELECT CASE WHEN a.type = 'column' THEN a."parentId" ELSE a.id END AS tid,
              sum(${findingWeight})::int AS "findingScore", count(*) AS findings,
              count(*) FILTER (WHERE f.severity = 'critical') AS critical, count(*) FILTER (WHERE f.severity = 'high') AS high
         FROM "ComplianceFinding" f JOIN "Asset" a ON a.id = f."assetId"
        WHERE f.status IN ('open', 'acknowledged') AND ${inSet('f."dataSourceId"', 1)}
        GROUP BY 1
     ), candidates AS (
       SELECT t.id, t."qualifiedName", t.sensitivity, t."dataSourceId", coalesce(f."findingScore", 0) AS "findingScore",
              coalesce(f.findings, 0) AS findings, coalesce(f.critical, 0) AS critical, coalesce(f.high, 0) AS high,
              EXISTS (SELECT 1 FROM "AssetSteward" s WHERE s."assetId" = t.id AND s.role = 'owner') AS owned, ${sensitivityWeight} AS sw
         FROM "Asset" t LEFT JOIN f ON f.tid = t.id
        WHERE t.type IN ('table', 'view') AND t."removedAt" IS NULL AND ${inSet('t."dataSourceId"', 1)}
          AND (t.sensitivity IN ('Confidential', 'Restricted') OR f.tid IS NOT NULL)
     )
     SELECT c.id, c."qualifiedName", c.sensitivity, d.name AS source, c."findingScore", c.findings, c.critical, c.high, c.owned,
            c.sw + c."findingScore" + CASE WHEN c.owned THEN 0 ELSE ${RISK_WEIGHTS.noOwner} END AS score, count(*) OVER () AS ranked
       FROM candidates c JOIN "DataSource" d ON d.id = c."dataSourceId"
      ORDER BY score DESC, c."qualifiedName", c.id
      LIMIT ${q.limit}`,
    sources,
  );
  return {
    value: num(rows[0]?.ranked),
    previous: null,
    series: [],
    breakdown: [],
    rows: rows.map((r) => ({
      key: r.id,
      label: r.qualifiedName,
      value: num(r.score),
      link: `/catalog/assets/${r.id}`,
      meta: {
        score: `sensitivity ${r.sensitivity ?? 'none'} + ${num(r.findingScore)} for ${num(r.findings)} open finding${num(r.findings) === 1 ? '' : 's'}${r.owned ? '' : ` + ${RISK_WEIGHTS.noOwner} for no owner`}`,
        sensitivity: r.sensitivity,
        findings: num(r.findings),
        critical: num(r.critical),
        high: num(r.high),
        owner: r.owned ? 'yes' : null,
        source: r.source,
      },
    })),
  };
}
