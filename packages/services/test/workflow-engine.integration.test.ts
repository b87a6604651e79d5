/**
 * The workflow engine end to end: real Postgres, a real graphile-worker
 * runner in this process running the engine's tasks, test step types
 * injected through deps (never in the production registry).
 */
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorker } from '../src/jobs/queue';
import type { ServiceDeps } from '../src/deps';
import { cancelExecution, completeWaitingStep, pauseExecution, resumeExecution } from '../src/workflow/engine/control';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { startExecution } from '../src/workflow/engine/start';
import { sweepWorkflows } from '../src/workflow/engine/sweep';
import { getExecution, getExecutionLogs, watchExecution } from '../src/workflow/engine/views';
import { ensureJobSchema, person, testDeps } from './harness';
import { engineDeps, makeEngineWorkspace, makeWorkflow, seen, stepOf, waitFor, waitForStatus } from './workflow-engine-rig';

let deps: ServiceDeps;
let runner: Runner;
let actor: Awaited<ReturnType<typeof person>>['actor'];
let workspaceId: string;

beforeAll(async () => {
  deps = engineDeps(await testDeps());
  await ensureJobSchema();
  const owner = await person(deps);
  actor = owner.actor;
  workspaceId = (await makeEngineWorkspace(deps, owner.user.id, { maxConcurrentWorkflowRuns: 50 })).id;
  runner = await startWorker({ databaseUrl: process.env.DATABASE_URL!, tasks: workflowJobTasks(deps), concurrency: 8, pollIntervalMs: 200 });
});

afterAll(async () => {
  await runner?.stop();
});

async function run(definition: Parameters<typeof makeWorkflow>[2], params: Record<string, unknown> = {}, ws = workspaceId) {
  const wf = await makeWorkflow(deps, ws, definition);
  const started = await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual', params });
  return { wf, started };
}

describe('the DAG', () => {
  it('runs a linear chain in order, passing outputs through templates', async () => {
    const { started } = await run({
      parameters: [{ name: 'n', type: 'number', required: true }],
      steps: [
        { id: 'a', type: 'test.echo', config: { n: '{{ params.n }}', text: 'hello' } },
        { id: 'b', type: 'test.echo', dependsOn: ['a'], config: { n: '{{ steps.a.n }}', text: '{{ steps.a.text }} world #{{ steps.a.n }}' } },
        { id: 'c', type: 'test.echo', dependsOn: ['b'], config: { list: ['{{ steps.b.text }}'] } },
      ],
    }, { n: '7' });
    expect(started.status).toBe('running');
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'b').output).toEqual({ n: 7, text: 'hello world #7', list: [] });
    expect(stepOf(done, 'c').output).toMatchObject({ list: ['hello world #7'] });
    expect(stepOf(done, 'b').input).toEqual({ n: 7, text: 'hello world #7', list: [], sleepMs: 0 });
    const [a, b, c] = ['a', 'b', 'c'].map((id) => stepOf(done, id));
    expect(a!.finishedAt!.getTime()).toBeLessThanOrEqual(b!.startedAt!.getTime());
    expect(b!.finishedAt!.getTime()).toBeLessThanOrEqual(c!.startedAt!.getTime());
    for (const s of done.steps) expect(s.attempt).toBe(1);
    const activity = await deps.db.activityEvent.findFirst({ where: { resourceId: started.id, type: 'workflow.execution.succeeded' } });
    expect(activity?.workspaceId).toBe(workspaceId);
    expect(await deps.db.activityEvent.count({ where: { resourceId: started.id, type: 'workflow.execution.started' } })).toBe(1);
  });

  it('runs independent branches at the same time', async () => {
    const { started } = await run({
      steps: [
        { id: 'root', type: 'test.echo' },
        { id: 'left', type: 'test.slow', dependsOn: ['root'], config: { ms: 600 } },
        { id: 'right', type: 'test.slow', dependsOn: ['root'], config: { ms: 600 } },
        { id: 'join', type: 'test.echo', dependsOn: ['left', 'right'] },
      ],
    });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    const l = stepOf(done, 'left');
    const r = stepOf(done, 'right');
    expect(l.startedAt!.getTime()).toBeLessThan(r.finishedAt!.getTime());
    expect(r.startedAt!.getTime()).toBeLessThan(l.finishedAt!.getTime());
    expect(seen.maxInFlight.get(started.id)).toBe(2);
    expect(stepOf(done, 'join').startedAt!.getTime()).toBeGreaterThanOrEqual(Math.max(l.finishedAt!.getTime(), r.finishedAt!.getTime()));
  });

  it('skips a step whose condition is false, and its dependents; the condition step outputs its result', async () => {
    const { started } = await run({
      parameters: [{ name: 'limit', type: 'number', default: 3 }],
      steps: [
        { id: 'a', type: 'test.echo', config: { n: 2, list: ['PII'] } },
        { id: 'check', type: 'condition', dependsOn: ['a'], config: { expression: 'steps.a.n > params.limit or steps.a.list has "PII"' } },
        { id: 'big', type: 'test.echo', dependsOn: ['a'], condition: 'steps.a.n > 5' },
        { id: 'after_big', type: 'test.echo', dependsOn: ['big'] },
        { id: 'branch', type: 'test.echo', dependsOn: ['check'], condition: 'steps.check.result == true' },
      ],
    });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'check').output).toEqual({ result: true });
    expect(stepOf(done, 'big').status).toBe('skipped');
    expect(stepOf(done, 'big').output).toEqual({});
    expect(stepOf(done, 'after_big').status).toBe('skipped');
    expect(stepOf(done, 'branch').status).toBe('succeeded');
    expect(seen.invocations.get(stepOf(done, 'big').id)).toBeUndefined();
    const logs = await getExecutionLogs(deps, started.id);
    expect(logs.items.some((l) => l.stepId === 'big' && l.message.includes('condition "steps.a.n > 5" is false'))).toBe(true);
    expect(logs.items.some((l) => l.stepId === 'after_big' && l.message.includes('dependency big skipped'))).toBe(true);
  });
});

