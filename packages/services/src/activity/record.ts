import type { Tx } from '@racine/db';
import { type Actor } from '../actor';
import type { ServiceDeps } from '../deps';
import { AppError } from '../errors';
import { appendActivity } from './append';
import type { ActivityInput } from './types';

/** What a mutation knows before it runs: used for the success row and for a failure row. */
export type MutationSpec = Omit<ActivityInput, 'status' | 'durationMs' | 'before' | 'after'>;

/** What the mutation body returns: its result, plus what it changed. */
export interface MutationOutcome<T> {
  result: T;
  resourceId?: string;
  workspaceId?: string | null;
  before?: unknown;
  after?: unknown;
  details?: Record<string, unknown>;
  /** Further rows to append in the same transaction (e.g. one per member removed). */
  also?: ActivityInput[];
}

/**
 * The one way services change state. The body runs in a transaction; its
 * activity row is appended in that same transaction (outbox pattern), so a
 * change and its audit record commit or roll back together. After commit the
 * bus is told. A domain refusal (AppError) is recorded as a failure row in its
 * own transaction, then rethrown.
 */
export async function mutate<T>(
  deps: ServiceDeps,
  actor: Actor,
  spec: MutationSpec,
  body: (tx: Tx) => Promise<MutationOutcome<T>>,
): Promise<T> {
  const started = performance.now();
  let lastId: bigint;
  let result: T;
  try {
    ({ result, lastId } = await deps.db.$transaction(
      async (tx) => {
        const outcome = await body(tx);
        const occurredAt = deps.clock();
        let id = await appendActivity(
          tx,
          actor,
          {
            ...spec,
            resourceId: outcome.resourceId ?? spec.resourceId,
            workspaceId: outcome.workspaceId !== undefined ? outcome.workspaceId : spec.workspaceId,
            details: { ...spec.details, ...outcome.details },
            before: outcome.before,
            after: outcome.after,
            durationMs: performance.now() - started,
          },
          occurredAt,
        );
        for (const extra of outcome.also ?? []) id = await appendActivity(tx, actor, extra, occurredAt);
        return { result: outcome.result, lastId: id };
      },
      { timeout: 30_000, maxWait: 30_000 },
    ));
  } catch (error) {
    if (error instanceof AppError) await recordFailure(deps, actor, spec, error, performance.now() - started);
    throw error;
  }
  await deps.bus.publish(lastId).catch(() => {
    // Subscribers also poll the log, so a lost notification only delays delivery.
  });
  return result;
}

/**
 * Appends a row on its own: failures, denials, and events that change no
 * other table. One autocommitted statement, so the append lock is held only
 * while the database function runs.
 */
export async function recordActivity(deps: ServiceDeps, actor: Actor, input: ActivityInput): Promise<bigint> {
  const id = await appendActivity(deps.db, actor, input, deps.clock());
  await deps.bus.publish(id).catch(() => {});
  return id;
}

async function recordFailure(deps: ServiceDeps, actor: Actor, spec: MutationSpec, error: AppError, durationMs: number) {
  await recordActivity(deps, actor, {
    ...spec,
    status: 'failure',
    durationMs,
    details: { ...spec.details, error: { code: error.code, message: error.message } },
  }).catch(() => {
    // Never let auditing a failure hide the failure itself.
  });
}
