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
  FilterSelect,
  Input,
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { dashboardHref } from './types';

/** Names a new, empty dashboard, personal or shared with a workspace, then opens it in edit mode. */
export function NewDashboardDialog({ open, onOpenChange }: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const [name, setName] = React.useState('');
  const [description, setDescription] = React.useState('');
  const [workspaceId, setWorkspaceId] = React.useState<string | null>(null);
  const workspaces = useQuery({ ...trpc.workspace.list.queryOptions({ limit: 100 }), enabled: open, staleTime: 60_000 });
  const create = useMutation(
    trpc.dashboard.create.mutationOptions({
      onSuccess: async (d) => {
        toast.success(`Dashboard “${d.name}” created`);
        await queryClient.invalidateQueries(trpc.dashboard.list.pathFilter());
        onOpenChange(false);
        setName('');
        setDescription('');
        setWorkspaceId(null);
        router.push(`${dashboardHref(d.id)}?edit=1`);
      },
      onError: (error) => toast.fromError(error, 'Could not create the dashboard'),
    }),
  );
  const empty = name.trim().length === 0;
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="new-dashboard-dialog">
        <form
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            if (!empty) create.mutate({ name: name.trim(), description: description.trim(), workspaceId });
          }}
        >
          <DialogHeader>
            <DialogTitle>New dashboard</DialogTitle>
            <DialogDescription>Start empty and add widgets from the metric catalogue.</DialogDescription>
          </DialogHeader>
          <Field label="Name" htmlFor="dashboard-name">
            <Input id="dashboard-name" autoFocus value={name} onChange={(e) => setName(e.target.value)} maxLength={120} data-testid="dashboard-name" />
          </Field>
          <Field label="Description" htmlFor="dashboard-description" hint="Optional: what it is for.">
            <Textarea id="dashboard-description" value={description} onChange={(e) => setDescription(e.target.value)} maxLength={500} rows={2} />
          </Field>
          <Field label="Visibility" hint={workspaceId ? 'Members of the workspace see it; its owners and admins may edit it.' : 'Only you see it.'}>
            <FilterSelect
              label="Visibility"
              allLabel="Personal (only me)"
              value={workspaceId}
              onChange={setWorkspaceId}
              options={(workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: `Shared with ${w.name}` }))}
              data-testid="dashboard-visibility"
            />
          </Field>
          <DialogFooter>
            <Button type="button" variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={empty || create.isPending} data-testid="create-dashboard">
              {create.isPending ? <Spinner /> : null}
              Create dashboard
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
