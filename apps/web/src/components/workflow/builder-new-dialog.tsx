'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { FilePlus2, LayoutTemplate } from 'lucide-react';
import {
  Button,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  cn,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { autoLayout } from './builder-graph';
import { toDraft } from './builder-types';

const BLANK = '__blank__';

/**
 * A new workflow: a template (`workflow.templates`) or a blank canvas, the
 * workspace it belongs to and its name. A template is created at once and
 * opened in the builder; a blank one opens the builder unsaved, since a
 * workflow needs at least one step to be saved.
 */
export function NewWorkflowDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { workspaces, current } = useWorkspaces();
  const templates = useQuery({ ...trpc.workflow.templates.queryOptions({}), enabled: open, staleTime: 10 * 60_000 });
  const [choice, setChoice] = React.useState<string>(BLANK);
  const [workspaceId, setWorkspaceId] = React.useState<string>('');
  const [name, setName] = React.useState('');
  const [nameTouched, setNameTouched] = React.useState(false);
  React.useEffect(() => {
    if (!open) return;
    setChoice(BLANK);
    setName('');
    setNameTouched(false);
    setWorkspaceId(current?.id ?? workspaces[0]?.id ?? '');
    // Reset when opened only.
  }, [open]);
  // The workspace list may arrive after the dialog opened.
  React.useEffect(() => {
    if (open && !workspaceId && (current ?? workspaces[0])) setWorkspaceId((current ?? workspaces[0])!.id);
  }, [open, workspaceId, current, workspaces]);
  const template = templates.data?.find((t) => t.key === choice);
  // The template's name until the user types their own.
  React.useEffect(() => {
    if (!nameTouched) setName(template?.name ?? '');
  }, [template, nameTouched]);

  const create = useMutation(
    trpc.workflow.create.mutationOptions({
      onSuccess: async (created) => {
        toast.success(`Workflow “${created.name}” created from the template`);
        queryClient.setQueryData(trpc.workflow.get.queryKey({ id: created.id }), created);
        await queryClient.invalidateQueries(trpc.workflow.list.pathFilter());
        onOpenChange(false);
        router.push(`/workflows/${created.id}`);
      },
      onError: (error) => toast.fromError(error, 'Could not create the workflow'),
    }),
  );

  const nameProblem = name.trim().length < 2 ? 'At least 2 characters' : null;
  const submit = () => {
    if (nameProblem || !workspaceId) return;
    if (template) {
      // Laid out afresh for the builder's top-to-bottom canvas.
      const definition = { ...template.definition, steps: autoLayout(toDraft(template.definition).steps) };
      create.mutate({ workspaceId, name: name.trim(), description: template.description, definition, note: `From the template “${template.name}”` });
    }
    else {
      onOpenChange(false);
      router.push(`/workflows/new?workspace=${workspaceId}&name=${encodeURIComponent(name.trim())}`);
    }
  };

  const option = (key: string, title: string, description: string, icon: React.ReactNode, steps?: number) => (
    <button
      key={key}
      type="button"
      role="radio"
      aria-checked={choice === key}
      onClick={() => setChoice(key)}
      className={cn(
        'flex items-start gap-2.5 rounded-md border p-3 text-left text-sm transition-colors hover:bg-accent focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
        choice === key && 'border-primary bg-accent',
      )}
      data-testid="template-option"
      data-key={key}
    >
      <span className="mt-0.5 text-muted-foreground">{icon}</span>
      <span className="min-w-0">
        <span className="block font-medium">{title}</span>
        <span className="line-clamp-2 text-xs text-muted-foreground">{description}</span>
        {steps !== undefined ? <span className="text-xs text-muted-foreground">{steps} steps</span> : null}
      </span>
    </button>
  );

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="sm:max-w-2xl" data-testid="new-workflow-dialog">
        <DialogHeader>
          <DialogTitle>New workflow</DialogTitle>
          <DialogDescription>Start from a template and adapt it on the canvas, or from a blank canvas.</DialogDescription>
        </DialogHeader>
        <form
          id="new-workflow-form"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div role="radiogroup" aria-label="Start from" className="grid gap-2 sm:grid-cols-2">
            {option(BLANK, 'Blank canvas', 'Drag step types from the palette and connect them.', <FilePlus2 className="size-4" />)}
            {templates.isPending
              ? Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-20" />)
              : (templates.data ?? []).map((t) =>
                  option(t.key, t.name, t.description, <LayoutTemplate className="size-4" />, (t.definition as { steps: unknown[] }).steps.length),
                )}
          </div>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Workspace" htmlFor="new-wf-workspace">
              <Select value={workspaceId} onValueChange={setWorkspaceId}>
                <SelectTrigger id="new-wf-workspace">
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
            <Field label="Name" htmlFor="new-wf-name" error={nameTouched && nameProblem ? nameProblem : undefined}>
              <Input
                id="new-wf-name"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setNameTouched(true);
                }}
                placeholder="e.g. Data discovery"
              />
            </Field>
          </div>
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="new-workflow-form" disabled={!!nameProblem || !workspaceId || create.isPending} data-testid="new-workflow-submit">
            {template ? (create.isPending ? 'Creating…' : 'Create and open') : 'Open the builder'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
