/**
 * Test-only step types and helpers for the engine's tests. The types are
 * injected through `deps.workflowEngine` (with their own job task names), so
 * they never enter the production registry and production workers of other
 * test files never take their jobs.
 */
import { z } from 'zod';
import { makeWorkspace } from '@racine/db/factories';
import type { ServiceDeps } from '../src/deps';
import { workflowDefinitionSchema, type WorkflowDefinitionInput } from '../src/workflow/definition';
import { getExecution } from '../src/workflow/engine/views';
import type { ExecutionView } from '../src/workflow/engine/types';
import { defineStepType, type StepType } from '../src/workflow/step-type';
import { stepTypes } from '../src/workflow/steps/index';
import { waitFor } from './wait-for';

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => {
      clearTimeout(t);
      reject(signal.reason);
    });
  });

/** What the test step types saw, by step run id (the worker runs in the test process). */
export const seen = {
  invocations: new Map<string, number>(),
  aborted: new Set<string>(),
  inFlight: new Map<string, number>(),
  maxInFlight: new Map<string, number>(),
};

function count(runId: string) {
  seen.invocations.set(runId, (seen.invocations.get(runId) ?? 0) + 1);
}

/** Echoes its config after an optional sleep; logs "invoked" so invocations are countable from the log table too. */
export const echoStep = defineStepType({
  type: 'test.echo',
  title: 'Echo',
  description: 'Test: returns its config.',
  group: 'control',
  config: z.object({ n: z.number().default(0), text: z.string().default(''), list: z.array(z.unknown()).default([]), sleepMs: z.number().int().min(0).default(0) }).strict(),
  output: { n: { type: 'number', description: 'n' }, text: { type: 'string', description: 'text' }, list: { type: 'list', description: 'list' } },
  run: async (ctx) => {
    count(ctx.step.runId);
    await ctx.log('invoked', { attempt: ctx.step.attempt, key: ctx.step.idempotencyKey });
    if (ctx.config.sleepMs) await sleep(ctx.config.sleepMs, ctx.signal);
    return { kind: 'done', output: { n: ctx.config.n, text: ctx.config.text, list: ctx.config.list } };
  },
});

/** Fails its first `failTimes` attempts. */
export const flakyStep = defineStepType({
  type: 'test.flaky',
  title: 'Flaky',
  description: 'Test: fails a number of times, then succeeds.',
  group: 'control',
  config: z.object({ failTimes: z.number().int().min(0) }).strict(),
  output: { attempt: { type: 'number', description: 'The attempt that succeeded.' } },
  run: async (ctx) => {
    count(ctx.step.runId);
    if (ctx.step.attempt <= ctx.config.failTimes) throw new Error(`boom on attempt ${ctx.step.attempt}`);
    return { kind: 'done', output: { attempt: ctx.step.attempt } };
  },
});

/** Sleeps (honouring its signal), counting how many of its kind run at once per execution. */
export const slowStep = defineStepType({
  type: 'test.slow',
  title: 'Slow',
  description: 'Test: sleeps.',
  group: 'control',
  config: z.object({ ms: z.number().int().min(0), ignoreSignal: z.boolean().default(false) }).strict(),
  output: { slept: { type: 'number', description: 'ms' } },
  run: async (ctx) => {
    count(ctx.step.runId);
    await ctx.log('invoked', { attempt: ctx.step.attempt, key: ctx.step.idempotencyKey });
    const key = ctx.execution.id;
    const now = (seen.inFlight.get(key) ?? 0) + 1;
    seen.inFlight.set(key, now);
    seen.maxInFlight.set(key, Math.max(seen.maxInFlight.get(key) ?? 0, now));
    try {
      await sleep(ctx.config.ms, ctx.config.ignoreSignal ? undefined : ctx.signal);
    } catch (e) {
      seen.aborted.add(ctx.step.runId);
      throw e;
    } finally {
      seen.inFlight.set(key, (seen.inFlight.get(key) ?? 1) - 1);
    }
    return { kind: 'done', output: { slept: ctx.config.ms, item: ctx.step.item ?? null } };
  },
});

/** Parks until completed from outside. */
export const parkStep = defineStepType({
  type: 'test.park',
  title: 'Park',
  description: 'Test: waits for completeWaitingStep.',
  group: 'control',
  config: z.object({}).strict(),
  output: { approved: { type: 'boolean', description: 'Set by whoever completes it.' } },
  run: async (ctx) => {
    count(ctx.step.runId);
    return { kind: 'wait', state: { parkedAt: ctx.deps.clock().toISOString() } };
  },
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step type has its own config type
export const testStepTypes: Record<string, StepType<any>> = { ...stepTypes, [echoStep.type]: echoStep, [flakyStep.type]: flakyStep, [slowStep.type]: slowStep, [parkStep.type]: parkStep };

export function engineDeps(base: ServiceDeps, taskSuffix = ':test-engine'): ServiceDeps {
  return { ...base, workflowEngine: { stepTypes: testStepTypes, taskSuffix } };
}

/** A workflow with one version, written directly (the test step types are unknown to the definitions service). */
export async function makeWorkflow(deps: ServiceDeps, workspaceId: string, definition: WorkflowDefinitionInput, options: { enabled?: boolean; name?: string } = {}) {
  const def = workflowDefinitionSchema.parse(definition);
  const wf = await deps.db.workflow.create({
    data: { workspaceId, name: options.name ?? `wf ${crypto.randomUUID().slice(0, 8)}`, enabled: options.enabled ?? true, latestVersion: 1, versions: { create: { version: 1, definition: def as object } } },
  });
  return wf;
}

export async function makeEngineWorkspace(deps: ServiceDeps, ownerId: string, settings: Record<string, unknown> = {}) {
  const ws = await makeWorkspace(deps.db, { ownerId });
  if (Object.keys(settings).length) await deps.db.workspace.update({ where: { id: ws.id }, data: { settings: settings as object } });
  return ws;
}

export { waitFor };

export async function waitForStatus(deps: ServiceDeps, executionId: string, statuses: string[] = ['succeeded', 'failed', 'cancelled'], timeoutMs = 20_000): Promise<ExecutionView> {
  return waitFor(`execution ${executionId} to be ${statuses.join('|')}`, async () => {
    const v = await getExecution(deps, executionId);
    return statuses.includes(v.status) ? v : null;
  }, timeoutMs);
}

export const stepOf = (view: ExecutionView, stepId: string) => {
  const s = view.steps.find((x) => x.stepId === stepId && x.parentId === null);
  if (!s) throw new Error(`no step ${stepId}`);
  return s;
};
