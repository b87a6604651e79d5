/**
 * What a step type is. Each lives in one file under `steps/` and is listed in
 * `steps/index.ts`: a new step type is one file and one line.
 *
 * A step type never fakes its result: `run` calls the real service. It must be
 * idempotent under its `idempotencyKey` (same key → the effect is applied at
 * most once), because a step whose worker died is run again, and a retried
 * step is run again. Long waits (a scan to finish, a human to decide, a delay)
 * return `{ kind: 'wait' }` instead of holding a worker slot; the engine parks
 * the step and runs it again at `wakeAt` (or when something completes it,
 * e.g. a task decision), with the state it checkpointed.
 */
import type { z } from 'zod';
import type { ServiceDeps } from '../deps';
import type { FieldDefinition } from '../rulesets/expression/fields';
import type { RetryPolicy } from './definition';

export type StepGroup = 'scanning' | 'classification' | 'compliance' | 'catalog' | 'notification' | 'human' | 'control';

export interface StepContext<Config> {
  deps: ServiceDeps;
  /** The step's config, templates resolved, parsed by the type's schema. */
  config: Config;
  execution: {
    id: string;
    workflowId: string;
    workspaceId: string;
    version: number;
    params: Record<string, unknown>;
    /** Who started the execution (null for a cron, event or webhook trigger). */
    startedById: string | null;
  };
  step: {
    /** The step id in the definition. */
    id: string;
    /** The WorkflowStepRun row. */
    runId: string;
    /** 1 on the first attempt. */
    attempt: number;
    /** Stable across attempts and resumes of this step run. */
    idempotencyKey: string;
    /** For a forEach child: its item and index; otherwise undefined / -1. */
    item?: unknown;
    itemIndex: number;
  };
  /** Outputs of every earlier step that succeeded, by step id. */
  outputs: Record<string, Record<string, unknown>>;
  /** What this step checkpointed on an earlier attempt or wake-up; null the first time. */
  state: unknown;
  /** Persists a checkpoint at once (e.g. the id of the scan run it started), before awaiting an effect. */
  checkpoint(state: unknown): Promise<void>;
  log(message: string, data?: unknown, level?: 'info' | 'warn' | 'error'): Promise<void>;
  /** Aborted when the step times out or the execution is cancelled. */
  signal: AbortSignal;
}

export type StepResult =
  | { kind: 'done'; output: Record<string, unknown> }
  /** Park without a worker slot; run again at wakeAt (absent: only an external completion wakes it, e.g. a task decision). */
  | { kind: 'wait'; state: unknown; wakeAt?: Date };

export interface StepType<Config = Record<string, unknown>> {
  type: string;
  title: string;
  description: string;
  group: StepGroup;
  /** Validates config at save time and at run time; the builder renders its form from `z.toJSONSchema(config)`. */
  config: z.ZodType<Config>;
  /** The output fields a later step's condition may read as `steps.<id>.<field>`. */
  output: Readonly<Record<string, FieldDefinition>>;
  /** Defaults for a step of this type that sets none. */
  defaults?: { retry?: Partial<RetryPolicy>; timeoutMs?: number };
  run(ctx: StepContext<Config>): Promise<StepResult>;
}

/** Declares a step type with its config type inferred from the schema. */
export function defineStepType<S extends z.ZodType<Record<string, unknown>>>(type: Omit<StepType<z.output<S>>, 'config'> & { config: S }): StepType<z.output<S>> {
  return type as unknown as StepType<z.output<S>>;
}