describe('retries, failures, timeouts', () => {
  it('retries with exponential backoff, then succeeds', async () => {
    const { started } = await run({ steps: [{ id: 'f', type: 'test.flaky', config: { failTimes: 2 }, retry: { attempts: 3, backoffMs: 300, jitter: 0 } }] });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    const f = stepOf(done, 'f');
    expect(f.attempt).toBe(3);
    expect(f.output).toEqual({ attempt: 3 });
    const logs = (await getExecutionLogs(deps, started.id, { stepRunId: f.id })).items;
    const retries = logs.filter((l) => l.message.includes('retrying in'));
    expect(retries.map((l) => l.message.match(/retrying in (\d+) ms/)![1])).toEqual(['300', '600']);
    const starts = logs.filter((l) => l.message.startsWith('Started')).map((l) => l.at.getTime());
    expect(starts).toHaveLength(3);
    expect(starts[1]! - starts[0]!).toBeGreaterThanOrEqual(290);
    expect(starts[2]! - starts[1]!).toBeGreaterThanOrEqual(590);
  });

  it('fails after the last attempt: dependents skipped, the execution failed', async () => {
    const { started } = await run({
      steps: [
        { id: 'f', type: 'test.flaky', config: { failTimes: 9 }, retry: { attempts: 2, backoffMs: 50, jitter: 0 } },
        { id: 'next', type: 'test.echo', dependsOn: ['f'] },
        { id: 'other', type: 'test.echo' },
      ],
    });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('failed');
    expect(done.error).toContain('Step f failed: boom on attempt 2');
    expect(stepOf(done, 'f')).toMatchObject({ status: 'failed', attempt: 2, maxAttempts: 2 });
    expect(stepOf(done, 'next').status).toBe('skipped');
    expect(stepOf(done, 'other').status).toBe('succeeded');
    expect(seen.invocations.get(stepOf(done, 'f').id)).toBe(2);
    expect(await deps.db.activityEvent.count({ where: { resourceId: started.id, type: 'workflow.execution.failed' } })).toBe(1);
  });

  it('times a step out', async () => {
    const t0 = Date.now();
    const { started } = await run({ steps: [{ id: 's', type: 'test.slow', config: { ms: 10_000 }, timeoutMs: 300 }] });
    const done = await waitForStatus(deps, started.id);
    expect(Date.now() - t0).toBeLessThan(5_000);
    expect(stepOf(done, 's')).toMatchObject({ status: 'failed', error: 'Timed out after 300 ms' });
  });

  it('fails a step with an invalid config at once, with the schema message, without retrying', async () => {
    const { started } = await run({ steps: [{ id: 's', type: 'test.flaky', config: { failTimes: 'x' }, retry: { attempts: 5 } }] });
    const done = await waitForStatus(deps, started.id);
    expect(stepOf(done, 's').status).toBe('failed');
    expect(stepOf(done, 's').error).toMatch(/^Invalid config: failTimes: /);
    expect(stepOf(done, 's').attempt).toBe(1);
  });
});

