/** Permission cases: workflows and their executions (checked at the workflow's workspace). */
import { AccessChecker, createWorkflow, pauseExecution, startExecution } from '@racine/services';
import { testDeps } from '../harness';
import { type Case, global, uuid, workspaceScene } from './shared';

// Two notify steps, the second after the first only by order: `analyze` suggests running them side by side.
const definition = {
  steps: [
    { id: 'first', type: 'notify', config: { title: 'First', toMembers: true } },
    { id: 'second', type: 'notify', dependsOn: ['first'], config: { title: 'Second', toMembers: true } },
  ],
  triggers: { manual: true, webhook: true },
};

/** workspaceScene plus a workflow in it, created by its owner. */
async function workflowScene() {
  const s = await workspaceScene();
  const { deps } = await testDeps();
  const workflow = await createWorkflow(deps, s.owner.actor, new AccessChecker(deps.db, s.owner.actor), {
    workspaceId: s.ws.id,
    name: `Workflow ${uuid().slice(0, 8)}`,
    description: '',
    enabled: true,
    definition,
  });
  return { ...s, deps, workflow };
}

/** …and an execution of it, started by its owner (running until its steps' jobs run). */
async function executionScene(paused = false) {
  const s = await workflowScene();
  const execution = await startExecution(s.deps, s.owner.actor, { workflowId: s.workflow.id, trigger: 'manual' });
  if (paused) await pauseExecution(s.deps, s.owner.actor, execution.id);
  return { ...s, execution };
}

type WorkflowScene = Awaited<ReturnType<typeof workflowScene>>;
type ExecutionScene = Awaited<ReturnType<typeof executionScene>>;

const readWorkflow = (input: (s: WorkflowScene) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await workflowScene();
    return { input: input(s), allowed: s.viewer, denied: [s.outsider] };
  },
  badInput,
});
const manageWorkflow = (input: (s: WorkflowScene) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await workflowScene();
    return { input: input(s), allowed: s.member, denied: [s.viewer, s.outsider] };
  },
  badInput,
});
const readExecution = (input: (s: ExecutionScene) => unknown, badInput: unknown): Case => ({
  setup: async () => {
    const s = await executionScene();
    return { input: input(s), allowed: s.viewer, denied: [s.outsider] };
  },
  badInput,
});
const controlExecution = (paused: boolean): Case => ({
  setup: async () => {
    const s = await executionScene(paused);
    return { input: { executionId: s.execution.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
  },
  badInput: { executionId: 'x' },
});

export const workflowCases: Record<string, Case> = {
  'workflow.create': {
    setup: async () => {
      const s = await workspaceScene();
      return { input: { workspaceId: s.ws.id, name: `Workflow ${uuid().slice(0, 8)}`, definition }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { workspaceId: 'nope', name: 'Nightly', definition },
  },
  'workflow.update': manageWorkflow((s) => ({ id: s.workflow.id, description: 'Tells everyone twice' }), { id: uuid(), enabled: 'yes' }),
  'workflow.get': readWorkflow((s) => ({ id: s.workflow.id }), { id: 'nope' }),
  'workflow.list': { setup: global(['viewer'], []), badInput: { limit: 0 } },
  'workflow.validate': { setup: global(['viewer'], [], { definition }), badInput: 'not an object' },
  'workflow.versions': readWorkflow((s) => ({ id: s.workflow.id }), { id: 42 }),
  'workflow.execute': {
    setup: async () => {
      const s = await workflowScene();
      return { input: { id: s.workflow.id }, allowed: s.member, denied: [s.viewer, s.outsider] };
    },
    badInput: { id: uuid(), params: 'all' },
  },
  'workflow.cancel': controlExecution(false),
  'workflow.pause': controlExecution(false),
  'workflow.resume': controlExecution(true),
  'workflow.executions': { setup: global(['viewer'], []), badInput: { status: 'done' } },
  'workflow.getExecution': readExecution((s) => ({ executionId: s.execution.id }), { executionId: '' }),
  'workflow.executionLogs': readExecution((s) => ({ executionId: s.execution.id }), { executionId: uuid(), limit: 0 }),
  'workflow.watchExecution': readExecution((s) => ({ executionId: s.execution.id }), { executionId: 'x' }),
  'workflow.analyze': readWorkflow((s) => ({ id: s.workflow.id }), { id: 'x' }),
  'workflow.applySuggestion': manageWorkflow((s) => ({ id: s.workflow.id, suggestionId: 'parallelize:first>second' }), { id: uuid(), suggestionId: '' }),
  'workflow.templates': { setup: global(['viewer'], [], {}), badInput: { kind: 'all' } },
  'workflow.stepTypes': { setup: global(['viewer'], [], {}), badInput: { group: 'scanning' } },
  'workflow.rotateWebhookSecret': manageWorkflow((s) => ({ id: s.workflow.id }), { id: 'x' }),
};
