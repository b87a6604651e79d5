/**
 * Who owns what, and why a column carries a label: the evidence the detector
 * recorded and the precision reviewers taught it.
 */
import { z } from 'zod';
import { getAsset, stewardsOf } from '../../catalog/asset-view';
import { detectorPrecision } from '../../classification/precision';
import { AppError } from '../../errors';
import { workspaceRoleId } from '../../rbac/catalog';
import { dataSourceScope, workspaceScope } from '../../rbac/resolve';
import { feedbackCounts } from '../../scan/classify-table';
import type { AiTool, ToolContext } from '../types';
import { assetLink, readableAssetSource, sourcesNamed } from './resolve';

const explainInput = z.object({ assetId: z.uuid('Not a column id').describe('The column'), label: z.string().trim().min(1).max(80).optional() }).strict();

const explanation = z.object({
  label: z.string(),
  state: z.string(),
  confidence: z.number(),
  source: z.string(),
  detector: z.string().nullable(),
  matchMode: z.string().nullable(),
  sampled: z.number().nullable(),
  nonNull: z.number().nullable(),
  matched: z.number().nullable(),
  invalid: z.number().nullable(),
  matchRate: z.number().nullable(),
  validatorPassRate: z.number().nullable(),
  nameSignal: z.string().nullable(),
  reasons: z.array(z.string()),
  /** The label's precision learned from reviews (Beta(8,2) prior), the share of its suggestions people accept. */
  precision: z.number(),
  reviews: z.object({ accepted: z.number().int(), rejected: z.number().int() }),
  reviewedBy: z.string().nullable(),
});

type Evidence = { detector?: string; matchMode?: string; sampled?: number; nonNull?: number; matched?: number; invalid?: number; matchRate?: number; validatorPassRate?: number | null; nameSignal?: string; reasons?: string[] };

export const explainClassificationTool: AiTool<z.output<typeof explainInput>, { column: string; table: string | null; link: string; labels: z.output<typeof explanation>[] }> = {
  name: 'explain_classification',
  description: "Why a column carries its labels: the detector, values sampled and matched, validator pass rate, score reasons, and the label's learned precision from reviews.",
  permission: 'ai.use',
  write: false,
  input: explainInput,
  output: z.object({ column: z.string(), table: z.string().nullable(), link: z.string(), labels: z.array(explanation) }),
  async run(ctx, input) {
    const sourceId = await readableAssetSource(ctx, input.assetId);
    await ctx.access.require('classification.read', dataSourceScope(sourceId));
    const [asset, counts] = await Promise.all([getAsset(ctx.deps, ctx.access, input.assetId), feedbackCounts(ctx.deps.db)]);
    if (asset.type !== 'column') throw new AppError('BAD_REQUEST', `${asset.qualifiedName} is a ${asset.type}; labels are explained per column`);
    const rows = asset.classifications.filter((c) => !input.label || c.label === input.label);
    return {
      column: asset.name,
      table: asset.breadcrumbs.at(-1)?.name ?? null,
      link: assetLink(asset.id),
      labels: rows.map((c) => {
        const e = (c.evidence ?? {}) as Evidence;
        const reviews = counts[c.label] ?? { accepted: 0, rejected: 0 };
        return {
          label: c.label,
          state: c.state,
          confidence: c.confidence,
          source: c.source,
          detector: e.detector ?? null,
          matchMode: e.matchMode ?? null,
          sampled: e.sampled ?? null,
          nonNull: e.nonNull ?? null,
          matched: e.matched ?? null,
          invalid: e.invalid ?? null,
          matchRate: e.matchRate ?? null,
          validatorPassRate: e.validatorPassRate ?? null,
          nameSignal: e.nameSignal ?? null,
          reasons: e.reasons ?? [],
          precision: detectorPrecision(reviews),
          reviews,
          reviewedBy: c.reviewedBy?.name ?? null,
        };
      }),
    };
  },
};

