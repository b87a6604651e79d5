'use client';
import { useQuery } from '@tanstack/react-query';
import { CircleCheck, CircleX } from 'lucide-react';
import { Popover, PopoverContent, PopoverTrigger, Skeleton, StatusDot, cn } from '@racine/ui';
import { trpcErrorCode, useTRPC } from '~/trpc/react';
import { formatRelative } from '~/lib/format';

const labels = { healthy: 'All systems healthy', degraded: 'Degraded', down: 'Down' } as const;
const checkNames: Record<string, string> = {
  database: 'Database',
  migrations: 'Migrations',
  bus: 'Event bus',
  activityLog: 'Activity log',
  jobs: 'Job queue',
};

function describe(name: string, check: Record<string, unknown>): string {
  if (typeof check.error === 'string') return check.error;
  const parts: string[] = [];
  if (typeof check.latencyMs === 'number') parts.push(`${check.latencyMs} ms`);
  if (typeof check.kind === 'string') parts.push(check.kind);
  if (name === 'migrations' && typeof check.applied === 'number')
    parts.push(`${check.applied} applied`);
  if (typeof check.headId === 'string') parts.push(`head #${check.headId}`);
  return parts.join(' · ');
}

export function HealthIndicator() {
  const trpc = useTRPC();
  const health = useQuery(
    trpc.orchestration.health.queryOptions(undefined, {
      refetchInterval: 30_000,
      refetchIntervalInBackground: false,
    }),
  );
  // Someone without system.read (a guest holds only a workspace role) is not told the system is down.
  if (trpcErrorCode(health.error) === 'FORBIDDEN') return null;
  const status = health.data?.status ?? (health.isError ? 'down' : 'unknown');
  const label = health.data
    ? labels[health.data.status]
    : health.isError
      ? 'Health unavailable'
      : 'Checking…';
  return (
    <Popover>
      <PopoverTrigger
        data-testid="health-indicator"
        data-status={status}
        aria-label={`System health: ${label}`}
        className="flex h-8 items-center gap-2 rounded-md px-2 text-sm text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer"
      >
        <StatusDot status={status} pulse={status === 'down' || status === 'degraded'} />
        <span className="hidden lg:inline">{label}</span>
      </PopoverTrigger>
      <PopoverContent align="end" className="w-80 p-0">
        <div className="flex items-center gap-2 border-b px-4 py-3">
          <StatusDot status={status} />
          <span className="text-sm font-medium">{label}</span>
          {health.data ? (
            <span className="ml-auto text-xs text-muted-foreground">v{health.data.version}</span>
          ) : null}
        </div>
        <div className="grid gap-2 px-4 py-3">
          {health.isPending ? (
            <>
              <Skeleton className="h-5" />
              <Skeleton className="h-5" />
              <Skeleton className="h-5" />
            </>
          ) : health.isError && !health.data ? (
            <p className="text-sm text-destructive">{health.error.message}</p>
          ) : (
            Object.entries(health.data?.checks ?? {}).map(([name, raw]) => {
              const check = raw as Record<string, unknown> & { ok: boolean };
              return (
                <div
                  key={name}
                  className="flex items-start gap-2 text-sm"
                  data-testid={`health-check-${name}`}
                >
                  {check.ok ? (
                    <CircleCheck className="mt-0.5 size-4 shrink-0 text-success" />
                  ) : (
                    <CircleX className="mt-0.5 size-4 shrink-0 text-destructive" />
                  )}
                  <span className="font-medium">{checkNames[name] ?? name}</span>
                  <span
                    className={cn(
                      'ml-auto truncate text-right text-xs text-muted-foreground',
                      !check.ok && 'text-destructive',
                    )}
                    title={describe(name, check)}
                  >
                    {describe(name, check)}
                  </span>
                </div>
              );
            })
          )}
        </div>
        {health.data ? (
          <div className="border-t px-4 py-2 text-xs text-muted-foreground">
            Up {formatDuration(health.data.uptimeSeconds)} · checked{' '}
            {formatRelative(health.data.checkedAt)} · every 30 s
          </div>
        ) : null}
      </PopoverContent>
    </Popover>
  );
}

function formatDuration(seconds: number): string {
  if (seconds < 60) return `${seconds} s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)} min`;
  if (seconds < 86400)
    return `${Math.floor(seconds / 3600)} h ${Math.floor((seconds % 3600) / 60)} min`;
  return `${Math.floor(seconds / 86400)} d ${Math.floor((seconds % 86400) / 3600)} h`;
}
