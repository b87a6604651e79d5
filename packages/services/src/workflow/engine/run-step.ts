/**
 * The job that runs one step run.
 *
 * 1. Claim, with one conditional UPDATE: ready | retrying (due) | waiting
 *    (due) | running (its worker died) → running, in an execution that is
 *    running. A step that already succeeded is never claimed: this is what
 *    makes a restart not repeat finished work. The claim stamps `startedAt`;
 *    every later write of this attempt is conditional on that stamp, so if
 *    a second runner took the step over, the first one's result is dropped.
 * 2. Resolve the config's templates, parse it with the step type's schema
 *    (invalid: failed, no retry), and run it with an AbortSignal for the
 *    timeout and for a cancel.
 * 3. done → output + succeeded, and the DAG advances, in one transaction;
 *    wait → waiting + checkpoint + a job at wakeAt; an error → retrying at
 *    the backoff time (a job with that run time), or failed after the last
 *    attempt (dependents skipped).
 */
import type { Prisma } from '@racine/db';
import type { ServiceDeps } from '../../deps';
import { type TemplateScope, resolveTemplates, TemplateError } from '../expressions';
import type { StepContext, StepResult } from '../step-type';
import { FOR_EACH_TYPE, forEachConfigSchema } from '../steps/for-each';
import { advanceLocked, lockExecution } from './advance';
import { backoffDelayMs } from './backoff';
import { scheduleStepJob } from './dispatch';
import { type LogLevel, writeLog } from './logs';
import { type EffectiveStep, effectiveStep, loadDefinition, retryFor, stepRegistry } from './registry';
import { onExecutionChange, withTx, zodMessage } from './signals';

/** Due within this much counts as due (the job queue's clock and ours may differ by a little). */
const DUE_SLACK_MS = 1_000;
/** How often a running step checks whether its execution was cancelled from another process. */
export const CANCEL_POLL_MS = 1_000;

interface Claimed {
  prevStatus: string;
  /** The claim's stamp (kept from the first start on a wake-up). */
  startedAt: Date;
  attempt: number;
  maxAttempts: number;
  executionId: string;
  stepId: string;
  type: string;
  itemIndex: number;
  parentId: string | null;
  item: unknown;
  state: unknown;
  idempotencyKey: string;
  workflowId: string;
  workspaceId: string;
  version: number;
  versionId: string;
  params: Record<string, unknown> | null;
  createdById: string | null;
  /** Outputs of the execution's steps that succeeded, by step id. */
  outputs: Record<string, Record<string, unknown>> | null;
}

/**
 * One statement: the conditional claim, its log row, and everything the run
 * needs (the step run, its execution, the outputs of earlier steps): the
 * dispatch path is one round trip before the step's own work.
 */
