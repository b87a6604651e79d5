/**
 * Workflow engine benchmark, through the real job queue (graphile-worker on
 * a throwaway PostgreSQL database):
 * (a) dispatch overhead — a forEach of 1,000 no-op children: ms from a
 *     child's `readyAt` (marked ready, job enqueued) to its `startedAt`
 *     (claimed by a worker), p50/p99; the forEach's concurrency is half the
 *     worker's, so this is the engine's and the queue's latency, not time
 *     spent queued behind busy workers;
 * (b) 100 executions of a 4-step diamond DAG started at once: total ms and
 *     steps per second;
 * (c) recovery — a worker process killed with SIGKILL mid-step and a new
 *     one started: ms from the kill until the run finished, and how much of
 *     that was the new process starting;
 * (d) lost or duplicated steps across all of it (must be 0).
 * Prints one JSON object; progress on stderr.
 *
 * Env (also as RACINE_BENCH_*): BENCH_DATABASE_URL (server),
 * BENCH_WORKFLOW_ITEMS (default 1000), BENCH_WORKFLOW_RUNS (default 100),
 * BENCH_WORKFLOW_WORKERS (worker concurrency, default 8), BENCH_WORKFLOW_PREPARED
 * (1: the in-process worker uses prepared statements).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb } from '@racine/db';
import { makeUser, makeWorkspace } from '@racine/db/factories';
import { Logger, run } from 'graphile-worker';
import { z } from 'zod';
import { type Actor } from '../src/actor';
import type { ServiceDeps } from '../src/deps';
import { InProcessBus } from '../src/events/bus';
import { migrateJobSchema } from '../src/jobs/queue';
import { syncBuiltInRoles } from '../src/rbac/seed';
import { workflowDefinitionSchema, type WorkflowDefinitionInput } from '../src/workflow/definition';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { startExecution } from '../src/workflow/engine/start';
import { getExecution } from '../src/workflow/engine/views';
import { defineStepType } from '../src/workflow/step-type';
import { stepTypes } from '../src/workflow/steps/index';
import { engineDeps } from '../test/workflow-engine-rig';
import { benchEnv, createBenchDatabase, dropOnSignal, log, percentile, round } from './bench-db';

const ITEMS = Number(benchEnv('WORKFLOW_ITEMS') ?? 1_000);
const RUNS = Number(benchEnv('WORKFLOW_RUNS') ?? 100);
const WORKERS = Number(benchEnv('WORKFLOW_WORKERS') ?? 8);
/** 1: graphile-worker with prepared statements (production's `startWorker` turns them off for the embedded PGlite). */
const PREPARED = benchEnv('WORKFLOW_PREPARED') === '1';
const FOR_EACH_CONCURRENCY = Math.min(50, Math.max(1, Math.floor(WORKERS / 2)));
const here = path.dirname(fileURLToPath(import.meta.url));
const repoRoot = path.resolve(here, '../../..');

/** Bench-only: does nothing, counts its invocations (so a duplicate shows). */
const invocations = new Map<string, number>();
const noopStep = defineStepType({
  type: 'bench.noop',
  title: 'No-op',
  description: 'Bench: returns at once.',
  group: 'control',
  config: z.object({}).strict(),
  output: {},
  run: async (ctx) => {
    invocations.set(ctx.step.runId, (invocations.get(ctx.step.runId) ?? 0) + 1);
    return { kind: 'done', output: {} };
  },
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function makeWorkflow(deps: ServiceDeps, workspaceId: string, definition: WorkflowDefinitionInput) {
  const def = workflowDefinitionSchema.parse(definition);
  return deps.db.workflow.create({ data: { workspaceId, name: `bench ${Math.random().toString(36).slice(2)}`, latestVersion: 1, versions: { create: { version: 1, definition: def as object } } } });
}

async function waitDone(deps: ServiceDeps, ids: string[], timeoutMs: number): Promise<void> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const open = await deps.db.workflowExecution.count({ where: { id: { in: ids }, status: { in: ['queued', 'running', 'paused'] } } });
    if (!open) return;
    if (Date.now() > until) throw new Error(`${open} executions still open after ${timeoutMs} ms`);
    await sleep(20);
  }
}

/** Step runs that did not succeed, and that ran more than once, in these executions. */
async function audit(deps: ServiceDeps, ids: string[]) {
  const runs = await deps.db.workflowStepRun.findMany({ where: { executionId: { in: ids } }, select: { id: true, status: true, attempt: true, type: true, parentId: true } });
  const lost = runs.filter((r) => r.status !== 'succeeded').length;
  const duplicated = runs.filter((r) => r.type === 'bench.noop' && (invocations.get(r.id) ?? 0) !== 1).length + runs.filter((r) => r.attempt > 1).length;
  return { stepRuns: runs.length, lost, duplicated };
}

