import {
  analyzeWorkflow,
  applySuggestion,
  applySuggestionInput,
  cancelExecution,
  createWorkflow,
  createWorkflowInput,
  executeWorkflow,
  executeWorkflowInput,
  executionIdInput,
  executionLogsInput,
  getExecution,
  getExecutionLogs,
  getWorkflow,
  listExecutions,
  listExecutionsInput,
  listVersions,
  listWorkflows,
  listWorkflowsInput,
  pauseExecution,
  resumeExecution,
  rotateWebhookSecret,
  stepTypeCatalog,
  updateWorkflow,
  updateWorkflowInput,
  validateWorkflowDefinition,
  validateWorkflowInput,
  watchExecution,
  watchExecutionInput,
  workflowIdInput,
  workflowTemplates,
} from '@racine/services';
import { tracked } from '@trpc/server';
import { z } from 'zod';
import { procedure, router } from '../trpc';

const ofWorkflow = { workspaceOf: 'workflow', field: 'id' } as const;
const ofExecution = { workspaceOf: 'workflowExecution', field: 'executionId' } as const;

export const workflowRouter = router({
  create: procedure
    .meta({ permission: 'workflow.manage', scope: { workspace: 'workspaceId' } })
    .input(createWorkflowInput)
    .mutation(({ ctx, input }) => createWorkflow(ctx.deps, ctx.actor, ctx.access, input)),
  update: procedure.meta({ permission: 'workflow.manage', scope: ofWorkflow }).input(updateWorkflowInput).mutation(({ ctx, input }) => updateWorkflow(ctx.deps, ctx.actor, ctx.access, input)),
  get: procedure.meta({ permission: 'workflow.read', scope: ofWorkflow }).input(workflowIdInput).query(({ ctx, input }) => getWorkflow(ctx.deps, ctx.access, input.id)),
  list: procedure
    .meta({ permission: 'workflow.read', filtered: true })
    .input(listWorkflowsInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listWorkflows(ctx.deps, ctx.access, input)),
  /** An invalid definition is a normal answer here (the builder shows the list); create and update refuse it with the same messages. */
  // A mutation, though it changes nothing: a 200-step definition would not fit in a GET's URL.
  validate: procedure.meta({ permission: 'authenticated' }).input(validateWorkflowInput).mutation(({ ctx, input }) => {
    const result = validateWorkflowDefinition(ctx.deps, input.definition);
    return result.ok ? { ok: true as const, errors: [] } : { ok: false as const, errors: result.errors };
  }),
  versions: procedure.meta({ permission: 'workflow.read', scope: ofWorkflow }).input(workflowIdInput).query(({ ctx, input }) => listVersions(ctx.deps, input.id)),
  execute: procedure
    .meta({ permission: 'workflow.execute', scope: ofWorkflow })
    .input(executeWorkflowInput)
    .mutation(({ ctx, input }) => executeWorkflow(ctx.deps, ctx.actor, input)),
  cancel: procedure.meta({ permission: 'workflow.execute', scope: ofExecution }).input(executionIdInput).mutation(({ ctx, input }) => cancelExecution(ctx.deps, ctx.actor, input.executionId)),
  pause: procedure.meta({ permission: 'workflow.execute', scope: ofExecution }).input(executionIdInput).mutation(({ ctx, input }) => pauseExecution(ctx.deps, ctx.actor, input.executionId)),
  resume: procedure.meta({ permission: 'workflow.execute', scope: ofExecution }).input(executionIdInput).mutation(({ ctx, input }) => resumeExecution(ctx.deps, ctx.actor, input.executionId)),
  executions: procedure
    .meta({ permission: 'workflow.read', filtered: true })
    .input(listExecutionsInput.default({ limit: 25 }))
    .query(({ ctx, input }) => listExecutions(ctx.deps, ctx.access, input)),
  getExecution: procedure.meta({ permission: 'workflow.read', scope: ofExecution }).input(executionIdInput).query(({ ctx, input }) => getExecution(ctx.deps, input.executionId)),
  executionLogs: procedure
    .meta({ permission: 'workflow.read', scope: ofExecution })
    .input(executionLogsInput)
    .query(({ ctx, input }) => getExecutionLogs(ctx.deps, input.executionId, { afterId: input.afterId, stepRunId: input.stepRunId, limit: input.limit })),
  analyze: procedure.meta({ permission: 'workflow.read', scope: ofWorkflow }).input(workflowIdInput).query(({ ctx, input }) => analyzeWorkflow(ctx.deps, input.id)),
  applySuggestion: procedure
    .meta({ permission: 'workflow.manage', scope: ofWorkflow })
    .input(applySuggestionInput)
    .mutation(({ ctx, input }) => applySuggestion(ctx.deps, ctx.actor, ctx.access, input)),
  templates: procedure.meta({ permission: 'authenticated' }).input(z.object({}).strict().default({})).query(() => workflowTemplates.map((t) => ({ key: t.key, name: t.name, description: t.description, definition: t.definition }))),
  stepTypes: procedure.meta({ permission: 'authenticated' }).input(z.object({}).strict().default({})).query(() => stepTypeCatalog()),
  rotateWebhookSecret: procedure.meta({ permission: 'workflow.manage', scope: ofWorkflow }).input(workflowIdInput).mutation(({ ctx, input }) => rotateWebhookSecret(ctx.deps, ctx.actor, input.id)),
  /** Step states and new log lines as they change, until the execution ends; a reconnect (lastEventId) resumes after the last log line it saw. */
  watchExecution: procedure
    .meta({ permission: 'workflow.read', scope: ofExecution })
    .input(watchExecutionInput)
    .subscription(async function* ({ ctx, input, signal }) {
      for await (const change of watchExecution(ctx.deps, input.executionId, signal ?? new AbortController().signal, input.lastEventId)) yield tracked(change.cursor, change);
    }),
});