describe('control', () => {
  it('cancels: the running step is aborted, the rest cancelled, open tasks cancelled', async () => {
    const { started } = await run({ steps: [{ id: 's', type: 'test.slow', config: { ms: 20_000 } }, { id: 'after', type: 'test.echo', dependsOn: ['s'] }] });
    const running = await waitFor('s running', async () => {
      const v = await getExecution(deps, started.id);
      return stepOf(v, 's').status === 'running' ? v : null;
    });
    const task = await deps.db.humanTask.create({ data: { workspaceId, executionId: started.id, title: 'decide' } });
    const view = await cancelExecution(deps, actor, started.id);
    expect(view.status).toBe('cancelled');
    expect(view.steps.map((s) => s.status)).toEqual(['cancelled', 'cancelled']);
    await waitFor('abort seen by the step', async () => seen.aborted.has(stepOf(running, 's').id), 5_000);
    expect((await deps.db.humanTask.findUniqueOrThrow({ where: { id: task.id } })).status).toBe('cancelled');
    await expect(cancelExecution(deps, actor, started.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    await expect(pauseExecution(deps, actor, started.id)).rejects.toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('cancelled') });
    // The late result of the aborted step does not bring it back.
    await new Promise((r) => setTimeout(r, 300));
    expect(stepOf(await getExecution(deps, started.id), 's').status).toBe('cancelled');
  });

  it('pauses (running steps finish, nothing new starts) and resumes', async () => {
    const { started } = await run({ steps: [{ id: 'a', type: 'test.slow', config: { ms: 1_500 } }, { id: 'b', type: 'test.echo', dependsOn: ['a'] }] });
    await waitFor('a running', async () => stepOf(await getExecution(deps, started.id), 'a').status === 'running');
    const paused = await pauseExecution(deps, actor, started.id);
    expect(paused.status).toBe('paused');
    await waitFor('a done', async () => stepOf(await getExecution(deps, started.id), 'a').status === 'succeeded', 5_000);
    await new Promise((r) => setTimeout(r, 500));
    const still = await getExecution(deps, started.id);
    expect(still.status).toBe('paused');
    expect(stepOf(still, 'b').status).toBe('pending');
    await expect(resumeExecution(deps, actor, started.id).then((v) => v.status)).resolves.toBe('running');
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    await expect(resumeExecution(deps, actor, started.id)).rejects.toMatchObject({ code: 'CONFLICT' });
  });

  it('retries that came due while paused run after resume', async () => {
    const { started } = await run({ steps: [{ id: 'f', type: 'test.flaky', config: { failTimes: 1 }, retry: { attempts: 2, backoffMs: 1_500, jitter: 0 } }] });
    await waitFor('f retrying', async () => stepOf(await getExecution(deps, started.id), 'f').status === 'retrying');
    await pauseExecution(deps, actor, started.id);
    // Past its retry time: the job ran, found the execution paused, and left.
    await new Promise((r) => setTimeout(r, 2_500));
    expect(stepOf(await getExecution(deps, started.id), 'f').status).toBe('retrying');
    await resumeExecution(deps, actor, started.id);
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'f').attempt).toBe(2);
  });

  it('completes a parked step from outside, once', async () => {
    const { started } = await run({ steps: [{ id: 'ask', type: 'test.park' }, { id: 'then', type: 'test.echo', dependsOn: ['ask'], condition: 'steps.ask.approved == true' }] });
    const parked = await waitFor('ask waiting', async () => {
      const s = stepOf(await getExecution(deps, started.id), 'ask');
      return s.status === 'waiting' ? s : null;
    });
    await completeWaitingStep(deps, parked.id, { output: { approved: true } });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'then').status).toBe('succeeded');
    await expect(completeWaitingStep(deps, parked.id, { output: { approved: false } })).rejects.toMatchObject({ code: 'CONFLICT' });

    const second = await run({ steps: [{ id: 'ask', type: 'test.park' }, { id: 'then', type: 'test.echo', dependsOn: ['ask'] }] });
    const p2 = await waitFor('ask waiting', async () => {
      const s = stepOf(await getExecution(deps, second.started.id), 'ask');
      return s.status === 'waiting' ? s : null;
    });
    await deps.db.$transaction((tx) => completeWaitingStep(deps, p2.id, { error: 'Rejected by Ann: no' }, tx));
    const failed = await waitForStatus(deps, second.started.id);
    expect(failed.status).toBe('failed');
    expect(stepOf(failed, 'ask').error).toBe('Rejected by Ann: no');
    expect(stepOf(failed, 'then').status).toBe('skipped');
  });

  it('delays without holding a worker', async () => {
    const { started } = await run({ steps: [{ id: 'd', type: 'delay', config: { ms: 400 } }, { id: 'e', type: 'test.echo', dependsOn: ['d'] }] });
    await waitFor('d waiting', async () => stepOf(await getExecution(deps, started.id), 'd').status === 'waiting', 5_000);
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    const d = stepOf(done, 'd');
    expect((d.output as { waitedMs: number }).waitedMs).toBeGreaterThanOrEqual(400);
    // One span on the timeline: the wake-up kept the first start.
    expect(d.finishedAt!.getTime() - d.startedAt!.getTime()).toBeGreaterThanOrEqual(400);
    const logs = (await getExecutionLogs(deps, started.id, { stepRunId: d.id })).items.map((l) => l.message);
    expect(logs.filter((m) => m.startsWith('Waiting until'))).toHaveLength(1);
  });
});

