import { z } from 'zod';
import { pipelineDefinitionSchema } from './definition';

const name = z
  .string()
  .trim()
  .min(2, 'Names need at least 2 characters')
  .max(80, 'Names have at most 80 characters');
const description = z.string().trim().max(2_000);
const limit = z.number().int().min(1).max(100).default(25);

export const createPipelineInput = z.object({
  workspaceId: z.uuid('Not a workspace id'),
  name,
  description: description.optional(),
  definition: pipelineDefinitionSchema,
});

export const updatePipelineInput = z.object({
  id: z.uuid('Not a pipeline id'),
  name: name.optional(),
  description: description.optional(),
  enabled: z.boolean().optional(),
  definition: pipelineDefinitionSchema.optional(),
});

export const pipelineIdInput = z.object({ id: z.uuid('Not a pipeline id') });
export const pipelineRunIdInput = z.object({ runId: z.uuid('Not a run id') });

export const listPipelinesInput = z.object({
  workspaceId: z.uuid('Not a workspace id').optional(),
  search: z.string().trim().max(100).optional(),
  cursor: z.string().optional(),
  limit,
});

export const pipelineRunsInput = z.object({
  id: z.uuid('Not a pipeline id'),
  cursor: z.string().optional(),
  limit,
});

export const pipelineMetricsInput = z.object({
  id: z.uuid('Not a pipeline id'),
  runId: z.uuid('Not a run id').optional(),
});

export const deadLettersInput = z.object({
  id: z.uuid('Not a pipeline id'),
  runId: z.uuid('Not a run id').optional(),
  stage: z.string().min(1).max(48).optional(),
  cursor: z.string().optional(),
  limit,
});

export const retryDeadLettersInput = z.object({
  runId: z.uuid('Not a run id'),
  stage: z.string().min(1).max(48).optional(),
  itemIds: z.array(z.uuid('Not an item id')).min(1).max(1_000).optional(),
});

export const watchPipelineRunInput = z.object({
  runId: z.uuid('Not a run id'),
  lastEventId: z.string().nullish(),
});
