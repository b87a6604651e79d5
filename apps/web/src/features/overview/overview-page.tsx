'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Activity, ArrowRight, Boxes, CircleCheck, CircleX } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  PageHeader,
  Skeleton,
  StatusDot,
} from '@racine/ui';
import { trpcErrorCode, useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { EnvironmentBadge } from '~/components/environment-badge';
import { formatRelative } from '~/lib/format';
import { actorLabel, CategoryBadge, resourceLabel } from '~/features/activity/event-bits';
import { AttestationsCard } from '~/features/attestations/attestations-card';
import { AtAGlance } from './at-a-glance';

const checkLabels: Record<string, string> = {
  database: 'Database',
  migrations: 'Migrations',
  bus: 'Event bus',
  activityLog: 'Activity log',
  jobs: 'Job queue',
};
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
const healthLabel = { healthy: 'Healthy', degraded: 'Degraded', down: 'Down' } as const;

export function OverviewPage() {
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const { current, workspaces: allWorkspaces } = useWorkspaces();
  const workspaceNames = new Map(allWorkspaces.map((w) => [w.id, w.name]));
  const health = useQuery(
    trpc.orchestration.health.queryOptions(undefined, { refetchInterval: 30_000 }),
  );
  const workspaces = useQuery(trpc.workspace.list.queryOptions({ limit: 1 }));
  const recent = useQuery(trpc.activity.list.queryOptions({ limit: 8 }));
  const firstName = user.name.split(/\s+/)[0];

  return (
    <>
      <PageHeader
        title={`Welcome back, ${firstName}`}
        description="What is happening across your governance estate."
      />
      <AtAGlance />
      <div className="grid gap-4 md:grid-cols-3">
        <Card data-testid="overview-health">
          <CardHeader>
            <CardDescription>System health</CardDescription>
            {health.isPending ? (
              <Skeleton className="h-7 w-28" />
            ) : trpcErrorCode(health.error) === 'FORBIDDEN' ? (
              <CardTitle className="text-xl text-muted-foreground">Not shown</CardTitle>
            ) : health.isError ? (
              <CardTitle className="flex items-center gap-2 text-xl text-destructive">
                <StatusDot status="down" /> Unavailable
              </CardTitle>
            ) : (
              <CardTitle className="flex items-center gap-2 text-xl">
                <StatusDot status={health.data.status} /> {healthLabel[health.data.status]}
              </CardTitle>
            )}
          </CardHeader>
          <CardContent className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground">
            {health.data
              ? Object.entries(health.data.checks).map(([name, check]) => (
                  <span key={name} className="flex items-center gap-1">
                    {check.ok ? (
                      <CircleCheck className="size-3.5 text-success" />
                    ) : (
                      <CircleX className="size-3.5 text-destructive" />
                    )}
                    {checkLabels[name] ?? name}
                  </span>
                ))
              : trpcErrorCode(health.error) === 'FORBIDDEN'
                ? 'Your role does not include system health.'
                : health.isError
                  ? health.error.message
                : null}
          </CardContent>
        </Card>
        <Card data-testid="overview-workspaces">
          <CardHeader>
            <CardDescription>Workspaces you can see</CardDescription>
            {workspaces.isPending ? (
              <Skeleton className="h-7 w-12" />
            ) : (
              <CardTitle className="text-xl" data-testid="workspace-count">
                {workspaces.data?.total ?? '—'}
              </CardTitle>
            )}
          </CardHeader>
          <CardContent>
            <Button asChild variant="link" className="h-auto p-0">
              <Link href="/workspaces">
                Manage workspaces <ArrowRight />
              </Link>
            </Button>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardDescription>Current workspace</CardDescription>
            <CardTitle className="truncate text-xl">{current?.name ?? 'None selected'}</CardTitle>
          </CardHeader>
          <CardContent className="flex items-center gap-2 text-xs text-muted-foreground">
            {current ? (
              <>
                <EnvironmentBadge environment={current.environment} />
                <span>
                  {plural(current._count.members, 'member')} ·{' '}
                  {plural(current._count.resources, 'resource')}
                </span>
                <Link
                  href={`/workspaces/${current.id}`}
                  className="ml-auto text-primary hover:underline"
                >
                  Open
                </Link>
              </>
            ) : (
              'Pick one in the sidebar.'
            )}
          </CardContent>
        </Card>
      </div>
      <AttestationsCard />

      <Card className="mt-4">
        <CardHeader className="flex-row items-center justify-between">
          <div className="grid gap-1">
            <CardTitle>Recent activity</CardTitle>
            <CardDescription>The latest changes you are allowed to see.</CardDescription>
          </div>
          <Button asChild variant="outline" size="sm">
            <Link href="/activity">
              Open activity log <ArrowRight />
            </Link>
          </Button>
        </CardHeader>
        <CardContent className="p-0">
          {recent.isPending ? (
            <div className="grid gap-3 p-5">
              {Array.from({ length: 5 }, (_, i) => (
                <Skeleton key={i} className="h-5" />
              ))}
            </div>
          ) : recent.isError ? (
            <ErrorState error={recent.error} onRetry={() => void recent.refetch()} />
          ) : recent.data.items.length === 0 ? (
            <EmptyState
              icon={<Activity />}
              title="No activity yet"
              description="Changes appear here as people work."
            />
          ) : (
            <ul className="divide-y border-t" data-testid="recent-activity">
              {recent.data.items.map((event) => (
                <li key={event.id} className="flex items-center gap-3 px-5 py-2.5 text-sm">
                  <CategoryBadge category={event.category} />
                  <code className="font-mono text-xs">{event.type}</code>
                  <span className="hidden truncate text-muted-foreground sm:inline">
                    {resourceLabel(event, workspaceNames)}
                  </span>
                  <span className="ml-auto shrink-0 text-xs text-muted-foreground">
                    {actorLabel(event)} · {formatRelative(event.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
      {!workspaces.isPending && workspaces.data?.total === 0 ? (
        <Card className="mt-4">
          <EmptyState
            icon={<Boxes />}
            title="No workspace yet"
            description="Workspaces group the data sources, scans and people of one team or project."
            action={
              <Button asChild>
                <Link href="/workspaces?create=1">Create a workspace</Link>
              </Button>
            }
          />
        </Card>
      ) : null}
    </>
  );
}
