import type { Db } from '@racine/db';

const rank = (col: string) => `CASE ${col} WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
const level = (r: string) => `CASE ${r} WHEN 4 THEN 'Restricted' WHEN 3 THEN 'Confidential' WHEN 2 THEN 'Internal' WHEN 1 THEN 'Public' END`;

/**
 * A column is as sensitive as its most sensitive label that no one rejected;
 * a table as its most sensitive column (columns still present). The same pass
 * keeps `labels` (the labels nobody rejected; a table's: its present columns')
 * for search facets and compliance rules.
 *
 * One statement per source: the tables' values are aggregated from the
 * columns' computed values (`cols`), not read back from the column rows after
 * a first UPDATE, so the labels are joined once and every changed asset is
 * written in the same pass. Rows whose level and labels are unchanged are not
 * written (and so fire no search-document trigger).
 */
export async function recomputeSensitivity(db: Db, dataSourceId: string): Promise<void> {
  await db.$executeRawUnsafe(
    `WITH cols AS (
       SELECT c.id, c."parentId", c."removedAt" IS NULL AS present, max(${rank('cl.sensitivity')}) AS r,
              coalesce(array_agg(DISTINCT cl.label ORDER BY cl.label) FILTER (WHERE cl.label IS NOT NULL), '{}') AS labels
         FROM "Asset" c LEFT JOIN "Classification" cl ON cl."assetId" = c.id AND cl.state <> 'rejected'
        WHERE c."dataSourceId" = $1 AND c.type = 'column'
        GROUP BY c.id),
     tabs AS (
       SELECT t.id, max(c.r) FILTER (WHERE c.present) AS r,
              coalesce(array_agg(DISTINCT l ORDER BY l) FILTER (WHERE c.present AND l IS NOT NULL), '{}') AS labels
         FROM "Asset" t LEFT JOIN cols c ON c."parentId" = t.id LEFT JOIN LATERAL unnest(c.labels) l ON true
        WHERE t."dataSourceId" = $1 AND t.type IN ('table', 'view')
        GROUP BY t.id),
     s AS (
       SELECT id, ${level('r')} AS level, labels FROM cols
       UNION ALL
       SELECT id, ${level('r')} AS level, labels FROM tabs)
     UPDATE "Asset" a SET sensitivity = s.level, labels = s.labels
       FROM s
      WHERE a.id = s.id AND (a.sensitivity IS DISTINCT FROM s.level OR a.labels IS DISTINCT FROM s.labels)`,
    dataSourceId,
  );
}
