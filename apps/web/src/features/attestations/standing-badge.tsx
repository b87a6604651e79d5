import { Badge } from '@racine/ui';

export type Standing = 'done' | 'due' | 'overdue';

const look = {
  done: { variant: 'success', label: 'attested' },
  due: { variant: 'warning', label: 'due' },
  overdue: { variant: 'destructive', label: 'overdue' },
} as const;

export function StandingBadge({ standing }: { standing: Standing }) {
  return (
    <Badge variant={look[standing].variant} data-testid="standing" data-standing={standing}>
      {look[standing].label}
    </Badge>
  );
}