async function dispatchBench(deps: ServiceDeps, actor: Actor, workspaceId: string) {
  const wf = await makeWorkflow(deps, workspaceId, {
    steps: [{ id: 'each', type: 'forEach', config: { items: Array.from({ length: ITEMS }, (_, i) => i), concurrency: FOR_EACH_CONCURRENCY, step: { type: 'bench.noop' } } }],
  });
  const t0 = performance.now();
  const { id } = await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' });
  await waitDone(deps, [id], 600_000);
  const totalMs = performance.now() - t0;
  const children = await deps.db.workflowStepRun.findMany({ where: { executionId: id, parentId: { not: null } }, select: { readyAt: true, startedAt: true, finishedAt: true } });
  const overhead = children.map((c) => c.startedAt!.getTime() - c.readyAt!.getTime()).sort((a, b) => a - b);
  const view = await getExecution(deps, id);
  return {
    items: ITEMS,
    forEachConcurrency: FOR_EACH_CONCURRENCY,
    status: view.status,
    dispatchMs: { p50: percentile(overhead, 50), p90: percentile(overhead, 90), p99: percentile(overhead, 99), max: overhead.at(-1) },
    totalMs: round(totalMs),
    childrenPerSecond: round((ITEMS / totalMs) * 1000),
    audit: await audit(deps, [id]),
  };
}

async function concurrentBench(deps: ServiceDeps, actor: Actor, workspaceId: string) {
  const wf = await makeWorkflow(deps, workspaceId, {
    steps: [
      { id: 'a', type: 'bench.noop' },
      { id: 'b', type: 'bench.noop', dependsOn: ['a'] },
      { id: 'c', type: 'bench.noop', dependsOn: ['a'] },
      { id: 'd', type: 'bench.noop', dependsOn: ['b', 'c'] },
    ],
  });
  const t0 = performance.now();
  const ids = (await Promise.all(Array.from({ length: RUNS }, () => startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' })))).map((s) => s.id);
  const startedMs = performance.now() - t0;
  await waitDone(deps, ids, 600_000);
  const totalMs = performance.now() - t0;
  const rows = await deps.db.workflowStepRun.findMany({ where: { executionId: { in: ids } }, select: { readyAt: true, startedAt: true } });
  const overhead = rows.map((c) => c.startedAt!.getTime() - c.readyAt!.getTime()).sort((a, b) => a - b);
  const statuses = await deps.db.workflowExecution.groupBy({ by: ['status'], where: { id: { in: ids } }, _count: { _all: true } });
  return {
    runs: RUNS,
    stepsPerRun: 4,
    statuses: Object.fromEntries(statuses.map((s) => [s.status, s._count._all])),
    allStartedMs: round(startedMs),
    totalMs: round(totalMs),
    stepsPerSecond: round(((RUNS * 4) / totalMs) * 1000),
    runsPerSecond: round((RUNS / totalMs) * 1000),
    readyToStartedMs: { p50: percentile(overhead, 50), p99: percentile(overhead, 99) },
    audit: await audit(deps, ids),
  };
}

function spawnWorker(url: string): Promise<{ child: ChildProcess; readyMs: number }> {
  const t0 = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'packages/services/test/workflow-crash-worker.ts')], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_URL: url, RACINE_BUS: 'memory', WORKFLOW_TASK_SUFFIX: ':bench-crash', WORKFLOW_WORKER_CONCURRENCY: String(WORKERS) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let err = '';
  child.stderr!.on('data', (d) => (err += String(d)));
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      if (String(d).includes('worker-ready')) resolve({ child, readyMs: performance.now() - t0 });
    });
    child.once('exit', (code) => reject(new Error(`worker exited (${code}): ${err}`)));
  });
}

async function recoveryBench(base: ServiceDeps, actor: Actor, workspaceId: string, url: string) {
  // The worker process runs the test step types under its own task names.
  const deps = engineDeps(base, ':bench-crash');
  const wf = await makeWorkflow(deps, workspaceId, {
    steps: [
      { id: 'a', type: 'test.echo' },
      { id: 'slow', type: 'test.slow', dependsOn: ['a'], config: { ms: 1_500 } },
      { id: 'each', type: 'forEach', dependsOn: ['a'], config: { items: Array.from({ length: 40 }, (_, i) => i), concurrency: 4, step: { type: 'test.echo', config: { sleepMs: 50 } } } },
      { id: 'z', type: 'test.echo', dependsOn: ['slow', 'each'] },
    ],
  });
  const first = await spawnWorker(url);
  const { id } = await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' });
  const slow = await deps.db.workflowStepRun.findFirstOrThrow({ where: { executionId: id, stepId: 'slow' } });
  for (;;) {
    if (await deps.db.workflowStepLog.count({ where: { stepRunId: slow.id, message: 'invoked' } })) break;
    await sleep(10);
  }
  await sleep(300);
  const killedAt = performance.now();
  await new Promise<void>((resolve) => {
    first.child.once('exit', () => resolve());
    first.child.kill('SIGKILL');
  });
  const doneBefore = new Set((await deps.db.workflowStepRun.findMany({ where: { executionId: id, status: 'succeeded' }, select: { id: true } })).map((r) => r.id));
  const second = await spawnWorker(url);
  await waitDone(deps, [id], 120_000);
  const finishedAt = performance.now();
  second.child.kill('SIGTERM');
  const runs = await deps.db.workflowStepRun.findMany({ where: { executionId: id }, select: { id: true, status: true, type: true } });
  const counts = await deps.db.workflowStepLog.groupBy({ by: ['stepRunId'], where: { executionId: id, message: 'invoked' }, _count: { _all: true } });
  const times = new Map(counts.map((c) => [c.stepRunId!, c._count._all]));
  const lost = runs.filter((r) => r.status !== 'succeeded').length;
  // Finished before the kill and run again: a duplicate. The killed step itself runs twice by design (its effect is keyed).
  const duplicated = runs.filter((r) => doneBefore.has(r.id) && (times.get(r.id) ?? 0) > 1).length;
  const view = await getExecution(deps, id);
  return {
    status: view.status,
    stepsDoneAtKill: doneBefore.size,
    stepRuns: runs.length,
    killToFinishedMs: round(finishedAt - killedAt),
    newWorkerStartMs: round(second.readyMs),
    killedStepRemainingWorkMs: 1_500,
    audit: { lost, duplicated, killedStepInvocations: times.get(slow.id) ?? 0 },
  };
}

