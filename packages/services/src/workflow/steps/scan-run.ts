/**
 * `scan.run`: runs a source's scan through the real job queue and waits for
 * it without holding a worker slot (a wait of ~1 s, again and again, until
 * the run is terminal).
 *
 * Idempotent: the run's id is checkpointed, and the run's own activity row
 * carries this step's idempotency key, so a step whose worker died between
 * queueing the run and checkpointing it finds that run again instead of
 * starting a second one.
 */
import { z } from 'zod';
import { systemActor } from '../../actor';
import type { ServiceDeps } from '../../deps';
import { AppError } from '../../errors';
import { syncBuiltInRuleSets } from '../../scan/rule-sets';
import { createScan, getRun, runScan, TERMINAL } from '../../scan/scans';
import { defineStepType, type StepContext } from '../step-type';
import { sourceInWorkspace, stepAudit } from './scope';

const config = z
  .object({
    /** The source to scan, with its first scan (one is created with the built-in "all" rule set if it has none). */
    dataSourceId: z.uuid('Not a data source id').optional(),
    /** Or a scan, exactly. */
    scanId: z.uuid('Not a scan id').optional(),
    /** false: done as soon as the run is queued. */
    waitForCompletion: z.boolean().default(true),
  })
  .strict()
  .refine((c) => c.dataSourceId || c.scanId, { message: 'Name the data source to scan (dataSourceId) or a scan (scanId)' });

type Config = z.output<typeof config>;
interface State {
  runId?: string;
  /** The attempt that queued the run: a retry after a failed run queues a new one. */
  runAttempt?: number;
}

/** How often a waiting step looks at its run again. */
export const SCAN_POLL_MS = 1_000;

async function scanFor(ctx: StepContext<Config>): Promise<string> {
  const { db } = ctx.deps;
  if (ctx.config.scanId) {
    const scan = await db.scan.findUnique({ where: { id: ctx.config.scanId }, select: { id: true, dataSourceId: true } });
    if (!scan) throw new AppError('NOT_FOUND', `Scan ${ctx.config.scanId} was not found`);
    await sourceInWorkspace(db, ctx.execution.workspaceId, scan.dataSourceId);
    return scan.id;
  }
  const source = await sourceInWorkspace(db, ctx.execution.workspaceId, ctx.config.dataSourceId!);
  const existing = await db.scan.findFirst({ where: { dataSourceId: source.id }, orderBy: [{ enabled: 'desc' }, { createdAt: 'asc' }], select: { id: true } });
  if (existing) return existing.id;
  const ruleSet = (await db.scanRuleSet.findUnique({ where: { key: 'all' }, select: { id: true } })) ?? (await syncBuiltInRuleSets(ctx.deps), await db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' }, select: { id: true } }));
  const scan = await createScan(ctx.deps, systemActor, { name: `${source.name} — all detectors`.slice(0, 80), dataSourceId: source.id, ruleSetId: ruleSet.id, schedule: null, enabled: true });
  await ctx.log(`Created scan "${scan.name}" for ${source.name}: the source had none`, { scanId: scan.id });
  return scan.id;
}

/** A run this step queued on an earlier attempt that died before checkpointing it. */
async function runQueuedEarlier(deps: ServiceDeps, idempotencyKey: string): Promise<string | null> {
  const row = await deps.db.activityEvent.findFirst({
    where: { type: 'scan.run.queued', status: 'success', details: { path: ['idempotencyKey'], equals: idempotencyKey } },
    select: { resourceId: true },
  });
  return row?.resourceId ?? null;
}

/** One run per attempt: the key its activity row carries. */
const runKey = (ctx: StepContext<Config>) => `${ctx.step.idempotencyKey}:${ctx.step.attempt}`;

async function startRun(ctx: StepContext<Config>): Promise<string> {
  const earlier = await runQueuedEarlier(ctx.deps, runKey(ctx));
  if (earlier) return earlier;
  const scanId = await scanFor(ctx);
  try {
    const run = await runScan(ctx.deps, systemActor, scanId, 'workflow', { ...stepAudit(ctx), idempotencyKey: runKey(ctx) });
    await ctx.log(`Queued scan run ${run.id} of "${run.scan.name}"`, { runId: run.id, scanId });
    return run.id;
  } catch (error) {
    // Someone else's run of this scan is in progress: its result is as fresh as ours would be.
    const active = error instanceof AppError && error.code === 'CONFLICT' ? (error.details?.runId as string | undefined) : undefined;
    if (!active) throw error;
    await ctx.log(`The scan is already running (run ${active}); waiting for that run`, { runId: active }, 'warn');
    return active;
  }
}

export const scanRunStep = defineStepType({
  type: 'scan.run',
  title: 'Run a scan',
  description: 'Scans a data source (catalog sync, classification, drift) and waits for the run to finish; a failed run fails the step.',
  group: 'scanning',
  config,
  output: {
    runId: { type: 'string', description: 'The scan run.' },
    status: { type: 'string', description: 'How the run ended (queued when not waiting).', values: ['queued', 'running', 'succeeded', 'failed', 'cancelled'] },
    tablesDone: { type: 'number', description: 'Tables scanned.' },
    columnsClassified: { type: 'number', description: 'Columns that got at least one label.' },
    labelsSuggested: { type: 'number', description: 'New labels suggested by this run.' },
  },
  defaults: { retry: { attempts: 2, backoffMs: 5_000 }, timeoutMs: 2 * 3_600_000 },
  async run(ctx) {
    const state: State = { ...((ctx.state as State | null) ?? {}) };
    let run = state.runId ? await getRun(ctx.deps, state.runId) : null;
    // A retry after a failed or cancelled run scans again; a wake-up or a resumed attempt continues the same run.
    const retryAfterFailure = run && (run.status === 'failed' || run.status === 'cancelled') && (state.runAttempt ?? 0) < ctx.step.attempt;
    if (!run || retryAfterFailure) {
      Object.assign(state, { runId: await startRun(ctx), runAttempt: ctx.step.attempt });
      await ctx.checkpoint(state);
      run = await getRun(ctx.deps, state.runId!);
    }
    const output = { runId: run.id, status: run.status, tablesDone: run.tablesDone, columnsClassified: run.columnsClassified, labelsSuggested: run.labelsSuggested };
    if (!ctx.config.waitForCompletion) return { kind: 'done', output };
    if (!TERMINAL.has(run.status)) return { kind: 'wait', state, wakeAt: new Date(ctx.deps.clock().getTime() + SCAN_POLL_MS) };
    if (run.status === 'failed') throw new Error(`Scan run ${run.id} failed: ${run.error ?? 'no error recorded'}`);
    if (run.status === 'cancelled') throw new Error(`Scan run ${run.id} was cancelled`);
    await ctx.log(`Scan run ${run.id} succeeded: ${run.tablesDone} tables, ${run.columnsClassified} columns classified, ${run.labelsSuggested} labels suggested`, output);
    return { kind: 'done', output };
  },
});