describe('forEach', () => {
  it('fans out with the concurrency limit and collects results in order', async () => {
    const { started } = await run({
      steps: [
        { id: 'list', type: 'test.echo', config: { list: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] } },
        { id: 'each', type: 'forEach', dependsOn: ['list'], config: { items: '{{ steps.list.list }}', concurrency: 3, step: { type: 'test.slow', config: { ms: 300 } } } },
        { id: 'after', type: 'test.echo', dependsOn: ['each'], condition: 'steps.each.succeeded == 12' },
      ],
    });
    const done = await waitForStatus(deps, started.id, undefined, 30_000);
    expect(done.status).toBe('succeeded');
    expect(seen.maxInFlight.get(started.id)).toBe(3);
    const each = stepOf(done, 'each');
    expect(each.output).toMatchObject({ count: 12, succeeded: 12, failed: 0 });
    expect((each.output as { results: { item: number }[] }).results.map((r) => r.item)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    const children = done.steps.filter((s) => s.parentId === each.id);
    expect(children.map((c) => c.itemIndex)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(stepOf(done, 'after').status).toBe('succeeded');
  });

  it('fails the parent when an item fails, after every item ran', async () => {
    const { started } = await run({
      steps: [{ id: 'each', type: 'forEach', config: { items: [{ f: 0 }, { f: 5 }, { f: 0 }], concurrency: 2, step: { type: 'test.flaky', config: { failTimes: '{{ item.f }}' } } } }],
    });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('failed');
    const each = stepOf(done, 'each');
    expect(each.output).toMatchObject({ count: 3, succeeded: 2, failed: 1 });
    expect(each.error).toMatch(/1 of 3 items failed; item 1: boom on attempt 1/);
  });

  it('succeeds at once on an empty list', async () => {
    const { started } = await run({ steps: [{ id: 'each', type: 'forEach', config: { items: [], step: { type: 'test.echo' } } }] });
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'each').output).toEqual({ count: 0, succeeded: 0, failed: 0, results: [] });
  });
});

