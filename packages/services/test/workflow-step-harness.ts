/**
 * Runs one step type the way the engine does, against real rows: a workflow,
 * a version, a running execution and its step run exist in the database; the
 * context's checkpoint writes the step run's state and its log writes log
 * rows; a `wait` result stores its state as the engine would. Tests call the
 * step's real `run` with it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Prisma } from '@racine/db';
import type { Actor } from '../src/actor';
import { createDataSource } from '../src/datasource/datasources';
import { createDataSourceInput } from '../src/datasource/schemas';
import { generateDemoDatabase } from '../src/demo-source/index';
import type { ServiceDeps } from '../src/deps';
import { syncBuiltInRuleSets } from '../src/scan/rule-sets';
import type { StepContext, StepResult, StepType } from '../src/workflow/step-type';
import { stepType } from '../src/workflow/steps/index';
import { ensureJobSchema, makeWorkspace, person, testDeps } from './harness';

export const sqliteRoot = mkdtempSync(path.join(tmpdir(), 'racine-steps-'));
process.env.RACINE_SQLITE_ROOTS = sqliteRoot;

const short = () => crypto.randomUUID().slice(0, 8);

/** A workspace with an owner, an admin, a member and a viewer, and an outsider (in another workspace). */
export async function stepScene() {
  const deps = await testDeps();
  await ensureJobSchema();
  await syncBuiltInRuleSets(deps);
  const [owner, admin, member, viewer, outsider] = await Promise.all([person(deps), person(deps), person(deps), person(deps), person(deps, ['steward'])]);
  const ws = await makeWorkspace(deps.db, {
    ownerId: owner.user.id,
    members: [
      { userId: admin.user.id, role: 'admin' },
      { userId: member.user.id, role: 'member' },
      { userId: viewer.user.id, role: 'viewer' },
    ],
  });
  const otherWs = await makeWorkspace(deps.db, { ownerId: outsider.user.id });
  return { deps, ws, otherWs, owner, admin, member, viewer, outsider };
}

/** The demo shop as a SQLite source, owned by `workspaceId` (or by no workspace). */
export async function demoSource(deps: ServiceDeps, creator: Actor, workspaceId: string | undefined) {
  const file = path.join(sqliteRoot, `${crypto.randomUUID()}.sqlite`);
  generateDemoDatabase(file, { seed: 5, people: 60 });
  return createDataSource(deps, creator, createDataSourceInput.parse({ name: `Shop ${short()}`, engine: 'sqlite', database: file, ...(workspaceId ? { workspaceId } : {}) }));
}

export interface StepRig<C> {
  workflowId: string;
  executionId: string;
  stepRunId: string;
  idempotencyKey: string;
  /** Runs the step once (attempt 1 unless told), with the state stored so far. */
  run(options?: { attempt?: number; signal?: AbortSignal }): Promise<StepResult>;
  /** The step run's stored state. */
  state(): Promise<unknown>;
  logs(): Promise<{ level: string; message: string }[]>;
  type: StepType<C>;
}

export async function stepRig<C>(deps: ServiceDeps, p: { type: string; config: Record<string, unknown>; workspaceId: string; startedById?: string | null; params?: Record<string, unknown>; outputs?: Record<string, Record<string, unknown>> }): Promise<StepRig<C>> {
  const type = stepType(p.type) as StepType<C> | undefined;
  if (!type) throw new Error(`No step type ${p.type}`);
  const stepId = 'step';
  const workflow = await deps.db.workflow.create({ data: { workspaceId: p.workspaceId, name: `wf ${short()}`, createdById: p.startedById ?? null } });
  const version = await deps.db.workflowVersion.create({ data: { workflowId: workflow.id, version: 1, definition: { steps: [{ id: stepId, type: p.type, config: p.config }] } as Prisma.InputJsonValue } });
  const execution = await deps.db.workflowExecution.create({
    data: { workflowId: workflow.id, versionId: version.id, version: 1, workspaceId: p.workspaceId, status: 'running', trigger: 'manual', params: (p.params ?? {}) as Prisma.InputJsonValue, createdById: p.startedById ?? null, startedAt: new Date() },
  });
  const idempotencyKey = `${execution.id}:${stepId}:-1`;
  const stepRun = await deps.db.workflowStepRun.create({ data: { executionId: execution.id, stepId, type: p.type, status: 'running', attempt: 1, idempotencyKey, input: p.config as Prisma.InputJsonValue } });
  const readState = async () => (await deps.db.workflowStepRun.findUniqueOrThrow({ where: { id: stepRun.id }, select: { state: true } })).state;
  const checkpoint = async (state: unknown) => {
    await deps.db.workflowStepRun.update({ where: { id: stepRun.id }, data: { state: state as Prisma.InputJsonValue } });
  };
  return {
    workflowId: workflow.id,
    executionId: execution.id,
    stepRunId: stepRun.id,
    idempotencyKey,
    type,
    state: readState,
    logs: () => deps.db.workflowStepLog.findMany({ where: { stepRunId: stepRun.id }, orderBy: { id: 'asc' }, select: { level: true, message: true } }),
    async run(options = {}) {
      const ctx: StepContext<C> = {
        deps,
        config: type.config.parse(p.config),
        execution: { id: execution.id, workflowId: workflow.id, workspaceId: p.workspaceId, version: 1, params: p.params ?? {}, startedById: p.startedById ?? null },
        step: { id: stepId, runId: stepRun.id, attempt: options.attempt ?? 1, idempotencyKey, itemIndex: -1 },
        outputs: p.outputs ?? {},
        state: (await readState()) ?? null,
        checkpoint,
        log: async (message, data, level = 'info') => {
          await deps.db.workflowStepLog.create({ data: { executionId: execution.id, stepRunId: stepRun.id, message, level, data: data === undefined ? undefined : (JSON.parse(JSON.stringify(data)) as Prisma.InputJsonValue) } });
        },
        signal: options.signal ?? new AbortController().signal,
      };
      const result = await type.run(ctx);
      if (result.kind === 'wait') await checkpoint(result.state);
      return result;
    },
  };
}