async function claim(deps: ServiceDeps, stepRunId: string, now: Date, takeover: boolean): Promise<Claimed | null> {
  const due = new Date(now.getTime() + DUE_SLACK_MS);
  const rows = await deps.db.$queryRaw<Claimed[]>`
    WITH prev AS (
      SELECT id, status::text AS status FROM "WorkflowStepRun" WHERE id = ${stepRunId}
    ), claimed AS (
      UPDATE "WorkflowStepRun" s SET
        status = 'running',
        attempt = CASE WHEN prev.status IN ('ready', 'retrying') THEN s.attempt + 1 ELSE s.attempt END,
        -- A wake-up keeps the first start (the timeline shows one span); any other claim stamps a new one.
        "startedAt" = CASE WHEN prev.status = 'waiting' THEN COALESCE(s."startedAt", ${now}) ELSE ${now} END,
        "nextAttemptAt" = NULL
      FROM prev, "WorkflowExecution" e
      WHERE s.id = prev.id AND e.id = s."executionId"
        AND (
          (s.status = 'ready' AND e.status = 'running')
          OR (s.status IN ('retrying', 'waiting') AND s."nextAttemptAt" IS NOT NULL AND s."nextAttemptAt" <= ${due} AND e.status = 'running')
          -- Taken over from a worker that died mid-step (the job handed out again, or re-enqueued by the sweep): it finishes even while paused.
          OR (s.status = 'running' AND ${takeover} AND e.status IN ('running', 'paused'))
        )
      RETURNING s.id, prev.status AS "prevStatus", s."startedAt", s.attempt, s."maxAttempts", s."executionId", s."stepId", s.type, s."itemIndex", s."parentId", s.item, s.state,
        s."idempotencyKey", e."workflowId", e."workspaceId", e.version, e."versionId", e.params, e."createdById"
    ), logged AS (
      INSERT INTO "WorkflowStepLog" ("executionId", "stepRunId", level, message, at)
      SELECT "executionId", id, 'info',
        CASE "prevStatus" WHEN 'running' THEN 'Resumed after its worker stopped' ELSE 'Started' END || ' (attempt ' || attempt || ' of ' || "maxAttempts" || ')',
        ${now}
      -- A wake-up writes no row: a step polling (a scan) would fill its log; its outcome is logged.
      FROM claimed WHERE "prevStatus" <> 'waiting'

    )
    SELECT c.*, (
      SELECT json_object_agg(o."stepId", COALESCE(o.output, '{}'::jsonb)) FROM "WorkflowStepRun" o
      WHERE o."executionId" = c."executionId" AND o."parentId" IS NULL AND o.status = 'succeeded'
    ) AS outputs
    FROM claimed c`;
  return rows[0] ?? null;
}

/** A job for a step that is not due yet (an early wake-up): put it back at its time. */
async function rescheduleIfEarly(deps: ServiceDeps, stepRunId: string): Promise<void> {
  const row = await deps.db.workflowStepRun.findUnique({ where: { id: stepRunId }, select: { status: true, nextAttemptAt: true, execution: { select: { status: true } } } });
  if (!row || row.execution.status !== 'running' || !row.nextAttemptAt) return;
  if (row.status !== 'retrying' && row.status !== 'waiting') return;
  await deps.db.$transaction((tx) => scheduleStepJob(deps, tx, stepRunId, row.nextAttemptAt));
}

class StepAbort extends Error {
  constructor(readonly reason: 'timeout' | 'cancelled' | 'superseded', message: string) {
    super(message);
  }
}

/**
 * `takeover`: this job may take a step left `running` over: graphile-worker
 * handed the job out again (its worker died), or the sweep re-enqueued a
 * step whose job vanished. A first delivery never does, so a stray second
 * job cannot run a live step twice.
 */
