/**
 * The event trigger: a workflow listening for an activity type starts once
 * per matching row of the activity log, in log order, none missed and none
 * twice.
 *
 * - None missed: each workflow keeps a cursor (the last activity id it read);
 *   a tick reads the rows after it. Appends commit in id order
 *   (racine_append_activity), so no row can later appear behind the cursor.
 * - None twice: each start carries triggerKey `event:<workflowId>:<activityId>`
 *   (unique in the database). The cursor moves only after the rows before it
 *   were handled, by compare-and-set; a tick that dies in between, or two
 *   ticks at once, start each row's execution once.
 *
 * A matching row's facts go to the execution (`triggerDetails.event`), and
 * fill the parameters they can: a `dataSource` parameter takes the event's
 * data source, a `workspace` parameter its workspace.
 */
import type { Prisma } from '@racine/db';
import { systemActor } from '../../actor';
import type { ServiceDeps } from '../../deps';
import { AppError } from '../../errors';
import { parseRuleExpression } from '../../rulesets/expression/parser';
import { evaluateExpression } from '../../rulesets/expression/walk';
import type { ParameterDefinition } from '../definition';
import { startExecution } from '../engine/start';
import { storedDefinition } from '../workflows';
import { EVENT_FIELDS, type EventFacts, eventFacts } from './event-fields';

export const eventTriggerKey = (workflowId: string, activityId: string | bigint) => `event:${workflowId}:${activityId.toString()}`;
/** Rows read per workflow per tick; a longer backlog is read over the next ticks. */
export const EVENT_BATCH = 200;

export interface EventTickResult {
  started: { workflowId: string; executionId: string; activityId: string }[];
  /** Matching rows whose start was refused (a required parameter the event cannot fill, …): consumed, and audited by the start. */
  refused: { workflowId: string; activityId: string; message: string }[];
  /** Rows read that the condition rejected. */
  filtered: number;
}

/** Parameters an event can fill: its data source, its workspace. */
export function paramsFromEvent(parameters: readonly ParameterDefinition[], facts: EventFacts): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const p of parameters) {
    if (p.type === 'dataSource' && facts.dataSourceId) params[p.name] = facts.dataSourceId;
    if (p.type === 'workspace' && facts.workspaceId) params[p.name] = facts.workspaceId;
  }
  return params;
}

export function eventMatches(condition: string | undefined, facts: EventFacts): boolean {
  if (!condition) return true;
  const parsed = parseRuleExpression(condition, EVENT_FIELDS);
  // Validated when saved; a condition that no longer parses matches nothing rather than everything.
  if (!parsed.ok) return false;
  return evaluateExpression(parsed.ast, (name) => (facts as unknown as Record<string, string | null>)[name.slice('event.'.length)] ?? null);
}

/** `workflowIds`: only these (a test's own; the job tick reads for every listening workflow). */
export async function runEventTriggers(deps: ServiceDeps, options: { workflowIds?: string[]; batch?: number } = {}): Promise<EventTickResult> {
  const batch = options.batch ?? EVENT_BATCH;
  const listening = await deps.db.workflow.findMany({
    where: { enabled: true, deletedAt: null, eventType: { not: null }, ...(options.workflowIds ? { id: { in: options.workflowIds } } : {}) },
    select: { id: true, workspaceId: true, eventType: true, eventCursor: true, versions: { orderBy: { version: 'desc' }, take: 1, select: { definition: true } } },
  });
  const result: EventTickResult = { started: [], refused: [], filtered: 0 };
  for (const workflow of listening) await readEventsFor(deps, workflow, batch, result);
  return result;
}

async function readEventsFor(
  deps: ServiceDeps,
  workflow: { id: string; workspaceId: string; eventType: string | null; eventCursor: bigint; versions: { definition: unknown }[] },
  batch: number,
  result: EventTickResult,
) {
  const definition = storedDefinition(workflow.versions[0]!.definition);
  const trigger = definition.triggers.event;
  if (!trigger) return;
  const where: Prisma.ActivityEventWhereInput = {
    id: { gt: workflow.eventCursor },
    type: workflow.eventType!,
    ...(trigger.sameWorkspace ? { workspaceId: workflow.workspaceId } : {}),
  };
  const rows = await deps.db.activityEvent.findMany({
    where,
    orderBy: { id: 'asc' },
    take: batch,
    select: { id: true, type: true, resourceType: true, resourceId: true, workspaceId: true, status: true, actorId: true, occurredAt: true, details: true },
  });
  let handled = workflow.eventCursor;
  try {
    for (const row of rows) {
      const facts = eventFacts(row);
      if (!eventMatches(trigger.condition, facts)) result.filtered++;
      else {
        try {
          const execution = await startExecution(deps, systemActor, {
            workflowId: workflow.id,
            trigger: 'event',
            triggerKey: eventTriggerKey(workflow.id, row.id),
            triggerDetails: { event: facts },
            params: paramsFromEvent(definition.parameters, facts),
          });
          result.started.push({ workflowId: workflow.id, executionId: execution.id, activityId: facts.id });
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          result.refused.push({ workflowId: workflow.id, activityId: facts.id, message: error.message });
        }
      }
      handled = row.id;
    }
  } finally {
    // Move the cursor over what was handled, even when a later row failed; another tick picks up from there.
    if (handled !== workflow.eventCursor)
      await deps.db.workflow.updateMany({ where: { id: workflow.id, eventCursor: { lt: handled } }, data: { eventCursor: handled } });
  }
}
