/**
 * The shape of a workflow definition: a DAG of steps plus its triggers and
 * typed parameters. This file checks shape only (zod); `validate.ts` checks
 * what needs the whole graph and the step registry (cycles, references,
 * each step's config, conditions). Versions store the parsed definition.
 */
import { z } from 'zod';

export const STEP_ID = /^[a-z][a-z0-9_]{0,63}$/;
export const MAX_STEPS = 200;

export const retryPolicySchema = z
  .object({
    /** Total attempts, including the first. */
    attempts: z.number().int().min(1).max(20).default(1),
    /** Delay before the second attempt; doubles each time (exponential backoff). */
    backoffMs: z.number().int().min(0).max(3_600_000).default(1_000),
    maxBackoffMs: z.number().int().min(0).max(86_400_000).default(300_000),
    /** ± this fraction of the delay, drawn at random, so retries of many steps spread out. */
    jitter: z.number().min(0).max(1).default(0.2),
  })
  .strict();
export type RetryPolicy = z.infer<typeof retryPolicySchema>;

export const canvasPosition = z.object({ x: z.number().finite(), y: z.number().finite() }).strict();

export const stepDefinitionSchema = z
  .object({
    id: z.string().regex(STEP_ID, 'A step id is a lowercase letter, then letters, digits or _ (at most 64)'),
    name: z.string().trim().max(120).optional(),
    /** A key of the step registry (`steps/index.ts`). */
    type: z.string().min(1).max(64),
    /** Validated against the step type's own schema by validate.ts; strings may hold `{{ params.x }}` / `{{ steps.a.b }}` / `{{ item.x }}` templates. */
    config: z.record(z.string(), z.unknown()).default({}),
    dependsOn: z.array(z.string()).max(MAX_STEPS).default([]),
    retry: retryPolicySchema.optional(),
    timeoutMs: z.number().int().min(100).max(30 * 86_400_000).optional(),
    /** Rule-language expression over `params.*` and earlier steps' outputs (`steps.<id>.<field>`); false: the step is skipped. */
    condition: z.string().trim().max(2_000).optional(),
    position: canvasPosition.optional(),
  })
  .strict();
export type StepDefinition = z.infer<typeof stepDefinitionSchema>;

export const parameterSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_]{0,63}$/, 'A parameter name is a letter, then letters, digits or _'),
    label: z.string().trim().max(120).optional(),
    type: z.enum(['string', 'number', 'boolean', 'dataSource', 'workspace', 'user']),
    required: z.boolean().default(false),
    default: z.union([z.string(), z.number(), z.boolean()]).optional(),
    description: z.string().max(500).optional(),
  })
  .strict();
export type ParameterDefinition = z.infer<typeof parameterSchema>;

export const triggersSchema = z
  .object({
    manual: z.boolean().default(true),
    /** Five-field cron expression (UTC). */
    cron: z.string().trim().min(9).max(120).optional(),
    /** Starts on each matching activity event, read from the activity log in order, none missed. */
    event: z
      .object({
        /** Activity type, e.g. `scan.run.succeeded`. */
        type: z.string().min(1).max(100),
        /** Only events of this workflow's workspace (default), or of any. */
        sameWorkspace: z.boolean().default(true),
        /** Optional rule-language condition over `event.*`. */
        condition: z.string().trim().max(2_000).optional(),
      })
      .strict()
      .optional(),
    /** A per-workflow URL; each POST must carry an HMAC-SHA256 signature of its body. */
    webhook: z.boolean().default(false),
  })
  .strict();
export type TriggersDefinition = z.infer<typeof triggersSchema>;

export const workflowDefinitionSchema = z
  .object({
    steps: z.array(stepDefinitionSchema).min(1, 'A workflow needs at least one step').max(MAX_STEPS),
    triggers: triggersSchema.default({ manual: true, webhook: false }),
    parameters: z.array(parameterSchema).max(50).default([]),
    /** Most executions of this workflow running at once; further ones queue. */
    maxConcurrentExecutions: z.number().int().min(1).max(100).optional(),
  })
  .strict();
export type WorkflowDefinition = z.infer<typeof workflowDefinitionSchema>;
export type WorkflowDefinitionInput = z.input<typeof workflowDefinitionSchema>;
