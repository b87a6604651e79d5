/**
 * `classification.autoAccept`: accepts a source's suggested labels at or
 * above a confidence threshold (optionally only some labels), through
 * `autoAcceptClassifications`. Idempotent by nature: only labels still
 * suggested move, so a rerun accepts nothing twice (and writes no row).
 */
import { z } from 'zod';
import { systemActor } from '../../actor';
import { autoAcceptClassifications } from '../../classify-review/auto-accept';
import { defineStepType } from '../step-type';
import { sourceInWorkspace, stepAudit } from './scope';

const config = z
  .object({
    dataSourceId: z.uuid('Not a data source id'),
    minConfidence: z.number().min(0, 'A confidence is between 0 and 1').max(1, 'A confidence is between 0 and 1').default(0.9),
    /** Only these labels; "PII.*" (or "PII.") is a prefix. */
    labels: z.array(z.string().trim().min(1).max(80)).max(100).optional(),
  })
  .strict();

export const classificationAutoAcceptStep = defineStepType({
  type: 'classification.autoAccept',
  title: 'Auto-accept labels',
  description: 'Accepts the source’s suggested labels whose confidence reaches the threshold; people’s decisions are never overridden.',
  group: 'classification',
  config,
  output: {
    accepted: { type: 'number', description: 'Labels accepted by this step.' },
    skipped: { type: 'number', description: 'Suggestions below the threshold, left for review.' },
    alreadyDecided: { type: 'number', description: 'Labels already accepted or rejected before.' },
  },
  async run(ctx) {
    const source = await sourceInWorkspace(ctx.deps.db, ctx.execution.workspaceId, ctx.config.dataSourceId);
    const result = await autoAcceptClassifications(ctx.deps, systemActor, { dataSourceId: source.id, minConfidence: ctx.config.minConfidence, labels: ctx.config.labels, audit: stepAudit(ctx) });
    await ctx.log(`Accepted ${result.accepted} label(s) on ${source.name} at confidence ≥ ${ctx.config.minConfidence}; ${result.skipped} left for review`, result);
    return { kind: 'done', output: { ...result } };
  },
});
