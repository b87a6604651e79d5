/**
 * The "Data discovery" template end to end on the demo shop, through the
 * real services, engine and job worker: created with createWorkflow, run
 * with the source as its parameter, approved by the workspace owner; it
 * leaves accepted labels, open findings, tagged PII assets and a
 * notification for whoever started it, and no step ran twice.
 */
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import type { ServiceDeps } from '../src/deps';
import { startWorker } from '../src/jobs/queue';
import { taskList } from '../src/jobs/tasks';
import { AccessChecker } from '../src/rbac/resolve';
import { createScan } from '../src/scan/scans';
import { workflowJobTasks } from '../src/workflow/engine/jobs';
import { startExecution } from '../src/workflow/engine/start';
import type { ExecutionView } from '../src/workflow/engine/types';
import { getExecution } from '../src/workflow/engine/views';
import { stepTypes } from '../src/workflow/steps/index';
import { approveTask } from '../src/workflow/tasks';
import { workflowTemplate } from '../src/workflow/templates';
import { createWorkflow } from '../src/workflow/workflows';
import { testDeps } from './harness';
import { demoSource, stepScene } from './workflow-step-harness';

let deps: ServiceDeps;
let worker: Runner;
beforeAll(async () => {
  deps = { ...(await testDeps()), workflowEngine: { stepTypes, taskSuffix: ':discovery-test' } };
  await stepScene();
  await syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, tasks: { ...taskList(deps), ...workflowJobTasks(deps) }, concurrency: 4, pollIntervalMs: 100 });
});
afterAll(async () => {
  await worker?.stop();
});

async function until(id: string, done: (e: ExecutionView) => boolean, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const e = await getExecution(deps, id);
    if (done(e)) return e;
    if (Date.now() > end || e.status === 'failed') throw new Error(`execution ${e.status}: ${JSON.stringify(e.steps.map((s) => [s.stepId, s.status, s.error]))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

describe('the Data discovery template', () => {
  it('scans, accepts, evaluates, waits for approval, tags and notifies the starter', async () => {
    const s = await stepScene();
    const source = await demoSource(deps, s.owner.actor, s.ws.id);
    // As the seed registers the demo shop: with its all-detectors scan.
    const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
    await createScan(deps, s.owner.actor, { name: 'Demo shop — all detectors', dataSourceId: source.id, ruleSetId: ruleSet.id, schedule: null, enabled: true });
    const access = new AccessChecker(deps.db, s.owner.actor);
    const template = workflowTemplate('data-discovery')!;
    const workflow = await createWorkflow(deps, s.owner.actor, access, { workspaceId: s.ws.id, name: `Discovery ${crypto.randomUUID().slice(0, 6)}`, description: '', definition: template.definition, enabled: true });
    const { id } = await startExecution(deps, s.owner.actor, { workflowId: workflow.id, trigger: 'manual', params: { dataSource: source.id } });

    const parked = await until(id, (e) => e.steps.find((x) => x.stepId === 'review')?.status === 'waiting');
    const task = await deps.db.humanTask.findUniqueOrThrow({ where: { stepRunId: parked.steps.find((x) => x.stepId === 'review')!.id } });
    expect(task.description).toMatch(/The scan suggested \d+ labels on \d+ columns; \d+ were accepted automatically\. Compliance: \d+ failing checks/);
    await approveTask(deps, s.owner.actor, access, { id: task.id, comment: 'ship it' });
    const e = await until(id, (x) => x.status === 'succeeded');

    const out = Object.fromEntries(e.steps.map((x) => [x.stepId, x.output as Record<string, number | string>]));
    expect(out.scan).toMatchObject({ status: 'succeeded', tablesDone: 6 });
    expect(out.evaluate!.failures).toBeGreaterThan(0);
    expect(out.tag!.changed).toBeGreaterThan(3);
    expect(out.notify).toEqual({ notified: 1, webhookStatus: null });
    expect(e.steps.every((x) => x.status === 'succeeded' && x.attempt === 1)).toBe(true);

    expect(await deps.db.scanRun.count({ where: { dataSourceId: source.id } })).toBe(1);
    expect(await deps.db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'accepted', autoAccepted: true } })).toBeGreaterThan(5);
    expect(await deps.db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', confidence: { gte: 0.9 } } })).toBe(0);
    expect(await deps.db.complianceFinding.count({ where: { dataSourceId: source.id, status: 'open' } })).toBeGreaterThan(0);
    const email = await deps.db.asset.findFirstOrThrow({ where: { dataSourceId: source.id, type: 'column', name: 'email', parent: { name: 'customers' } } });
    expect(email.tags).toContain('pii-reviewed');
    const note = await deps.db.notification.findFirstOrThrow({ where: { userId: s.owner.user.id, kind: 'workflow' } });
    expect(note).toMatchObject({ title: 'Data discovery finished', link: `/workflows/executions/${id}` });
    expect(note.body).toMatch(new RegExp(`labels accepted, ${out.evaluate!.failures} failing compliance checks .*${out.tag!.changed} PII assets tagged pii-reviewed\\. Approved by ${s.owner.user.name}\\.`));
  });
});