const whoInput = z
  .object({
    assetId: z.uuid('Not an asset id').optional(),
    source: z.string().trim().min(1).max(200).optional().describe('A data source name or id'),
    workflow: z.string().trim().min(1).max(200).optional().describe('A workflow name or id'),
  })
  .strict()
  .refine((v) => [v.assetId, v.source, v.workflow].filter(Boolean).length === 1, 'Name exactly one of assetId, source or workflow');

const person = z.object({ name: z.string(), email: z.string().nullable(), role: z.string() });
const whoOutput = z.object({ subject: z.string(), kind: z.enum(['asset', 'source', 'workflow']), link: z.string().nullable(), people: z.array(person) });

/** Owners of a workspace (the members holding its owner role). */
async function workspaceOwners(ctx: ToolContext, workspaceId: string | null) {
  if (!workspaceId) return [];
  const rows = await ctx.deps.db.workspaceMember.findMany({ where: { workspaceId, role: { key: workspaceRoleId('owner') } }, select: { user: { select: { name: true, email: true } } }, orderBy: { addedAt: 'asc' } });
  return rows.map((r) => ({ name: r.user.name, email: r.user.email, role: 'workspace owner' }));
}

export const whoOwnsTool: AiTool<z.output<typeof whoInput>, z.output<typeof whoOutput>> = {
  name: 'who_owns',
  description: 'The owners and stewards of an asset, the owner of a data source (and of its workspace), or who made a workflow and owns its workspace.',
  permission: 'ai.use',
  write: false,
  input: whoInput,
  output: whoOutput,
  async run(ctx, input) {
    if (input.assetId) {
      await readableAssetSource(ctx, input.assetId);
      const [asset, stewards] = await Promise.all([ctx.deps.db.asset.findUniqueOrThrow({ where: { id: input.assetId }, select: { qualifiedName: true } }), stewardsOf(ctx.deps.db, input.assetId)]);
      return { subject: asset.qualifiedName, kind: 'asset', link: assetLink(input.assetId), people: stewards.map((s) => ({ name: s.name, email: s.email ?? null, role: s.role })) };
    }
    if (input.source) {
      const [found] = await sourcesNamed(ctx, input.source);
      if (!found) throw new AppError('NOT_FOUND', `No data source you may read is called "${input.source}"`);
      const row = await ctx.deps.db.dataSource.findUniqueOrThrow({ where: { id: found.id }, select: { name: true, owner: { select: { name: true, email: true } } } });
      const people = [...(row.owner ? [{ ...row.owner, role: 'source owner' }] : []), ...(await workspaceOwners(ctx, found.workspaceId))];
      return { subject: row.name, kind: 'source', link: `/datasources/${found.id}`, people };
    }
    const visible = await ctx.access.workspacesWith('workflow.read');
    const ref = input.workflow!;
    const wf = await ctx.deps.db.workflow.findFirst({
      where: { deletedAt: null, ...(visible === 'all' ? {} : { workspaceId: { in: visible } }), OR: [{ id: /^[0-9a-f-]{36}$/i.test(ref) ? ref : undefined }, { name: { equals: ref, mode: 'insensitive' } }, { name: { contains: ref, mode: 'insensitive' } }] },
      select: { id: true, name: true, workspaceId: true, createdById: true },
    });
    if (!wf || !(await ctx.access.can('workflow.read', workspaceScope(wf.workspaceId)))) throw new AppError('NOT_FOUND', `No workflow you may read is called "${ref}"`);
    const creator = wf.createdById ? await ctx.deps.db.user.findUnique({ where: { id: wf.createdById }, select: { name: true, email: true } }) : null;
    return { subject: wf.name, kind: 'workflow', link: `/workflows/${wf.id}`, people: [...(creator ? [{ ...creator, role: 'created it' }] : []), ...(await workspaceOwners(ctx, wf.workspaceId))] };
  },
};
