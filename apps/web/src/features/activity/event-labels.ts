/**
 * Activity events in words (no JSX, so unit tests and other features can use them): who did it,
 * what it was about, and why it failed.
 */
import type { ActivityEvent } from './event-bits';

export function actorLabel(
  event: Pick<ActivityEvent, 'actorName' | 'actorType' | 'actorId'>,
): string {
  if (event.actorName)
    return event.actorType === 'token' ? `${event.actorName} (API token)` : event.actorName;
  if (event.actorType === 'system') return 'System';
  return event.actorId ? `${event.actorId.slice(0, 8)}…` : 'Unknown';
}

const asRecord = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown) => (typeof v === 'string' && v.length > 0 ? v : null);
const shortId = (id: string) => (id.length > 12 ? `${id.slice(0, 8)}…` : id);

/**
 * The name services record beside the id when the resource is a run, an
 * evaluation or a step of something named: "scanRun Demo shop — all
 * detectors", "complianceFramework GDPR".
 */
const subjectNames: Record<string, string[]> = {
  complianceFramework: ['frameworkName'],
  scanRun: ['scanName'],
  scan: ['scanName'],
  workflowExecution: ['workflowName'],
  workflow: ['workflowName'],
  pipelineRun: ['pipelineName'],
  pipeline: ['pipelineName'],
  datasource: ['dataSourceName', 'sourceName'],
  asset: ['assetName'],
  glossaryTerm: ['termName'],
};
function subjectNameIn(details: Record<string, unknown>, resourceType: string): string | null {
  for (const key of subjectNames[resourceType] ?? []) if (str(details[key])) return str(details[key]);
  return null;
}

/**
 * What the event is about, in words: "Finance analytics → datasource pg-warehouse",
 * "user sam@racine.local". Uses the names the event recorded, then the workspace
 * names the page knows, and falls back to a short id.
 */
export function resourceLabel(
  event: Pick<
    ActivityEvent,
    | 'resourceType'
    | 'resourceId'
    | 'details'
    | 'before'
    | 'after'
    | 'workspaceId'
    | 'actorId'
    | 'actorName'
  >,
  workspaceNames?: ReadonlyMap<string, string>,
): string | null {
  if (!event.resourceType) return null;
  const details = asRecord(event.details);
  const after = asRecord(event.after);
  const before = asRecord(event.before);
  const name =
    str(after.name) ??
    str(before.name) ??
    str(details.name) ??
    str(after.title) ??
    str(before.title) ??
    str(details.title) ??
    subjectNameIn(details, event.resourceType);
  let subject: string;
  if (event.resourceType === 'workspace' && event.resourceId) {
    subject =
      workspaceNames?.get(event.resourceId) ?? name ?? `workspace ${shortId(event.resourceId)}`;
  } else if (name) {
    subject = `${event.resourceType} ${name}`;
  } else if (
    event.resourceType === 'user' &&
    event.resourceId &&
    event.resourceId === event.actorId &&
    event.actorName
  ) {
    subject = `user ${event.actorName}`;
  } else if (str(after.email) ?? str(details.email)) {
    subject = `${event.resourceType} ${str(after.email) ?? str(details.email)}`;
  } else {
    subject = event.resourceId
      ? `${event.resourceType} ${shortId(event.resourceId)}`
      : event.resourceType;
  }
  const linked =
    str(details.linkedType) && str(details.linkedId)
      ? `${details.linkedType as string} ${details.linkedId as string}`
      : null;
  const person = event.resourceType === 'workspace' ? str(details.email) : null;
  const target = linked ?? person;
  return target ? `${subject} → ${target}` : subject;
}

/** The error a failed event recorded, if any. */
export function failureMessage(event: Pick<ActivityEvent, 'status' | 'details'>): string | null {
  if (event.status !== 'failure') return null;
  const details = asRecord(event.details);
  return str(asRecord(details.error).message) ?? str(details.reason);
}
