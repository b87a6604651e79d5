/**
 * Inputs of the `workflow.*` procedures. A definition arrives as unknown:
 * `validateDefinition` checks it whole and answers with every problem and
 * its path, which zod alone (one schema, no registry) cannot.
 */
import { z } from 'zod';

const name = z.string().trim().min(2, 'A workflow name needs at least 2 characters').max(120);
const description = z.string().trim().max(2_000);
const note = z.string().trim().max(500);
const limit = z.number().int().min(1).max(100).default(25);

export const createWorkflowInput = z.object({
  workspaceId: z.uuid('Not a workspace id'),
  name,
  description: description.default(''),
  definition: z.unknown(),
  enabled: z.boolean().default(true),
  note: note.optional(),
});

export const updateWorkflowInput = z.object({
  id: z.uuid('Not a workflow id'),
  name: name.optional(),
  description: description.optional(),
  enabled: z.boolean().optional(),
  /** A changed definition becomes a new immutable version; the same one writes no version. */
  definition: z.unknown().optional(),
  note: note.optional(),
});

export const workflowIdInput = z.object({ id: z.uuid('Not a workflow id') });

export const listWorkflowsInput = z.object({
  workspaceId: z.uuid('Not a workspace id').optional(),
  search: z.string().trim().max(200).optional(),
  cursor: z.uuid().optional(),
  limit,
});

export const validateWorkflowInput = z.object({ definition: z.unknown() });

export const executeWorkflowInput = z.object({
  id: z.uuid('Not a workflow id'),
  params: z.record(z.string(), z.unknown()).default({}),
  /** Run an earlier version; the latest when absent. */
  version: z.number().int().min(1).optional(),
});

export const executionIdInput = z.object({ executionId: z.uuid('Not an execution id') });

export const executionStatuses = ['queued', 'running', 'paused', 'succeeded', 'failed', 'cancelled'] as const;
export const triggerKinds = ['manual', 'cron', 'event', 'webhook'] as const;

export const listExecutionsInput = z.object({
  workflowId: z.uuid('Not a workflow id').optional(),
  workspaceId: z.uuid('Not a workspace id').optional(),
  status: z.enum(executionStatuses).optional(),
  trigger: z.enum(triggerKinds).optional(),
  cursor: z.uuid().optional(),
  limit,
});

export const executionLogsInput = z.object({
  executionId: z.uuid('Not an execution id'),
  afterId: z.string().max(64).optional(),
  stepRunId: z.uuid('Not a step run id').optional(),
  limit: z.number().int().min(1).max(1_000).optional(),
});

export const applySuggestionInput = z.object({
  id: z.uuid('Not a workflow id'),
  /** Deterministic, from `analyze`: `parallelize:a>b`, `flaky:a`, `slow:a`. */
  suggestionId: z.string().min(3).max(200),
});

export const watchExecutionInput = z.object({
  executionId: z.uuid('Not an execution id'),
  /** The last cursor the client saw (tRPC sends it on reconnect): the stream resumes after it. */
  lastEventId: z.string().max(200).optional(),
});
