/**
 * `catalog.tag`: adds and removes tags on assets through the catalog's bulk
 * curation (one audited transaction per 500 assets). Only assets whose tags
 * would change are written, so a rerun changes nothing and audits nothing.
 */
import { z } from 'zod';
import { systemActor } from '../../actor';
import { applyTagChange, bulkUpdateAssets } from '../../catalog/bulk';
import { assetTagsSchema } from '../../catalog/schemas';
import { AccessChecker } from '../../rbac/resolve';
import { defineStepType } from '../step-type';
import { assetSelection, selectAssets, selectionMessage, selectionRefinement } from './assets';
import { stepAudit } from './scope';

const BATCH = 500;

const config = z
  .object({
    ...assetSelection,
    add: assetTagsSchema.default([]),
    remove: assetTagsSchema.default([]),
  })
  .strict()
  .refine(selectionRefinement, { message: selectionMessage })
  .refine((c) => c.add.length + c.remove.length > 0, { message: 'Say which tags to add or remove' });

export const catalogTagStep = defineStepType({
  type: 'catalog.tag',
  title: 'Tag assets',
  description: 'Adds and removes tags on the named assets, or on a source’s assets that carry given labels.',
  group: 'catalog',
  config,
  output: {
    changed: { type: 'number', description: 'Assets whose tags changed.' },
    matched: { type: 'number', description: 'Assets selected (changed or already tagged).' },
  },
  async run(ctx) {
    const { add, remove } = ctx.config;
    const assets = await selectAssets(ctx);
    const changing = assets.filter((a) => JSON.stringify(applyTagChange(a.tags, add, remove)) !== JSON.stringify(a.tags));
    const access = new AccessChecker(ctx.deps.db, systemActor);
    for (let i = 0; i < changing.length; i += BATCH)
      await bulkUpdateAssets(ctx.deps, systemActor, access, { ids: changing.slice(i, i + BATCH).map((a) => a.id), addTags: add, removeTags: remove }, stepAudit(ctx));
    await ctx.log(`Tagged ${changing.length} of ${assets.length} selected asset(s)${add.length ? ` +${add.join(', +')}` : ''}${remove.length ? ` −${remove.join(', −')}` : ''}`, { changed: changing.length, matched: assets.length });
    return { kind: 'done', output: { changed: changing.length, matched: assets.length } };
  },
});
