'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { CheckCircle2, ExternalLink, LayoutGrid, Play, Save, ShieldCheck, Workflow as WorkflowIcon, X } from 'lucide-react';
import { Badge, Button, PageHeader, Skeleton, Tabs, TabsContent, TabsList, TabsTrigger, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { CommentThread, PresenceAvatars } from '~/features/collab';
import { AnalysisTab } from './builder-analysis';
import { addStep, autoLayout, connect, NODE_HEIGHT, removeSteps, renameStep, STEP_GAP, withPositions } from './builder-graph';
import { useUnsavedChangesGuard } from './builder-guard';
import { placeIssues } from './builder-issues';
import { useLiveExecution } from './builder-live';
import { Palette } from './builder-palette';
import { RunDialog } from './builder-run-dialog';
import { StepPanel } from './builder-step-panel';
import {
  type DraftDefinition,
  fromDraft,
  sameDefinition,
  type StepTypeInfo,
  toDraft,
  type ValidationIssue,
} from './builder-types';
import { VersionsTab } from './builder-versions';
import { type WorkflowMeta, WorkflowPanel } from './builder-workflow-panel';
import { CanvasEditor } from './canvas-editor';
import { ExecutionStatusBadge } from './status-badge';

interface Saved {
  draft: DraftDefinition;
  meta: WorkflowMeta;
  version: number;
}

const sameMeta = (a: WorkflowMeta, b: WorkflowMeta) =>
  a.name.trim() === b.name.trim() && a.description.trim() === b.description.trim() && a.enabled === b.enabled;

/**
 * The workflow builder: palette, canvas and side panel (the selected step's
 * form, or the workflow's parameters and triggers), with Validate, Save (a
 * new immutable version) and Run (the canvas then colours live), plus the
 * Versions and Analysis tabs.
 */
/** What the editor needs of a workflow (WorkflowDetail); a new, unsaved one has an empty id. */
export interface EditableWorkflow {
  id: string;
  workspaceId: string;
  workspaceName: string;
  name: string;
  description: string;
  enabled: boolean;
  latestVersion: number;
  definition: unknown;
  webhookPath: string | null;
  canManage: boolean;
  canExecute: boolean;
}

export function BuilderPage({ id }: { id: string }) {
  const trpc = useTRPC();
  const workflow = useQuery(trpc.workflow.get.queryOptions({ id }));
  if (workflow.isError)
    return (
      <PageLoadError
        error={workflow.error}
        onRetry={() => void workflow.refetch()}
        title="Workflow"
        icon={<WorkflowIcon />}
        notFound="Workflow not found"
        forbidden="You cannot open this workflow"
        back={{ href: '/workflows', label: 'Back to workflows' }}
      />
    );
  if (!workflow.data) return <BuilderSkeleton />;
  return <BuilderEditor data={workflow.data} />;
}

function BuilderSkeleton() {
  return (
    <>
      <PageHeader title={<Skeleton className="h-8 w-64" />} />
      <Skeleton className="h-[36rem] w-full" />
    </>
  );
}

/**
 * The editor itself, for a saved workflow or (with an empty id) a new one
 * that the first Save creates.
 */
export function BuilderEditor({ data }: { data: EditableWorkflow }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const isNew = data.id === '';
  const id = data.id;
  const types = useQuery({ ...trpc.workflow.stepTypes.queryOptions({}), staleTime: 10 * 60_000 });
  const stepTypes = React.useMemo(
    () => new Map<string, StepTypeInfo>((types.data ?? []).map((t) => [t.type, t as StepTypeInfo])),
    [types.data],
  );

  const [saved, setSaved] = React.useState<Saved | null>(null);
  const [draft, setDraft] = React.useState<DraftDefinition | null>(null);
  const [meta, setMeta] = React.useState<WorkflowMeta | null>(null);
  const [selectedId, setSelectedId] = React.useState<string | null>(null);
  const [issues, setIssues] = React.useState<ValidationIssue[] | null>(null);
  const [validating, setValidating] = React.useState(false);
  const [fitKey, setFitKey] = React.useState('initial');
  const [tab, setTab] = React.useState('builder');
  const [viewVersion, setViewVersion] = React.useState<number | null>(null);
  const [running, setRunning] = React.useState(false);
  const [executionId, setExecutionId] = React.useState<string | null>(null);
  const live = useLiveExecution(executionId);

  const dirty =
    !!(saved && draft && meta) && (isNew || !sameDefinition(draft, saved.draft) || !sameMeta(meta, saved.meta));
  useUnsavedChangesGuard(dirty && (!isNew || (draft?.steps.length ?? 0) > 0));

  // Load the workflow, and again whenever the server has a newer version and nothing is being edited.
  React.useEffect(() => {
    if (saved && (saved.version === data.latestVersion || dirty)) return;
    const d = toDraft(data.definition);
    const next = { draft: { ...d, steps: withPositions(d.steps) }, meta: { name: data.name, description: data.description, enabled: data.enabled }, version: data.latestVersion };
    setSaved(next);
    setDraft(next.draft);
    setMeta(next.meta);
    setFitKey(`v${data.latestVersion}`);
    // Reload on a new server version only.
  }, [data.latestVersion, data.id]);

  const update = useMutation(trpc.workflow.update.mutationOptions());
  const create = useMutation(trpc.workflow.create.mutationOptions());
  const check = useMutation(trpc.workflow.validate.mutationOptions());
  const placed = React.useMemo(() => placeIssues(issues ?? [], draft?.steps ?? []), [issues, draft?.steps]);
  const issuesByStep = React.useMemo(() => new Map([...placed.byStep].map(([k, v]) => [k, v.all])), [placed]);

  if (!draft || !meta || !saved) return <BuilderSkeleton />;

  const readOnly = !data.canManage;
  const setSteps = (steps: DraftDefinition['steps']) => setDraft((d) => (d ? { ...d, steps } : d));
  const selected = draft.steps.find((s) => s.id === selectedId) ?? null;

  const addType = (type: string, position?: { x: number; y: number }) => {
    if (readOnly) return;
    const after = position ? null : selected;
    const at = position ?? (after?.position ? { x: after.position.x, y: after.position.y + NODE_HEIGHT + STEP_GAP } : undefined);
    const added = addStep(draft.steps, type, at);
    let steps = added.steps;
    // Added from the palette with a step selected (keyboard or click): it runs after that step.
    if (after) {
      const linked = connect(steps, after.id, added.id);
      if (linked.ok) steps = linked.steps;
    }
    setSteps(steps);
    setSelectedId(added.id);
    toast.success(`Added ${stepTypes.get(type)?.title ?? type}${after ? ` after ${after.name || after.id}` : ''}`);
  };

  const validate = async (): Promise<ValidationIssue[] | null> => {
    setValidating(true);
    try {
      const result = await check.mutateAsync({ definition: fromDraft(draft) });
      setIssues(result.errors);
      return result.errors;
    } catch (error) {
      toast.fromError(error, 'Could not validate the workflow');
      return null;
    } finally {
      setValidating(false);
    }
  };

  const onValidate = async () => {
    const errors = await validate();
    if (!errors) return;
    if (errors.length === 0) toast.success('The workflow is valid');
    else toast.error(`${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix`, { description: errors[0]!.message });
  };

  const onSave = async () => {
    const errors = await validate();
    if (!errors) return;
    if (errors.length) {
      toast.error(`Not saved: ${errors.length} ${errors.length === 1 ? 'problem' : 'problems'} to fix`, { description: errors[0]!.message });
      return;
    }
    if (isNew) {
      try {
        const created = await create.mutateAsync({
          workspaceId: data.workspaceId,
          name: meta.name.trim(),
          description: meta.description.trim(),
          enabled: meta.enabled,
          definition: fromDraft(draft),
        });
        queryClient.setQueryData(trpc.workflow.get.queryKey({ id: created.id }), created);
        await queryClient.invalidateQueries(trpc.workflow.list.pathFilter());
        toast.success(`Saved version ${created.latestVersion}`);
        router.replace(`/workflows/${created.id}`);
      } catch (error) {
        toast.fromError(error, 'Could not create the workflow');
      }
      return;
    }
    const definitionChanged = !sameDefinition(draft, saved.draft);
    try {
      const result = await update.mutateAsync({
        id,
        ...(meta.name.trim() !== saved.meta.name ? { name: meta.name.trim() } : {}),
        ...(meta.description.trim() !== saved.meta.description ? { description: meta.description.trim() } : {}),
        ...(meta.enabled !== saved.meta.enabled ? { enabled: meta.enabled } : {}),
        ...(definitionChanged ? { definition: fromDraft(draft) } : {}),
      });
      const d = toDraft(result.definition);
      const next = { draft: { ...d, steps: withPositions(d.steps) }, meta: { name: result.name, description: result.description, enabled: result.enabled }, version: result.latestVersion };
      setSaved(next);
      setDraft(next.draft);
      setMeta(next.meta);
      queryClient.setQueryData(trpc.workflow.get.queryKey({ id }), result);
      await queryClient.invalidateQueries(trpc.workflow.pathFilter());
      toast.success(result.latestVersion !== saved.version ? `Saved version ${result.latestVersion}` : 'Saved');
    } catch (error) {
      toast.fromError(error, 'Could not save the workflow');
    }
  };

  const liveStatus = live.execution?.status;
  const canRun = !isNew && data.canExecute && data.enabled && saved.draft.triggers.manual;
  const runTitle = isNew
    ? 'Save the workflow first'
    : !data.canExecute
    ? 'You may not run workflows in this workspace'
    : !data.enabled
      ? 'The workflow is disabled'
      : dirty
        ? 'Save your changes first: a run uses a saved version'
        : `Run version ${data.latestVersion}`;

  return (
    <>
      <PageHeader
        breadcrumb={
          <>
            <Link href="/workflows" className="hover:underline">
              Workflows
            </Link>{' '}
            / {data.workspaceName}
          </>
        }
        title={
          <span className="flex items-center gap-3" data-testid="workflow-title">
            {meta.name || data.name}
            {isNew ? (
              <Badge variant="outline">new</Badge>
            ) : (
              <Badge variant="outline" data-testid="workflow-version">
                v{data.latestVersion}
              </Badge>
            )}
            {!data.enabled ? <Badge variant="secondary">disabled</Badge> : null}
            {dirty ? (
              <Badge variant="warning" data-testid="unsaved">
                unsaved
              </Badge>
            ) : null}
          </span>
        }
        description={data.description || undefined}
        actions={
          <>
            {isNew ? null : <PresenceAvatars resourceType="workflow" resourceId={data.id} />}
            <Button variant="outline" onClick={() => void onValidate()} disabled={validating} data-testid="validate">
              <ShieldCheck />
              Validate
            </Button>
            {data.canManage ? (
              <Button variant="outline" onClick={() => void onSave()} disabled={!dirty || update.isPending || create.isPending || validating} data-testid="save">
                <Save />
                {update.isPending || create.isPending ? 'Saving…' : 'Save'}
              </Button>
            ) : null}
            <Button onClick={() => setRunning(true)} disabled={!canRun || dirty} title={runTitle} data-testid="run">
              <Play />
              Run
            </Button>
          </>
        }
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="builder">Builder</TabsTrigger>
          <TabsTrigger value="versions" disabled={isNew} data-testid="versions-tab-trigger">
            Versions <span className="text-xs text-muted-foreground tabular-nums">{data.latestVersion}</span>
          </TabsTrigger>
          <TabsTrigger value="analysis" disabled={isNew} data-testid="analysis-tab-trigger">
            Analysis
          </TabsTrigger>
        </TabsList>

        <TabsContent value="builder" className="mt-3">
          {executionId ? (
            <div
              className="mb-3 flex flex-wrap items-center gap-3 rounded-md border bg-card px-3 py-2 text-sm"
              data-testid="live-run"
              data-status={liveStatus}
            >
              <span className="font-medium">Run</span>
              {liveStatus ? <ExecutionStatusBadge status={liveStatus} /> : <span className="text-muted-foreground">starting…</span>}
              {live.execution?.error ? <span className="truncate text-destructive">{live.execution.error}</span> : null}
              <span className="text-xs text-muted-foreground">
                {live.execution
                  ? `${live.execution.steps.filter((s) => !s.parentId && (s.status === 'succeeded' || s.status === 'skipped')).length} of ${live.execution.definition.steps.length} steps done`
                  : null}
              </span>
              <Button asChild size="sm" variant="outline" className="ml-auto">
                <Link href={`/workflows/executions/${executionId}`} data-testid="open-execution">
                  <ExternalLink />
                  Open the execution
                </Link>
              </Button>
              <Button size="icon-sm" variant="ghost" onClick={() => setExecutionId(null)} aria-label="Stop showing this run on the canvas">
                <X />
              </Button>
            </div>
          ) : null}
          <div className="grid h-[calc(100vh-15rem)] min-h-[34rem] grid-cols-[13rem_minmax(0,1fr)_22rem] gap-3">
            <aside className="min-h-0 rounded-lg border bg-card p-2" aria-label="Step types">
              <Palette stepTypes={types.data as StepTypeInfo[] | undefined} loading={types.isPending} onAdd={(t) => addType(t)} disabled={readOnly} />
            </aside>
            <div className="relative min-h-0 overflow-hidden rounded-lg border bg-card">
              <div className="absolute left-2 top-2 z-10 flex items-center gap-1.5">
                <Button
                  size="sm"
                  variant="outline"
                  disabled={readOnly || draft.steps.length < 2}
                  onClick={() => {
                    setSteps(autoLayout(draft.steps));
                    setFitKey(`layout-${Date.now()}`);
                  }}
                  data-testid="auto-layout"
                >
                  <LayoutGrid />
                  Auto-layout
                </Button>
                {issues && issues.length === 0 ? (
                  <span className="flex items-center gap-1 rounded-md bg-success/10 px-2 py-1 text-xs text-success" data-testid="valid">
                    <CheckCircle2 className="size-3.5" />
                    Valid
                  </span>
                ) : issues?.length ? (
                  <span className="rounded-md bg-destructive/10 px-2 py-1 text-xs text-destructive" data-testid="issue-count">
                    {issues.length} {issues.length === 1 ? 'problem' : 'problems'}
                  </span>
                ) : null}
              </div>
              {draft.steps.length === 0 ? (
                <div className="pointer-events-none absolute inset-0 z-[5] flex items-center justify-center p-6 text-center text-sm text-muted-foreground">
                  Drag a step type here from the palette, or press one to add it.
                  <br />
                  Connect steps by dragging from a step’s bottom handle to another’s top handle.
                </div>
              ) : null}
              <ReactFlowProvider>
                <CanvasEditor
                  steps={draft.steps}
                  stepTypes={stepTypes}
                  onStepsChange={setSteps}
                  onDropType={(t, p) => addType(t, p)}
                  selectedId={selectedId}
                  onSelect={setSelectedId}
                  issuesByStep={issuesByStep}
                  statusByStep={executionId ? live.statusByStep : undefined}
                  readOnly={readOnly}
                  fitKey={fitKey}
                />
              </ReactFlowProvider>
            </div>
            <aside className="min-h-0 min-w-0 overflow-y-auto overflow-x-hidden rounded-lg border bg-card p-4" aria-label={selected ? 'Step' : 'Workflow settings'}>
              {selected ? (
                <StepPanel
                  key={selected.id}
                  step={selected}
                  steps={draft.steps}
                  stepTypes={stepTypes}
                  workspaceId={data.workspaceId}
                  parameters={draft.parameters}
                  issues={placed.byStep.get(selected.id)}
                  readOnly={readOnly}
                  onChange={(step) => setSteps(draft.steps.map((s) => (s.id === selected.id ? step : s)))}
                  onRename={(to) => {
                    setSteps(renameStep(draft.steps, selected.id, to));
                    setSelectedId(to);
                  }}
                  onDelete={() => {
                    setSteps(removeSteps(draft.steps, [selected.id]));
                    setSelectedId(null);
                  }}
                  onClose={() => setSelectedId(null)}
                />
              ) : (
                <WorkflowPanel
                  workflowId={id}
                  meta={meta}
                  onMetaChange={setMeta}
                  draft={draft}
                  onDraftChange={setDraft}
                  issues={placed.workflow}
                  webhookPath={data.webhookPath}
                  canManage={data.canManage && !isNew}
                  readOnly={readOnly}
                />
              )}
            </aside>
          </div>
        </TabsContent>

        <TabsContent value="versions" className="mt-3">
          <VersionsTab
            workflowId={id}
            latestVersion={data.latestVersion}
            stepTypes={stepTypes}
            selected={viewVersion}
            onSelect={setViewVersion}
            canManage={data.canManage}
            onRestore={(definition, version) => {
              setDraft({ ...definition, steps: withPositions(definition.steps) });
              setSelectedId(null);
              setIssues(null);
              setFitKey(`restore-${version}-${Date.now()}`);
              setTab('builder');
              toast.info(`Version ${version} loaded as a draft: save to make it the latest`);
            }}
          />
        </TabsContent>

        <TabsContent value="analysis" className="mt-3">
          {tab === 'analysis' ? (
            <AnalysisTab
              workflowId={id}
              steps={saved.draft.steps}
              stepTypes={stepTypes}
              canManage={data.canManage}
              dirty={dirty}
              onApplied={(version) => {
                setViewVersion(version);
                setTab('versions');
              }}
            />
          ) : null}
        </TabsContent>
      </Tabs>
      {isNew ? null : <CommentThread className="mt-4" resourceType="workflow" resourceId={data.id} />}
      <RunDialog
        open={running}
        onOpenChange={setRunning}
        workflowId={id}
        workspaceId={data.workspaceId}
        version={data.latestVersion}
        parameters={saved.draft.parameters}
        onStarted={(execution) => {
          setExecutionId(execution);
          setSelectedId(null);
          setTab('builder');
        }}
      />
    </>
  );
}
