'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Check, LayoutTemplate } from 'lucide-react';
import { createFromTemplateInput } from '@racine/services/workspace/schemas';
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
  Skeleton,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { EnvironmentBadge } from '~/components/environment-badge';
import { applyServerFieldErrors } from '~/lib/form-errors';

const formSchema = createFromTemplateInput.omit({ slug: true });
type FormValues = z.input<typeof formSchema>;

export function TemplateDialog({
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
  const templates = useQuery({ ...trpc.workspace.templates.queryOptions(), enabled: open });
  const form = useForm<FormValues>({
    resolver: zodResolver(formSchema),
    defaultValues: { templateKey: '', name: '' },
  });
  const selected = form.watch('templateKey');
  const { errors } = form.formState;

  const create = useMutation(
    trpc.workspace.createFromTemplate.mutationOptions({
      onSuccess: async (workspace) => {
        toast.success(`Workspace “${workspace.name}” created from template`);
        await queryClient.invalidateQueries(trpc.workspace.list.pathFilter());
        setCurrentId(workspace.id);
        onOpenChange(false);
        form.reset();
        router.push(`/workspaces/${workspace.id}`);
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not create the workspace');
      },
    }),
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent className="max-w-2xl" data-testid="template-dialog">
        <DialogHeader>
          <DialogTitle>Start from a template</DialogTitle>
          <DialogDescription>
            Templates preset the environment, quotas and settings for a common set-up.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
          noValidate
        >
          <div role="radiogroup" aria-label="Template" className="grid gap-2 sm:grid-cols-3">
            {templates.isPending ? (
              Array.from({ length: 3 }, (_, i) => <Skeleton key={i} className="h-32" />)
            ) : templates.isError ? (
              <ErrorState
                className="sm:col-span-3"
                error={templates.error}
                onRetry={() => void templates.refetch()}
              />
            ) : templates.data.length === 0 ? (
              <EmptyState
                className="sm:col-span-3"
                icon={<LayoutTemplate />}
                title="No templates available"
              />
            ) : (
              templates.data.map((t) => {
                const checked = selected === t.key;
                return (
                  <button
                    key={t.key}
                    type="button"
                    role="radio"
                    aria-checked={checked}
                    data-testid={`template-${t.key}`}
                    onClick={() => form.setValue('templateKey', t.key, { shouldValidate: true })}
                    className={cn(
                      'relative flex flex-col items-start gap-1.5 rounded-lg border p-3 text-left text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring/40 cursor-pointer',
                      checked && 'border-primary bg-primary/5 ring-1 ring-primary',
                    )}
                  >
                    {checked ? (
                      <Check className="absolute right-2 top-2 size-4 text-primary" />
                    ) : null}
                    <span className="pr-5 font-medium">{t.name}</span>
                    <span className="text-xs text-muted-foreground">{t.description}</span>
                    <span className="mt-auto flex flex-wrap items-center gap-1.5 pt-1 text-xs text-muted-foreground">
                      {t.defaults.environment ? (
                        <EnvironmentBadge environment={t.defaults.environment} />
                      ) : null}
                      {t.defaults.maxMembers ? (
                        <span>{t.defaults.maxMembers} members max</span>
                      ) : null}
                    </span>
                  </button>
                );
              })
            )}
          </div>
          {errors.templateKey ? (
            <p role="alert" className="text-xs text-destructive">
              Pick a template.
            </p>
          ) : null}
          <Field label="Workspace name" htmlFor="tpl-name" error={errors.name?.message}>
            <Input id="tpl-name" aria-invalid={!!errors.name} {...form.register('name')} />
          </Field>
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
              Create from template
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
