/**
 * The other templates through the engine and a real worker: the nightly
 * rescan fans out over the workspace's sources, the compliance audit alerts
 * the admins only when a check fails, and PII remediation tags and owns the
 * PII columns once an admin approves.
 */
import type { Runner } from 'graphile-worker';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import type { ServiceDeps } from '../src/deps';
import { startWorker } from '../src/jobs/queue';
import { taskList } from '../src/jobs/tasks';
import { AccessChecker } from '../src/rbac/resolve';
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
  deps = { ...(await testDeps()), workflowEngine: { stepTypes, taskSuffix: ':templates-test' } };
  await stepScene();
  await syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps));
  worker = await startWorker({ databaseUrl: process.env.DATABASE_URL!, tasks: taskList(deps), concurrency: 4, pollIntervalMs: 100 });
});
afterAll(async () => {
  await worker?.stop();
});

async function until(id: string, done: (e: ExecutionView) => boolean, timeoutMs = 60_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const e = await getExecution(deps, id);
    if (done(e)) return e;
    if (Date.now() > end) throw new Error(`execution ${e.status}: ${JSON.stringify(e.steps.map((s) => [s.stepId, s.itemIndex, s.status, s.error]))}`);
    await new Promise((r) => setTimeout(r, 150));
  }
}

async function fromTemplate(key: string, s: Awaited<ReturnType<typeof stepScene>>) {
  const access = new AccessChecker(deps.db, s.owner.actor);
  return createWorkflow(deps, s.owner.actor, access, { workspaceId: s.ws.id, name: `${key} ${crypto.randomUUID().slice(0, 6)}`, description: '', definition: workflowTemplate(key)!.definition, enabled: true });
}

const top = (e: ExecutionView, id: string) => e.steps.find((x) => x.stepId === id && x.itemIndex === -1)!;

describe('templates through the engine', () => {
  it('nightly rescan: one scan per source of the workspace, then an evaluation of them and a report to the admins', async () => {
    const s = await stepScene();
    const [a, b] = [await demoSource(deps, s.owner.actor, s.ws.id), await demoSource(deps, s.owner.actor, s.ws.id)];
    const elsewhere = await demoSource(deps, s.outsider.actor, s.otherWs.id);
    const wf = await fromTemplate('nightly-rescan', s);
    expect(await deps.db.workflow.findUniqueOrThrow({ where: { id: wf.id } })).toMatchObject({ cron: '0 2 * * *' });
    const { id } = await startExecution(deps, s.owner.actor, { workflowId: wf.id, trigger: 'manual' });
    const e = await until(id, (x) => x.status === 'succeeded' || x.status === 'failed');
    expect(e.status).toBe('succeeded');
    expect(top(e, 'rescan').output).toMatchObject({ count: 2, succeeded: 2, failed: 0 });
    const runs = await deps.db.scanRun.findMany({ where: { dataSourceId: { in: [a.id, b.id, elsewhere.id] } }, select: { dataSourceId: true, status: true } });
    expect(runs.map((r) => r.dataSourceId).sort()).toEqual([a.id, b.id].sort());
    expect(runs.every((r) => r.status === 'succeeded')).toBe(true);
    expect((top(e, 'evaluate').output as { checks: number }).checks).toBeGreaterThan(0);
    const reports = await deps.db.notification.findMany({ where: { kind: 'workflow', userId: { in: [s.owner.user.id, s.admin.user.id, s.member.user.id] }, link: `/workflows/executions/${id}` } });
    expect(reports.map((r) => r.userId).sort()).toEqual([s.owner.user.id, s.admin.user.id].sort());
    expect(reports[0]!.title).toBe('Nightly rescan: 2 of 2 sources scanned');
  });

  it('compliance audit: alerts the admins when checks fail, skips the alert when nothing fails', async () => {
    const failing = await stepScene();
    const source = await demoSource(deps, failing.owner.actor, failing.ws.id);
    // Scan first (through its own workflow run) so there is a catalog to evaluate.
    const scanWf = await createWorkflow(deps, failing.owner.actor, new AccessChecker(deps.db, failing.owner.actor), { workspaceId: failing.ws.id, name: `scan ${crypto.randomUUID().slice(0, 6)}`, description: '', definition: { steps: [{ id: 'scan', type: 'scan.run', config: { dataSourceId: source.id } }] }, enabled: true });
    await until((await startExecution(deps, failing.owner.actor, { workflowId: scanWf.id, trigger: 'manual' })).id, (x) => x.status === 'succeeded');
    const audit = await fromTemplate('compliance-audit', failing);
    const e = await until((await startExecution(deps, failing.owner.actor, { workflowId: audit.id, trigger: 'manual' })).id, (x) => x.status === 'succeeded');
    expect((top(e, 'evaluate').output as { failures: number }).failures).toBeGreaterThan(0);
    expect(top(e, 'alert').status).toBe('succeeded');

    const empty = await stepScene();
    const quiet = await fromTemplate('compliance-audit', empty);
    const q = await until((await startExecution(deps, empty.owner.actor, { workflowId: quiet.id, trigger: 'manual' })).id, (x) => x.status === 'succeeded');
    expect(top(q, 'evaluate').output).toMatchObject({ checks: 0, failures: 0, score: 100 });
    expect(top(q, 'alert').status).toBe('skipped');
    expect(await deps.db.notification.count({ where: { userId: empty.owner.user.id } })).toBe(0);
  });

  it('PII remediation: after approval, the PII columns are tagged masked-required and owned', async () => {
    const s = await stepScene();
    const source = await demoSource(deps, s.owner.actor, s.ws.id);
    const wf = await fromTemplate('pii-remediation', s);
    const { id } = await startExecution(deps, s.owner.actor, { workflowId: wf.id, trigger: 'manual', params: { dataSource: source.id, owner: s.member.user.id } });
    const parked = await until(id, (x) => top(x, 'approve')?.status === 'waiting');
    const task = await deps.db.humanTask.findUniqueOrThrow({ where: { stepRunId: top(parked, 'approve').id } });
    await approveTask(deps, s.admin.actor, new AccessChecker(deps.db, s.admin.actor), { id: task.id });
    const e = await until(id, (x) => x.status === 'succeeded');
    const tagged = (top(e, 'tag').output as { changed: number }).changed;
    expect(tagged).toBeGreaterThan(3);
    expect(top(e, 'owner').output).toMatchObject({ changed: tagged });
    const columns = await deps.db.asset.findMany({ where: { dataSourceId: source.id, type: 'column', tags: { has: 'masked-required' } }, include: { stewards: true } });
    expect(columns).toHaveLength(tagged);
    expect(columns.every((c) => c.labels.some((l) => l.startsWith('PII.')) && c.stewards.some((st) => st.role === 'owner' && st.principalId === s.member.user.id))).toBe(true);
    // Every member is told.
    expect(await deps.db.notification.count({ where: { link: `/workflows/executions/${id}` } })).toBe(4);
  });
});
