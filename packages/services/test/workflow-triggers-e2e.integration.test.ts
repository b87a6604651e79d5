/**
 * Triggers through to a finished execution: a real graphile-worker runner in
 * this process runs the trigger ticks and the engine's step jobs. The event
 * tick reads a `scan.run.succeeded` row appended the way a scan appends it;
 * the execution it starts receives the event's data source as its parameter
 * and runs to the end.
 */
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../src/actor';
import { recordActivity } from '../src/activity/record';
import type { ServiceDeps } from '../src/deps';
import { enqueueJob, startWorker } from '../src/jobs/queue';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { cronTriggerKey, runDueWorkflows } from '../src/workflow/triggers/cron';
import { runEventTriggers } from '../src/workflow/triggers/event';
import { createWorkflow } from '../src/workflow/workflows';
import { accessFor, ensureJobSchema, makeWorkspace, person, testDeps } from './harness';
import { engineDeps, stepOf, waitFor, waitForStatus } from './workflow-engine-rig';

const suffix = `:triggers-e2e-${crypto.randomUUID().slice(0, 8)}`;
// Tick tasks under this file's own names, limited to its workflows: other files' workflows are not its business.
const EVENT_TICK = `workflow:events${suffix}`;
const CRON_TICK = `workflow:cron${suffix}`;
const mine: string[] = [];

let deps: ServiceDeps;
let runner: Runner;
beforeAll(async () => {
  deps = engineDeps(await testDeps(), suffix);
  await ensureJobSchema();
  runner = await startWorker({
    databaseUrl: process.env.DATABASE_URL!,
    tasks: {
      ...workflowJobTasks(deps),
      [EVENT_TICK]: async () => void (await runEventTriggers(deps, { workflowIds: mine })),
      [CRON_TICK]: async () => void (await runDueWorkflows(deps, { workflowIds: mine })),
    },
    concurrency: 4,
    pollIntervalMs: 200,
  });
});
afterAll(async () => {
  await runner?.stop();
});

const unique = () => crypto.randomUUID().slice(0, 8);

describe('triggers through the worker', () => {
  it('a scan success in the workspace starts the workflow on that source, which runs to the end', async () => {
    const owner = await person(deps, ['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const ds = await deps.db.dataSource.create({ data: { name: `e2e-${unique()}`, engine: 'postgres', database: 'x', workspaceId: ws.id } });
    const wf = await createWorkflow(deps, owner.actor, accessFor(deps, owner.user.id), {
      workspaceId: ws.id,
      name: `After scan ${unique()}`,
      description: '',
      enabled: true,
      definition: {
        parameters: [{ name: 'dataSource', type: 'dataSource', required: true }],
        triggers: { manual: false, event: { type: 'scan.run.succeeded', condition: `event.dataSourceId == "${ds.id}"` } },
        steps: [{ id: 'echo', type: 'test.echo', config: { text: 'source {{ params.dataSource }}' } }],
      },
    });
    mine.push(wf.id);
    const activityId = await recordActivity(deps, systemActor, {
      type: 'scan.run.succeeded',
      category: 'execution',
      sourceGroup: 'scan',
      action: 'finish',
      resourceType: 'scanRun',
      resourceId: crypto.randomUUID(),
      workspaceId: ws.id,
      details: { dataSourceId: ds.id },
    });
    await enqueueJob(deps.db, EVENT_TICK, {});
    const execution = await waitFor('the event execution', () => deps.db.workflowExecution.findFirst({ where: { workflowId: wf.id } }));
    expect(execution).toMatchObject({ trigger: 'event', triggerKey: `event:${wf.id}:${activityId}`, params: { dataSource: ds.id } });
    const done = await waitForStatus(deps, execution.id);
    expect(done.status).toBe('succeeded');
    expect(stepOf(done, 'echo').output).toMatchObject({ text: `source ${ds.id}` });
    // Read again: nothing new.
    await enqueueJob(deps.db, EVENT_TICK, {});
    await enqueueJob(deps.db, EVENT_TICK, {});
    await new Promise((r) => setTimeout(r, 1_000));
    expect(await deps.db.workflowExecution.count({ where: { workflowId: wf.id } })).toBe(1);
  });

  it('a due cron slot, ticked twice by the worker, runs once', async () => {
    const owner = await person(deps, ['viewer']);
    const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id });
    const wf = await createWorkflow(deps, owner.actor, accessFor(deps, owner.user.id), {
      workspaceId: ws.id,
      name: `Hourly ${unique()}`,
      description: '',
      enabled: true,
      definition: { triggers: { manual: true, cron: '0 * * * *' }, steps: [{ id: 'echo', type: 'test.echo', config: { n: 7 } }] },
    });
    mine.push(wf.id);
    const slot = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
    await deps.db.workflow.update({ where: { id: wf.id }, data: { nextRunAt: slot } });
    await Promise.all([enqueueJob(deps.db, CRON_TICK, {}), enqueueJob(deps.db, CRON_TICK, {})]);
    const execution = await waitFor('the cron execution', () => deps.db.workflowExecution.findFirst({ where: { workflowId: wf.id } }));
    expect(execution.triggerKey).toBe(cronTriggerKey(wf.id, slot));
    expect((await waitForStatus(deps, execution.id)).status).toBe('succeeded');
    await waitFor('the schedule moved on', async () => ((await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).nextRunAt?.getTime() ?? 0) > Date.now());
    expect(await deps.db.workflowExecution.count({ where: { workflowId: wf.id } })).toBe(1);
  });
});