export async function runStepJob(deps: ServiceDeps, stepRunId: string, options: { takeover?: boolean } = {}): Promise<void> {
  const claimedAt = deps.clock();
  const run = await claim(deps, stepRunId, claimedAt, options.takeover ?? false);
  if (!run) return rescheduleIfEarly(deps, stepRunId);
  // The claim's stamp: every later write of this attempt is conditional on it.
  const runner = new StepRunner(deps, stepRunId, run.executionId, run.startedAt, run.parentId, run.prevStatus === 'waiting');

  let step: EffectiveStep;
  try {
    const definition = await loadDefinition(deps.db, run.versionId);
    step = effectiveStep(deps, definition, run.stepId, run.parentId !== null);
  } catch (e) {
    return runner.fail(message(e), false, run.attempt, run.maxAttempts, undefined);
  }
  const outputs = run.outputs ?? {};
  const params = run.params ?? {};
  const scope: TemplateScope = run.parentId !== null ? { params, outputs, item: run.item } : { params, outputs };

  if (run.parentId === null && run.type === FOR_EACH_TYPE) return fanOut(deps, runner, run, run, step, scope);

  const type = stepRegistry(deps)[step.type];
  if (!type) return runner.fail(`Unknown step type "${step.type}"`, false, run.attempt, run.maxAttempts, step);
  let config: unknown;
  try {
    config = resolveTemplates(step.config, scope);
  } catch (e) {
    return runner.fail(e instanceof TemplateError ? `Config: ${e.message}` : message(e), false, run.attempt, run.maxAttempts, step);
  }
  runner.input = config;
  const parsed = type.config.safeParse(config);
  if (!parsed.success) return runner.fail(`Invalid config: ${zodMessage(parsed.error)}`, false, run.attempt, run.maxAttempts, step);
  runner.input = parsed.data;

  const controller = new AbortController();
  const stopWatching = runner.watchForCancel(controller);
  let timer: NodeJS.Timeout | undefined;
  if (step.timeoutMs) timer = setTimeout(() => controller.abort(new StepAbort('timeout', `Timed out after ${step.timeoutMs} ms`)), step.timeoutMs);
  const aborted = new Promise<never>((_, reject) => {
    controller.signal.addEventListener('abort', () => reject(controller.signal.reason), { once: true });
  });
  aborted.catch(() => {});
  const ctx: StepContext<unknown> = {
    deps,
    config: parsed.data,
    execution: { id: run.executionId, workflowId: run.workflowId, workspaceId: run.workspaceId, version: run.version, params, startedById: run.createdById },
    step: { id: run.stepId, runId: stepRunId, attempt: run.attempt, idempotencyKey: run.idempotencyKey, item: run.parentId !== null ? run.item : undefined, itemIndex: run.itemIndex },
    outputs,
    state: run.state ?? null,
    checkpoint: (state) => runner.checkpoint(state),
    log: (msg, data, level) => runner.log(msg, data, level),
    signal: controller.signal,
  };
  let result: StepResult;
  try {
    // A step that ignores its signal still loses the race: its late result is dropped.
    result = await Promise.race([type.run(ctx), aborted]);
  } catch (e) {
    if (e instanceof StepAbort && e.reason !== 'timeout') return runner.log(e.message, undefined, 'warn');
    return runner.fail(message(e), true, run.attempt, run.maxAttempts, step);
  } finally {
    clearTimeout(timer);
    stopWatching();
  }
  if (result.kind === 'done') return runner.succeed(result.output);
  return runner.park(result.state, result.wakeAt);
}

/** Expands a forEach: resolves its items, creates one pending child per item, parks the parent; the scheduler runs the children. */
async function fanOut(
  deps: ServiceDeps,
  runner: StepRunner,
  exec: { executionId: string },
  run: { stepId: string; attempt: number; maxAttempts: number },
  step: EffectiveStep,
  scope: TemplateScope,
): Promise<void> {
  let config;
  try {
    const resolved = resolveTemplates({ items: step.config.items, concurrency: step.config.concurrency }, scope) as Record<string, unknown>;
    const parsed = forEachConfigSchema.safeParse({ ...resolved, step: step.config.step });
    if (!parsed.success) return runner.fail(`Invalid config: ${zodMessage(parsed.error)}`, false, run.attempt, run.maxAttempts, step);
    config = parsed.data;
  } catch (e) {
    return runner.fail(`Config: ${message(e)}`, false, run.attempt, run.maxAttempts, step);
  }
  const inner = stepRegistry(deps)[config.step.type];
  if (!inner) return runner.fail(`Unknown step type "${config.step.type}" in the forEach`, false, run.attempt, run.maxAttempts, step);
  const { items, concurrency } = config;
  const maxAttempts = retryFor(inner, config.step.retry).attempts;
  await withTx(deps, undefined, async (tx, effects) => {
    await lockExecution(tx, exec.executionId);
    const now = deps.clock();
    const mine = await tx.workflowStepRun.updateMany({
      where: { id: runner.stepRunId, status: 'running', startedAt: runner.startedAt },
      data: items.length
        ? { status: 'waiting', state: { fanOut: { count: items.length, concurrency } }, input: { count: items.length, concurrency, step: config.step } as Prisma.InputJsonValue }
        : { status: 'succeeded', finishedAt: now, output: { count: 0, succeeded: 0, failed: 0, results: [] }, input: { count: 0, concurrency } },
    });
    if (!mine.count) return;
    if (items.length) {
      await tx.workflowStepRun.createMany({
        data: items.map((item, i) => ({
          executionId: exec.executionId,
          stepId: run.stepId,
          type: config.step.type,
          itemIndex: i,
          parentId: runner.stepRunId,
          item: toJsonInput(item ?? null),
          maxAttempts,
          idempotencyKey: `${exec.executionId}:${run.stepId}:${i}`,
        })),
        skipDuplicates: true,
      });
    }
    await writeLog(tx, exec.executionId, runner.stepRunId, items.length ? `Fanned out over ${items.length} items, ${concurrency} at a time` : 'No items: nothing to do');
    await advanceLocked(deps, tx, exec.executionId, effects);
  });
}

