'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useRouter } from 'next/navigation';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { createFrameworkInput } from '@racine/services/compliance/schemas';
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
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';

type FormInput = z.input<typeof createFrameworkInput>;
type FormOutput = z.output<typeof createFrameworkInput>;

/** A custom framework starts empty; its rules are added on its page. */
export function CreateFrameworkDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createFrameworkInput),
    defaultValues: { name: '', description: '' },
  });
  const { errors } = form.formState;
  const create = useMutation(
    trpc.compliance.createFramework.mutationOptions({
      onSuccess: async (framework) => {
        toast.success(`Framework “${framework.name}” created`);
        await queryClient.invalidateQueries(trpc.compliance.pathFilter());
        onOpenChange(false);
        form.reset();
        router.push(`/compliance/frameworks/${framework.id}`);
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not create the framework');
      },
    }),
  );
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="create-framework-dialog">
        <form
          className="grid gap-4"
          noValidate
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
        >
          <DialogHeader>
            <DialogTitle>New framework</DialogTitle>
            <DialogDescription>
              Your own policy, e.g. an internal data-handling standard. Add its rules next.
            </DialogDescription>
          </DialogHeader>
          <Field label="Name" htmlFor="framework-name" error={errors.name?.message}>
            <Input
              id="framework-name"
              autoFocus
              aria-invalid={!!errors.name}
              {...form.register('name')}
            />
          </Field>
          <Field
            label="Description (optional)"
            htmlFor="framework-description"
            error={errors.description?.message}
          >
            <Textarea id="framework-description" rows={3} {...form.register('description')} />
          </Field>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Create framework
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
