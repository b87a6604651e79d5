/**
 * The DAG scheduler. `advanceLocked` runs under a row lock on the execution
 * (SELECT … FOR NO KEY UPDATE), so two steps completing at once never dispatch a
 * dependent twice: every transaction that changes an execution's step runs
 * takes that lock first. It
 * - moves a fanned-out forEach on (dispatches children up to its
 *   concurrency, completes the parent when every child is done),
 * - skips pending steps whose dependencies did not all succeed, or whose
 *   condition is false; dispatches the others once all dependencies are done,
 * - finishes the execution when every step is terminal (activity row
 *   `workflow.execution.succeeded|failed`), and starts queued executions of
 *   the workspace in the slot that frees.
 * A paused, queued or finished execution dispatches nothing.
 */
import type { ExecutionStatus, Prisma, StepRunStatus, Tx } from '@racine/db';
import { systemActor } from '../../actor';
import { appendActivity } from '../../activity/append';
import type { ServiceDeps } from '../../deps';
import type { WorkflowDefinition } from '../definition';
import { conditionFields, evaluateStepCondition, parseStepCondition } from '../expressions';
import { FOR_EACH_TYPE } from '../steps/for-each';
import { dispatchPending, redispatchInFlight } from './dispatch';
import { type LogLevel, writeLogs } from './logs';
import { promoteQueued } from './quota';
import { loadDefinition, stepRegistry, taskNames } from './registry';
import type { Effects } from './signals';
import { TERMINAL_STEP } from './types';

export interface LockedExecution {
  id: string;
  status: ExecutionStatus;
  workspaceId: string;
  workflowId: string;
  versionId: string;
  version: number;
  params: Record<string, unknown>;
  createdById: string | null;
  startedAt: Date | null;
}

// NO KEY UPDATE, not UPDATE: it still serialises the engine's transactions on
// one execution, but lets a step's claim insert its log row (whose foreign key
// takes KEY SHARE on the execution) while it holds the step row; FOR UPDATE
// deadlocked that claim against an advance waiting for the same step row.
export async function lockExecution(tx: Tx, executionId: string): Promise<LockedExecution | null> {
  const rows = await tx.$queryRaw<LockedExecution[]>`
    SELECT id, status::text AS status, "workspaceId", "workflowId", "versionId", version, params, "createdById", "startedAt"
    FROM "WorkflowExecution" WHERE id = ${executionId} FOR NO KEY UPDATE`;
  return rows[0] ?? null;
}

interface RunRow {
  id: string;
  stepId: string;
  type: string;
  status: StepRunStatus;
  output: unknown;
  error: string | null;
  state: unknown;
}

type Log = { executionId: string; stepRunId: string | null; message: string; level?: LogLevel; data?: unknown };

/** The fan-out state a forEach parent keeps while its children run. */
export interface FanOutState {
  fanOut: { count: number; concurrency: number };
}

export function fanOutState(state: unknown): FanOutState['fanOut'] | null {
  const f = (state as Partial<FanOutState> | null)?.fanOut;
  return f && typeof f.count === 'number' && typeof f.concurrency === 'number' ? f : null;
}

/**
 * Advances one execution; the caller holds (or this takes) its row lock.
 * Returns whether the execution finished here.
 */
export interface AdvanceOptions {
  /** Start queued executions if this one finishes (not from inside a promotion: its loop counts the slots). */
  promote?: boolean;
  /** The caller already holds the execution's row lock and read it. */
  locked?: LockedExecution;
  /** A forEach child of this parent just finished: move the forEach on, and look at the rest only if it completed. */
  childOf?: string;
}

