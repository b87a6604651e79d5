/**
 * Crash recovery with a real worker process: a workflow runs in a separate
 * worker process, which is killed with SIGKILL while a step runs; a new
 * worker process finishes the run. Every step succeeds exactly once in the
 * end, and the steps that had finished before the kill are not run again
 * (counted from the "invoked" log row each test step writes per invocation).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ServiceDeps } from '../src/deps';
import { startExecution } from '../src/workflow/engine/start';
import { getExecution } from '../src/workflow/engine/views';
import { ensureJobSchema, person, testDeps } from './harness';
import { engineDeps, makeEngineWorkspace, makeWorkflow, stepOf, waitFor, waitForStatus } from './workflow-engine-rig';
import { killProcess, workerProcesses } from './worker-process';

const here = path.dirname(fileURLToPath(import.meta.url));
const workers = workerProcesses(path.join(here, 'workflow-crash-worker.ts'), { RACINE_BUS: 'memory', WORKFLOW_TASK_SUFFIX: ':test-crash' });

let deps: ServiceDeps;

beforeAll(async () => {
  deps = engineDeps(await testDeps(), ':test-crash');
  await ensureJobSchema();
});

afterAll(async () => {
  await workers.killAll();
});

it('finishes a run after its worker process is killed mid-step, without repeating finished steps', { timeout: 180_000 }, async () => {
  const owner = await person(deps);
  const ws = await makeEngineWorkspace(deps, owner.user.id);
  const wf = await makeWorkflow(deps, ws.id, {
    steps: [
      { id: 'a', type: 'test.echo', config: { n: 1 } },
      { id: 'b', type: 'test.echo', dependsOn: ['a'], config: { n: '{{ steps.a.n }}' } },
      // Killed while this one sleeps.
      { id: 'slow', type: 'test.slow', dependsOn: ['b'], config: { ms: 3_000 } },
      // Parked across the crash: its wake-up is a job with a run time, which survives.
      { id: 'pause', type: 'delay', dependsOn: ['b'], config: { ms: 4_000 } },
      { id: 'each', type: 'forEach', dependsOn: ['b'], config: { items: [1, 2, 3, 4, 5, 6], concurrency: 2, step: { type: 'test.echo', config: { n: '{{ item }}', sleepMs: 150 } } } },
      { id: 'last', type: 'test.echo', dependsOn: ['slow', 'pause', 'each'] },
    ],
  });

  const first = await workers.start();
  const { id } = await startExecution(deps, owner.actor, { workflowId: wf.id, trigger: 'manual' });
  const before = await waitFor('slow to be running', async () => {
    const v = await getExecution(deps, id);
    return stepOf(v, 'slow').status === 'running' ? v : null;
  }, 60_000, 25);
  // Once it is inside its sleep (it logged its invocation), kill the process without a chance to clean up.
  await waitFor('slow to be invoked', () => deps.db.workflowStepLog.count({ where: { stepRunId: stepOf(before, 'slow').id, message: 'invoked' } }), 30_000, 25);
  await new Promise((r) => setTimeout(r, 200));
  await killProcess(first, 'SIGKILL');
  const atKill = await getExecution(deps, id);
  expect(atKill.status).toBe('running');
  expect(stepOf(atKill, 'a').status).toBe('succeeded');
  expect(stepOf(atKill, 'b').status).toBe('succeeded');
  expect(stepOf(atKill, 'slow').status).toBe('running');
  expect(stepOf(atKill, 'last').status).toBe('pending');
  const doneAtKill = new Set(atKill.steps.filter((s) => s.status === 'succeeded').map((s) => s.id));
  expect(before.steps.length).toBeGreaterThan(0);

  // Nothing moves while no worker runs.
  await new Promise((r) => setTimeout(r, 1_000));
  expect(stepOf(await getExecution(deps, id), 'slow').status).toBe('running');

  const second = await workers.start();
  const done = await waitForStatus(deps, id, undefined, 90_000);
  await killProcess(second, 'SIGTERM');

  expect(done.status).toBe('succeeded');
  expect(done.steps.every((s) => s.status === 'succeeded')).toBe(true);
  expect(done.steps.filter((s) => s.parentId === stepOf(done, 'each').id)).toHaveLength(6);
  expect(stepOf(done, 'each').output).toMatchObject({ count: 6, succeeded: 6, failed: 0 });

  const invocations = await deps.db.workflowStepLog.groupBy({ by: ['stepRunId'], where: { executionId: id, message: 'invoked' }, _count: { _all: true } });
  const times = new Map(invocations.map((i) => [i.stepRunId!, i._count._all]));
  for (const s of done.steps) {
    if (s.type === 'forEach' || s.type === 'delay') continue;
    // A step that had finished before the kill ran once; the one that was killed ran at most twice (its second run finished it).
    if (doneAtKill.has(s.id) || s.stepId === 'last') expect(times.get(s.id), `${s.stepId}[${s.itemIndex}]`).toBe(1);
    else expect(times.get(s.id), `${s.stepId}[${s.itemIndex}]`).toBeLessThanOrEqual(2);
  }
  const slowLogs = await deps.db.workflowStepLog.findMany({ where: { stepRunId: stepOf(done, 'slow').id }, orderBy: { id: 'asc' } });
  expect(times.get(stepOf(done, 'slow').id), slowLogs.map((l) => `${l.at.toISOString()} ${l.message}`).join('\n')).toBe(2);
  // No step counted a second attempt: a crash is resumed, not retried.
  for (const s of done.steps) expect(s.attempt, s.stepId).toBeLessThanOrEqual(1);
  const logs = await deps.db.workflowStepLog.findMany({ where: { stepRunId: stepOf(done, 'slow').id }, orderBy: { id: 'asc' } });
  expect(logs.some((l) => l.message.startsWith('Resumed after its worker stopped'))).toBe(true);
  expect(stepOf(done, 'last').startedAt!.getTime()).toBeGreaterThanOrEqual(stepOf(done, 'slow').finishedAt!.getTime());
});
