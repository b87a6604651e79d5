/**
 * Cross-group correlation on a real scene: a real scan of the demo shop, the
 * compliance evaluation its run enqueued (trigger "scan"), then a workflow
 * (catalog.tag + compliance.evaluate steps) that fixes and resolves the
 * retention findings, and a person who resolves one more by hand.
 */
import { describe, expect, it } from 'vitest';
import { systemActor } from '../src/actor';
import { correlateActivity } from '../src/activity/correlate';
import { activityCorrelateInput } from '../src/activity/analytics-schemas';
import { runEvaluationJob } from '../src/compliance/jobs';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import { updateFinding } from '../src/compliance/findings';
import { AccessChecker } from '../src/rbac/resolve';
import { executeScanRun } from '../src/scan/run-scan';
import { createScan, runScan } from '../src/scan/scans';
import { person } from './harness';
import { demoSource, stepRig, stepScene } from './workflow-step-harness';

describe('activity.correlate', () => {
  it('chains a scan run to the findings it raised and to the workflow and person that resolved them', async () => {
    const s = await stepScene();
    await syncBuiltInFrameworks(s.deps).catch(() => syncBuiltInFrameworks(s.deps));
    const { db } = s.deps;
    const gdpr = await db.complianceFramework.findUniqueOrThrow({ where: { key: 'gdpr' } });
    const source = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const ruleSet = await db.scanRuleSet.findUniqueOrThrow({ where: { key: 'all' } });
    const scan = await createScan(s.deps, s.owner.actor, { name: 'shop scan', dataSourceId: source.id, ruleSetId: ruleSet.id, schedule: null, enabled: true });
    const from = new Date(Date.now() - 60_000);

    // The scan, then the evaluation job its run enqueued (run here rather than by a worker).
    const run = await runScan(s.deps, s.owner.actor, scan.id, 'manual');
    await executeScanRun(s.deps, run.id);
    expect((await db.scanRun.findUniqueOrThrow({ where: { id: run.id } })).status).toBe('succeeded');
    await runEvaluationJob(s.deps, { frameworkId: gdpr.id, dataSourceId: source.id, trigger: 'scan' });
    const raised = await db.complianceFinding.findMany({ where: { dataSourceId: source.id, frameworkId: gdpr.id }, include: { rule: true } });
    const retention = raised.filter((f) => f.rule.code === 'GDPR Art. 5(1)(e)');
    expect(retention.length).toBeGreaterThan(0);

    // A workflow tags the personal columns with a retention period and re-evaluates: the retention findings resolve.
    const tag = await stepRig(s.deps, { type: 'catalog.tag', config: { dataSourceId: source.id, labels: ['PII.*', 'GDPR.*'], add: ['retention:1y'] }, workspaceId: s.ws.id });
    expect((await tag.run()).kind).toBe('done');
    const evaluate = await stepRig(s.deps, { type: 'compliance.evaluate', config: { frameworkKey: 'gdpr', dataSourceId: source.id }, workspaceId: s.ws.id });
    const evaluated = await evaluate.run();
    expect(evaluated).toMatchObject({ kind: 'done', output: { resolved: expect.any(Number) } });
    const resolvedByWorkflow = await db.complianceFinding.findMany({ where: { id: { in: raised.map((f) => f.id) }, status: 'resolved' } });
    expect(resolvedByWorkflow.length).toBeGreaterThanOrEqual(retention.length);

    // And a person resolves one that is still open.
    const stillOpen = await db.complianceFinding.findFirstOrThrow({ where: { id: { in: raised.map((f) => f.id) }, status: 'open' }, orderBy: { id: 'asc' } });
    await updateFinding(s.deps, s.owner.actor, s.owner.access, { id: stillOpen.id, status: 'resolved', note: 'Fixed upstream' });
    const to = new Date(Date.now() + 60_000);

    const result = await correlateActivity(s.deps, s.owner.access, activityCorrelateInput.parse({ from, to, dataSourceId: source.id }));
    expect(result.chains).toHaveLength(1);
    const chain = result.chains[0]!;
    expect(chain.scanRun).toMatchObject({ id: run.id, scanName: 'shop scan', dataSourceId: source.id, trigger: 'manual' });
    expect(chain.evaluations.map((e) => e.frameworkName)).toEqual(['GDPR']);
    expect(new Set(chain.findings.map((f) => f.id))).toEqual(new Set(raised.map((f) => f.id)));
    const workflowName = (await db.workflow.findUniqueOrThrow({ where: { id: evaluate.workflowId } })).name;
    for (const f of retention)
      expect(chain.findings.find((x) => x.id === f.id)!.resolvedBy).toMatchObject({ kind: 'workflow', id: evaluate.executionId, workflowId: evaluate.workflowId, name: workflowName, href: `/workflows/executions/${evaluate.executionId}` });
    expect(chain.findings.find((x) => x.id === stillOpen.id)!.resolvedBy).toMatchObject({ kind: 'user', id: s.owner.user.id, name: s.owner.user.name });
    expect(chain.resolvedBy[0]).toMatchObject({ kind: 'workflow', count: resolvedByWorkflow.length });
    expect(result.totals).toMatchObject({ scanRuns: 1, findingsRaised: raised.length, resolved: resolvedByWorkflow.length + 1, byKind: { workflow: resolvedByWorkflow.length, user: 1 } });
    expect(result.summary).toBe(`${raised.length} findings raised by 1 scan run; ${resolvedByWorkflow.length} resolved by workflow “${workflowName}”; 1 resolved by hand.`);

    // Someone who may not read the source sees no chain; the whole workspace scope gives the same chain.
    const stranger = await person(s.deps, ['viewer']);
    expect((await correlateActivity(s.deps, stranger.access, activityCorrelateInput.parse({ from, to }))).chains.filter((c) => c.scanRun.dataSourceId === source.id)).toEqual([]);
    const byWorkspace = await correlateActivity(s.deps, s.viewer.access, activityCorrelateInput.parse({ from, to, workspaceId: s.ws.id }));
    expect(byWorkspace.chains.map((c) => c.scanRun.id)).toEqual([run.id]);
    // The system (no person) sees it too: nothing is dropped for want of a workspace.
    expect((await correlateActivity(s.deps, new AccessChecker(db, systemActor), activityCorrelateInput.parse({ from, to, dataSourceId: source.id }))).totals.findingsRaised).toBe(raised.length);
  }, 120_000);
});