/** The machine's state while the bench ran: one trivial query's round trip, to read the other numbers against (≈0.3 ms idle). */
async function roundTripMs(deps: ServiceDeps): Promise<number> {
  await deps.db.$queryRaw`SELECT 1`;
  const t0 = performance.now();
  for (let i = 0; i < 100; i++) await deps.db.$queryRaw`SELECT 1`;
  return round((performance.now() - t0) / 100);
}

async function main() {
  const db = await createBenchDatabase();
  dropOnSignal(db);
  log(`bench database ${db.name}`);
  const prisma = createDb(db.url, { max: 16 });
  let runner: Awaited<ReturnType<typeof run>> | undefined;
  try {
    await migrateJobSchema(db.url);
    await syncBuiltInRoles(prisma);
    const base: ServiceDeps = { db: prisma, bus: new InProcessBus(), clock: () => new Date() };
    const deps: ServiceDeps = { ...base, workflowEngine: { stepTypes: { ...stepTypes, [noopStep.type]: noopStep }, taskSuffix: ':bench' } };
    const user = await makeUser(prisma, { roles: ['admin'] });
    const actor: Actor = { kind: 'user', userId: user.id };
    const ws = await makeWorkspace(prisma, { ownerId: user.id });
    await prisma.workspace.update({ where: { id: ws.id }, data: { settings: { maxConcurrentWorkflowRuns: Math.max(RUNS, 10) } } });
    runner = await run({
      connectionString: db.url,
      concurrency: WORKERS,
      pollInterval: 1000,
      noHandleSignals: true,
      noPreparedStatements: !PREPARED,
      taskList: workflowJobTasks(deps),
      logger: new Logger(() => () => {}),
    });
    // Warm up (connections, prepared plans) so the first numbers are not cold-start ones.
    const warm = await makeWorkflow(deps, ws.id, { steps: [{ id: 'each', type: 'forEach', config: { items: [1, 2, 3, 4, 5, 6, 7, 8], concurrency: 4, step: { type: 'bench.noop' } } }] });
    await waitDone(deps, [(await startExecution(deps, actor, { workflowId: warm.id, trigger: 'manual' })).id], 60_000);

    const roundTripBefore = await roundTripMs(deps);
    log(`(a) forEach over ${ITEMS} no-op children`);
    const dispatch = await dispatchBench(deps, actor, ws.id);
    log(`(b) ${RUNS} concurrent executions of a 4-step DAG`);
    const concurrent = await concurrentBench(deps, actor, ws.id);
    await runner.stop();
    runner = undefined;
    log('(c) recovery after SIGKILL of a worker process');
    const recovery = await recoveryBench(base, actor, ws.id, db.url);
    const roundTripAfter = await roundTripMs(deps);
    const lost = dispatch.audit.lost + concurrent.audit.lost + recovery.audit.lost;
    const duplicated = dispatch.audit.duplicated + concurrent.audit.duplicated + recovery.audit.duplicated;
    console.log(
      JSON.stringify(
        {
          bench: 'workflow',
          machine: { cpus: cpus().length, loadavg1: round(loadavg()[0]!), selectOneRoundTripMs: { before: roundTripBefore, after: roundTripAfter } },
          workerConcurrency: WORKERS,
          queuePreparedStatements: PREPARED,
          dispatch,
          concurrent,
          recovery,
          lostOrDuplicated: { lost, duplicated, ok: lost === 0 && duplicated === 0 },
          targets: { dispatchP50UnderMs: 15, met: dispatch.dispatchMs.p50 < 15 },
        },
        null,
        2,
      ),
    );
  } finally {
    await runner?.stop().catch(() => {});
    await prisma.$disconnect();
    await db.drop();
  }
}

await main();
