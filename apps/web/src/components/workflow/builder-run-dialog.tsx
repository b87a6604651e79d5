'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Play } from 'lucide-react';
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
  Switch,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { PickerField } from './builder-pickers';
import type { PickerKind } from './builder-schema';
import type { DraftParameter } from './builder-types';

const pickerOf: Partial<Record<DraftParameter['type'], PickerKind>> = {
  dataSource: 'dataSource',
  workspace: 'workspace',
  user: 'user',
};

/** The values a run starts with: each parameter's default, if it has one. */
export function initialParams(parameters: readonly DraftParameter[]): Record<string, unknown> {
  return Object.fromEntries(parameters.filter((p) => p.default !== undefined).map((p) => [p.name, p.default]));
}

/**
 * Starts a run of the saved workflow (its latest version) with its typed
 * parameters: data sources, workspaces and users picked from lists, numbers
 * and yes/no as such. The server checks them again and names the one that
 * is wrong.
 */
export function RunDialog({
  open,
  onOpenChange,
  workflowId,
  workspaceId,
  version,
  parameters,
  onStarted,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workflowId: string;
  workspaceId: string;
  version: number;
  parameters: readonly DraftParameter[];
  onStarted: (executionId: string) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [values, setValues] = React.useState<Record<string, unknown>>(() => initialParams(parameters));
  React.useEffect(() => {
    if (open) setValues(initialParams(parameters));
  }, [open, parameters]);
  const execute = useMutation(
    trpc.workflow.execute.mutationOptions({
      onSuccess: async (result) => {
        toast.success(`Run started (version ${version})`);
        onOpenChange(false);
        onStarted(result.id);
        await queryClient.invalidateQueries(trpc.workflow.pathFilter());
      },
      onError: (error) => toast.fromError(error, 'Could not start the run'),
    }),
  );
  const missing = parameters.filter((p) => p.required && (values[p.name] === undefined || values[p.name] === ''));
  const set = (name: string, v: unknown) =>
    setValues((prev) => {
      const next = { ...prev };
      if (v === undefined || v === '') delete next[name];
      else next[name] = v;
      return next;
    });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent data-testid="run-dialog">
        <DialogHeader>
          <DialogTitle>Run version {version}</DialogTitle>
          <DialogDescription>
            {parameters.length ? 'The values this run starts with.' : 'This workflow takes no parameters.'}
          </DialogDescription>
        </DialogHeader>
        <form
          id="run-form"
          className="grid gap-4"
          onSubmit={(e) => {
            e.preventDefault();
            execute.mutate({ id: workflowId, params: values });
          }}
        >
          {parameters.map((p) => {
            const id = `run-${p.name}`;
            const label = (
              <>
                {p.label || p.name}
                {p.required ? <span className="text-destructive"> *</span> : null}
              </>
            );
            const picker = pickerOf[p.type];
            return (
              <Field key={p.name} label={label} htmlFor={id} hint={p.description}>
                {picker ? (
                  <PickerField
                    kind={picker}
                    id={id}
                    value={typeof values[p.name] === 'string' ? (values[p.name] as string) : undefined}
                    onChange={(v) => set(p.name, v)}
                    workspaceId={workspaceId}
                    parameters={[]}
                    placeholder="Choose…"
                  />
                ) : p.type === 'boolean' ? (
                  <Switch id={id} checked={values[p.name] === true} onCheckedChange={(c) => set(p.name, c)} />
                ) : (
                  <Input
                    id={id}
                    inputMode={p.type === 'number' ? 'decimal' : undefined}
                    value={values[p.name] === undefined ? '' : String(values[p.name])}
                    onChange={(e) => {
                      const raw = e.target.value;
                      set(p.name, p.type === 'number' && raw.trim() !== '' && Number.isFinite(Number(raw)) ? Number(raw) : raw);
                    }}
                  />
                )}
              </Field>
            );
          })}
        </form>
        <DialogFooter>
          <Button variant="outline" onClick={() => onOpenChange(false)}>
            Cancel
          </Button>
          <Button
            type="submit"
            form="run-form"
            disabled={execute.isPending || missing.length > 0}
            title={missing.length ? `Fill in ${missing.map((p) => p.label || p.name).join(', ')}` : undefined}
            data-testid="run-start"
          >
            <Play />
            {execute.isPending ? 'Starting…' : 'Start run'}
          </Button>
        </DialogFooter>
      </DialogContent>
    </Dialog>
  );
}
