'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Check, LayoutTemplate } from 'lucide-react';
import {
  Button,
  cn,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  EmptyState,
  ErrorState,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { stageKindLabel } from './stage-kinds';
import type { Definition, PipelineTemplate } from './types';

/** The template's definition on the chosen source (templates carry a placeholder id). */
function definitionFor(template: PipelineTemplate, dataSourceId: string): Definition {
  const def = template.definition as Definition;
  return { ...def, source: { ...def.source, dataSourceId } };
}

/**
 * New pipeline: a template, the workspace it belongs to, the data source whose
 * tables it processes, and a name. Creating goes straight to its page.
 */
export function CreatePipelineDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { workspaces, current } = useWorkspaces();
  const [templateKey, setTemplateKey] = React.useState('');
  const [workspaceId, setWorkspaceId] = React.useState('');
  const [dataSourceId, setDataSourceId] = React.useState('');
  const [name, setName] = React.useState('');
  const [touchedName, setTouchedName] = React.useState(false);
  const [errors, setErrors] = React.useState<Record<string, string>>({});

  const templates = useQuery({ ...trpc.pipeline.templates.queryOptions({}), enabled: open });
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100, workspaceId }),
    enabled: open && !!workspaceId,
  });

  // Defaults when the dialog opens: the current workspace, the first template.
  React.useEffect(() => {
    if (!open) return;
    setWorkspaceId((w) => w || current?.id || '');
  }, [open, current]);
  React.useEffect(() => {
    if (open && !templateKey && templates.data?.[0]) setTemplateKey(templates.data[0].key);
  }, [open, templateKey, templates.data]);
  // A source belongs to one workspace: the choice goes when the workspace changes.
  React.useEffect(() => setDataSourceId(''), [workspaceId]);
  React.useEffect(() => {
    const list = sources.data?.items;
    if (list?.length === 1) setDataSourceId(list[0]!.id);
  }, [sources.data]);

  const template = templates.data?.find((t) => t.key === templateKey);
  const source = sources.data?.items.find((s) => s.id === dataSourceId);
  // A suggested name until the user types one.
  React.useEffect(() => {
    if (touchedName || !template) return;
    setName(source ? `${template.name} · ${source.name}` : template.name);
  }, [template, source, touchedName]);

  const reset = () => {
    setTemplateKey('');
    setDataSourceId('');
    setName('');
    setTouchedName(false);
    setErrors({});
  };

  const create = useMutation(
    trpc.pipeline.create.mutationOptions({
      onSuccess: async (pipeline) => {
        toast.success(`Pipeline “${pipeline.name}” created`);
        await queryClient.invalidateQueries(trpc.pipeline.list.pathFilter());
        onOpenChange(false);
        reset();
        router.push(`/pipelines/${pipeline.id}`);
      },
      onError: (error) => {
        if (/name/i.test(error.message) && /exist|taken|unique|already/i.test(error.message))
          setErrors({ name: error.message });
        else toast.fromError(error, 'Could not create the pipeline');
      },
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    if (!template) next.template = 'Pick a template.';
    if (!workspaceId) next.workspace = 'Pick a workspace.';
    if (!dataSourceId) next.source = 'Pick the data source whose tables it processes.';
    if (!name.trim()) next.name = 'A pipeline needs a name.';
    setErrors(next);
    if (Object.keys(next).length || !template) return;
    create.mutate({
      workspaceId,
      name: name.trim(),
      description: template.description,
      definition: definitionFor(template, dataSourceId),
    });
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (create.isPending) return;
        onOpenChange(next);
        if (!next) reset();
      }}
    >
      <DialogContent className="max-w-2xl" data-testid="create-pipeline-dialog">
        <DialogHeader>
          <DialogTitle>New pipeline</DialogTitle>
          <DialogDescription>
            Start from a template: it processes every table of a data source through its stages. You
            can change the stages afterwards.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <div role="radiogroup" aria-label="Template" className="grid gap-2 sm:grid-cols-2">
            {templates.isPending ? (
              Array.from({ length: 2 }, (_, i) => <Skeleton key={i} className="h-28" />)
            ) : templates.isError ? (
              <ErrorState
                className="sm:col-span-2"
                error={templates.error}
                onRetry={() => void templates.refetch()}
              />
            ) : templates.data.length === 0 ? (
              <EmptyState
                className="sm:col-span-2"
                icon={<LayoutTemplate />}
                title="No templates available"
              />
            ) : (
              templates.data.map((t) => {
                const checked = templateKey === t.key;
                const stages = (t.definition as Definition).stages ?? [];
                return (
                  <button
                    key={t.key}
                    type="button"
                    role="radio"
                    aria-checked={checked}
                    data-testid={`pipeline-template-${t.key}`}
                    onClick={() => setTemplateKey(t.key)}
                    className={cn(
                      'relative flex cursor-pointer flex-col items-start gap-1.5 rounded-lg border p-3 text-left text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/40',
                      checked && 'border-primary bg-primary/5 ring-1 ring-primary',
                    )}
                  >
                    {checked ? (
                      <Check className="absolute right-2 top-2 size-4 text-primary" />
                    ) : null}
                    <span className="pr-5 font-medium">{t.name}</span>
                    <span className="text-xs text-muted-foreground">{t.description}</span>
                    <span className="mt-auto pt-1 text-xs text-muted-foreground">
                      {stages.map((s) => stageKindLabel(s.kind)).join(' → ')}
                    </span>
                  </button>
                );
              })
            )}
          </div>
          {errors.template ? (
            <p role="alert" className="text-xs text-destructive">
              {errors.template}
            </p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Workspace" error={errors.workspace}>
              <Select value={workspaceId} onValueChange={setWorkspaceId}>
                <SelectTrigger aria-label="Workspace" data-testid="pipeline-workspace">
                  <SelectValue placeholder="Choose a workspace" />
                </SelectTrigger>
                <SelectContent>
                  {workspaces.map((w) => (
                    <SelectItem key={w.id} value={w.id}>
                      {w.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field
              label="Data source"
              error={errors.source}
              hint={
                workspaceId && sources.data?.items.length === 0
                  ? 'This workspace has no data source yet.'
                  : 'Every table of it is an item.'
              }
            >
              <Select
                value={dataSourceId}
                onValueChange={setDataSourceId}
                disabled={!workspaceId || sources.isPending}
              >
                <SelectTrigger aria-label="Data source" data-testid="pipeline-source">
                  <SelectValue placeholder={sources.isFetching ? 'Loading…' : 'Choose a source'} />
                </SelectTrigger>
                <SelectContent>
                  {sources.data?.items.map((s) => (
                    <SelectItem key={s.id} value={s.id}>
                      {s.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
          </div>
          <Field label="Name" htmlFor="pipeline-name" error={errors.name}>
            <Input
              id="pipeline-name"
              value={name}
              aria-invalid={!!errors.name}
              maxLength={120}
              onChange={(e) => {
                setTouchedName(true);
                setName(e.target.value);
              }}
            />
          </Field>
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="create-pipeline-submit">
              {create.isPending ? <Spinner /> : null}
              Create pipeline
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
