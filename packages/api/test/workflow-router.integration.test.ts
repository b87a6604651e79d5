/**
 * The workflow router end to end through a tRPC caller: builder data
 * (step types with their JSON Schemas, templates), validate as an answer and
 * create/update refusing the same problems, versions, execution and its live
 * watch, analysis and an applied suggestion.
 */
import { describe, expect, it } from 'vitest';
import { makeWorkspace, personWith, testDeps } from './harness';

const unique = () => crypto.randomUUID().slice(0, 8);

async function memberScene() {
  const { deps } = await testDeps();
  const [owner, viewer] = await Promise.all([personWith(['viewer']), personWith(['viewer'])]);
  const ws = await makeWorkspace(deps.db, { ownerId: owner.user.id, members: [{ userId: viewer.user.id, role: 'viewer' }] });
  return { deps, owner, viewer, ws };
}

const twoNotifies = {
  steps: [
    { id: 'first', type: 'notify', config: { title: 'First', toMembers: true } },
    { id: 'second', type: 'notify', dependsOn: ['first'], config: { title: 'Second', toMembers: true } },
  ],
};

describe('workflow router', () => {
  it('describes the step types and templates the builder starts from; every template validates', async () => {
    const { owner } = await memberScene();
    const types = await owner.caller.workflow.stepTypes({});
    const scan = types.find((t) => t.type === 'scan.run')!;
    expect(scan).toMatchObject({ group: 'scanning', configSchema: { type: 'object' }, output: { runId: { type: 'string' } } });
    const templates = await owner.caller.workflow.templates({});
    expect(templates.map((t) => t.key)).toEqual(expect.arrayContaining(['data-discovery']));
    expect(templates.length).toBeGreaterThanOrEqual(4);
    for (const t of templates) expect(await owner.caller.workflow.validate({ definition: t.definition }), t.key).toEqual({ ok: true, errors: [] });
  });

  it('answers validate with the problems, and create refuses the same ones', async () => {
    const { owner, ws } = await memberScene();
    const broken = { steps: [{ id: 'a', type: 'notify', dependsOn: ['b'], config: { title: 'x', toMembers: true } }, { id: 'b', type: 'notify', dependsOn: ['a'], config: { title: 'y', toMembers: true } }] };
    const answer = await owner.caller.workflow.validate({ definition: broken });
    expect(answer).toEqual({ ok: false, errors: [{ path: 'steps[0].dependsOn', stepId: 'a', message: 'Steps a → b → a form a cycle' }] });
    await expect(owner.caller.workflow.create({ workspaceId: ws.id, name: `Loop ${unique()}`, definition: broken })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      message: 'The workflow definition is invalid: steps[0].dependsOn: Steps a → b → a form a cycle',
    });
  });

  it('creates, updates into versions, executes and streams the execution, analyses and applies a suggestion', async () => {
    const { owner, viewer, ws } = await memberScene();
    const wf = await owner.caller.workflow.create({ workspaceId: ws.id, name: `Twice ${unique()}`, definition: twoNotifies });
    expect(wf).toMatchObject({ latestVersion: 1, canManage: true });
    await expect(owner.caller.workflow.create({ workspaceId: ws.id, name: wf.name, definition: twoNotifies })).rejects.toMatchObject({ code: 'CONFLICT' });
    const listed = await viewer.caller.workflow.list({ workspaceId: ws.id, limit: 10 });
    expect(listed.items.map((w) => w.id)).toEqual([wf.id]);
    expect(await viewer.caller.workflow.get({ id: wf.id })).toMatchObject({ canManage: false, canExecute: false });

    const started = await owner.caller.workflow.execute({ id: wf.id });
    const seen: { id: string; status: string }[] = [];
    const stream = await viewer.caller.workflow.watchExecution({ executionId: started.id });
    const iterator = (stream as AsyncIterable<unknown>)[Symbol.asyncIterator]();
    const first = (await iterator.next()).value as [string, { execution: { id: string; status: string; steps: unknown[] } }];
    await iterator.return?.();
    seen.push(first[1].execution);
    expect(typeof first[0]).toBe('string');
    expect(seen[0]).toMatchObject({ id: started.id });
    expect(first[1].execution.steps).toHaveLength(2);
    const history = await viewer.caller.workflow.executions({ workflowId: wf.id, limit: 5 });
    expect(history.items.map((e) => e.id)).toEqual([started.id]);
    const ownerName = owner.user.name;
    expect(history.items[0]!.createdByName).toBe(ownerName);
    expect(await viewer.caller.workflow.getExecution({ executionId: started.id })).toMatchObject({ workflowId: wf.id, version: 1, createdByName: ownerName });

    const analysis = await viewer.caller.workflow.analyze({ id: wf.id });
    expect(analysis.criticalPath).toEqual(['first', 'second']);
    expect(analysis.suggestions.map((s) => s.id)).toEqual(['parallelize:first>second']);
    await expect(viewer.caller.workflow.applySuggestion({ id: wf.id, suggestionId: 'parallelize:first>second' })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await owner.caller.workflow.applySuggestion({ id: wf.id, suggestionId: 'parallelize:first>second' })).toMatchObject({ version: 2 });
    await expect(owner.caller.workflow.applySuggestion({ id: wf.id, suggestionId: 'parallelize:first>second' })).rejects.toMatchObject({ code: 'CONFLICT' });
    const versions = await owner.caller.workflow.versions({ id: wf.id });
    expect(versions.map((v) => v.version)).toEqual([2, 1]);
    expect(versions[0]!.definition.steps[1]!.dependsOn).toEqual([]);
    // The execution still records the version it ran.
    expect(await owner.caller.workflow.getExecution({ executionId: started.id })).toMatchObject({ version: 1 });

    // Manual runs turned off: execute is refused, and says why.
    const hookOnly = await owner.caller.workflow.create({ workspaceId: ws.id, name: `Hook only ${unique()}`, definition: { ...twoNotifies, triggers: { manual: false, webhook: true } } });
    await expect(owner.caller.workflow.execute({ id: hookOnly.id })).rejects.toMatchObject({ code: 'PRECONDITION_FAILED', message: 'Version 1 of this workflow does not allow manual runs (its manual trigger is off)' });

    const hook = await owner.caller.workflow.rotateWebhookSecret({ id: wf.id });
    expect(hook.secret).toMatch(/^whsec_/);
    expect(await owner.caller.workflow.get({ id: wf.id })).toMatchObject({ triggers: { webhookSecretSet: true } });
  });
});
