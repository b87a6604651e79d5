'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Activity } from 'lucide-react';
import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatDateTime, formatRelative } from '~/lib/format';
import { actorLabel, CategoryBadge } from '~/features/activity/event-bits';
import type { WorkspaceDetail } from './use-workspace';
import { Quota } from './quota';
import { WorkspaceDocumentsCard } from '~/features/documents/workspace-documents-card';

export function OverviewTab({ workspace: ws }: { workspace: WorkspaceDetail }) {
  const trpc = useTRPC();
  const activity = useQuery(trpc.activity.list.queryOptions({ workspaceId: ws.id, limit: 8 }));
  const facts: [string, React.ReactNode][] = [
    [
      'Slug',
      <code key="slug" className="font-mono text-xs">
        {ws.slug}
      </code>,
    ],
    [
      'Kind',
      <span key="kind" className="capitalize">
        {ws.kind}
      </span>,
    ],
    ['Environment', ws.environment],
    ['Owner', `${ws.owner.name} (${ws.owner.email})`],
    ['Template', ws.templateKey ?? '—'],
    ['Created', formatDateTime(ws.createdAt)],
    ['Updated', formatRelative(ws.updatedAt)],
  ];
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card>
        <CardHeader>
          <CardTitle>Details</CardTitle>
        </CardHeader>
        <CardContent>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 text-sm">
            {facts.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="text-muted-foreground">{k}</dt>
                <dd className="min-w-0 truncate">{v}</dd>
              </div>
            ))}
          </dl>
        </CardContent>
      </Card>
      <Card>
        <CardHeader>
          <CardTitle>Quotas</CardTitle>
        </CardHeader>
        <CardContent className="grid gap-4">
          <Quota label="Members" used={ws.members.length} max={ws.maxMembers} />
          <Quota label="Linked resources" used={ws.resources.length} max={ws.maxResources} />
        </CardContent>
      </Card>
      <WorkspaceDocumentsCard workspaceId={ws.id} className="lg:col-span-2" />
      <Card className="lg:row-span-2">
        <CardHeader className="flex-row items-center justify-between">
          <CardTitle>Recent activity</CardTitle>
          <Link
            href={`/activity?workspace=${ws.id}`}
            className="text-xs text-primary hover:underline"
          >
            All
          </Link>
        </CardHeader>
        <CardContent className="p-0">
          {activity.isPending ? (
            <div className="grid gap-2 p-5">
              <Skeleton className="h-4" />
              <Skeleton className="h-4" />
              <Skeleton className="h-4" />
            </div>
          ) : activity.isError ? (
            <ErrorState error={activity.error} onRetry={() => void activity.refetch()} />
          ) : activity.data.items.length === 0 ? (
            <EmptyState icon={<Activity />} title="Nothing happened here yet" />
          ) : (
            <ul className="divide-y border-t">
              {activity.data.items.map((e) => (
                <li key={e.id} className="grid gap-1 px-5 py-2.5 text-sm">
                  <div className="flex items-center gap-2">
                    <CategoryBadge category={e.category} />
                    <code className="truncate font-mono text-xs">{e.type}</code>
                  </div>
                  <span className="text-xs text-muted-foreground">
                    {actorLabel(e)} · {formatRelative(e.occurredAt)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </CardContent>
      </Card>
    </div>
  );
}
