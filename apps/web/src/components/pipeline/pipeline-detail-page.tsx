'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Play, Waypoints } from 'lucide-react';
import {
  Button,
  PageHeader,
  Skeleton,
  Spinner,
  Switch,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  toast,
} from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { formatRelative } from '~/lib/format';
import { HealthBadge, isRunActive, percent, PipelineRunStatusBadge } from './bits';
import { DeadLetters } from './dead-letters';
import { MetricsPanel } from './metrics-panel';
import { PipelineRunsTable } from './runs-table';
import { StagesEditor } from './stages-editor';

const tabs = ['stages', 'runs', 'metrics', 'dead-letters'] as const;
type Tab = (typeof tabs)[number];

export function PipelineDetailPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const searchParams = useSearchParams();
  const setParams = useSearchParamsPatch();
  const queryClient = useQueryClient();
  const pipeline = useQuery({
    ...trpc.pipeline.get.queryOptions({ id }),
    // Health and the last run move while a run is in progress.
    refetchInterval: (q) => (isRunActive(q.state.data?.lastRun?.status) ? 3000 : false),
  });
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'stages';
  const setTab = (next: string) =>
    setParams({ run: null, stage: null, tab: next === 'stages' ? null : next });

  const execute = useMutation(
    trpc.pipeline.execute.mutationOptions({
      onSuccess: async ({ runId }) => {
        toast.success('Run started');
        await queryClient.invalidateQueries(trpc.pipeline.pathFilter());
        router.push(`/pipelines/runs/${runId}`);
      },
      onError: (error) => toast.fromError(error, 'Could not start the run'),
    }),
  );
  const setEnabled = useMutation(
    trpc.pipeline.update.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(updated.enabled ? 'Pipeline enabled' : 'Pipeline disabled');
        queryClient.setQueryData(trpc.pipeline.get.queryKey({ id }), updated);
        await queryClient.invalidateQueries(trpc.pipeline.list.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not change the pipeline'),
    }),
  );

  const breadcrumb = (
    <Link href="/pipelines" className="hover:underline">
      Pipelines
    </Link>
  );
  if (pipeline.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-24" />
        <Skeleton className="mb-8 h-8 w-72" />
        <Skeleton className="mb-6 h-9 w-full" />
        <div className="grid gap-3">
          <Skeleton className="h-40" />
          <Skeleton className="h-40" />
        </div>
      </div>
    );
  if (pipeline.isError)
    return (
      <PageLoadError
        error={pipeline.error}
        onRetry={() => void pipeline.refetch()}
        title="Pipeline"
        breadcrumb={breadcrumb}
        icon={<Waypoints />}
        notFound="Pipeline not found"
        forbidden="You cannot open this pipeline"
        back={{ href: '/pipelines', label: 'Back to pipelines' }}
      />
    );

  const p = pipeline.data;
  const { sla } = p.definition;
  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex items-center gap-3" data-testid="pipeline-title">
            <span className="truncate">{p.name}</span>
            <HealthBadge status={p.health.status} reasons={p.health.reasons} />
          </span>
        }
        description={
          <span className="flex flex-wrap items-center gap-x-4 gap-y-1">
            <span>
              {p.workspaceName} · {p.dataSourceName ?? 'source removed'} · version {p.version}
            </span>
            <span data-testid="pipeline-sla">
              SLA: a success within {sla.freshnessHours} h, at most {percent(sla.maxErrorRate)}{' '}
              errors
              {p.health.errorRate != null ? ` (last run ${percent(p.health.errorRate)})` : ''}
            </span>
            {p.lastRun ? (
              <span className="flex items-center gap-1.5">
                Last run <PipelineRunStatusBadge status={p.lastRun.status} />{' '}
                <Link href={`/pipelines/runs/${p.lastRun.id}`} className="hover:underline">
                  {formatRelative(p.lastRun.startedAt ?? p.lastRun.createdAt)}
                </Link>
              </span>
            ) : null}
          </span>
        }
        actions={
          <>
            <label className="flex items-center gap-2 text-sm">
              <Switch
                checked={p.enabled}
                disabled={!p.canManage || setEnabled.isPending}
                onCheckedChange={(enabled) => setEnabled.mutate({ id, enabled })}
                aria-label="Enabled"
                data-testid="pipeline-enabled"
              />
              {p.enabled ? 'Enabled' : 'Disabled'}
            </label>
            {p.canExecute ? (
              <Button
                onClick={() => execute.mutate({ id })}
                disabled={execute.isPending || !p.enabled}
                title={p.enabled ? undefined : 'Enable the pipeline to run it'}
                data-testid="run-pipeline"
              >
                {execute.isPending ? <Spinner /> : <Play />}
                Run
              </Button>
            ) : null}
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="stages">
            Stages{' '}
            <span className="text-xs text-muted-foreground tabular-nums">
              {p.definition.stages.length}
            </span>
          </TabsTrigger>
          <TabsTrigger value="runs">Runs</TabsTrigger>
          <TabsTrigger value="metrics">Metrics</TabsTrigger>
          <TabsTrigger value="dead-letters">Dead letters</TabsTrigger>
        </TabsList>
        <TabsContent value="stages">
          <StagesEditor pipeline={p} />
        </TabsContent>
        <TabsContent value="runs">
          <PipelineRunsTable pipelineId={id} />
        </TabsContent>
        <TabsContent value="metrics">
          <MetricsPanel pipelineId={id} live={isRunActive(p.lastRun?.status)} />
        </TabsContent>
        <TabsContent value="dead-letters">
          <DeadLetters
            pipeline={p}
            initialRunId={searchParams.get('run')}
            initialStage={searchParams.get('stage')}
          />
        </TabsContent>
      </Tabs>
    </>
  );
}
