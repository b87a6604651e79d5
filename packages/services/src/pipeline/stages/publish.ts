/**
 * publish: curates each table in the catalog (adds the configured tag, sets
 * the certification) through the catalog's own audited update, and records
 * what the pipeline produced as lineage: an edge of kind `pipeline` from each
 * of the table's columns (what the run ingested, classified and checked) to
 * the table (the record it published). Edges are unique per (from, to, kind),
 * so a rerun writes none twice.
 */
import { systemActor } from '../../actor';
import { updateAsset } from '../../catalog/curate';
import { normalizeTag } from '../../catalog/tags';
import { AccessChecker } from '../../rbac/resolve';
import { perItem } from './types';

export const publishStage = perItem('publish', async (ctx, { item }) => {
  const db = ctx.deps.db;
  const config = ctx.stage.config;
  const table = await db.asset.findUnique({
    where: { id: item.assetId },
    select: { id: true, tags: true, certification: true },
  });
  if (!table) throw new Error(`Table ${item.qualifiedName} is no longer in the catalog`);
  const tag = config.tag ? normalizeTag(config.tag) : null;
  const tags = tag && !table.tags.includes(tag) ? [...table.tags, tag] : undefined;
  const certification =
    config.certify && config.certify !== table.certification ? config.certify : undefined;
  if (tags || certification)
    await updateAsset(ctx.deps, systemActor, new AccessChecker(db, systemActor), {
      id: table.id,
      ...(tags ? { tags } : {}),
      ...(certification ? { certification } : {}),
    });

  const pipeline = await db.pipeline.findUnique({
    where: { id: ctx.run.pipelineId },
    select: { name: true },
  });
  const columns = await db.asset.findMany({
    where: { parentId: table.id, type: 'column', removedAt: null },
    select: { id: true },
  });
  const { count } = await db.lineageEdge.createMany({
    data: columns.map((c) => ({
      fromAssetId: c.id,
      toAssetId: table.id,
      kind: 'pipeline',
      note: `Published by pipeline "${pipeline?.name ?? ctx.run.pipelineId}"`,
      propagation: 'none' as const,
    })),
    skipDuplicates: true,
  });
  return {
    tagged: tag,
    certification: config.certify ?? null,
    changed: Boolean(tags || certification),
    lineageEdgesCreated: count,
    lineageEdges: columns.length,
  };
});
