/**
 * Each service-bound step type against real data: the demo shop scanned
 * through scan.run, its labels accepted, evaluated, tagged, owned; the
 * workspace boundary; and that running a step again applies nothing twice.
 */
import { rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { syncBuiltInFrameworks } from '../src/compliance/frameworks';
import type { ServiceDeps } from '../src/deps';
import { executeScanRun } from '../src/scan/run-scan';
import { systemActor } from '../src/actor';
import { createScan } from '../src/scan/scans';
import { stepType } from '../src/workflow/steps/index';
import { demoSource, stepRig, stepScene } from './workflow-step-harness';

const stepRigType = (t: string) => stepType(t)!;

let frameworksSynced: Promise<void> | null = null;
const builtInFrameworks = (deps: ServiceDeps) => (frameworksSynced ??= syncBuiltInFrameworks(deps).catch(() => syncBuiltInFrameworks(deps)));

/** Runs scan.run until it is done, executing the queued scan run in between as a worker would. */
async function scanThroughStep(deps: ServiceDeps, workspaceId: string, dataSourceId: string, ruleSetKey?: string) {
  if (ruleSetKey) {
    // A rule set that accepts nothing by itself, so every label waits for review (or for the step).
    const ruleSet = await deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: ruleSetKey } });
    await createScan(deps, systemActor, { name: `${ruleSetKey} scan`, dataSourceId, ruleSetId: ruleSet.id, schedule: null, enabled: true });
  }
  const rig = await stepRig(deps, { type: 'scan.run', config: { dataSourceId }, workspaceId });
  const first = await rig.run();
  expect(first.kind).toBe('wait');
  const { runId } = (await rig.state()) as { runId: string };
  await executeScanRun(deps, runId);
  const done = await rig.run();
  return { rig, runId, done };
}