/** The writes of one claimed attempt; each is conditional on the claim still being this one. */
class StepRunner {
  /** The resolved config, stored with the outcome. */
  input: unknown = undefined;

  constructor(
    private readonly deps: ServiceDeps,
    readonly stepRunId: string,
    private readonly executionId: string,
    readonly startedAt: Date,
    private readonly parentId: string | null,
    /** Woken from a wait: parking again is not news. */
    private readonly woken = false,
  ) {}

  private get mine() {
    return { id: this.stepRunId, status: 'running' as const, startedAt: this.startedAt };
  }

  private get inputJson(): string | null {
    return this.input === undefined ? null : JSON.stringify(this.input);
  }

  async log(msg: string, data?: unknown, level: LogLevel = 'info'): Promise<void> {
    await writeLog(this.deps.db, this.executionId, this.stepRunId, msg, data, level);
  }

  async checkpoint(state: unknown): Promise<void> {
    const r = await this.deps.db.workflowStepRun.updateMany({ where: this.mine, data: { state: toJsonInput(state) } });
    if (!r.count) throw new StepAbort('superseded', 'The step is no longer running here (cancelled or taken over); checkpoint refused');
  }

  /** Aborts `controller` when the execution is cancelled or the step taken over: on a wake-up in this process, or by polling. */
  watchForCancel(controller: AbortController): () => void {
    let checking = false;
    const check = async () => {
      if (checking || controller.signal.aborted) return;
      checking = true;
      try {
        const row = await this.deps.db.workflowStepRun.findUnique({ where: { id: this.stepRunId }, select: { status: true, startedAt: true, execution: { select: { status: true } } } });
        if (!row || row.status === 'cancelled' || row.execution.status === 'cancelled') controller.abort(new StepAbort('cancelled', 'Stopped: the execution was cancelled'));
        else if (row.status !== 'running' || row.startedAt?.getTime() !== this.startedAt.getTime()) controller.abort(new StepAbort('superseded', 'Stopped: the step was completed or taken over elsewhere'));
      } catch {
        // A failed check is retried on the next tick.
      } finally {
        checking = false;
      }
    };
    const interval = setInterval(() => void check(), CANCEL_POLL_MS);
    const unsubscribe = onExecutionChange((id) => {
      if (id === this.executionId) void check();
    });
    return () => {
      clearInterval(interval);
      unsubscribe();
    };
  }

