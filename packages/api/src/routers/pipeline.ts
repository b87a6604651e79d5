import {
  createPipeline,
  createPipelineInput,
  deadLettersInput,
  executePipeline,
  getPipeline,
  getPipelineRun,
  listDeadLetters,
  listPipelineRuns,
  listPipelines,
  listPipelinesInput,
  pipelineHealth,
  pipelineIdInput,
  pipelineMetrics,
  pipelineMetricsInput,
  pipelineRunIdInput,
  pipelineRunsInput,
  pipelineTemplates,
  retryDeadLetters,
  retryDeadLettersInput,
  updatePipeline,
  updatePipelineInput,
  watchPipelineRun,
  watchPipelineRunInput,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../trpc';

const ofPipeline = { workspaceOf: 'pipeline', field: 'id' } as const;
const ofRun = { workspaceOf: 'pipelineRun', field: 'runId' } as const;

export const pipelineRouter = router({
  create: procedure
    .meta({ permission: 'pipeline.manage', scope: { workspace: 'workspaceId' } })
    .input(createPipelineInput)
    .mutation(({ ctx, input }) => createPipeline(ctx.deps, ctx.actor, ctx.access, input)),
  list: procedure
    .meta({ permission: 'pipeline.read', filtered: true })
    .input(listPipelinesInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listPipelines(ctx.deps, ctx.access, input)),
  get: procedure
    .meta({ permission: 'pipeline.read', scope: ofPipeline })
    .input(pipelineIdInput)
    .query(({ ctx, input }) => getPipeline(ctx.deps, ctx.access, input.id)),
  update: procedure
    .meta({ permission: 'pipeline.manage', scope: ofPipeline })
    .input(updatePipelineInput)
    .mutation(({ ctx, input }) => updatePipeline(ctx.deps, ctx.actor, ctx.access, input)),
  execute: procedure
    .meta({ permission: 'pipeline.execute', scope: ofPipeline })
    .input(pipelineIdInput)
    .mutation(({ ctx, input }) => executePipeline(ctx.deps, ctx.actor, input.id)),
  runs: procedure
    .meta({ permission: 'pipeline.read', scope: ofPipeline })
    .input(pipelineRunsInput)
    .query(({ ctx, input }) => listPipelineRuns(ctx.deps, input)),
  getRun: procedure
    .meta({ permission: 'pipeline.read', scope: ofRun })
    .input(pipelineRunIdInput)
    .query(({ ctx, input }) => getPipelineRun(ctx.deps, input.runId)),
  health: procedure
    .meta({ permission: 'pipeline.read', scope: ofPipeline })
    .input(pipelineIdInput)
    .query(({ ctx, input }) => pipelineHealth(ctx.deps, input.id)),
  metrics: procedure
    .meta({ permission: 'pipeline.read', scope: ofPipeline })
    .input(pipelineMetricsInput)
    .query(({ ctx, input }) => pipelineMetrics(ctx.deps, input)),
  deadLetters: procedure
    .meta({ permission: 'pipeline.read', scope: ofPipeline })
    .input(deadLettersInput)
    .query(({ ctx, input }) => listDeadLetters(ctx.deps, input)),
  retryDeadLetters: procedure
    .meta({ permission: 'pipeline.execute', scope: ofRun })
    .input(retryDeadLettersInput)
    .mutation(({ ctx, input }) => retryDeadLetters(ctx.deps, ctx.actor, input)),
  templates: procedure
    .meta({ permission: 'authenticated' })
    .input(z.object({}).default({}))
    .query(() => pipelineTemplates()),
  /** The run's state on each change until it ends; a reconnect gets the current state. */
  watchRun: procedure
    .meta({ permission: 'pipeline.read', scope: ofRun })
    .input(watchPipelineRunInput)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const { key, run } of watchPipelineRun(ctx.deps, input.runId, signal))
        yield tracked(key, run);
    }),
});
