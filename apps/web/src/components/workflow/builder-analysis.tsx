'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ReactFlowProvider } from '@xyflow/react';
import { Gauge, Lightbulb, Wand2 } from 'lucide-react';
import { Badge, Button, EmptyState, ErrorState, Skeleton, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { DraftStep, StepTypeInfo } from './builder-types';
import { CanvasEditor } from './canvas-editor';
import { formatMs } from './execution-model';

const noIssues = new Map<string, string[]>();
const pct = (r: number) => `${Math.round(r * 100)}%`;
const kindLabel: Record<string, string> = { parallelize: 'Parallelize', flaky: 'Flaky', slow: 'Slow' };

/**
 * What the run history says about the latest version: p50/p95 per step,
 * failure and retry rates, the critical path (highlighted on the canvas),
 * and suggestions; applying one writes a new version to review.
 */
export function AnalysisTab({
  workflowId,
  steps,
  stepTypes,
  canManage,
  dirty,
  onApplied,
}: {
  workflowId: string;
  steps: DraftStep[];
  stepTypes: ReadonlyMap<string, StepTypeInfo>;
  canManage: boolean;
  /** Unsaved edits: applying a suggestion would make a version without them. */
  dirty: boolean;
  onApplied: (version: number) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const analysis = useQuery(trpc.workflow.analyze.queryOptions({ id: workflowId }));
  const apply = useMutation(
    trpc.workflow.applySuggestion.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Suggestion applied as version ${result.version}: review it`);
        await queryClient.invalidateQueries(trpc.workflow.pathFilter());
        onApplied(result.version);
      },
      onError: (error) => toast.fromError(error, 'Could not apply the suggestion'),
    }),
  );
  const name = (id: string) => steps.find((s) => s.id === id)?.name || id;

  if (analysis.isPending) return <Skeleton className="h-96 w-full" />;
  if (analysis.isError) return <ErrorState error={analysis.error} onRetry={() => void analysis.refetch()} />;
  const data = analysis.data;
  const ran = data.stats.some((s) => s.runs > 0);

  return (
    <div className="grid gap-4 xl:grid-cols-[minmax(0,1fr)_24rem]" data-testid="analysis-tab">
      <div className="grid content-start gap-4">
        <div className="h-80 overflow-hidden rounded-lg border bg-card" data-testid="analysis-canvas">
          <ReactFlowProvider>
            <CanvasEditor
              steps={steps}
              stepTypes={stepTypes}
              onStepsChange={() => {}}
              onDropType={() => {}}
              selectedId={null}
              onSelect={() => {}}
              issuesByStep={noIssues}
              criticalPath={data.criticalPath}
              readOnly
            />
          </ReactFlowProvider>
        </div>
        <p className="text-sm text-muted-foreground" data-testid="critical-path">
          {data.criticalPath.length ? (
            <>
              Critical path (longest chain by p50):{' '}
              <span className="font-medium text-foreground">{data.criticalPath.map(name).join(' → ')}</span>
              {data.criticalPathMs ? ` · ${formatMs(data.criticalPathMs)}` : ''}
            </>
          ) : (
            'No critical path until some steps have run.'
          )}
        </p>
        {ran ? (
          <div className="overflow-x-auto rounded-lg border">
            <table className="w-full text-sm" data-testid="step-stats">
              <thead className="bg-muted/50 text-left text-xs text-muted-foreground">
                <tr>
                  <th className="px-3 py-2 font-medium">Step</th>
                  <th className="px-3 py-2 text-right font-medium">p50</th>
                  <th className="px-3 py-2 text-right font-medium">p95</th>
                  <th className="px-3 py-2 text-right font-medium">Runs</th>
                  <th className="px-3 py-2 text-right font-medium">Failures</th>
                  <th className="px-3 py-2 text-right font-medium">Retries</th>
                </tr>
              </thead>
              <tbody>
                {data.stats.map((s) => (
                  <tr key={s.stepId} className="border-t" data-testid="step-stat" data-step-id={s.stepId}>
                    <td className="px-3 py-1.5">
                      <span className="font-medium">{name(s.stepId)}</span>
                      {data.criticalPath.includes(s.stepId) ? (
                        <Badge variant="info" className="ml-2">
                          critical
                        </Badge>
                      ) : null}
                    </td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.p50Ms === null ? '—' : formatMs(s.p50Ms)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.p95Ms === null ? '—' : formatMs(s.p95Ms)}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.runs}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.runs ? pct(s.failureRate) : '—'}</td>
                    <td className="px-3 py-1.5 text-right tabular-nums">{s.runs ? pct(s.retryRate) : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : (
          <EmptyState icon={<Gauge />} title="No run yet" description="Durations, failure and retry rates come from the run history of this version." />
        )}
      </div>
      <section className="grid content-start gap-2" aria-label="Suggestions">
        <h2 className="flex items-center gap-1.5 text-sm font-semibold">
          <Lightbulb className="size-4" />
          Suggestions
        </h2>
        {data.suggestions.length === 0 ? (
          <p className="text-sm text-muted-foreground">Nothing to suggest from the runs so far.</p>
        ) : (
          data.suggestions.map((s) => (
            <div key={s.id} className="grid gap-2 rounded-md border p-3 text-sm" data-testid="suggestion" data-kind={s.kind}>
              <div className="flex items-center gap-2">
                <Badge variant={s.kind === 'flaky' ? 'warning' : s.kind === 'slow' ? 'secondary' : 'info'}>{kindLabel[s.kind] ?? s.kind}</Badge>
                <span className="truncate text-xs text-muted-foreground">{s.stepIds.join(', ')}</span>
              </div>
              <p>{s.message}</p>
              {s.apply && canManage ? (
                <Button
                  size="sm"
                  variant="outline"
                  className="justify-self-start"
                  disabled={apply.isPending || dirty}
                  title={dirty ? 'Save or discard your changes first' : 'Writes a new version with this change, for you to review'}
                  onClick={() => apply.mutate({ id: workflowId, suggestionId: s.id })}
                  data-testid="apply-suggestion"
                >
                  <Wand2 />
                  Apply
                </Button>
              ) : null}
            </div>
          ))
        )}
      </section>
    </div>
  );
}