  /** Output, status and its log row in one statement, then the DAG moves on, in one transaction. */
  async succeed(output: Record<string, unknown>): Promise<void> {
    await withTx(this.deps, undefined, async (tx, effects) => {
      const exec = await lockExecution(tx, this.executionId);
      const now = this.deps.clock();
      const done = await tx.$queryRaw<{ id: bigint }[]>`
        WITH upd AS (
          UPDATE "WorkflowStepRun" SET status = 'succeeded', output = ${JSON.stringify(output ?? {})}::jsonb, input = COALESCE(${this.inputJson}::jsonb, input), error = NULL, "finishedAt" = ${now}
          WHERE id = ${this.stepRunId} AND status = 'running' AND "startedAt" = ${this.startedAt}
          RETURNING id, "executionId"
        )
        INSERT INTO "WorkflowStepLog" ("executionId", "stepRunId", level, message, at)
        SELECT "executionId", id, 'info', ${`Succeeded in ${now.getTime() - this.startedAt.getTime()} ms`}, ${now} FROM upd RETURNING id`;
      if (!done.length) return writeLog(tx, this.executionId, this.stepRunId, 'Result dropped: the step was cancelled or completed elsewhere meanwhile', undefined, 'warn');
      await advanceLocked(this.deps, tx, this.executionId, effects, { locked: exec ?? undefined, childOf: this.parentId ?? undefined });
    });
  }

  async park(state: unknown, wakeAt: Date | undefined): Promise<void> {
    await withTx(this.deps, undefined, async (tx, effects) => {
      await lockExecution(tx, this.executionId);
      const r = await tx.workflowStepRun.updateMany({
        where: this.mine,
        data: { status: 'waiting', state: toJsonInput(state), nextAttemptAt: wakeAt ?? null, ...(this.input !== undefined ? { input: toJsonInput(this.input) } : {}) },
      });
      if (!r.count) return writeLog(tx, this.executionId, this.stepRunId, 'Wait dropped: the step was cancelled or completed elsewhere meanwhile', undefined, 'warn');
      if (wakeAt) await scheduleStepJob(this.deps, tx, this.stepRunId, wakeAt);
      if (!this.woken) await writeLog(tx, this.executionId, this.stepRunId, wakeAt ? `Waiting until ${wakeAt.toISOString()}` : 'Waiting for a decision');
      effects.touched(this.executionId);
    });
  }

  async fail(error: string, retryable: boolean, attempt: number, maxAttempts: number, step: EffectiveStep | undefined): Promise<void> {
    await withTx(this.deps, undefined, async (tx, effects) => {
      const exec = await lockExecution(tx, this.executionId);
      const now = this.deps.clock();
      const retry = retryable && attempt < maxAttempts;
      const delay = retry ? backoffDelayMs(step?.retry ?? retryFor(undefined, undefined), attempt) : 0;
      const nextAttemptAt = retry ? new Date(now.getTime() + delay) : null;
      const input = this.input !== undefined ? { input: toJsonInput(this.input) } : {};
      const r = await tx.workflowStepRun.updateMany({
        where: this.mine,
        data: retry ? { status: 'retrying', error, nextAttemptAt, readyAt: nextAttemptAt, ...input } : { status: 'failed', error, finishedAt: now, ...input },
      });
      if (!r.count) return writeLog(tx, this.executionId, this.stepRunId, `Error dropped (the step was cancelled or completed elsewhere): ${error}`, undefined, 'warn');
      if (retry) {
        await scheduleStepJob(this.deps, tx, this.stepRunId, nextAttemptAt);
        await writeLog(tx, this.executionId, this.stepRunId, `Attempt ${attempt} of ${maxAttempts} failed: ${error}; retrying in ${delay} ms`, undefined, 'warn');
        effects.touched(this.executionId);
      } else {
        await writeLog(tx, this.executionId, this.stepRunId, retryable && maxAttempts > 1 ? `Failed after ${attempt} attempts: ${error}` : `Failed: ${error}`, undefined, 'error');
        await advanceLocked(this.deps, tx, this.executionId, effects, { locked: exec ?? undefined, childOf: this.parentId ?? undefined });
      }
    });
  }
}

function message(e: unknown): string {
  return (e instanceof Error ? e.message : String(e)).slice(0, 4_000) || 'Unknown error';
}

function toJsonInput(v: unknown): Prisma.InputJsonValue {
  return JSON.parse(JSON.stringify(v ?? null)) as Prisma.InputJsonValue;
}
