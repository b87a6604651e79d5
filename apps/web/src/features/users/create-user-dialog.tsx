'use client';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { createUserInput } from '@racine/services/users/schemas';
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
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { RolePicker } from './role-picker';

type FormInput = z.input<typeof createUserInput>;
type FormOutput = z.output<typeof createUserInput>;
const defaults: FormInput = { email: '', name: '', password: '', roles: ['viewer'] };

export function CreateUserDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createUserInput),
    defaultValues: defaults,
  });
  const { errors } = form.formState;

  const create = useMutation(
    trpc.user.create.mutationOptions({
      onSuccess: async (user) => {
        toast.success(`${user.name} can now sign in as ${user.email}`);
        await queryClient.invalidateQueries(trpc.user.list.pathFilter());
        onOpenChange(false);
        form.reset(defaults);
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError);
        toast.fromError(error, 'Could not create the user');
      },
    }),
  );

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent className="max-w-lg" data-testid="create-user-dialog">
        <DialogHeader>
          <DialogTitle>Create user</DialogTitle>
          <DialogDescription>
            They sign in with this email and password; share the password safely.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-4"
          onSubmit={form.handleSubmit((values) => create.mutate(values))}
          noValidate
        >
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Name" htmlFor="user-name" error={errors.name?.message}>
              <Input
                id="user-name"
                autoFocus
                aria-invalid={!!errors.name}
                {...form.register('name')}
              />
            </Field>
            <Field label="Email" htmlFor="user-email" error={errors.email?.message}>
              <Input
                id="user-email"
                type="email"
                autoComplete="off"
                aria-invalid={!!errors.email}
                {...form.register('email')}
              />
            </Field>
          </div>
          <Field
            label="Initial password"
            htmlFor="user-password"
            error={errors.password?.message}
            hint="At least 10 characters."
          >
            <Input
              id="user-password"
              type="password"
              autoComplete="new-password"
              aria-invalid={!!errors.password}
              {...form.register('password')}
            />
          </Field>
          <Field label="Global roles" error={errors.roles?.message}>
            <Controller
              control={form.control}
              name="roles"
              render={({ field }) => (
                <RolePicker
                  idPrefix="new-user-role"
                  value={field.value ?? []}
                  onChange={field.onChange}
                />
              )}
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
            <Button type="submit" disabled={create.isPending}>
              {create.isPending ? <Spinner /> : null}
              Create user
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
