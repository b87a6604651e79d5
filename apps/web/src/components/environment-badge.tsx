import { Badge } from '@racine/ui';

const variants = { prod: 'destructive', staging: 'warning', dev: 'info' } as const;

export function EnvironmentBadge({ environment }: { environment: 'dev' | 'staging' | 'prod' }) {
  return <Badge variant={variants[environment]}>{environment}</Badge>;
}
