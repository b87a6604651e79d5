'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, type UseFormReturn, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { PlugZap, Sparkles } from 'lucide-react';
import { createDataSourceInput } from '@racine/services/datasource/schemas';
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
  Switch,
  toast,
} from '@racine/ui';
import { useTRPC, useTRPCClient } from '~/trpc/react';
import { useWorkspaces } from '~/components/shell/workspace-context';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { type Engine, engineMeta, engineOptions } from './bits';
import { ConnectionTestResult } from './connection-test';
import { DetailsFields, type DetailsValues } from './details-fields';

// The server's own schema drives the form (it is refined, so it is used whole).
const formSchema = createDataSourceInput;
type FormInput = z.input<typeof formSchema>;
type FormOutput = z.output<typeof formSchema>;

const emptyToUndefined = (v: unknown) => (v === '' || v === null ? undefined : v);
const toPort = (v: unknown) => (v === '' || v === null || v === undefined ? undefined : Number(v));

const defaultsFor = (workspaceId: string | undefined): FormInput => ({
  name: '',
  description: '',
  engine: 'postgres',
  host: undefined,
  port: 5432,
  database: '',
  username: undefined,
  password: undefined,
  options: { ssl: false, connectTimeoutMs: 5_000, statementTimeoutMs: 15_000 },
  environment: 'dev',
  criticality: 'medium',
  tags: [],
  workspaceId,
});

