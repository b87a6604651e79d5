/**
 * The shape of a pipeline definition: where its items come from (the tables
 * of a data source), the stages they flow through in order, and the SLA its
 * health is judged against. Stored parsed on the Pipeline row and snapshotted
 * on each run, so a run keeps the definition it started with.
 */
import { z } from 'zod';
import { cronSchema } from '../scan/schemas';

export const STAGE_KINDS = ['ingest', 'classify', 'quality', 'compliance', 'publish'] as const;
export type StageKind = (typeof STAGE_KINDS)[number];
export const STAGE_ID = /^[a-z][a-z0-9_-]{0,47}$/;

export const pipelineSourceSchema = z
  .object({
    kind: z.literal('dataSourceTables'),
    dataSourceId: z.uuid('Not a data source id'),
    /** Only tables of these schemas (catalog schema names); all when absent. */
    schemas: z.array(z.string().trim().min(1).max(128)).max(100).optional(),
    /** `*` and `?` wildcards over the table name, e.g. `order*`. */
    tableGlob: z.string().trim().min(1).max(128).optional(),
  })
  .strict();

export const qualityConfigSchema = z
  .object({
    /** A column whose share of nulls is above this breaches the check. */
    maxNullRatio: z.number().min(0).max(1).optional(),
    /** Each of `uniqueColumns` (or, without them, columns named `id`/`*_id` that are keys) must have distinct/non-null at least this. */
    minUniqueRatio: z.number().min(0).max(1).optional(),
    uniqueColumns: z.array(z.string().min(1).max(128)).max(50).optional(),
    /** A timestamp column whose latest value says how fresh the table is. */
    freshnessColumn: z.string().min(1).max(128).optional(),
    maxAgeHours: z
      .number()
      .positive()
      .max(24 * 365 * 100)
      .optional(),
    /** true: a breached threshold fails the item (retried, then dead-lettered); false (default): the item succeeds with `output.violations`. */
    failOnViolation: z.boolean().default(false),
  })
  .strict();

export const publishConfigSchema = z
  .object({
    tag: z.string().trim().min(1).max(64).optional(),
    certify: z.enum(['draft', 'certified', 'deprecated']).optional(),
  })
  .strict();

const emptyConfig = z.object({}).strict();

const stageBase = {
  id: z
    .string()
    .regex(STAGE_ID, 'A stage id is a lowercase letter, then letters, digits, - or _ (at most 48)'),
  name: z.string().trim().max(120).optional(),
  concurrency: z.number().int().min(1).max(16).default(2),
  batchSize: z.number().int().min(1).max(500).default(10),
  maxAttempts: z.number().int().min(1).max(10).default(3),
};

export const stageSchema = z.discriminatedUnion('kind', [
  z.object({ ...stageBase, kind: z.literal('ingest'), config: emptyConfig.default({}) }).strict(),
  z.object({ ...stageBase, kind: z.literal('classify'), config: emptyConfig.default({}) }).strict(),
  z
    .object({
      ...stageBase,
      kind: z.literal('quality'),
      config: qualityConfigSchema.default({ failOnViolation: false }),
    })
    .strict(),
  z
    .object({ ...stageBase, kind: z.literal('compliance'), config: emptyConfig.default({}) })
    .strict(),
  z
    .object({ ...stageBase, kind: z.literal('publish'), config: publishConfigSchema.default({}) })
    .strict(),
]);
export type StageDefinition = z.infer<typeof stageSchema>;
export type QualityConfig = z.infer<typeof qualityConfigSchema>;
export type PublishConfig = z.infer<typeof publishConfigSchema>;

export const slaSchema = z
  .object({
    /** Healthy only if a run succeeded within this many hours. */
    freshnessHours: z
      .number()
      .positive()
      .max(24 * 365)
      .default(24),
    /** Healthy only if the latest run's failed+dead share of items is at most this. */
    maxErrorRate: z.number().min(0).max(1).default(0.05),
  })
  .strict();
export type PipelineSla = z.infer<typeof slaSchema>;

export const pipelineDefinitionSchema = z
  .object({
    source: pipelineSourceSchema,
    stages: z
      .array(stageSchema)
      .min(1, 'A pipeline needs at least one stage')
      .max(10, 'A pipeline has at most 10 stages'),
    sla: slaSchema.default({ freshnessHours: 24, maxErrorRate: 0.05 }),
    schedule: cronSchema.optional(),
  })
  .strict()
  .superRefine((def, ctx) => {
    const seen = new Set<string>();
    def.stages.forEach((stage, index) => {
      if (seen.has(stage.id))
        ctx.addIssue({
          code: 'custom',
          path: ['stages', index, 'id'],
          message: `Stage id "${stage.id}" is used twice; stage ids must be unique`,
        });
      seen.add(stage.id);
    });
  });
export type PipelineDefinition = z.infer<typeof pipelineDefinitionSchema>;

/** A stored definition, parsed again on the way out (defaults filled, shape guaranteed). */
export function parsePipelineDefinition(value: unknown): PipelineDefinition {
  return pipelineDefinitionSchema.parse(value);
}

/** `order*` → /^order.*$/i; only * and ? are special. */
export function globToRegExp(glob: string): RegExp {
  const escaped = glob
    .replace(/[.+^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*')
    .replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`, 'i');
}
