/**
 * In-process wake-ups. Watchers of an execution poll its log cursor; this
 * wakes them at once when the change happened in this process (the embedded
 * default runs the worker in the web process). Across processes the poll
 * interval bounds the delay. Running steps also listen, so a cancel in this
 * process aborts them without waiting for their next status check.
 */
import { EventEmitter } from 'node:events';
import type { Tx } from '@racine/db';
import type { ServiceDeps } from '../../deps';

const emitter = new EventEmitter().setMaxListeners(0);

export function executionChanged(executionId: string): void {
  emitter.emit('change', executionId);
}

export function onExecutionChange(listener: (executionId: string) => void): () => void {
  emitter.on('change', listener);
  return () => emitter.off('change', listener);
}

/** What a transaction did that others should hear of once it commits. */
export class Effects {
  readonly executions = new Set<string>();
  lastActivityId: bigint | null = null;

  touched(executionId: string): void {
    this.executions.add(executionId);
  }

  activity(id: bigint): void {
    if (this.lastActivityId === null || id > this.lastActivityId) this.lastActivityId = id;
  }

  /** After commit: wake watchers, and tell the bus about new activity rows (event triggers, the feed). */
  async flush(deps: ServiceDeps): Promise<void> {
    for (const id of this.executions) executionChanged(id);
    if (this.lastActivityId !== null) await deps.bus.publish(this.lastActivityId).catch(() => {});
  }
}

/** Runs `body` in a transaction of its own, or inside `tx` when given (then the caller's commit is what counts). */
export async function withTx<T>(deps: ServiceDeps, tx: Tx | undefined, body: (tx: Tx, effects: Effects) => Promise<T>): Promise<T> {
  const effects = new Effects();
  const result = tx ? await body(tx, effects) : await deps.db.$transaction((t) => body(t, effects), { timeout: 30_000, maxWait: 30_000 });
  // Inside a caller's transaction the wake may come before its commit; watchers then see the change on their next poll.
  await effects.flush(deps);
  return result;
}

export function zodMessage(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  return error.issues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ` : '') + i.message).join('; ');
}
