'use client';
import * as React from 'react';
import Link from 'next/link';
import { useSearchParams } from 'next/navigation';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Ban, ClipboardCheck, Pause, Play, Workflow } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  ConfirmDialog,
  PageHeader,
  Progress,
  Skeleton,
  StatusDot,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  toast,
} from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { PageLoadError } from '~/components/page-load-error';
import { DagView } from '~/components/workflow/dag-view';
import {
  executionProgress,
  formatSpan,
  type StepState,
  stepStates,
} from '~/components/workflow/execution-model';
import { Gantt } from '~/components/workflow/gantt';
import { ExecutionStatusBadge } from '~/components/workflow/status-badge';
import { StepLogs } from '~/components/workflow/step-logs';
import { isExecutionActive } from '~/components/workflow/status-style';
import { useNow } from '~/features/scans/use-scans';
import { formatDateTime } from '~/lib/format';
import { useCurrentUser } from '~/components/shell/current-user';
import { useTRPC } from '~/trpc/react';
import { type ExecutionView, startedBy, triggerLabel } from './bits';
import { ApprovalPanel, useOpenTaskFor } from './approval-panel';
import { StepDetail } from './step-detail';
import { useExecutionLive } from './use-execution-live';

type Tab = 'graph' | 'timeline' | 'logs';
const tabs: Tab[] = ['graph', 'timeline', 'logs'];
type Action = 'cancel' | 'pause' | 'resume';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid min-w-0 gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="truncate text-sm tabular-nums">{children}</dd>
    </div>
  );
}

function ParamsList({ params }: { params: Record<string, unknown> }) {
  const entries = Object.entries(params ?? {});
  if (!entries.length) return <span className="text-muted-foreground">none</span>;
  return (
    <span className="flex flex-wrap gap-1">
      {entries.map(([k, v]) => (
        <code
          key={k}
          className="max-w-64 truncate rounded bg-muted px-1.5 py-0.5 font-mono text-xs"
          title={`${k} = ${JSON.stringify(v)}`}
        >
          {k}={typeof v === 'string' ? v : JSON.stringify(v)}
        </code>
      ))}
    </span>
  );
}

function ExecutionActions({
  execution,
  canExecute,
  onChanged,
}: {
  execution: ExecutionView;
  canExecute: boolean;
  onChanged: (view: ExecutionView) => void;
}) {
  const trpc = useTRPC();
  const [confirmCancel, setConfirmCancel] = React.useState(false);
  const done = (verb: string) => (view: ExecutionView) => {
    onChanged(view);
    toast.success(`${verb} “${execution.workflowName}”`);
    setConfirmCancel(false);
  };
  const failed = (what: string) => (error: unknown) => toast.fromError(error, `Could not ${what}`);
  const cancel = useMutation(
    trpc.workflow.cancel.mutationOptions({
      onSuccess: (v) => done('Cancelled')(v as ExecutionView),
      onError: failed('cancel'),
    }),
  );
  const pause = useMutation(
    trpc.workflow.pause.mutationOptions({
      onSuccess: (v) => done('Paused')(v as ExecutionView),
      onError: failed('pause'),
    }),
  );
  const resume = useMutation(
    trpc.workflow.resume.mutationOptions({
      onSuccess: (v) => done('Resumed')(v as ExecutionView),
      onError: failed('resume'),
    }),
  );
  const input = { executionId: execution.id };
  const allowed: Record<Action, boolean> = {
    cancel: isExecutionActive(execution.status),
    pause: execution.status === 'running' || execution.status === 'queued',
    resume: execution.status === 'paused',
  };
  const reason = canExecute ? undefined : 'You may not run or stop this workflow';
  return (
    <div className="flex flex-wrap gap-2">
      {allowed.pause ? (
        <Button
          variant="outline"
          onClick={() => pause.mutate(input)}
          disabled={!canExecute || pause.isPending}
          title={reason}
          data-testid="pause-execution"
        >
          <Pause />
          Pause
        </Button>
      ) : null}
      {allowed.resume ? (
        <Button
          onClick={() => resume.mutate(input)}
          disabled={!canExecute || resume.isPending}
          title={reason}
          data-testid="resume-execution"
        >
          <Play />
          Resume
        </Button>
      ) : null}
      {allowed.cancel ? (
        <Button
          variant="outline"
          className="text-destructive"
          onClick={() => setConfirmCancel(true)}
          disabled={!canExecute || cancel.isPending}
          title={reason}
          data-testid="cancel-execution"
        >
          <Ban />
          Cancel
        </Button>
      ) : null}
      <ConfirmDialog
        open={confirmCancel}
        onOpenChange={setConfirmCancel}
        title="Cancel this execution?"
        description="Steps that have not finished are cancelled; what finished stays done. A cancelled execution cannot be resumed."
        confirmLabel="Cancel execution"
        cancelLabel="Keep running"
        destructive
        pending={cancel.isPending}
        onConfirm={() => cancel.mutate(input)}
      />
    </div>
  );
}