describe('starting', () => {
  it('queues over the workspace quota and starts queued executions as slots free', async () => {
    const owner = await person(deps);
    const ws = await makeEngineWorkspace(deps, owner.user.id, { maxConcurrentWorkflowRuns: 1 });
    const wf = await makeWorkflow(deps, ws.id, { steps: [{ id: 's', type: 'test.slow', config: { ms: 250 } }] });
    const starts = [];
    for (let i = 0; i < 3; i++) starts.push(await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' }));
    expect(starts.map((s) => s.status)).toEqual(['running', 'queued', 'queued']);
    const views = await Promise.all(starts.map((s) => waitForStatus(deps, s.id)));
    expect(views.map((v) => v.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    const spans = views.map((v) => [v.startedAt!.getTime(), v.finishedAt!.getTime()] as const).sort((a, b) => a[0] - b[0]);
    for (let i = 1; i < spans.length; i++) expect(spans[i]![0]).toBeGreaterThanOrEqual(spans[i - 1]![1]);
  });

  it("honours the definition's maxConcurrentExecutions", async () => {
    const wf = await makeWorkflow(deps, workspaceId, { maxConcurrentExecutions: 1, steps: [{ id: 's', type: 'test.slow', config: { ms: 200 } }] });
    const a = await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' });
    const b = await startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual' });
    expect([a.status, b.status]).toEqual(['running', 'queued']);
    expect((await waitForStatus(deps, b.id)).status).toBe('succeeded');
  });

  it('finishes at start when every step is skipped by its condition', async () => {
    const { started } = await run({ parameters: [{ name: 'go', type: 'boolean', default: false }], steps: [{ id: 'a', type: 'test.echo', condition: 'params.go == true' }, { id: 'b', type: 'test.echo', dependsOn: ['a'] }] });
    expect(started.status).toBe('succeeded');
    const view = await getExecution(deps, started.id);
    expect(view.steps.map((s) => s.status)).toEqual(['skipped', 'skipped']);
    expect(view.finishedAt).not.toBeNull();
  });

  it('returns the same execution for the same trigger key, even when started at once', async () => {
    const wf = await makeWorkflow(deps, workspaceId, { steps: [{ id: 'a', type: 'test.echo' }] });
    const key = `test:${crypto.randomUUID()}`;
    const [x, y, z] = await Promise.all([1, 2, 3].map(() => startExecution(deps, actor, { workflowId: wf.id, trigger: 'event', triggerKey: key })));
    expect(new Set([x!.id, y!.id, z!.id]).size).toBe(1);
    expect(await deps.db.workflowExecution.count({ where: { triggerKey: key } })).toBe(1);
  });

  it('refuses bad parameters, a disabled and a deleted workflow, saying what is wrong', async () => {
    const wf = await makeWorkflow(deps, workspaceId, {
      parameters: [
        { name: 'limit', type: 'number', required: true },
        { name: 'dry', type: 'boolean' },
        { name: 'source', type: 'dataSource' },
      ],
      steps: [{ id: 'a', type: 'test.echo' }],
    });
    const start = (params: Record<string, unknown>) => startExecution(deps, actor, { workflowId: wf.id, trigger: 'manual', params });
    await expect(start({})).rejects.toMatchObject({ code: 'BAD_REQUEST', message: 'Parameter "limit" is required' });
    await expect(start({ limit: 'many' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"limit" must be a number') });
    await expect(start({ limit: 1, dry: 'maybe' })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('"dry" must be true or false') });
    await expect(start({ limit: 1, nope: 1 })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('Unknown parameter "nope"') });
    await expect(start({ limit: 1, source: crypto.randomUUID() })).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('does not exist') });
    await expect(startExecution(deps, actor, { workflowId: 'nope', trigger: 'manual' })).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(startExecution(deps, actor, { workflowId: wf.id, version: 9, trigger: 'manual', params: { limit: 1 } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    const ok = await start({ limit: '2', dry: 'true' });
    expect((await getExecution(deps, ok.id)).params).toEqual({ limit: 2, dry: true });
    await deps.db.workflow.update({ where: { id: wf.id }, data: { enabled: false } });
    await expect(start({ limit: 1 })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED' });
    await deps.db.workflow.update({ where: { id: wf.id }, data: { enabled: true, deletedAt: new Date() } });
    await expect(start({ limit: 1 })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    // Refusals are audited as failures.
    expect(await deps.db.activityEvent.count({ where: { type: 'workflow.execution.started', status: 'failure', actorId: actor.kind === 'user' ? actor.userId : '' } })).toBeGreaterThanOrEqual(5);
  });
});

describe('recovery sweep', () => {
  const HOUR = 3_600_000;
  // Only rows made to look an hour old qualify (other test files' live executions share this database).
  const sweep = () => sweepWorkflows(deps, { minAgeMs: HOUR / 2 });

  it('re-enqueues a ready step whose job vanished', async () => {
    const { started } = await run({ steps: [{ id: 'a', type: 'test.park' }] });
    const parked = await waitFor('a waiting', async () => {
      const s = stepOf(await getExecution(deps, started.id), 'a');
      return s.status === 'waiting' ? s : null;
    });
    const old = new Date(Date.now() - HOUR);
    // As if it had been dispatched an hour ago and its job were lost.
    await deps.db.workflowStepRun.update({ where: { id: parked.id }, data: { status: 'ready', readyAt: old, startedAt: null } });
    await deps.db.workflowExecution.update({ where: { id: started.id }, data: { startedAt: old } });
    const result = await sweep();
    expect(result.redispatched).toBeGreaterThanOrEqual(1);
    await waitFor('a invoked again', async () => seen.invocations.get(parked.id) === 2);
    const logs = await getExecutionLogs(deps, started.id, { stepRunId: parked.id });
    expect(logs.items.some((l) => l.message.startsWith('Recovery: its job was missing (ready)'))).toBe(true);
    await cancelExecution(deps, actor, started.id);
  });

  it('advances a running execution left with nothing in flight', async () => {
    const { started } = await run({ steps: [{ id: 'a', type: 'test.park' }, { id: 'b', type: 'test.echo', dependsOn: ['a'] }] });
    const parked = await waitFor('a waiting', async () => {
      const s = stepOf(await getExecution(deps, started.id), 'a');
      return s.status === 'waiting' ? s : null;
    });
    // Completed without advancing, as a bug or an interrupted release might leave it.
    await deps.db.workflowStepRun.update({ where: { id: parked.id }, data: { status: 'succeeded', output: { approved: true }, finishedAt: new Date() } });
    await deps.db.workflowExecution.update({ where: { id: started.id }, data: { startedAt: new Date(Date.now() - HOUR) } });
    expect((await sweep()).advanced).toBeGreaterThanOrEqual(1);
    const done = await waitForStatus(deps, started.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'b').status).toBe('succeeded');
  });
});

describe('watching', () => {
  it('yields on changes with new logs only, and ends at the terminal status', async () => {
    const { started } = await run({ steps: [{ id: 'a', type: 'test.slow', config: { ms: 200 } }, { id: 'b', type: 'test.echo', dependsOn: ['a'] }] });
    const statuses: string[] = [];
    const ids: string[] = [];
    let cursor = '';
    for await (const change of watchExecution(deps, started.id, AbortSignal.timeout(20_000))) {
      statuses.push(change.execution.status);
      ids.push(...change.logs.map((l) => l.id));
      cursor = change.cursor;
    }
    expect(statuses.at(-1)).toBe('succeeded');
    expect(new Set(ids).size).toBe(ids.length);
    const all = await getExecutionLogs(deps, started.id);
    expect(ids).toEqual(all.items.map((l) => l.id));
    expect(cursor).toBe(all.items.at(-1)!.id);
    // Resuming from the cursor of a finished execution yields its final state and no old logs.
    const again = [];
    for await (const change of watchExecution(deps, started.id, undefined, cursor)) again.push(change);
    expect(again).toHaveLength(1);
    expect(again[0]!.logs).toEqual([]);
  });
});
