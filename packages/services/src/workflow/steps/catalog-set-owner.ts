/**
 * `catalog.setOwner`: makes a user (or a team) an owner of assets, through
 * the catalog's bulk curation. Other owners stay (ownership is shared);
 * assets the principal already owns are not written, so a rerun changes
 * nothing. The owner must belong to the workflow's workspace (a team: be it,
 * or another team).
 */
import { z } from 'zod';
import { systemActor } from '../../actor';
import { bulkUpdateAssets } from '../../catalog/bulk';
import { AccessChecker } from '../../rbac/resolve';
import { defineStepType } from '../step-type';
import { assetSelection, selectAssets, selectionMessage, selectionRefinement } from './assets';
import { stepAudit, usersInWorkspace } from './scope';

const BATCH = 500;

const config = z
  .object({
    ...assetSelection,
    /** A user id (a member of the workspace). */
    ownerId: z.uuid('Not a user id'),
    ownerType: z.enum(['user', 'team']).default('user'),
  })
  .strict()
  .refine(selectionRefinement, { message: selectionMessage });

export const catalogSetOwnerStep = defineStepType({
  type: 'catalog.setOwner',
  title: 'Set an owner',
  description: 'Makes a user or team an owner of the named assets, or of a source’s assets that carry given labels.',
  group: 'catalog',
  config,
  output: {
    changed: { type: 'number', description: 'Assets that gained the owner.' },
    matched: { type: 'number', description: 'Assets selected (changed or already owned).' },
  },
  async run(ctx) {
    const { ownerId, ownerType } = ctx.config;
    if (ownerType === 'user') await usersInWorkspace(ctx.deps.db, ctx.execution.workspaceId, [ownerId]);
    const assets = await selectAssets(ctx);
    const owned = new Set(
      (await ctx.deps.db.assetSteward.findMany({ where: { assetId: { in: assets.map((a) => a.id) }, role: 'owner', principalType: ownerType, principalId: ownerId }, select: { assetId: true } })).map((s) => s.assetId),
    );
    const changing = assets.filter((a) => !owned.has(a.id));
    const access = new AccessChecker(ctx.deps.db, systemActor);
    for (let i = 0; i < changing.length; i += BATCH)
      await bulkUpdateAssets(ctx.deps, systemActor, access, { ids: changing.slice(i, i + BATCH).map((a) => a.id), addOwner: { type: ownerType, id: ownerId } }, stepAudit(ctx));
    await ctx.log(`Made ${ownerType} ${ownerId} an owner of ${changing.length} of ${assets.length} selected asset(s)`, { changed: changing.length, matched: assets.length });
    return { kind: 'done', output: { changed: changing.length, matched: assets.length } };
  },
});
