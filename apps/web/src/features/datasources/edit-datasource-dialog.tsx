'use client';
import * as React from 'react';
import { useMutation } from '@tanstack/react-query';
import { type UseFormReturn, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { KeyRound } from 'lucide-react';
import { updateDataSourceInput } from '@racine/services/datasource/schemas';
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
import { useWorkspaces } from '~/components/shell/workspace-context';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { type DataSourceView, EngineLabel } from './bits';
import { DetailsFields, type DetailsValues } from './details-fields';
import { useInvalidateDataSource } from './use-datasource';

const formSchema = updateDataSourceInput.omit({ id: true });
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const emptyToNull = (v: unknown) => (v === '' || v === undefined ? null : v);
const toPort = (v: unknown) => (v === '' || v === null || v === undefined ? null : Number(v));

const valuesOf = (s: DataSourceView): FormInput => ({
  name: s.name,
  description: s.description,
  host: s.host ?? undefined,
  port: s.port,
  database: s.database,
  username: s.username,
  password: undefined,
  environment: s.environment,
  criticality: s.criticality,
  tags: s.tags,
  workspaceId: s.workspaceId,
});

type PasswordMode = 'keep' | 'change' | 'clear';

export function EditDataSourceDialog({
  source,
  open,
  onOpenChange,
}: {
  source: DataSourceView;
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateDataSource();
  const { workspaces } = useWorkspaces();
  const [passwordMode, setPasswordMode] = React.useState<PasswordMode>('keep');
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: valuesOf(source),
  });
  const { errors } = form.formState;
  const isSqlite = source.engine === 'sqlite';

  // Fill the form from the source as it is when the dialog opens (not on every refetch while editing).
  const sourceRef = React.useRef(source);
  sourceRef.current = source;
  React.useEffect(() => {
    if (open) {
      form.reset(valuesOf(sourceRef.current));
      setPasswordMode(sourceRef.current.hasPassword ? 'keep' : 'change');
    }
  }, [open, form]);

  const update = useMutation(
    trpc.datasource.update.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`Saved “${updated.name}”`);
        onOpenChange(false);
        await invalidate();
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not save the data source');
      },
    }),
  );

  const onSubmit = form.handleSubmit(({ password, ...values }) => {
    const next =
      passwordMode === 'clear'
        ? { password: null }
        : passwordMode === 'change' && password
          ? { password }
          : {};
    update.mutate({ id: source.id, ...values, ...next });
  });

  return (
    <Dialog open={open} onOpenChange={(next) => !update.isPending && onOpenChange(next)}>
      <DialogContent className="max-w-2xl" data-testid="edit-datasource-dialog">
        <DialogHeader>
          <DialogTitle>Edit {source.name}</DialogTitle>
          <DialogDescription>
            Changing the connection takes effect on the next test or scan.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-5" onSubmit={onSubmit} noValidate>
          <section className="grid gap-4">
            <div className="flex items-center justify-between text-sm">
              <h3 className="font-semibold">Connection</h3>
              <EngineLabel engine={source.engine} />
            </div>
            {isSqlite ? (
              <Field label="File path" htmlFor="eds-database" error={errors.database?.message}>
                <Input
                  id="eds-database"
                  className="font-mono text-xs"
                  aria-invalid={!!errors.database}
                  {...form.register('database')}
                />
              </Field>
            ) : (
              <>
                <div className="grid items-start gap-4 sm:grid-cols-[1fr_7rem_1fr]">
                  <Field label="Host" htmlFor="eds-host" error={errors.host?.message}>
                    <Input
                      id="eds-host"
                      aria-invalid={!!errors.host}
                      {...form.register('host', { setValueAs: emptyToUndefined })}
                    />
                  </Field>
                  <Field label="Port" htmlFor="eds-port" error={errors.port?.message}>
                    <Input
                      id="eds-port"
                      inputMode="numeric"
                      aria-invalid={!!errors.port}
                      {...form.register('port', { setValueAs: toPort })}
                    />
                  </Field>
                  <Field label="Database" htmlFor="eds-database" error={errors.database?.message}>
                    <Input
                      id="eds-database"
                      aria-invalid={!!errors.database}
                      {...form.register('database')}
                    />
                  </Field>
                </div>
                <div className="grid items-start gap-4 sm:grid-cols-[1fr_1.7fr]">
                  <Field label="Username" htmlFor="eds-username" error={errors.username?.message}>
                    <Input
                      id="eds-username"
                      autoComplete="off"
                      {...form.register('username', { setValueAs: emptyToNull })}
                    />
                  </Field>
                  <Field
                    label="Password"
                    htmlFor="eds-password"
                    error={errors.password?.message}
                    hint={
                      passwordMode === 'clear'
                        ? 'The stored password will be removed when you save.'
                        : passwordMode === 'change' && source.hasPassword
                          ? 'Leave empty to keep the stored password.'
                          : undefined
                    }
                  >
                    {passwordMode === 'keep' || passwordMode === 'clear' ? (
                      <div className="flex gap-2">
                        <Input
                          id="eds-password"
                          readOnly
                          value={passwordMode === 'clear' ? '(none)' : '••••••• (stored)'}
                          className="text-muted-foreground"
                          data-testid="stored-password"
                        />
                        <Button
                          variant="outline"
                          onClick={() => setPasswordMode('change')}
                          aria-label="Change the password"
                        >
                          <KeyRound />
                          Change
                        </Button>
                        {passwordMode === 'keep' ? (
                          <Button variant="ghost" onClick={() => setPasswordMode('clear')}>
                            Remove
                          </Button>
                        ) : (
                          <Button variant="ghost" onClick={() => setPasswordMode('keep')}>
                            Undo
                          </Button>
                        )}
                      </div>
                    ) : (
                      <div className="flex gap-2">
                        <Input
                          id="eds-password"
                          type="password"
                          autoComplete="new-password"
                          autoFocus={source.hasPassword}
                          placeholder={source.hasPassword ? 'New password' : undefined}
                          {...form.register('password', { setValueAs: emptyToUndefined })}
                        />
                        {source.hasPassword ? (
                          <Button
                            variant="ghost"
                            onClick={() => {
                              form.setValue('password', undefined);
                              setPasswordMode('keep');
                            }}
                          >
                            Cancel
                          </Button>
                        ) : null}
                      </div>
                    )}
                  </Field>
                </div>
              </>
            )}
          </section>
          <DetailsFields
            form={form as unknown as UseFormReturn<DetailsValues>}
            idPrefix="eds"
            // A source may sit in a workspace the editor is not a member of: keep it choosable.
            workspaces={
              source.workspace && !workspaces.some((w) => w.id === source.workspaceId)
                ? [...workspaces, source.workspace]
                : workspaces
            }
            noWorkspace={null}
          />
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={update.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={update.isPending}>
              {update.isPending ? <Spinner /> : null}
              Save changes
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
