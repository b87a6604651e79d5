'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { createWorkspaceInput } from '@racine/services/workspace/schemas';
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
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { applyServerFieldErrors } from '~/lib/form-errors';

// The server's own schema drives the form; an empty slug means "derive it from the name".
const formSchema = createWorkspaceInput
  .omit({ settings: true, slug: true })
  .extend({ slug: z.union([z.literal(''), createWorkspaceInput.shape.slug.unwrap()]) });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const defaults: FormInput = {
  name: '',
  slug: '',
  description: '',
  kind: 'team',
  environment: 'dev',
  maxMembers: 50,
  maxResources: 500,
};

export function CreateWorkspaceDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { setCurrentId } = useWorkspaces();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  const create = useMutation(
    trpc.workspace.create.mutationOptions({
      onSuccess: async (workspace) => {
        toast.success(`Workspace “${workspace.name}” created`);
        await queryClient.invalidateQueries(trpc.workspace.list.pathFilter());
        setCurrentId(workspace.id);
        onOpenChange(false);
        form.reset(defaults);
        router.push(`/workspaces/${workspace.id}`);
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not create the workspace');
      },
    }),
  );

  const onSubmit = form.handleSubmit(({ slug, ...values }) =>
    create.mutate({ ...values, ...(slug ? { slug } : {}) }),
  );

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!create.isPending) onOpenChange(next);
      }}
    >
      <DialogContent className="max-w-xl" data-testid="create-workspace-dialog">
        <DialogHeader>
          <DialogTitle>Create workspace</DialogTitle>
          <DialogDescription>
            A workspace groups the sources, scans and people of one team or project.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" htmlFor="ws-name" error={errors.name?.message}>
              <Input
                id="ws-name"
                autoFocus
                aria-invalid={!!errors.name}
                {...form.register('name')}
              />
            </Field>
            <Field
              label="Slug"
              htmlFor="ws-slug"
              error={errors.slug?.message}
              hint="Optional; derived from the name."
            >
              <Input
                id="ws-slug"
                placeholder="finance-analytics"
                aria-invalid={!!errors.slug}
                {...form.register('slug')}
              />
            </Field>
          </div>
          <Field label="Description" htmlFor="ws-description" error={errors.description?.message}>
            <Textarea id="ws-description" rows={3} {...form.register('description')} />
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Environment" htmlFor="ws-environment" error={errors.environment?.message}>
              <Controller
                control={form.control}
                name="environment"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger id="ws-environment" aria-label="Environment">
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
            <Field label="Kind" htmlFor="ws-kind" error={errors.kind?.message}>
              <Controller
                control={form.control}
                name="kind"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger id="ws-kind" aria-label="Kind">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      <SelectItem value="team">Team</SelectItem>
                      <SelectItem value="personal">Personal</SelectItem>
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
            <Field label="Max members" htmlFor="ws-max-members" error={errors.maxMembers?.message}>
              <Input
                id="ws-max-members"
                type="number"
                min={1}
                aria-invalid={!!errors.maxMembers}
                {...form.register('maxMembers', { valueAsNumber: true })}
              />
            </Field>
            <Field
              label="Max linked resources"
              htmlFor="ws-max-resources"
              error={errors.maxResources?.message}
            >
              <Input
                id="ws-max-resources"
                type="number"
                min={1}
                aria-invalid={!!errors.maxResources}
                {...form.register('maxResources', { valueAsNumber: true })}
              />
            </Field>
          </div>
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Create workspace
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
