'use client';
import { Database, FileBox, type LucideIcon } from 'lucide-react';
import { Badge, cn, StatusDot, Tooltip } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';
import { formatDateTime, formatRelative } from '~/lib/format';

export type DataSourceView = RouterOutputs['datasource']['get'];
export type Engine = DataSourceView['engine'];
export type Criticality = DataSourceView['criticality'];
export type Environment = DataSourceView['environment'];

export const engineMeta: Record<
  Engine,
  { label: string; icon: LucideIcon; defaultPort?: number; tone: string }
> = {
  postgres: { label: 'PostgreSQL', icon: Database, defaultPort: 5432, tone: 'text-info' },
  mysql: { label: 'MySQL', icon: Database, defaultPort: 3306, tone: 'text-warning' },
  sqlite: { label: 'SQLite', icon: FileBox, tone: 'text-primary' },
};

export const engineOptions = Object.entries(engineMeta) as [Engine, (typeof engineMeta)[Engine]][];

export function EngineIcon({ engine, className }: { engine: Engine; className?: string }) {
  const meta = engineMeta[engine];
  const Icon = meta.icon;
  return (
    <span
      className={cn(
        'inline-flex size-7 shrink-0 items-center justify-center rounded-md border bg-muted/50',
        meta.tone,
        className,
      )}
      title={meta.label}
      aria-label={meta.label}
      role="img"
    >
      <Icon className="size-4" />
    </span>
  );
}

export function EngineLabel({ engine }: { engine: Engine }) {
  return (
    <span className="inline-flex items-center gap-2">
      <EngineIcon engine={engine} className="size-6" />
      {engineMeta[engine].label}
    </span>
  );
}

const criticalityVariant = {
  low: 'secondary',
  medium: 'info',
  high: 'warning',
  critical: 'destructive',
} as const;

export function CriticalityBadge({ criticality }: { criticality: Criticality }) {
  return (
    <Badge variant={criticalityVariant[criticality]} className="capitalize">
      {criticality}
    </Badge>
  );
}

export const criticalityOptions: Criticality[] = ['low', 'medium', 'high', 'critical'];
export const criticalityLabel: Record<Criticality, string> = {
  low: 'Low',
  medium: 'Medium',
  high: 'High',
  critical: 'Critical',
};
export const environmentOptions: { value: Environment; label: string }[] = [
  { value: 'dev', label: 'Development' },
  { value: 'staging', label: 'Staging' },
  { value: 'prod', label: 'Production' },
];

export function formatLatency(ms: number | null | undefined): string {
  if (ms == null) return '—';
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

/** The last connection test: a dot, the latency, and the error on hover. */
export function TestStatus({
  source,
  compact = false,
}: {
  source: Pick<
    DataSourceView,
    'lastTestOk' | 'lastTestedAt' | 'lastLatencyMs' | 'lastTestError' | 'serverVersion'
  >;
  compact?: boolean;
}) {
  const status =
    source.lastTestOk === null ? 'unknown' : source.lastTestOk ? 'healthy' : ('down' as const);
  const label =
    source.lastTestOk === null ? 'Not tested' : source.lastTestOk ? 'Reachable' : 'Failing';
  const tip =
    source.lastTestOk === null
      ? 'No connection test yet'
      : `${label} · tested ${formatDateTime(source.lastTestedAt)}${
          source.lastTestError ? ` · ${source.lastTestError}` : ''
        }${source.serverVersion ? ` · ${source.serverVersion}` : ''}`;
  return (
    <Tooltip content={tip}>
      <span
        className="inline-flex items-center gap-2 whitespace-nowrap"
        data-testid="test-status"
        data-status={status}
      >
        <StatusDot status={status} />
        <span className={cn('text-sm', source.lastTestOk === false && 'text-destructive')}>
          {source.lastTestOk ? formatLatency(source.lastLatencyMs) : label}
        </span>
        {!compact && source.lastTestedAt ? (
          <span className="text-xs text-muted-foreground">
            {formatRelative(source.lastTestedAt)}
          </span>
        ) : null}
      </span>
    </Tooltip>
  );
}
