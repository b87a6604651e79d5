'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { History, Undo2 } from 'lucide-react';
import { Badge, Button, EmptyState, ErrorState, Skeleton, cn } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { formatRelative } from '~/lib/format';
import { withPositions } from './builder-graph';
import { type DraftDefinition, type StepTypeInfo, toDraft } from './builder-types';
import { CanvasEditor } from './canvas-editor';

const noIssues = new Map<string, string[]>();

/**
 * Every saved version, newest first (versions are immutable: a run records
 * the one it ran). Selecting one shows it read-only on a canvas; "Edit from
 * this version" loads it into the builder as an unsaved draft.
 */
export function VersionsTab({
  workflowId,
  latestVersion,
  stepTypes,
  selected,
  onSelect,
  onRestore,
  canManage,
}: {
  workflowId: string;
  latestVersion: number;
  stepTypes: ReadonlyMap<string, StepTypeInfo>;
  selected: number | null;
  onSelect: (version: number) => void;
  onRestore: (definition: DraftDefinition, version: number) => void;
  canManage: boolean;
}) {
  const trpc = useTRPC();
  const versions = useQuery(trpc.workflow.versions.queryOptions({ id: workflowId }));
  const shown = versions.data?.find((v) => v.version === (selected ?? latestVersion)) ?? versions.data?.[0];
  const steps = React.useMemo(() => (shown ? withPositions(toDraft(shown.definition).steps) : []), [shown]);

  if (versions.isPending) return <Skeleton className="h-96 w-full" />;
  if (versions.isError) return <ErrorState error={versions.error} onRetry={() => void versions.refetch()} />;
  if (!versions.data.length) return <EmptyState icon={<History />} title="No version yet" />;

  return (
    <div className="grid gap-4 lg:grid-cols-[20rem_minmax(0,1fr)]" data-testid="versions-tab">
      <ul className="grid min-w-0 content-start gap-1.5">
        {versions.data.map((v) => (
          <li key={v.version} className="min-w-0">
            <button
              type="button"
              onClick={() => onSelect(v.version)}
              className={cn(
                'w-full min-w-0 overflow-hidden rounded-md border px-3 py-2 text-left text-sm transition-colors hover:bg-accent',
                shown?.version === v.version && 'border-primary bg-accent',
              )}
              data-testid="version-row"
              data-version={v.version}
            >
              <div className="flex items-center gap-2">
                <span className="font-medium">Version {v.version}</span>
                {v.version === latestVersion ? <Badge variant="info">latest</Badge> : null}
                <span className="ml-auto text-xs text-muted-foreground">{formatRelative(v.createdAt)}</span>
              </div>
              {v.note ? (
                <div className="mt-0.5 line-clamp-2 text-xs" title={v.note}>
                  {v.note}
                </div>
              ) : null}
              <div className="mt-0.5 truncate text-xs text-muted-foreground">
                {v.stepCount} {v.stepCount === 1 ? 'step' : 'steps'} · {v.executions}{' '}
                {v.executions === 1 ? 'run' : 'runs'}
                {v.createdByName ? ` · ${v.createdByName}` : ''}
              </div>
            </button>
          </li>
        ))}
      </ul>
      <div className="grid min-w-0 gap-2">
        <div className="flex items-center gap-2">
          <h2 className="text-sm font-semibold">Version {shown?.version} (read-only)</h2>
          {canManage && shown && shown.version !== latestVersion ? (
            <Button
              size="sm"
              variant="outline"
              className="ml-auto"
              onClick={() => onRestore(toDraft(shown.definition), shown.version)}
              data-testid="restore-version"
            >
              <Undo2 />
              Edit from this version
            </Button>
          ) : null}
        </div>
        <div className="h-[28rem] overflow-hidden rounded-lg border bg-card" data-testid="version-canvas">
          <ReactFlowProvider>
            <CanvasEditor
              key={shown?.version}
              steps={steps}
              stepTypes={stepTypes}
              onStepsChange={() => {}}
              onDropType={() => {}}
              selectedId={null}
              onSelect={() => {}}
              issuesByStep={noIssues}
              readOnly
            />
          </ReactFlowProvider>
        </div>
      </div>
    </div>
  );
}
