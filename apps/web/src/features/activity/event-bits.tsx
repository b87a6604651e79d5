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

export { actorLabel, failureMessage, resourceLabel } from './event-labels';