/** The live view of one workflow execution: header, graph, timeline, step details and logs. */
export function ExecutionPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const live = useExecutionLive(id);
  const { user: me } = useCurrentUser();
  const data = live.execution.data as ExecutionView | undefined;
  const active = isExecutionActive(data?.status);
  const now = useNow(active);
  const workflow = useQuery({
    ...trpc.workflow.get.queryOptions({ id: data?.workflowId ?? '' }),
    enabled: !!data?.workflowId,
    staleTime: 60_000,
    retry: false,
  });

  const tabParam = searchParams.get('tab');
  const tab: Tab = tabs.find((t) => t === tabParam) ?? 'graph';
  const selectedStepId = searchParams.get('step');
  const setParams = useSearchParamsPatch();

  const states = React.useMemo<StepState[]>(
    () => (data ? stepStates(data.definition, data.steps) : []),
    [data],
  );
  const selected = states.find((s) => s.step.id === selectedStepId) ?? null;
  const stepName = React.useCallback(
    (stepId: string) => {
      const s = states.find((x) => x.step.id === stepId);
      return s?.step.name || stepId;
    },
    [states],
  );
  const waitingApprovals = states.filter(
    (s) => s.step.type === 'approval' && s.run?.status === 'waiting',
  );
  const openTaskFor = useOpenTaskFor(waitingApprovals.length > 0, data?.id);

  const breadcrumb = (
    <span className="flex gap-1">
      <Link href="/workflows" className="hover:underline">
        Workflows
      </Link>
      /
      <Link href="/workflows/executions" className="hover:underline">
        Executions
      </Link>
    </span>
  );

  if (live.execution.isPending)
    return (
      <div className="grid gap-4" aria-busy="true">
        <Skeleton className="h-8 w-72" />
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-[420px] w-full" />
      </div>
    );
  if (live.execution.isError || !data)
    return (
      <PageLoadError
        error={live.execution.error}
        onRetry={() => void live.execution.refetch()}
        title="Execution"
        breadcrumb={breadcrumb}
        icon={<Workflow />}
        notFound="Execution not found"
        forbidden="You cannot open this execution"
        back={{ href: '/workflows/executions', label: 'All executions' }}
      />
    );

  const progress = executionProgress(data.definition, data.steps);
  const canExecute = workflow.data?.canExecute ?? false;
  const select = (stepId: string) => setParams({ step: stepId === selectedStepId ? null : stepId });

  const detail = selected ? (
    <StepDetail
      state={selected}
      logs={live.logs}
      live={live.live}
      now={now}
      onClose={() => setParams({ step: null })}
    >
      {selected.step.type === 'approval' && selected.run?.status === 'waiting' ? (
        <ApprovalPanel
          stepName={selected.step.name || selected.step.id}
          task={openTaskFor(selected.run.id)}
          loading={openTaskFor.loading}
        />
      ) : null}
    </StepDetail>
  ) : (
    <p className="text-sm text-muted-foreground">
      Select a step to see its input, output, error and logs.
    </p>
  );

  return (
    <div data-testid="execution-page" data-status={data.status} data-execution-id={data.id}>
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex min-w-0 items-center gap-3">
            <span className="truncate">{data.workflowName}</span>
            <ExecutionStatusBadge status={data.status} className="text-sm" />
          </span>
        }
        description={
          <span>
            <Link href={`/workflows/${data.workflowId}`} className="hover:underline">
              Version {data.version}
            </Link>
            {workflow.data && workflow.data.latestVersion !== data.version
              ? ` (latest is ${workflow.data.latestVersion})`
              : ''}{' '}
            · <span className="font-mono text-xs">{data.id.slice(0, 8)}</span>
          </span>
        }
        actions={
          <ExecutionActions
            execution={data}
            canExecute={canExecute}
            onChanged={(v) => live.setExecution(v)}
          />
        }
      />
      <div className="grid gap-4">
        <Card>
          <CardContent className="grid gap-4 pt-4">
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
              <Fact label="Trigger">
                {triggerLabel[data.trigger] ?? data.trigger}{' '}
                <span className="text-xs text-muted-foreground">{startedBy(data, me.id)}</span>
              </Fact>
              <Fact label="Created">{formatDateTime(data.createdAt)}</Fact>
              <Fact label="Started">{formatDateTime(data.startedAt)}</Fact>
              <Fact label="Finished">{formatDateTime(data.finishedAt)}</Fact>
              <Fact label="Duration">
                <span data-testid="execution-duration">
                  {formatSpan(data.startedAt, data.finishedAt, now)}
                </span>
              </Fact>
              <Fact label="Parameters">
                <ParamsList params={data.params} />
              </Fact>
            </dl>
            <div className="grid gap-1.5">
              <div className="flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
                <span
                  data-testid="execution-progress"
                  data-done={progress.done}
                  data-total={progress.total}
                >
                  <span className="font-medium text-foreground">{progress.done}</span> of{' '}
                  {progress.total} steps finished
                </span>
                <span className="ml-auto flex items-center gap-3">
                  {live.live ? (
                    <span className="inline-flex items-center gap-1.5" title="Updates arrive live">
                      <StatusDot status="healthy" pulse />
                      live
                    </span>
                  ) : active ? (
                    <span
                      className="inline-flex items-center gap-1.5"
                      title="The live stream is not connected; refreshing every few seconds"
                    >
                      <StatusDot status="degraded" />
                      polling
                    </span>
                  ) : null}
                  {progress.percent}%
                </span>
              </div>
              <Progress
                value={progress.done}
                max={Math.max(progress.total, 1)}
                aria-label={`Execution progress: ${progress.percent}%`}
                className={
                  data.status === 'failed'
                    ? 'h-2 [&>div]:bg-destructive'
                    : data.status === 'succeeded'
                      ? 'h-2 [&>div]:bg-success'
                      : data.status === 'cancelled'
                        ? 'h-2 [&>div]:bg-muted-foreground/60'
                        : 'h-2'
                }
              />
            </div>
            {data.error ? (
              <p
                className="rounded-md border border-destructive/40 bg-destructive/10 p-2.5 text-sm text-destructive"
                data-testid="execution-error"
              >
                {data.error}
              </p>
            ) : null}
          </CardContent>
        </Card>

        {waitingApprovals.map((s) => (
          <Card key={s.step.id} className="border-warning/60 bg-warning/5">
            <CardContent className="flex flex-wrap items-center gap-3 pt-4">
              <ClipboardCheck className="size-5 text-amber-600 dark:text-amber-400" />
              <div className="min-w-0 flex-1">
                <button
                  type="button"
                  className="font-medium hover:underline cursor-pointer"
                  onClick={() => setParams({ step: s.step.id })}
                >
                  {s.step.name || s.step.id}
                </button>{' '}
                <span className="text-sm text-muted-foreground">is waiting for a decision</span>
              </div>
              <ApprovalPanel
                stepName={s.step.name || s.step.id}
                task={openTaskFor(s.run!.id)}
                loading={openTaskFor.loading}
                compact
              />
            </CardContent>
          </Card>
        ))}

        <Tabs value={tab} onValueChange={(v) => setParams({ tab: v === 'graph' ? null : v })}>
          <TabsList>
            <TabsTrigger value="graph" data-testid="tab-graph">
              Graph
            </TabsTrigger>
            <TabsTrigger value="timeline" data-testid="tab-timeline">
              Timeline
            </TabsTrigger>
            <TabsTrigger value="logs" data-testid="tab-logs">
              Logs ({live.logs.length})
            </TabsTrigger>
          </TabsList>
          <TabsContent value="graph" className="grid gap-4">
            <Card className="overflow-hidden p-0">
              <DagView
                states={states}
                logs={live.logs}
                selectedStepId={selectedStepId}
                onSelect={select}
                now={now}
              />
            </Card>
            {detail}
          </TabsContent>
          <TabsContent value="timeline" className="grid gap-4">
            <Card>
              <CardContent className="pt-4">
                <Gantt
                  states={states}
                  logs={live.logs}
                  executionStartedAt={data.startedAt ?? data.createdAt}
                  live={active}
                  now={now}
                  selectedStepId={selectedStepId}
                  onSelect={select}
                />
              </CardContent>
            </Card>
            {detail}
          </TabsContent>
          <TabsContent value="logs">
            <Card>
              <CardContent className="pt-4">
                <StepLogs
                  logs={live.logs}
                  loading={live.logsLoading}
                  live={live.live}
                  stepLabel={stepName}
                />
              </CardContent>
            </Card>
          </TabsContent>
        </Tabs>
      </div>
    </div>
  );
}
