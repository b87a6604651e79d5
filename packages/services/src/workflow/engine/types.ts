/**
 * What the engine returns: an execution with its step runs, and its logs.
 * Plain data, safe to send to a browser.
 */
import type { ExecutionStatus, StepRunStatus, TriggerKind } from '@racine/db';
import type { WorkflowDefinition } from '../definition';

export type { ExecutionStatus, StepRunStatus, TriggerKind };

export interface StepRunView {
  /** The WorkflowStepRun id. */
  id: string;
  /** The step's id in the definition (a forEach child carries its parent's). */
  stepId: string;
  name: string;
  type: string;
  /** -1 for a step of the definition; 0..n-1 for a forEach child. */
  itemIndex: number;
  parentId: string | null;
  status: StepRunStatus;
  attempt: number;
  maxAttempts: number;
  input: unknown;
  output: unknown;
  error: string | null;
  readyAt: Date | null;
  startedAt: Date | null;
  finishedAt: Date | null;
  nextAttemptAt: Date | null;
  dependsOn: string[];
}

export interface ExecutionView {
  id: string;
  workflowId: string;
  workflowName: string;
  workspaceId: string;
  version: number;
  status: ExecutionStatus;
  trigger: TriggerKind;
  params: Record<string, unknown>;
  triggerDetails: Record<string, unknown>;
  createdById: string | null;
  /** The starter's name (null for cron, event and webhook runs). */
  createdByName: string | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
  error: string | null;
  definition: WorkflowDefinition;
  steps: StepRunView[];
}

export interface LogItem {
  /** The log row id as a decimal string (a cursor). */
  id: string;
  stepRunId: string | null;
  stepId: string | null;
  at: Date;
  level: string;
  message: string;
  data: unknown;
}

export interface ExecutionChange {
  execution: ExecutionView;
  /** Log rows new since the previous yield. */
  logs: LogItem[];
  /** The last log id seen: resume from here after a reconnect. */
  cursor: string;
}

export const TERMINAL_EXECUTION: ReadonlySet<ExecutionStatus> = new Set(['succeeded', 'failed', 'cancelled']);
export const TERMINAL_STEP: ReadonlySet<StepRunStatus> = new Set(['succeeded', 'failed', 'skipped', 'cancelled']);
/** A step run with a job queued or running for it, or parked on a wake-up: it holds part of a forEach's concurrency. */
export const IN_FLIGHT_STEP: ReadonlySet<StepRunStatus> = new Set(['ready', 'running', 'waiting', 'retrying']);