export async function advanceLocked(deps: ServiceDeps, tx: Tx, executionId: string, effects: Effects, options: AdvanceOptions = {}): Promise<boolean> {
  const exec = options.locked ?? (await lockExecution(tx, executionId));
  if (!exec || exec.status !== 'running') return false;
  effects.touched(executionId);
  if (options.childOf) {
    // The common case of a fan-out: one child done, the next dispatched, nothing else can have changed.
    const tick = await forEachTick(deps, tx, options.childOf);
    if (!tick.done) return false;
  }
  const definition = await loadDefinition(tx, exec.versionId);
  const now = deps.clock();
  const runs = await tx.workflowStepRun.findMany({
    where: { executionId, parentId: null },
    select: { id: true, stepId: true, type: true, status: true, output: true, error: true, state: true },
  });
  const byStep = new Map<string, RunRow>(runs.map((r) => [r.stepId, r as RunRow]));
  const logs: Log[] = [];

  // 1. forEach parents whose children are running.
  for (const run of byStep.values()) {
    if (run.type !== FOR_EACH_TYPE || run.status !== 'waiting') continue;
    if (fanOutState(run.state)) await stepForEach(deps, tx, exec, run, now, logs);
  }

  // 2. Pending steps, in definition order, until nothing changes (a skip can skip its dependents).
  const toDispatch: string[] = [];
  const registry = stepRegistry(deps);
  const terminalUpdates: { run: RunRow; status: StepRunStatus; output?: Record<string, unknown>; error?: string }[] = [];
  for (let changed = true; changed; ) {
    changed = false;
    for (const step of definition.steps) {
      const run = byStep.get(step.id);
      if (!run || run.status !== 'pending') continue;
      const deps_ = step.dependsOn.map((d) => byStep.get(d));
      if (deps_.some((d) => !d || !TERMINAL_STEP.has(d.status))) continue;
      const notOk = deps_.find((d) => d!.status !== 'succeeded');
      changed = true;
      if (notOk) {
        run.status = 'skipped';
        terminalUpdates.push({ run, status: 'skipped', output: {} });
        logs.push({ executionId, stepRunId: run.id, message: `Skipped: dependency ${notOk.stepId} ${notOk.status}` });
        continue;
      }
      if (step.condition) {
        const verdict = evaluateCondition(definition, step.id, step.condition, registry, exec.params, byStep);
        if (verdict.error) {
          run.status = 'failed';
          terminalUpdates.push({ run, status: 'failed', error: verdict.error });
          logs.push({ executionId, stepRunId: run.id, message: verdict.error, level: 'error' });
          continue;
        }
        if (!verdict.holds) {
          run.status = 'skipped';
          terminalUpdates.push({ run, status: 'skipped', output: {} });
          logs.push({ executionId, stepRunId: run.id, message: `Skipped: the condition "${step.condition}" is false` });
          continue;
        }
      }
      run.status = 'ready';
      toDispatch.push(run.id);
    }
  }
  for (const u of terminalUpdates) {
    await tx.workflowStepRun.update({
      where: { id: u.run.id },
      data: { status: u.status, finishedAt: now, output: (u.output ?? undefined) as Prisma.InputJsonValue | undefined, error: u.error ?? null },
    });
  }
  await dispatchPending(deps, tx, toDispatch);

  // 3. Finished?
  const all = [...byStep.values()];
  let finished = false;
  if (all.every((r) => TERMINAL_STEP.has(r.status))) {
    const failed = definition.steps.map((s) => byStep.get(s.id)!).filter((r) => r.status === 'failed' || r.status === 'cancelled');
    const status = failed.length ? 'failed' : 'succeeded';
    const error = failed.length ? failed.map((r) => `Step ${r.stepId} failed: ${r.error ?? r.status}`).join('; ').slice(0, 4_000) : null;
    await tx.workflowExecution.update({ where: { id: executionId }, data: { status, finishedAt: now, error } });
    logs.push({ executionId, stepRunId: null, message: status === 'succeeded' ? 'Execution succeeded' : `Execution failed: ${error}`, level: status === 'succeeded' ? 'info' : 'error' });
    finished = true;
  }
  await writeLogs(tx, logs);
  if (finished) {
    // Others queued in this workspace may start in the slot that freed (not from inside a promotion: its loop counts the slots).
    if (options.promote ?? true) await startQueued(deps, tx, exec.workspaceId, effects);
    const workflow = await tx.workflow.findUnique({ where: { id: exec.workflowId }, select: { name: true } });
    const row = await tx.workflowExecution.findUniqueOrThrow({ where: { id: executionId }, select: { status: true, startedAt: true, finishedAt: true, trigger: true, error: true } });
    // Last, because the append holds the activity log's lock until commit.
    const id = await appendActivity(
      tx,
      systemActor,
      {
        type: `workflow.execution.${row.status}`,
        category: 'execution',
        sourceGroup: 'workflow',
        action: row.status === 'succeeded' ? 'succeed' : 'fail',
        resourceType: 'workflowExecution',
        resourceId: executionId,
        workspaceId: exec.workspaceId,
        status: row.status === 'succeeded' ? 'success' : 'failure',
        durationMs: row.startedAt && row.finishedAt ? row.finishedAt.getTime() - row.startedAt.getTime() : null,
        details: { workflowId: exec.workflowId, workflowName: workflow?.name ?? null, version: exec.version, trigger: row.trigger, error: row.error },
      },
      now,
    );
    effects.activity(id);
  }
  return finished;
}

