import { Badge } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';

export type ActivityEvent = RouterOutputs['activity']['list']['items'][number];

const categoryVariant: Record<string, 'default' | 'secondary' | 'info' | 'warning' | 'destructive' | 'success'> = {
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

export function StatusBadge({ status }: { status: 'success' | 'failure' }) {
  return status === 'success' ? <Badge variant="success">success</Badge> : <Badge variant="destructive">failure</Badge>;
}

export function actorLabel(event: Pick<ActivityEvent, 'actorName' | 'actorType' | 'actorId'>): string {
  if (event.actorName) return event.actorType === 'token' ? `${event.actorName} (API token)` : event.actorName;
  if (event.actorType === 'system') return 'System';
  return event.actorId ? `${event.actorId.slice(0, 8)}…` : 'Unknown';
}

/** "workspace · Finance analytics" or "user 1b2c…". */
export function resourceLabel(event: Pick<ActivityEvent, 'resourceType' | 'resourceId' | 'details'>): string | null {
  if (!event.resourceType) return null;
  const details = (event.details ?? {}) as Record<string, unknown>;
  const name = typeof details.name === 'string' ? details.name : null;
  if (name) return `${event.resourceType} · ${name}`;
  if (!event.resourceId) return event.resourceType;
  const id = event.resourceId.length > 12 ? `${event.resourceId.slice(0, 8)}…` : event.resourceId;
  return `${event.resourceType} ${id}`;
}
