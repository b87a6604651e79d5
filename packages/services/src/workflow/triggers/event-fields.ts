/**
 * What an event trigger's condition can read of one activity row. Shared by
 * validation (parse at save time) and the event trigger (evaluate per row).
 */
import type { FieldTable } from '../../rulesets/expression/fields';

export const EVENT_FIELDS: FieldTable = {
  'event.type': { type: 'string', description: 'The activity type, e.g. `scan.run.succeeded`.' },
  'event.resourceType': { type: 'string', description: 'The kind of resource the event is about, e.g. `scanRun`.' },
  'event.resourceId': { type: 'string', description: 'The id of the resource the event is about.' },
  'event.workspaceId': { type: 'string', description: 'The workspace the event happened in; null when none.' },
  'event.dataSourceId': { type: 'string', description: 'The data source the event is about, when it is about one.' },
  'event.status': { type: 'string', description: 'Whether the action succeeded.', values: ['success', 'failure'] },
  'event.actorId': { type: 'string', description: 'The user who acted; null for the system.' },
};

/** The `event.*` values of one activity row, as a condition and the execution's triggerDetails see them. */
export interface EventFacts {
  id: string;
  type: string;
  resourceType: string | null;
  resourceId: string | null;
  workspaceId: string | null;
  dataSourceId: string | null;
  status: string;
  actorId: string | null;
  occurredAt: string;
}

export function eventFacts(row: {
  id: bigint;
  type: string;
  resourceType: string | null;
  resourceId: string | null;
  workspaceId: string | null;
  status: string;
  actorId: string | null;
  occurredAt: Date;
  details: unknown;
}): EventFacts {
  const details = (row.details ?? {}) as Record<string, unknown>;
  // A scan run's rows carry their source in details; a data source's own rows name it as the resource.
  const dataSourceId = typeof details.dataSourceId === 'string' ? details.dataSourceId : row.resourceType === 'datasource' ? row.resourceId : null;
  return {
    id: row.id.toString(),
    type: row.type,
    resourceType: row.resourceType,
    resourceId: row.resourceId,
    workspaceId: row.workspaceId,
    dataSourceId,
    status: row.status,
    actorId: row.actorId,
    occurredAt: row.occurredAt.toISOString(),
  };
}
