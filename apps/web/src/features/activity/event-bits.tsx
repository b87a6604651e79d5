import { Badge } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';

export type ActivityEvent = RouterOutputs['activity']['list']['items'][number];

const categoryVariant: Record<
  string,
  'default' | 'secondary' | 'info' | 'warning' | 'destructive' | 'success'
> = {
  configuration: 'info',
  access: 'default',
  security: 'warning',
  execution: 'secondary',
  data: 'success',
  system: 'secondary',
};

export function CategoryBadge({ category }: { category: string }) {
  return <Badge variant={categoryVariant[category] ?? 'secondary'}>{category}</Badge>;
}

/** On rows an external collaborator caused (details.guest, set by the server inside the hashed row). */
export function GuestBadge() {
  return (
    <Badge variant="warning" data-testid="guest-badge" title="Done by an external collaborator">
      Guest
    </Badge>
  );
}

export function StatusBadge({ status }: { status: 'success' | 'failure' }) {
  return status === 'success' ? (
    <Badge variant="success">success</Badge>
  ) : (
    <Badge variant="destructive">failure</Badge>
  );
}

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
  const name = str(after.name) ?? str(before.name) ?? str(details.name);
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
