'use client';
import * as React from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { Boxes } from 'lucide-react';
import { PageHeader, Skeleton, Tabs, TabsContent, TabsList, TabsTrigger } from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { PageLoadError } from '~/components/page-load-error';
import { EnvironmentBadge } from '~/components/environment-badge';
import { useWorkspace } from './use-workspace';
import { OverviewTab } from './overview-tab';
import { MembersTab } from './members-tab';
import { ResourcesTab } from './resources-tab';
import { SettingsTab } from './settings-tab';

const tabs = ['overview', 'members', 'resources', 'settings'] as const;
type Tab = (typeof tabs)[number];

export function WorkspaceDetailPage({ id }: { id: string }) {
  const searchParams = useSearchParams();
  const setParams = useSearchParamsPatch();
  const workspace = useWorkspace(id);
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'overview';
  const setTab = (next: string) => setParams({ tab: next === 'overview' ? null : next });

  const breadcrumb = (
    <Link href="/workspaces" className="hover:underline">
      Workspaces
    </Link>
  );

  if (workspace.isPending) {
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-8 h-8 w-72" />
        <Skeleton className="mb-6 h-9 w-full" />
        <div className="grid gap-4 md:grid-cols-3">
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
          <Skeleton className="h-32" />
        </div>
      </div>
    );
  }
  if (workspace.isError)
    return (
      <PageLoadError
        error={workspace.error}
        onRetry={() => void workspace.refetch()}
        title="Workspace"
        breadcrumb={breadcrumb}
        icon={<Boxes />}
        notFound="Workspace not found"
        forbidden="You cannot open this workspace"
        back={{ href: '/workspaces', label: 'Back to workspaces' }}
      />
    );

  const ws = workspace.data;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex items-center gap-3">
            {ws.name}
            <EnvironmentBadge environment={ws.environment} />
          </span>
        }
        description={ws.description || <span className="italic">No description</span>}
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="members">
            Members{' '}
            <span className="text-xs text-muted-foreground tabular-nums">{ws.members.length}</span>
          </TabsTrigger>
          <TabsTrigger value="resources">
            Linked resources{' '}
            <span className="text-xs text-muted-foreground tabular-nums">
              {ws.resources.length}
            </span>
          </TabsTrigger>
          <TabsTrigger value="settings">Settings</TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <OverviewTab workspace={ws} />
        </TabsContent>
        <TabsContent value="members">
          <MembersTab workspace={ws} />
        </TabsContent>
        <TabsContent value="resources">
          <ResourcesTab workspace={ws} />
        </TabsContent>
        <TabsContent value="settings">
          <SettingsTab workspace={ws} />
        </TabsContent>
      </Tabs>
    </>
  );
}
