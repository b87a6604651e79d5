/**
 * `analyze` and `applySuggestion` over the database: reads the recent
 * executions' step runs, analyses them against the latest version
 * (analysis.ts), and writes an applied suggestion as a new version.
 */
import type { Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AppError, notFound } from '../errors';
import type { AccessChecker } from '../rbac/resolve';
import { ANALYSIS_WINDOW, type Analysis, analyzeRuns, applyToDefinition } from './analysis';
import { stepRegistry } from './engine/registry';
import type { StepRegistry } from './validate';
import { storedDefinition, updateWorkflow } from './workflows';

export async function analyzeWorkflow(deps: ServiceDeps, workflowId: string, registry: StepRegistry = stepRegistry(deps)): Promise<Analysis & { version: number; executions: number }> {
  const workflow = await deps.db.workflow.findFirst({
    where: { id: workflowId, deletedAt: null },
    select: { latestVersion: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } } },
  });
  if (!workflow) throw notFound('Workflow', workflowId);
  const definition = storedDefinition(workflow.versions[0]!.definition);
  const executions = await deps.db.workflowExecution.findMany({ where: { workflowId }, orderBy: [{ createdAt: 'desc' }, { id: 'desc' }], take: ANALYSIS_WINDOW, select: { id: true } });
  // Steps of the definition only: a forEach counts once (its own span), not once per item.
  const samples = executions.length
    ? await deps.db.workflowStepRun.findMany({
        where: { executionId: { in: executions.map((e) => e.id) }, parentId: null },
        select: { stepId: true, status: true, attempt: true, startedAt: true, finishedAt: true },
      })
    : [];
  return { ...analyzeRuns(definition, samples, registry), version: workflow.latestVersion, executions: executions.length };
}

/** Writes the suggested change as a new version (for the user to review); CONFLICT when the suggestion no longer applies. */
export async function applySuggestion(deps: ServiceDeps, actor: Actor, access: AccessChecker, input: { id: string; suggestionId: string }, registry: StepRegistry = stepRegistry(deps)) {
  const analysis = await analyzeWorkflow(deps, input.id, registry);
  const suggestion = analysis.suggestions.find((s) => s.id === input.suggestionId);
  if (!suggestion || !suggestion.apply)
    throw new AppError('CONFLICT', `Suggestion "${input.suggestionId}" does not apply to version ${analysis.version} of this workflow${suggestion ? ' (it has nothing to change)' : ''}; analyze it again`, { suggestionId: input.suggestionId });
  const current = await deps.db.workflowVersion.findUniqueOrThrow({ where: { workflowId_version: { workflowId: input.id, version: analysis.version } }, select: { definition: true } });
  const changed = applyToDefinition(storedDefinition(current.definition), suggestion.id, analysis.stats);
  if (!changed) throw new AppError('CONFLICT', `Suggestion "${suggestion.id}" has nothing left to change; analyze again`);
  const note = `Applied suggestion: ${suggestion.message}`.slice(0, 500);
  const detail = await updateWorkflow(deps, actor, access, { id: input.id, definition: changed, note }, { registry, expectVersion: analysis.version, auditType: 'workflow.suggestion.applied' });
  return { version: detail.latestVersion, suggestion };
}
