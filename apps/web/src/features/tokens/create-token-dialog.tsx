'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { TriangleAlert } from 'lucide-react';
import { createApiTokenInput } from '@racine/services/users/schemas';
import {
  Button,
  CopyButton,
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
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';

type FormInput = z.input<typeof createApiTokenInput>;
type FormOutput = z.output<typeof createApiTokenInput>;

const expiryOptions = [
  { value: '7', label: '7 days' },
  { value: '30', label: '30 days' },
  { value: '90', label: '90 days' },
  { value: '365', label: '1 year' },
  { value: 'never', label: 'Never' },
];

export function CreateTokenDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = React.useState<{ name: string; token: string } | null>(null);
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createApiTokenInput),
    defaultValues: { name: '', expiresInDays: 90 },
  });
  const { errors } = form.formState;

  const create = useMutation(
    trpc.user.createApiToken.mutationOptions({
      onSuccess: async (result) => {
        setCreated({ name: result.name, token: result.token });
        toast.success(`Token “${result.name}” created`);
        await queryClient.invalidateQueries(trpc.user.tokens.pathFilter());
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError);
        toast.fromError(error, 'Could not create the token');
      },
    }),
  );

  const close = () => {
    onOpenChange(false);
    // Forget the secret as soon as the dialog closes: it is never shown again.
    setTimeout(() => {
      setCreated(null);
      form.reset();
    }, 200);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent data-testid="create-token-dialog">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle>Copy your new token</DialogTitle>
              <DialogDescription>
                This is the only time “{created.name}” is shown. Racine keeps only a hash of it.
              </DialogDescription>
            </DialogHeader>
            <div className="flex items-center gap-2">
              <Input
                readOnly
                value={created.token}
                aria-label="New API token"
                data-testid="new-token-value"
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={created.token} />
            </div>
            <p className="flex gap-2 text-sm text-muted-foreground">
              <TriangleAlert className="mt-0.5 size-4 shrink-0 text-warning" />
              Store it in a secret manager. If you lose it, revoke it and create another.
            </p>
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form
            className="grid gap-4"
            onSubmit={form.handleSubmit((values) => create.mutate(values))}
            noValidate
          >
            <DialogHeader>
              <DialogTitle>New API token</DialogTitle>
              <DialogDescription>The token acts with your permissions.</DialogDescription>
            </DialogHeader>
            <Field
              label="Name"
              htmlFor="token-name"
              error={errors.name?.message}
              hint="What will use it, e.g. “CI nightly export”."
            >
              <Input
                id="token-name"
                autoFocus
                aria-invalid={!!errors.name}
                {...form.register('name')}
              />
            </Field>
            <Field
              label="Expires after"
              htmlFor="token-expiry"
              error={errors.expiresInDays?.message}
            >
              <Controller
                control={form.control}
                name="expiresInDays"
                render={({ field }) => (
                  <Select
                    value={field.value === null ? 'never' : String(field.value ?? 90)}
                    onValueChange={(v) => field.onChange(v === 'never' ? null : Number(v))}
                  >
                    <SelectTrigger id="token-expiry" aria-label="Expires after">
                      <SelectValue />
                    </SelectTrigger>
                    <SelectContent>
                      {expiryOptions.map((o) => (
                        <SelectItem key={o.value} value={o.value}>
                          {o.label}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
            <DialogFooter>
              <Button variant="outline" onClick={close} disabled={create.isPending}>
                Cancel
              </Button>
              <Button type="submit" disabled={create.isPending}>
                {create.isPending ? <Spinner /> : null}
                Create token
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