describe('scan.run', () => {
  it('creates a scan for a source with none, queues one run, waits on it without starting another, and finishes with its counts', async () => {
    const s = await stepScene();
    const source = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const rig = await stepRig(s.deps, { type: 'scan.run', config: { dataSourceId: source.id }, workspaceId: s.ws.id });

    const first = await rig.run();
    expect(first).toMatchObject({ kind: 'wait', wakeAt: expect.any(Date) });
    if (first.kind === 'wait') expect(first.wakeAt!.getTime() - Date.now()).toBeLessThanOrEqual(1_100);
    const scans = await s.deps.db.scan.findMany({ where: { dataSourceId: source.id } });
    expect(scans).toHaveLength(1);
    const { runId } = (await rig.state()) as { runId: string };
    expect(await s.deps.db.scanRun.findUniqueOrThrow({ where: { id: runId } })).toMatchObject({ status: 'queued', trigger: 'workflow' });

    // Woken again while queued: same run. A worker that died before checkpointing (state lost): the run is found by the step's key.
    expect((await rig.run()).kind).toBe('wait');
    await s.deps.db.$executeRaw`UPDATE "WorkflowStepRun" SET state = NULL WHERE id = ${rig.stepRunId}`;
    expect((await rig.run()).kind).toBe('wait');
    expect(((await rig.state()) as { runId: string }).runId).toBe(runId);
    expect(await s.deps.db.scanRun.count({ where: { dataSourceId: source.id } })).toBe(1);

    await executeScanRun(s.deps, runId);
    const done = await rig.run();
    expect(done).toEqual({ kind: 'done', output: { runId, status: 'succeeded', tablesDone: 6, columnsClassified: expect.any(Number), labelsSuggested: expect.any(Number) } });
    if (done.kind === 'done') expect(done.output.labelsSuggested).toBeGreaterThan(5);
    const queued = await s.deps.db.activityEvent.findFirstOrThrow({ where: { type: 'scan.run.queued', resourceId: runId } });
    expect(queued.details).toMatchObject({ workflowId: rig.workflowId, executionId: rig.executionId, stepId: 'step', trigger: 'workflow' });
  });

  it('fails with the run’s error when the scan fails, and a retry starts a new run', async () => {
    const s = await stepScene();
    const source = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const rig = await stepRig(s.deps, { type: 'scan.run', config: { dataSourceId: source.id }, workspaceId: s.ws.id });
    await rig.run();
    const { runId } = (await rig.state()) as { runId: string };
    rmSync(source.database);
    await executeScanRun(s.deps, runId, { lastAttempt: true });
    await expect(rig.run()).rejects.toThrow(new RegExp(`Scan run ${runId} failed: .+`));
    expect((await rig.run({ attempt: 2 })).kind).toBe('wait');
    const second = ((await rig.state()) as { runId: string }).runId;
    expect(second).not.toBe(runId);
    expect(await s.deps.db.scanRun.count({ where: { dataSourceId: source.id } })).toBe(2);
  });

  it('uses a named scan, and does not wait when told not to', async () => {
    const s = await stepScene();
    const source = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const ruleSet = await s.deps.db.scanRuleSet.findUniqueOrThrow({ where: { key: 'pii' } });
    const scan = await createScan(s.deps, s.owner.actor, { name: 'pii only', dataSourceId: source.id, ruleSetId: ruleSet.id, schedule: null, enabled: true });
    const rig = await stepRig(s.deps, { type: 'scan.run', config: { scanId: scan.id, waitForCompletion: false }, workspaceId: s.ws.id });
    const result = await rig.run();
    expect(result).toMatchObject({ kind: 'done', output: { status: 'queued' } });
    if (result.kind === 'done') expect((await s.deps.db.scanRun.findUniqueOrThrow({ where: { id: result.output.runId as string } })).scanId).toBe(scan.id);
  });

  it('refuses a source of another workspace, and one only linked to another; accepts one linked to its own', async () => {
    const s = await stepScene();
    const theirs = await demoSource(s.deps, s.outsider.actor, s.otherWs.id);
    const unowned = await demoSource(s.deps, s.outsider.actor, undefined);
    await s.deps.db.workspaceResource.create({ data: { workspaceId: s.otherWs.id, resourceType: 'datasource', resourceId: unowned.id } });
    for (const id of [theirs.id, unowned.id]) {
      const rig = await stepRig(s.deps, { type: 'scan.run', config: { dataSourceId: id }, workspaceId: s.ws.id });
      await expect(rig.run()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/does not belong to this workflow's workspace/) });
    }
    expect(await s.deps.db.scanRun.count({ where: { dataSourceId: { in: [theirs.id, unowned.id] } } })).toBe(0);
    await s.deps.db.workspaceResource.create({ data: { workspaceId: s.ws.id, resourceType: 'datasource', resourceId: unowned.id } });
    const linked = await stepRig(s.deps, { type: 'scan.run', config: { dataSourceId: unowned.id }, workspaceId: s.ws.id });
    expect((await linked.run()).kind).toBe('wait');
  });

  it('rejects a config without a source or scan', () => {
    const scan = stepRigType('scan.run');
    expect(scan.config.safeParse({}).success).toBe(false);
    expect(scan.config.safeParse({ dataSourceId: 'demo' }).success).toBe(false);
  });
});

describe('classification.autoAccept, compliance.evaluate, catalog.tag and catalog.setOwner on the scanned shop', () => {
  it('accept, evaluate, tag and own — each a second time changing nothing', async () => {
    const s = await stepScene();
    await builtInFrameworks(s.deps);
    const source = await demoSource(s.deps, s.owner.actor, s.ws.id);
    await scanThroughStep(s.deps, s.ws.id, source.id, 'pii');
    const { db } = s.deps;

    // A person's rejection is never overridden.
    const rejected = await db.classification.findFirstOrThrow({ where: { asset: { dataSourceId: source.id }, state: 'suggested', confidence: { gte: 0.9 } }, orderBy: { id: 'asc' } });
    await db.classification.update({ where: { id: rejected.id }, data: { state: 'rejected', reviewedById: s.owner.user.id } });
    const suggestedHigh = await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', confidence: { gte: 0.9 } } });
    const suggestedLow = await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', confidence: { lt: 0.9 } } });
    expect(suggestedHigh).toBeGreaterThan(0);

    const accept = await stepRig(s.deps, { type: 'classification.autoAccept', config: { dataSourceId: source.id, minConfidence: 0.9 }, workspaceId: s.ws.id });
    const accepted = await accept.run();
    expect(accepted).toMatchObject({ kind: 'done', output: { accepted: suggestedHigh, skipped: suggestedLow } });
    expect(await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'accepted', autoAccepted: true, reviewedById: null } })).toBeGreaterThanOrEqual(suggestedHigh);
    expect((await db.classification.findUniqueOrThrow({ where: { id: rejected.id } })).state).toBe('rejected');
    expect(await accept.run()).toMatchObject({ kind: 'done', output: { accepted: 0 } });
    const acceptRows = await db.activityEvent.findMany({ where: { type: 'classification.auto-accepted', resourceId: source.id } });
    expect(acceptRows).toHaveLength(1);
    expect(acceptRows[0]!.details).toMatchObject({ workflowId: accept.workflowId, executionId: accept.executionId, stepId: 'step', accepted: suggestedHigh });

    // Only the labels asked for.
    const phones = await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', label: 'PII.Phone' } });
    expect(phones).toBeGreaterThan(0);
    const onlyPhones = await stepRig(s.deps, { type: 'classification.autoAccept', config: { dataSourceId: source.id, minConfidence: 0, labels: ['PII.Phone'] }, workspaceId: s.ws.id });
    expect(await onlyPhones.run()).toMatchObject({ kind: 'done', output: { accepted: phones } });
    expect(await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', label: 'PII.Phone' } })).toBe(0);
    expect(await db.classification.count({ where: { asset: { dataSourceId: source.id }, state: 'suggested', confidence: { lt: 0.9 } } })).toBe(suggestedLow - phones);

    const evaluate = await stepRig(s.deps, { type: 'compliance.evaluate', config: { frameworkKey: 'gdpr', dataSourceId: source.id }, workspaceId: s.ws.id });
    const evaluated = await evaluate.run();
    expect(evaluated).toMatchObject({ kind: 'done', output: { evaluationId: expect.any(String), checks: expect.any(Number), failures: expect.any(Number), frameworks: 1 } });
    if (evaluated.kind !== 'done') throw new Error('not done');
    expect(evaluated.output.checks).toBeGreaterThan(0);
    expect(evaluated.output.failures).toBeGreaterThan(0);
    const evaluation = await db.complianceEvaluation.findUniqueOrThrow({ where: { id: evaluated.output.evaluationId as string } });
    expect(evaluation).toMatchObject({ trigger: 'workflow', dataSourceId: source.id, checks: evaluated.output.checks, failures: evaluated.output.failures });
    expect(await db.complianceFinding.count({ where: { dataSourceId: source.id, status: 'open', frameworkId: evaluation.frameworkId } })).toBe(evaluated.output.failures);
    const evalRow = await db.activityEvent.findFirstOrThrow({ where: { type: 'compliance.evaluated', details: { path: ['evaluationId'], equals: evaluation.id } } });
    expect(evalRow.details).toMatchObject({ workflowId: evaluate.workflowId, stepId: 'step' });
    // Resumed after it finished (state kept): nothing evaluated again.
    const before = await db.complianceEvaluation.count({ where: { dataSourceId: source.id } });
    expect(await evaluate.run()).toEqual(evaluated);
    expect(await db.complianceEvaluation.count({ where: { dataSourceId: source.id } })).toBe(before);

    const tag = await stepRig(s.deps, { type: 'catalog.tag', config: { dataSourceId: source.id, labels: ['PII.*'], add: ['pii-reviewed'] }, workspaceId: s.ws.id });
    const tagged = await tag.run();
    const piiAssets = await db.asset.findMany({ where: { dataSourceId: source.id, removedAt: null, type: { in: ['table', 'view', 'column'] } }, select: { labels: true, tags: true, name: true } });
    const withPii = piiAssets.filter((a) => a.labels.some((l) => l.startsWith('PII.')));
    expect(withPii.length).toBeGreaterThan(3);
    expect(tagged).toEqual({ kind: 'done', output: { changed: withPii.length, matched: withPii.length } });
    expect(withPii.every((a) => a.tags.includes('pii-reviewed'))).toBe(true);
    expect(piiAssets.filter((a) => a.tags.includes('pii-reviewed'))).toHaveLength(withPii.length);
    expect(await tag.run()).toEqual({ kind: 'done', output: { changed: 0, matched: withPii.length } });
    const tagRows = await db.activityEvent.findMany({ where: { type: 'catalog.asset.updated', details: { path: ['executionId'], equals: tag.executionId } } });
    expect(tagRows).toHaveLength(withPii.length);

    // A label this scan put on some columns. Which labels a scan suggests depends on each detector's precision, learned from
    // every reviewer's decisions in the database, and other tests in this shared one reject labels: so it is read, not assumed.
    const labelled = await db.asset.findMany({ where: { dataSourceId: source.id, removedAt: null, type: 'column', labels: { isEmpty: false } }, select: { id: true, labels: true } });
    const label = labelled[0]!.labels[0]!;
    const carriers = labelled.filter((a) => a.labels.includes(label)).map((a) => a.id);
    const own = await stepRig(s.deps, { type: 'catalog.setOwner', config: { dataSourceId: source.id, labels: [label], types: ['column'], ownerId: s.member.user.id }, workspaceId: s.ws.id });
    const owned = await own.run();
    expect(owned).toMatchObject({ kind: 'done', output: { changed: carriers.length, matched: carriers.length } });
    const cards = await db.asset.findMany({ where: { id: { in: carriers } }, include: { stewards: true } });
    for (const card of cards) expect(card.stewards).toEqual([expect.objectContaining({ role: 'owner', principalType: 'user', principalId: s.member.user.id })]);
    expect(await own.run()).toMatchObject({ kind: 'done', output: { changed: 0, matched: carriers.length } });
  });

  it('compliance.evaluate without a source evaluates only the workspace’s sources', async () => {
    const s = await stepScene();
    await builtInFrameworks(s.deps);
    const ours = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const theirs = await demoSource(s.deps, s.outsider.actor, s.otherWs.id);
    await scanThroughStep(s.deps, s.ws.id, ours.id);
    const rig = await stepRig(s.deps, { type: 'compliance.evaluate', config: { frameworkKey: 'pci-dss' }, workspaceId: s.ws.id });
    const result = await rig.run();
    if (result.kind !== 'done') throw new Error('not done');
    const evaluations = await s.deps.db.complianceEvaluation.findMany({ where: { id: { in: result.output.evaluationIds as string[] } } });
    expect(evaluations.map((e) => e.dataSourceId)).toEqual([ours.id]);
    expect(await s.deps.db.complianceEvaluation.count({ where: { dataSourceId: theirs.id } })).toBe(0);
    await expect((await stepRig(s.deps, { type: 'compliance.evaluate', config: { frameworkKey: 'pci-dss', dataSourceId: theirs.id }, workspaceId: s.ws.id })).run()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect((await stepRig(s.deps, { type: 'compliance.evaluate', config: { frameworkKey: 'no-such-framework' }, workspaceId: s.ws.id })).run()).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('catalog steps refuse assets and owners outside the workspace', async () => {
    const s = await stepScene();
    const theirs = await demoSource(s.deps, s.outsider.actor, s.otherWs.id);
    const ours = await demoSource(s.deps, s.owner.actor, s.ws.id);
    await scanThroughStep(s.deps, s.otherWs.id, theirs.id);
    await scanThroughStep(s.deps, s.ws.id, ours.id);
    const theirAsset = await s.deps.db.asset.findFirstOrThrow({ where: { dataSourceId: theirs.id, type: 'table' } });
    const tag = await stepRig(s.deps, { type: 'catalog.tag', config: { assetIds: [theirAsset.id], add: ['x'] }, workspaceId: s.ws.id });
    await expect(tag.run()).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect((await s.deps.db.asset.findUniqueOrThrow({ where: { id: theirAsset.id } })).tags).toEqual([]);
    const own = await stepRig(s.deps, { type: 'catalog.setOwner', config: { dataSourceId: ours.id, ownerId: s.outsider.user.id }, workspaceId: s.ws.id });
    await expect(own.run()).rejects.toMatchObject({ code: 'FORBIDDEN', message: expect.stringMatching(/not a member of this workflow's workspace/) });
    expect(stepRigType('catalog.tag').config.safeParse({ dataSourceId: ours.id, add: ['Not A Tag!'] }).success).toBe(false);
    expect(stepRigType('catalog.tag').config.safeParse({ dataSourceId: ours.id, assetIds: [theirAsset.id], add: ['x'] }).success).toBe(false);
  });
});

describe('workspace.dataSources', () => {
  it('lists the workspace’s own and linked sources, nobody else’s', async () => {
    const s = await stepScene();
    const own = await demoSource(s.deps, s.owner.actor, s.ws.id);
    const linked = await demoSource(s.deps, s.outsider.actor, s.otherWs.id);
    await demoSource(s.deps, s.outsider.actor, s.otherWs.id);
    await s.deps.db.workspaceResource.create({ data: { workspaceId: s.ws.id, resourceType: 'datasource', resourceId: linked.id } });
    const result = await (await stepRig(s.deps, { type: 'workspace.dataSources', config: {}, workspaceId: s.ws.id })).run();
    if (result.kind !== 'done') throw new Error('not done');
    expect([...(result.output.ids as string[])].sort()).toEqual([own.id, linked.id].sort());
    expect(result.output.count).toBe(2);
  });
});
