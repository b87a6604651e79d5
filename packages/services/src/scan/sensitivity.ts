import type { Db } from '@racine/db';

const rank = (col: string) => `CASE ${col} WHEN 'Restricted' THEN 4 WHEN 'Confidential' THEN 3 WHEN 'Internal' THEN 2 WHEN 'Public' THEN 1 ELSE 0 END`;
const level = (r: string) => `CASE ${r} WHEN 4 THEN 'Restricted' WHEN 3 THEN 'Confidential' WHEN 2 THEN 'Internal' WHEN 1 THEN 'Public' END`;

/**
 * A column is as sensitive as its most sensitive label that no one rejected;
 * a table as its most sensitive column. The same pass keeps `labels` (the
 * labels nobody rejected; a table's: its columns') for search facets and
 * compliance rules. Set-based, two statements per source.
 */
export async function recomputeSensitivity(db: Db, dataSourceId: string): Promise<void> {
  await db.$executeRawUnsafe(
    `UPDATE "Asset" a SET sensitivity = s.level, labels = s.labels
       FROM (SELECT c.id, ${level(`max(${rank('cl.sensitivity')})`)} AS level,
                    coalesce(array_agg(DISTINCT cl.label ORDER BY cl.label) FILTER (WHERE cl.label IS NOT NULL), '{}') AS labels
               FROM "Asset" c LEFT JOIN "Classification" cl ON cl."assetId" = c.id AND cl.state <> 'rejected'
              WHERE c."dataSourceId" = $1 AND c.type = 'column'
              GROUP BY c.id) s
      WHERE a.id = s.id AND (a.sensitivity IS DISTINCT FROM s.level OR a.labels IS DISTINCT FROM s.labels)`,
    dataSourceId,
  );
  await db.$executeRawUnsafe(
    `UPDATE "Asset" t SET sensitivity = s.level, labels = s.labels
       FROM (SELECT t2.id, ${level(`max(${rank('c.sensitivity')})`)} AS level,
                    coalesce((SELECT array_agg(DISTINCT l ORDER BY l) FROM "Asset" c2, unnest(c2.labels) l
                               WHERE c2."parentId" = t2.id AND c2.type = 'column' AND c2."removedAt" IS NULL), '{}') AS labels
               FROM "Asset" t2 LEFT JOIN "Asset" c ON c."parentId" = t2.id AND c.type = 'column' AND c."removedAt" IS NULL
              WHERE t2."dataSourceId" = $1 AND t2.type IN ('table', 'view')
              GROUP BY t2.id) s
      WHERE t.id = s.id AND (t.sensitivity IS DISTINCT FROM s.level OR t.labels IS DISTINCT FROM s.labels)`,
    dataSourceId,
  );
}
