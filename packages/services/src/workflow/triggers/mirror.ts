/**
 * The trigger columns of a Workflow row mirror its latest version's triggers,
 * so the cron and event schedulers find due workflows with one indexed query
 * instead of reading every definition.
 */
import type { Tx } from '@racine/db';
import { Cron } from 'croner';
import type { WorkflowDefinition } from '../definition';

/** The next time a five-field UTC cron expression fires strictly after `from`. */
export function nextCronRun(cron: string, from: Date): Date | null {
  return new Cron(cron, { paused: true, timezone: 'UTC' }).nextRun(from) ?? null;
}

export interface TriggerColumns {
  cron: string | null;
  nextRunAt: Date | null;
  eventType: string | null;
}

export function triggerColumns(definition: WorkflowDefinition, enabled: boolean, now: Date): TriggerColumns {
  const cron = definition.triggers.cron ?? null;
  return { cron, nextRunAt: enabled && cron ? nextCronRun(cron, now) : null, eventType: definition.triggers.event?.type ?? null };
}

/**
 * The id of the newest activity row. A workflow that starts listening for an
 * event reads only what happens from now on, not the whole history: its
 * cursor starts here. Appends commit in id order (racine_append_activity), so
 * nothing committed later can have a smaller id.
 */
export async function activityHead(tx: Tx): Promise<bigint> {
  const [row] = await tx.$queryRaw<{ head: bigint | null }[]>`SELECT MAX(id) AS head FROM "ActivityEvent"`;
  return row?.head ?? 0n;
}
