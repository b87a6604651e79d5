'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { updateWorkspaceInput } from '@racine/services/workspace/schemas';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardFooter,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { applyServerFieldErrors } from '~/lib/form-errors';
import type { WorkspaceDetail } from './use-workspace';
import { useInvalidateWorkspace } from './use-workspace';

const formSchema = updateWorkspaceInput.omit({ id: true, settings: true }).required();
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const valuesOf = (ws: WorkspaceDetail): FormInput => ({
  name: ws.name,
  description: ws.description,
  environment: ws.environment,
  maxMembers: ws.maxMembers,
  maxResources: ws.maxResources,
});

export function SettingsTab({ workspace: ws }: { workspace: WorkspaceDetail }) {
  const trpc = useTRPC();
  const router = useRouter();
  const invalidate = useInvalidateWorkspace();
  const queryClient = useQueryClient();
  const { current, setCurrentId } = useWorkspaces();
  const [confirmDelete, setConfirmDelete] = React.useState(false);
  const [typedName, setTypedName] = React.useState('');
  const canUpdate = ws.permissions.canUpdate;
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(ws),
  });
  const { errors, isDirty } = form.formState;

  // Someone else may change the workspace while this tab is open: follow it unless the user is editing.
  React.useEffect(() => {
    if (!form.formState.isDirty) form.reset(valuesOf(ws));
  }, [ws, form]);

  const update = useMutation(
    trpc.workspace.update.mutationOptions({
      onSuccess: async (updated) => {
        toast.success('Settings saved');
        form.reset(valuesOf({ ...ws, ...updated }));
        await invalidate();
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError);
        toast.fromError(error, 'Could not save the settings');
      },
    }),
  );
  const remove = useMutation(
    trpc.workspace.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Workspace “${ws.name}” deleted`);
        if (current?.id === ws.id) setCurrentId(null);
        setConfirmDelete(false);
        // Forget the deleted workspace first, so nothing refetches it and reports "not found".
        queryClient.removeQueries(trpc.workspace.get.queryFilter({ id: ws.id }));
        router.push('/workspaces');
        await queryClient.invalidateQueries(trpc.workspace.list.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not delete the workspace'),
    }),
  );

  return (
    <div className="grid gap-6">
      <Card>
        <form
          onSubmit={form.handleSubmit((values) => update.mutate({ id: ws.id, ...values }))}
          noValidate
        >
          <CardHeader>
            <CardTitle>General</CardTitle>
            <CardDescription>
              {canUpdate
                ? 'Name, description, environment and quotas.'
                : 'Only workspace owners and admins can change these.'}
            </CardDescription>
          </CardHeader>
          <CardContent className="grid gap-4">
            <fieldset disabled={!canUpdate || update.isPending} className="grid gap-4">
              <div className="grid gap-4 md:grid-cols-2">
                <Field label="Name" htmlFor="set-name" error={errors.name?.message}>
                  <Input id="set-name" aria-invalid={!!errors.name} {...form.register('name')} />
                </Field>
                <Field
                  label="Environment"
                  htmlFor="set-environment"
                  error={errors.environment?.message}
                >
                  <Controller
                    control={form.control}
                    name="environment"
                    render={({ field }) => (
                      <Select
                        value={field.value}
                        onValueChange={field.onChange}
                        disabled={!canUpdate}
                      >
                        <SelectTrigger id="set-environment" aria-label="Environment">
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          <SelectItem value="dev">Development</SelectItem>
                          <SelectItem value="staging">Staging</SelectItem>
                          <SelectItem value="prod">Production</SelectItem>
                        </SelectContent>
                      </Select>
                    )}
                  />
                </Field>
              </div>
              <Field
                label="Description"
                htmlFor="set-description"
                error={errors.description?.message}
              >
                <Textarea id="set-description" rows={3} {...form.register('description')} />
              </Field>
              <div className="grid gap-4 md:grid-cols-2">
                <Field
                  label="Max members"
                  htmlFor="set-max-members"
                  error={errors.maxMembers?.message}
                  hint={`Currently ${ws.members.length} ${ws.members.length === 1 ? 'member' : 'members'}.`}
                >
                  <Input
                    id="set-max-members"
                    type="number"
                    min={1}
                    aria-invalid={!!errors.maxMembers}
                    {...form.register('maxMembers', { valueAsNumber: true })}
                  />
                </Field>
                <Field
                  label="Max linked resources"
                  htmlFor="set-max-resources"
                  error={errors.maxResources?.message}
                  hint={`Currently ${ws.resources.length} linked.`}
                >
                  <Input
                    id="set-max-resources"
                    type="number"
                    min={1}
                    aria-invalid={!!errors.maxResources}
                    {...form.register('maxResources', { valueAsNumber: true })}
                  />
                </Field>
              </div>
            </fieldset>
          </CardContent>
          {canUpdate ? (
            <CardFooter className="justify-end">
              <Button
                variant="outline"
                disabled={!isDirty || update.isPending}
                onClick={() => form.reset(valuesOf(ws))}
              >
                Discard
              </Button>
              <Button type="submit" disabled={!isDirty || update.isPending}>
                {update.isPending ? <Spinner /> : null}
                Save changes
              </Button>
            </CardFooter>
          ) : null}
        </form>
      </Card>

      {ws.permissions.canDelete ? (
        <Card className="border-destructive/40" data-testid="danger-zone">
          <CardHeader>
            <CardTitle className="text-destructive">Danger zone</CardTitle>
            <CardDescription>
              Deleting removes the workspace, its memberships and its resource links. The linked
              resources themselves are kept. The activity log keeps the record.
            </CardDescription>
          </CardHeader>
          <CardContent>
            <Button variant="destructive" onClick={() => setConfirmDelete(true)}>
              Delete workspace
            </Button>
          </CardContent>
        </Card>
      ) : null}

      <ConfirmDialog
        open={confirmDelete}
        onOpenChange={(open) => {
          setConfirmDelete(open);
          if (!open) setTypedName('');
        }}
        title={`Delete ${ws.name}?`}
        description="This cannot be undone."
        confirmLabel="Delete workspace"
        destructive
        pending={remove.isPending}
        confirmDisabled={typedName.trim() !== ws.name}
        onConfirm={() => remove.mutate({ id: ws.id })}
      >
        <Field
          label={
            <>
              Type <strong>{ws.name}</strong> to confirm
            </>
          }
          htmlFor="confirm-name"
        >
          <Input
            id="confirm-name"
            autoComplete="off"
            value={typedName}
            onChange={(e) => setTypedName(e.target.value)}
          />
        </Field>
      </ConfirmDialog>
    </div>
  );
}
