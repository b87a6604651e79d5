'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Plus, RotateCcw, Save } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuTrigger,
  Field,
  Input,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { cronHint } from '~/features/scans/cron';
import { issuesByPath, issuesUnder } from './server-issues';
import { StageFields } from './stage-fields';
import { newStage, stageKinds } from './stage-kinds';
import type { Definition, PipelineDetail, StageDraft } from './types';

const MAX_STAGES = 10;

const draftOf = (pipeline: PipelineDetail): Definition =>
  structuredClone(pipeline.definition) as Definition;

/**
 * The ordered stages of a pipeline, its SLA and its source filter, edited as a
 * draft; Save sends the whole definition (a new version when it changed) and
 * the server's validation messages land under the fields they name.
 */
export function StagesEditor({ pipeline }: { pipeline: PipelineDetail }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [draft, setDraft] = React.useState<Definition>(() => draftOf(pipeline));
  const [issues, setIssues] = React.useState<Record<string, string>>({});
  const canEdit = pipeline.canManage;

  // A new version from elsewhere (another tab, a save here) replaces an untouched draft.
  const baseline = React.useMemo(() => JSON.stringify(pipeline.definition), [pipeline.definition]);
  const lastBaseline = React.useRef(baseline);
  const dirty = JSON.stringify(draft) !== baseline;
  React.useEffect(() => {
    if (lastBaseline.current === baseline) return;
    const wasClean = JSON.stringify(draft) === lastBaseline.current;
    lastBaseline.current = baseline;
    if (wasClean) setDraft(draftOf(pipeline));
  }, [baseline, draft, pipeline]);

  const save = useMutation(
    trpc.pipeline.update.mutationOptions({
      onSuccess: async (updated) => {
        setIssues({});
        toast.success(`Saved version ${updated.version}`);
        lastBaseline.current = JSON.stringify(updated.definition);
        setDraft(structuredClone(updated.definition) as Definition);
        queryClient.setQueryData(trpc.pipeline.get.queryKey({ id: pipeline.id }), updated);
        await queryClient.invalidateQueries(trpc.pipeline.list.pathFilter());
      },
      onError: (error) => {
        const found = issuesByPath(error.message, 'definition.');
        setIssues(found);
        toast.error('The pipeline was not saved', {
          description:
            Object.keys(found).length > 1 || !found['']
              ? 'Fix the fields marked below.'
              : error.message,
        });
      },
    }),
  );

  const stages = draft.stages;
  const setStages = (next: StageDraft[]) => {
    setDraft({ ...draft, stages: next });
    // Messages are positional (stages.N): after a structural change they no longer point at the right stage.
    setIssues((i) =>
      Object.fromEntries(Object.entries(i).filter(([p]) => !p.startsWith('stages'))),
    );
  };
  const move = (index: number, delta: -1 | 1) => {
    const next = [...stages];
    const [moved] = next.splice(index, 1);
    next.splice(index + delta, 0, moved!);
    setStages(next);
  };
  const sla = draft.sla ?? { freshnessHours: 24, maxErrorRate: 0.05 };
  const general = [
    issues[''],
    issues.stages,
    ...Object.entries(issues)
      .filter(([p]) => p.startsWith('source') && p !== 'source.tableGlob')
      .map(([p, m]) => `${p}: ${m}`),
  ].filter(Boolean);

  return (
    <form
      className="grid gap-4"
      data-testid="stages-editor"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate({ id: pipeline.id, definition: draft });
      }}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="text-sm text-muted-foreground">
          Items flow through the stages in this order; each stage has its own concurrency and
          batching. Version {pipeline.version}
          {dirty ? ' · unsaved changes' : ''}.
        </p>
        {canEdit ? (
          <div className="flex gap-2">
            <DropdownMenu>
              <DropdownMenuTrigger asChild>
                <Button variant="outline" size="sm" disabled={stages.length >= MAX_STAGES}>
                  <Plus />
                  Add stage
                </Button>
              </DropdownMenuTrigger>
              <DropdownMenuContent align="end">
                {stageKinds.map((k) => (
                  <DropdownMenuItem
                    key={k.kind}
                    onSelect={() =>
                      setStages([
                        ...stages,
                        newStage(
                          k.kind,
                          stages.map((s) => s.id),
                        ),
                      ])
                    }
                  >
                    {k.label}
                  </DropdownMenuItem>
                ))}
              </DropdownMenuContent>
            </DropdownMenu>
            <Button
              variant="ghost"
              size="sm"
              disabled={!dirty || save.isPending}
              onClick={() => {
                setDraft(draftOf(pipeline));
                setIssues({});
              }}
            >
              <RotateCcw />
              Discard
            </Button>
            <Button
              type="submit"
              size="sm"
              disabled={!dirty || save.isPending}
              data-testid="save-stages"
            >
              {save.isPending ? <Spinner /> : <Save />}
              Save
            </Button>
          </div>
        ) : null}
      </div>
      {general.length ? (
        <ul
          className="grid gap-1 rounded-md border border-destructive/30 bg-destructive/5 px-3 py-2 text-sm text-destructive"
          role="alert"
          data-testid="stages-errors"
        >
          {general.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      ) : null}
      <ol className="grid gap-3">
        {stages.map((stage, index) => (
          <StageFields
            // Position, not id: the id is editable and may be briefly duplicated.
            key={index}
            stage={stage}
            index={index}
            count={stages.length}
            errors={issuesUnder(issues, `stages.${index}`)}
            disabled={!canEdit}
            onChange={(next) => {
              const copy = [...stages];
              copy[index] = next;
              setDraft({ ...draft, stages: copy });
            }}
            onMove={(delta) => move(index, delta)}
            onRemove={() => setStages(stages.filter((_, i) => i !== index))}
          />
        ))}
      </ol>
      <div className="grid gap-4 md:grid-cols-2">
        <Card>
          <CardHeader>
            <CardTitle>SLA</CardTitle>
            <CardDescription>What “healthy” means for this pipeline.</CardDescription>
          </CardHeader>
          <CardContent className="grid items-start gap-3 sm:grid-cols-2">
            <Field
              label="Freshness (hours)"
              htmlFor="sla-freshness"
              hint="a run succeeded within"
              error={issues['sla.freshnessHours']}
            >
              <Input
                id="sla-freshness"
                type="number"
                min={1}
                disabled={!canEdit}
                value={sla.freshnessHours ?? ''}
                onChange={(e) =>
                  setDraft({ ...draft, sla: { ...sla, freshnessHours: Number(e.target.value) } })
                }
              />
            </Field>
            <Field
              label="Max error rate (%)"
              htmlFor="sla-errors"
              hint="failed + dead items of the last run"
              error={issues['sla.maxErrorRate']}
            >
              <Input
                id="sla-errors"
                type="number"
                min={0}
                max={100}
                step={0.5}
                disabled={!canEdit}
                value={sla.maxErrorRate === undefined ? '' : +(sla.maxErrorRate * 100).toFixed(2)}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    sla: { ...sla, maxErrorRate: Number(e.target.value) / 100 },
                  })
                }
              />
            </Field>
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Items and schedule</CardTitle>
            <CardDescription>
              Every table of {pipeline.dataSourceName ?? 'the source'}, or those matching a pattern;
              run by hand, or on a schedule while the pipeline is enabled.
            </CardDescription>
          </CardHeader>
          <CardContent className="grid items-start gap-3 sm:grid-cols-2">
            <Field
              label="Table name pattern"
              htmlFor="source-glob"
              hint="* and ? wildcards, e.g. order*"
              error={issues['source.tableGlob']}
            >
              <Input
                id="source-glob"
                className="font-mono"
                disabled={!canEdit}
                placeholder="*"
                value={draft.source.tableGlob ?? ''}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    source: { ...draft.source, tableGlob: e.target.value || undefined },
                  })
                }
              />
            </Field>
            <Field
              label="Schedule (cron)"
              htmlFor="pipeline-schedule"
              hint={
                draft.schedule?.trim()
                  ? cronHint(draft.schedule)
                  : 'Manual only: runs when someone presses Run.'
              }
              error={issues.schedule}
            >
              <Input
                id="pipeline-schedule"
                className="font-mono"
                disabled={!canEdit}
                placeholder="0 2 * * *"
                value={draft.schedule ?? ''}
                onChange={(e) => setDraft({ ...draft, schedule: e.target.value || undefined })}
              />
            </Field>
          </CardContent>
        </Card>
      </div>
    </form>
  );
}