export function CreateDataSourceDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const trpcClient = useTRPCClient();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { workspaces, current } = useWorkspaces();
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(formSchema),
    defaultValues: defaultsFor(current?.id),
  });
  const { errors } = form.formState;
  const engine = useWatch({ control: form.control, name: 'engine' }) as Engine;
  const isSqlite = engine === 'sqlite';

  // Start from the workspace chosen in the switcher each time the dialog opens.
  React.useEffect(() => {
    if (open) form.reset(defaultsFor(current?.id));
  }, [open, current?.id, form]);

  const demo = useQuery({
    ...trpc.datasource.demoConnection.queryOptions(),
    enabled: open,
    staleTime: 5 * 60_000,
    retry: false,
  });

  const test = useMutation(trpc.datasource.testDraft.mutationOptions());
  // A result only speaks for the settings it was made with.
  const connection = useWatch({
    control: form.control,
    name: ['engine', 'host', 'port', 'database', 'username', 'password'],
  });
  const connectionKey = JSON.stringify(connection);
  const testedKey = React.useRef<string | null>(null);
  const resetTest = test.reset;
  React.useEffect(() => {
    if (testedKey.current !== null && testedKey.current !== connectionKey) {
      testedKey.current = null;
      resetTest();
    }
  }, [connectionKey, resetTest]);

  const create = useMutation(
    trpc.datasource.create.mutationOptions({
      onSuccess: async (source) => {
        toast.success(`Data source “${source.name}” registered`);
        onOpenChange(false);
        router.push(`/datasources/${source.id}`);
        // Test the saved source once, so its health shows from the start (recorded on it and in the log).
        void trpcClient.datasource.test
          .mutate({ id: source.id })
          .catch(() => null)
          .then(() =>
            Promise.all([
              queryClient.invalidateQueries(trpc.datasource.get.queryFilter({ id: source.id })),
              queryClient.invalidateQueries(trpc.datasource.list.pathFilter()),
            ]),
          );
        await Promise.all([
          queryClient.invalidateQueries(trpc.datasource.list.pathFilter()),
          queryClient.invalidateQueries(trpc.workspace.get.pathFilter()),
        ]);
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not register the data source');
      },
    }),
  );

  const runTest = async () => {
    const ok = await form.trigger(['engine', 'host', 'port', 'database', 'username', 'password']);
    if (!ok) return;
    const v = form.getValues();
    testedKey.current = connectionKey;
    test.mutate({
      connection: {
        engine: v.engine,
        database: v.database,
        ...(v.host ? { host: v.host } : {}),
        ...(v.port ? { port: v.port } : {}),
        ...(v.username ? { username: v.username } : {}),
        ...(v.password ? { password: v.password } : {}),
        options: v.options,
      },
    });
  };

  const useDemo = () => {
    if (!demo.data) return;
    form.setValue('engine', demo.data.engine, { shouldDirty: true });
    form.setValue('database', demo.data.database, { shouldDirty: true, shouldValidate: true });
    form.setValue('host', undefined);
    form.setValue('port', undefined);
    form.setValue('username', undefined);
    form.setValue('password', undefined);
    if (!form.getValues('name')) form.setValue('name', 'Demo shop copy', { shouldDirty: true });
    if (!form.getValues('description'))
      form.setValue('description', 'A copy of the demo shop database, for trying scans.');
    if (!form.getValues('tags')?.length) form.setValue('tags', ['demo']);
  };

  const onEngineChange = (next: Engine) => {
    const prev = form.getValues('engine') as Engine;
    form.setValue('engine', next, { shouldDirty: true });
    const port = form.getValues('port');
    if (port === undefined || port === engineMeta[prev].defaultPort)
      form.setValue('port', engineMeta[next].defaultPort);
  };

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => {
        if (!create.isPending) onOpenChange(next);
      }}
    >
      <DialogContent className="max-w-2xl" data-testid="create-datasource-dialog">
        <DialogHeader>
          <DialogTitle>New data source</DialogTitle>
          <DialogDescription>
            Racine reads the catalog and samples values read-only. Credentials are stored encrypted
            and never shown again.
          </DialogDescription>
        </DialogHeader>
        <form
          className="grid gap-5"
          noValidate
          onSubmit={form.handleSubmit(({ password, username, host, ...values }) =>
            create.mutate({
              ...values,
              ...(host ? { host } : {}),
              ...(username ? { username } : {}),
              ...(password ? { password } : {}),
            }),
          )}
        >
          <section className="grid gap-4" aria-labelledby="ds-connection-heading">
            <div className="flex flex-wrap items-center justify-between gap-2">
              <h3 id="ds-connection-heading" className="text-sm font-semibold">
                Connection
              </h3>
              {demo.data ? (
                <Button
                  type="button"
                  variant="outline"
                  size="sm"
                  onClick={useDemo}
                  data-testid="use-demo-database"
                >
                  <Sparkles />
                  Use the demo database
                </Button>
              ) : null}
            </div>
            <div className="grid items-start gap-4 sm:grid-cols-[12rem_1fr]">
              <Field label="Engine" htmlFor="ds-engine" error={errors.engine?.message}>
                <Controller
                  control={form.control}
                  name="engine"
                  render={({ field }) => (
                    <Select value={field.value} onValueChange={(v) => onEngineChange(v as Engine)}>
                      <SelectTrigger id="ds-engine" aria-label="Engine">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {engineOptions.map(([value, meta]) => (
                          <SelectItem key={value} value={value}>
                            {meta.label}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </Field>
              {isSqlite ? (
                <Field
                  label="File path"
                  htmlFor="ds-database"
                  error={errors.database?.message}
                  hint="A .sqlite file on the Racine server, under its data folder or RACINE_SQLITE_ROOTS."
                >
                  <Input
                    id="ds-database"
                    placeholder="/var/lib/racine/shop.sqlite"
                    className="font-mono text-xs"
                    aria-invalid={!!errors.database}
                    {...form.register('database')}
                  />
                </Field>
              ) : (
                <div className="grid items-start gap-4 sm:grid-cols-[1fr_7rem]">
                  <Field label="Host" htmlFor="ds-host" error={errors.host?.message}>
                    <Input
                      id="ds-host"
                      placeholder="db.internal.example.com"
                      aria-invalid={!!errors.host}
                      {...form.register('host', { setValueAs: emptyToUndefined })}
                    />
                  </Field>
                  <Field label="Port" htmlFor="ds-port" error={errors.port?.message}>
                    <Input
                      id="ds-port"
                      inputMode="numeric"
                      aria-invalid={!!errors.port}
                      {...form.register('port', { setValueAs: toPort })}
                    />
                  </Field>
                </div>
              )}
            </div>
            {isSqlite ? null : (
              <div className="grid items-start gap-4 sm:grid-cols-3">
                <Field label="Database" htmlFor="ds-database" error={errors.database?.message}>
                  <Input
                    id="ds-database"
                    placeholder="analytics"
                    aria-invalid={!!errors.database}
                    {...form.register('database')}
                  />
                </Field>
                <Field label="Username" htmlFor="ds-username" error={errors.username?.message}>
                  <Input
                    id="ds-username"
                    autoComplete="off"
                    placeholder="racine_reader"
                    {...form.register('username', { setValueAs: emptyToUndefined })}
                  />
                </Field>
                <Field label="Password" htmlFor="ds-password" error={errors.password?.message}>
                  <Input
                    id="ds-password"
                    type="password"
                    autoComplete="new-password"
                    {...form.register('password', { setValueAs: emptyToUndefined })}
                  />
                </Field>
              </div>
            )}
            <div className="flex flex-wrap items-center gap-3">
              <Button
                type="button"
                variant="secondary"
                onClick={() => void runTest()}
                disabled={test.isPending}
                data-testid="test-connection"
              >
                {test.isPending ? <Spinner /> : <PlugZap />}
                Test connection
              </Button>
              {isSqlite ? null : (
                <Controller
                  control={form.control}
                  name="options.ssl"
                  render={({ field }) => (
                    <label className="flex items-center gap-2 text-sm">
                      <Switch
                        checked={!!field.value}
                        onCheckedChange={field.onChange}
                        aria-label="Use TLS/SSL"
                      />
                      TLS/SSL
                    </label>
                  )}
                />
              )}
            </div>
            <ConnectionTestResult result={test.data} error={test.error} />
          </section>

          <DetailsFields
            form={form as unknown as UseFormReturn<DetailsValues>}
            idPrefix="ds"
            workspaces={workspaces}
            noWorkspace={undefined}
            namePlaceholder="Warehouse (prod)"
            tagsPlaceholder="finance, gdpr"
            tagsHint="Enter or comma to add."
          />
          <DialogFooter>
            <Button
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button
              type="submit"
              disabled={create.isPending}
              data-testid="create-datasource-submit"
            >
              {create.isPending ? <Spinner /> : null}
              Create data source
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
