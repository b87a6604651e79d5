/**
 * Reading executions: the view (execution + every step run, forEach
 * children included), its logs by cursor, and a live watch that yields on
 * every change until the execution ends.
 */
import type { Prisma } from '@racine/db';
import type { ServiceDeps } from '../../deps';
import { AppError, notFound } from '../../errors';
import { parseDefinition } from './registry';
import { onExecutionChange } from './signals';
import { type ExecutionChange, type ExecutionView, type LogItem, type StepRunView, TERMINAL_EXECUTION } from './types';
import { wakeableSleep } from '../../events/wake-sleep';

const stepSelect = {
  id: true,
  stepId: true,
  type: true,
  itemIndex: true,
  parentId: true,
  status: true,
  attempt: true,
  maxAttempts: true,
  input: true,
  output: true,
  error: true,
  readyAt: true,
  startedAt: true,
  finishedAt: true,
  nextAttemptAt: true,
} satisfies Prisma.WorkflowStepRunSelect;

export async function getExecution(deps: ServiceDeps, executionId: string): Promise<ExecutionView> {
  const e = await deps.db.workflowExecution.findUnique({
    where: { id: executionId },
    include: { workflow: { select: { name: true } }, versionRef: { select: { id: true, definition: true } }, steps: { select: stepSelect } },
  });
  if (!e) throw notFound('Workflow execution', executionId);
  const definition = parseDefinition(e.versionRef.id, e.versionRef.definition);
  const starter = e.createdById ? await deps.db.user.findUnique({ where: { id: e.createdById }, select: { name: true } }) : null;
  const order = new Map(definition.steps.map((s, i) => [s.id, i]));
  const byId = new Map(definition.steps.map((s) => [s.id, s]));
  const steps: StepRunView[] = e.steps
    .sort((a, b) => (order.get(a.stepId) ?? 0) - (order.get(b.stepId) ?? 0) || a.itemIndex - b.itemIndex)
    .map((s) => {
      const def = byId.get(s.stepId);
      const name = def?.name || s.stepId;
      return { ...s, name: s.parentId ? `${name} [${s.itemIndex}]` : name, dependsOn: s.parentId ? [] : (def?.dependsOn ?? []) };
    });
  return {
    id: e.id,
    workflowId: e.workflowId,
    workflowName: e.workflow.name,
    workspaceId: e.workspaceId,
    version: e.version,
    status: e.status,
    trigger: e.trigger,
    params: (e.params ?? {}) as Record<string, unknown>,
    triggerDetails: (e.triggerDetails ?? {}) as Record<string, unknown>,
    createdById: e.createdById,
    createdByName: starter?.name ?? null,
    createdAt: e.createdAt,
    startedAt: e.startedAt,
    finishedAt: e.finishedAt,
    error: e.error,
    definition,
    steps,
  };
}

function cursorOf(afterId: string | undefined): bigint {
  if (afterId === undefined || afterId === '') return 0n;
  if (!/^\d{1,19}$/.test(afterId)) throw new AppError('BAD_REQUEST', `afterId: "${afterId}" is not a log id`);
  return BigInt(afterId);
}

export async function getExecutionLogs(deps: ServiceDeps, executionId: string, options: { afterId?: string; stepRunId?: string; limit?: number } = {}): Promise<{ items: LogItem[] }> {
  const limit = Math.min(Math.max(options.limit ?? 200, 1), 1_000);
  const rows = await deps.db.workflowStepLog.findMany({
    where: { executionId, id: { gt: cursorOf(options.afterId) }, ...(options.stepRunId ? { stepRunId: options.stepRunId } : {}) },
    orderBy: { id: 'asc' },
    take: limit,
    include: { stepRun: { select: { stepId: true } } },
  });
  return {
    items: rows.map((r) => ({ id: r.id.toString(), stepRunId: r.stepRunId, stepId: r.stepRun?.stepId ?? null, at: r.at, level: r.level, message: r.message, data: r.data ?? null })),
  };
}

/** A cheap fingerprint of an execution's state: its status, its newest log row, its ready steps (dispatch writes no log). */
async function marker(deps: ServiceDeps, executionId: string): Promise<{ status: string; key: string } | null> {
  const rows = await deps.db.$queryRaw<{ status: string; lastLog: bigint | null; ready: number }[]>`
    SELECT e.status::text AS status,
      (SELECT max(l.id) FROM "WorkflowStepLog" l WHERE l."executionId" = e.id) AS "lastLog",
      (SELECT count(*)::int FROM "WorkflowStepRun" s WHERE s."executionId" = e.id AND s.status = 'ready') AS ready
    FROM "WorkflowExecution" e WHERE e.id = ${executionId}`;
  const r = rows[0];
  return r ? { status: r.status, key: `${r.status}:${r.lastLog ?? 0}:${r.ready}` } : null;
}

/**
 * Yields the execution and the log rows new since the last yield, on every
 * change, and ends after it reaches a terminal status. Wakes on a change in
 * this process and on the bus; polls every `pollMs` otherwise (the worker
 * may be another process).
 */
export async function* watchExecution(deps: ServiceDeps, executionId: string, signal?: AbortSignal, afterLogId?: string, pollMs = 400): AsyncGenerator<ExecutionChange> {
  let cursor = cursorOf(afterLogId);
  let last = '';
  const nap = wakeableSleep();
  const unsubscribe = onExecutionChange((id) => {
    if (id === executionId) nap.wake();
  });
  const unsubscribeBus = deps.bus.onNotify(nap.wake);
  signal?.addEventListener('abort', nap.wake);
  try {
    while (!signal?.aborted) {
      const m = await marker(deps, executionId);
      if (!m) throw notFound('Workflow execution', executionId);
      if (m.key !== last) {
        last = m.key;
        const execution = await getExecution(deps, executionId);
        const logs: LogItem[] = [];
        for (;;) {
          const page = await getExecutionLogs(deps, executionId, { afterId: cursor.toString(), limit: 1_000 });
          logs.push(...page.items);
          if (page.items.length) cursor = BigInt(page.items[page.items.length - 1]!.id);
          if (page.items.length < 1_000) break;
        }
        yield { execution, logs, cursor: cursor.toString() };
        if (TERMINAL_EXECUTION.has(execution.status)) return;
      }
      await nap.sleep(pollMs);
    }
  } finally {
    unsubscribe();
    unsubscribeBus();
    signal?.removeEventListener('abort', nap.wake);
  }
}
