'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
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
  toast,
} from '@racine/ui';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { useTRPC } from '~/trpc/react';

type Kind = 'runbook' | 'note';
type Template = 'blank' | 'runbook' | 'incidentReview' | 'meetingNotes';

/** A new document: its workspace, kind and starting template; it opens in the editor once created. */
export function NewDocumentDialog({
  open,
  onOpenChange,
  workspaceId: fixedWorkspaceId,
  attachTo,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** Preselected (e.g. from a workspace page). */
  workspaceId?: string;
  /** Attach the new document to this resource. */
  attachTo?: { resourceType: 'asset' | 'finding' | 'workflow' | 'pipeline' | 'dataSource' | 'workspace'; resourceId: string };
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { workspaces, current } = useWorkspaces();
  const templates = useQuery({ ...trpc.document.templates.queryOptions({}), enabled: open, staleTime: 10 * 60_000 });
  const [workspaceId, setWorkspaceId] = React.useState('');
  const [title, setTitle] = React.useState('');
  const [template, setTemplate] = React.useState<Template>('runbook');
  const [kind, setKind] = React.useState<Kind>('runbook');
  React.useEffect(() => {
    if (!open) return;
    setTitle('');
    setTemplate('runbook');
    setKind('runbook');
    setWorkspaceId(fixedWorkspaceId ?? current?.id ?? workspaces[0]?.id ?? '');
    // Reset when opened only.
  }, [open]);
  React.useEffect(() => {
    if (open && !workspaceId && (current ?? workspaces[0])) setWorkspaceId((fixedWorkspaceId ?? (current ?? workspaces[0])!.id));
  }, [open, workspaceId, current, workspaces, fixedWorkspaceId]);

  const create = useMutation(
    trpc.document.create.mutationOptions({
      onSuccess: async (d) => {
        toast.success(`“${d.title}” created`);
        await queryClient.invalidateQueries(trpc.document.list.pathFilter());
        onOpenChange(false);
        router.push(`/collaboration/documents/${d.id}`);
      },
      onError: (error) => toast.fromError(error, 'Could not create the document'),
    }),
  );
  const problem = title.trim() ? null : 'A title is required';
  const chooseTemplate = (t: Template) => {
    setTemplate(t);
    // The template suggests a kind; it can still be changed.
    const suggested = templates.data?.find((x) => x.key === t)?.kind;
    if (suggested) setKind(suggested as Kind);
  };

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-document-dialog">
        <DialogHeader>
          <DialogTitle>New document</DialogTitle>
          <DialogDescription>A runbook or notes everyone in the workspace can edit at once.</DialogDescription>
        </DialogHeader>
        <form
          id="new-document-form"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (problem || !workspaceId) return;
            create.mutate({ workspaceId, title: title.trim(), kind, template, ...(attachTo ?? {}) });
          }}
        >
          <Field label="Title" htmlFor="new-document-title">
            <Input id="new-document-title" value={title} onChange={(e) => setTitle(e.target.value)} maxLength={200} placeholder="e.g. Restore the warehouse from backup" autoFocus />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Workspace" htmlFor="new-document-workspace">
              <Select value={workspaceId} onValueChange={setWorkspaceId} disabled={Boolean(fixedWorkspaceId)}>
                <SelectTrigger id="new-document-workspace" data-testid="new-document-workspace">
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
            <Field label="Kind" htmlFor="new-document-kind">
              <Select value={kind} onValueChange={(v) => setKind(v as Kind)}>
                <SelectTrigger id="new-document-kind">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value="runbook">Runbook</SelectItem>
                  <SelectItem value="note">Note</SelectItem>
                </SelectContent>
              </Select>
            </Field>
          </div>
          <Field label="Start from" htmlFor="new-document-template">
            <Select value={template} onValueChange={(v) => chooseTemplate(v as Template)}>
              <SelectTrigger id="new-document-template" data-testid="new-document-template">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {(templates.data ?? [{ key: 'blank', name: 'Blank' }, { key: 'runbook', name: 'Runbook' }]).map((t) => (
                  <SelectItem key={t.key} value={t.key}>
                    {t.name}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button type="submit" form="new-document-form" disabled={Boolean(problem) || !workspaceId || create.isPending} data-testid="create-document">
            Create
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
