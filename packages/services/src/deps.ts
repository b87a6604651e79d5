import type { Db } from '@racine/db';
import type { EventBus } from './events/bus';
import type { StepType } from './workflow/step-type';

/** What services need from the outside world, passed in so tests can build their own. */
export interface ServiceDeps {
  db: Db;
  bus: EventBus;
  clock: () => Date;
  /** AES-256-GCM key for data-source credentials; read from RACINE_SECRET_KEY when absent. */
  secretKey?: Buffer;
  /**
   * Workflow engine overrides, for tests and benches only: the step registry to run and a
   * suffix for the engine's job task names, so workers with another registry never pick
   * up these jobs. Absent in production: the registry of workflow/steps/index.ts.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step type has its own config type
  workflowEngine?: { stepTypes: Readonly<Record<string, StepType<any>>>; taskSuffix: string };
}