/** Starts queued executions of the workspace while it has free slots. */
export async function startQueued(deps: ServiceDeps, tx: Tx, workspaceId: string, effects: Effects): Promise<string[]> {
  // A resumed execution that had to queue may have steps whose jobs left while it was paused.
  const ids = await promoteQueued(deps, tx, workspaceId, async (id) => {
    await redispatchInFlight(deps, tx, id);
    return advanceLocked(deps, tx, id, effects, { promote: false });
  });
  for (const id of ids) effects.touched(id);
  return ids;
}

function evaluateCondition(
  definition: WorkflowDefinition,
  stepId: string,
  condition: string,
  registry: ReturnType<typeof stepRegistry>,
  params: Record<string, unknown>,
  byStep: Map<string, RunRow>,
): { holds: boolean; error?: string } {
  const parsed = parseStepCondition(condition, conditionFields(definition, stepId, registry));
  if (!parsed.ok) return { holds: false, error: `The condition is invalid: ${parsed.error.message}` };
  const outputs: Record<string, Record<string, unknown>> = {};
  for (const r of byStep.values()) if (r.status === 'succeeded' && r.output && typeof r.output === 'object') outputs[r.stepId] = r.output as Record<string, unknown>;
  try {
    return { holds: evaluateStepCondition(parsed.ast, { params, outputs }) };
  } catch (e) {
    return { holds: false, error: `The condition could not be evaluated: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/**
 * One statement: counts the forEach's children in flight and pending, marks
 * the next pending ones ready up to its concurrency and enqueues their jobs.
 * `done`: nothing was in flight or pending (the parent can complete).
 */
export async function forEachTick(deps: ServiceDeps, tx: Tx, parentId: string): Promise<{ done: boolean }> {
  const [row] = await tx.$queryRawUnsafe<{ inflight: number; pending: number; dispatched: number }[]>(
    `WITH c AS (
       SELECT count(*) FILTER (WHERE status IN ('ready', 'running', 'waiting', 'retrying'))::int AS inflight,
              count(*) FILTER (WHERE status = 'pending')::int AS pending
       FROM "WorkflowStepRun" WHERE "parentId" = $1
     ), picked AS (
       SELECT id FROM "WorkflowStepRun" WHERE "parentId" = $1 AND status = 'pending' ORDER BY "itemIndex"
       LIMIT (SELECT GREATEST(0, COALESCE((p.state->'fanOut'->>'concurrency')::int, 1) - c.inflight) FROM c, "WorkflowStepRun" p WHERE p.id = $1)
     ), upd AS (
       UPDATE "WorkflowStepRun" s SET status = 'ready', "readyAt" = $2, "nextAttemptAt" = NULL
       FROM picked WHERE s.id = picked.id AND s.status = 'pending' RETURNING s.id
     ), jobs AS (
       SELECT graphile_worker.add_job($3::text, json_build_object('stepRunId', id), job_key => 'wfstep:' || id) FROM upd
     )
     SELECT c.inflight, c.pending, (SELECT count(*)::int FROM jobs) AS dispatched FROM c`,
    parentId,
    deps.clock(),
    taskNames(deps).step,
  );
  return { done: !row || (row.inflight === 0 && row.pending === 0) };
}

/** Moves a fanned-out forEach on: more children while under its concurrency; completes it when all are done. */
async function stepForEach(deps: ServiceDeps, tx: Tx, exec: LockedExecution, parent: RunRow, now: Date, logs: Log[]): Promise<void> {
  const tick = await forEachTick(deps, tx, parent.id);
  if (!tick.done) return;
  const children = await tx.workflowStepRun.findMany({ where: { parentId: parent.id }, orderBy: { itemIndex: 'asc' }, select: { status: true, output: true, error: true, itemIndex: true } });
  const succeeded = children.filter((c) => c.status === 'succeeded').length;
  const failedChildren = children.filter((c) => c.status !== 'succeeded' && c.status !== 'skipped');
  const output = { count: children.length, succeeded, failed: failedChildren.length, results: children.map((c) => c.output ?? null) };
  const error = failedChildren.length
    ? `${failedChildren.length} of ${children.length} items failed; item ${failedChildren[0]!.itemIndex}: ${failedChildren[0]!.error ?? failedChildren[0]!.status}`
    : null;
  const status: StepRunStatus = failedChildren.length ? 'failed' : 'succeeded';
  await tx.workflowStepRun.update({ where: { id: parent.id }, data: { status, output: output as Prisma.InputJsonValue, error, finishedAt: now } });
  parent.status = status;
  parent.output = output;
  parent.error = error;
  logs.push({ executionId: exec.id, stepRunId: parent.id, message: error ? `Failed: ${error}` : `Succeeded: ${succeeded} of ${children.length} items`, level: error ? 'error' : 'info' });
}
