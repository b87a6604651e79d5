/**
 * forEach: fans a step out over a list (every data source of a workspace,
 * every id a scan returned), at most `concurrency` items at once. The engine
 * does the fan-out (engine/fan-out.ts): each item becomes a child step run
 * (`parentId`, `itemIndex`) that goes through the same dispatch, retry,
 * timeout and recovery as any step, with `{{ item }}` / `{{ item.<field> }}`
 * in its config. The parent succeeds when every child did, and fails (after
 * all children finished) when any failed; its output carries each child's.
 */
import { z } from 'zod';
import { retryPolicySchema } from '../definition';
import { defineStepType } from '../step-type';

export const FOR_EACH_TYPE = 'forEach';
export const MAX_FOR_EACH_ITEMS = 10_000;

export const forEachConfigSchema = z
  .object({
    /** The list, usually a template: `{{ steps.list.ids }}`, `{{ params.sources }}`. */
    items: z.array(z.unknown()).max(MAX_FOR_EACH_ITEMS, `A forEach takes at most ${MAX_FOR_EACH_ITEMS} items`),
    concurrency: z.number().int().min(1).max(50).default(4),
    step: z
      .object({
        type: z
          .string()
          .min(1)
          .max(64)
          .refine((t) => t !== FOR_EACH_TYPE, 'A forEach cannot run another forEach per item'),
        config: z.record(z.string(), z.unknown()).default({}),
        retry: retryPolicySchema.optional(),
        timeoutMs: z.number().int().min(100).max(30 * 86_400_000).optional(),
      })
      .strict(),
  })
  .strict();
export type ForEachConfig = z.infer<typeof forEachConfigSchema>;

export const forEachStep = defineStepType({
  type: FOR_EACH_TYPE,
  title: 'For each',
  description: 'Runs a step once per item of a list, a few at a time.',
  group: 'control',
  config: forEachConfigSchema,
  output: {
    count: { type: 'number', description: 'How many items there were.' },
    succeeded: { type: 'number', description: 'Items whose step succeeded.' },
    failed: { type: 'number', description: 'Items whose step failed or was cancelled.' },
  },
  run: async () => {
    // The engine expands a forEach into child step runs itself (it needs the
    // scheduler's row locks); this is never called.
    throw new Error('forEach is expanded by the workflow engine, not run as a step');
  },
});
