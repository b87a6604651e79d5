'use client';
import * as React from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { createScanInput } from '@racine/services/scan/schemas';
import {
  Badge,
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
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';
import type { ScanView } from './bits';
import { cronHint, cronPresets } from './cron';
import { useInvalidateScans } from './use-scans';

type FormInput = z.input<typeof createScanInput>;
type FormOutput = z.output<typeof createScanInput>;

const emptyToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

/**
 * Create a scan (of `source`, or of a source picked here) or edit one: a
 * rule set, an optional cron schedule, enabled or not.
 */
export function ScanDialog({
  open,
  onOpenChange,
  source,
  scan,
  onCreated,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  source?: { id: string; name: string };
  scan?: ScanView;
  onCreated?: (scan: ScanView) => void;
}) {
  const trpc = useTRPC();
  const invalidate = useInvalidateScans();
  const ruleSets = useQuery({ ...trpc.scanRuleSet.list.queryOptions(), enabled: open });
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100 }),
    enabled: open && !source && !scan,
  });
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(createScanInput),
    defaultValues: { name: '', dataSourceId: '', ruleSetId: '', schedule: null, enabled: true },
  });
  const { errors } = form.formState;
  const schedule = useWatch({ control: form.control, name: 'schedule' });
  const ruleSetId = useWatch({ control: form.control, name: 'ruleSetId' });
  const dataSourceId = useWatch({ control: form.control, name: 'dataSourceId' });

  React.useEffect(() => {
    if (!open) return;
    form.reset(
      scan
        ? {
            name: scan.name,
            dataSourceId: scan.dataSourceId,
            ruleSetId: scan.ruleSetId,
            schedule: scan.schedule,
            enabled: scan.enabled,
          }
        : {
            name: '',
            dataSourceId: source?.id ?? '',
            ruleSetId: '',
            schedule: null,
            enabled: true,
          },
    );
  }, [open, scan, source?.id, form]);

  // New scans start with the "All detectors" rule set.
  React.useEffect(() => {
    if (!open || scan || form.getValues('ruleSetId') || !ruleSets.data?.length) return;
    const all = ruleSets.data.find((r) => r.key === 'all') ?? ruleSets.data[0]!;
    form.setValue('ruleSetId', all.id);
  }, [open, scan, ruleSets.data, form]);

  // Until the user names it, a new scan is named after its source and rule set.
  const sourceName =
    source?.name ?? sources.data?.items.find((s) => s.id === dataSourceId)?.name ?? '';
  const ruleSetName = ruleSets.data?.find((r) => r.id === ruleSetId)?.name ?? '';
  React.useEffect(() => {
    if (!open || scan || form.getFieldState('name').isDirty) return;
    if (sourceName && ruleSetName)
      form.setValue('name', `${sourceName} — ${ruleSetName}`.slice(0, 80));
  }, [open, scan, sourceName, ruleSetName, form]);

  const create = useMutation(
    trpc.scan.create.mutationOptions({
      onSuccess: async (created) => {
        toast.success(`Scan “${created.name}” created`);
        onOpenChange(false);
        onCreated?.(created);
        await invalidate();
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not create the scan');
      },
    }),
  );
  const update = useMutation(
    trpc.scan.update.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`Scan “${updated.name}” saved`);
        onOpenChange(false);
        await invalidate();
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError))
          toast.fromError(error, 'Could not save the scan');
      },
    }),
  );
  const pending = create.isPending || update.isPending;

  const onSubmit = form.handleSubmit((values) => {
    if (scan)
      update.mutate({
        id: scan.id,
        name: values.name,
        ruleSetId: values.ruleSetId,
        schedule: values.schedule,
        enabled: values.enabled,
      });
    else create.mutate(values);
  });

  const selectedRuleSet = ruleSets.data?.find((r) => r.id === ruleSetId);

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="max-w-lg" data-testid="scan-dialog">
        <DialogHeader>
          <DialogTitle>{scan ? `Edit ${scan.name}` : 'New scan'}</DialogTitle>
          <DialogDescription>
            A scan catalogues {source?.name ?? scan?.dataSource.name ?? 'a source'} and labels its
            columns with a rule set, on demand or on a schedule.
          </DialogDescription>
        </DialogHeader>
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          {!source && !scan ? (
            <Field label="Data source" htmlFor="scan-source" error={errors.dataSourceId?.message}>
              <Controller
                control={form.control}
                name="dataSourceId"
                render={({ field }) => (
                  <Select value={field.value || undefined} onValueChange={field.onChange}>
                    <SelectTrigger
                      id="scan-source"
                      aria-label="Data source"
                      aria-invalid={!!errors.dataSourceId}
                    >
                      <SelectValue placeholder={sources.isPending ? 'Loading…' : 'Pick a source'} />
                    </SelectTrigger>
                    <SelectContent>
                      {sources.data?.items.map((s) => (
                        <SelectItem key={s.id} value={s.id}>
                          {s.name}
                        </SelectItem>
                      ))}
                    </SelectContent>
                  </Select>
                )}
              />
            </Field>
          ) : null}
          <Field
            label="Rule set"
            htmlFor="scan-ruleset"
            error={errors.ruleSetId?.message}
            hint={selectedRuleSet?.description || undefined}
          >
            <Controller
              control={form.control}
              name="ruleSetId"
              render={({ field }) => (
                <Select value={field.value || undefined} onValueChange={field.onChange}>
                  <SelectTrigger
                    id="scan-ruleset"
                    aria-label="Rule set"
                    aria-invalid={!!errors.ruleSetId}
                  >
                    <SelectValue
                      placeholder={ruleSets.isPending ? 'Loading…' : 'Pick a rule set'}
                    />
                  </SelectTrigger>
                  <SelectContent>
                    {ruleSets.data?.map((r) => (
                      <SelectItem key={r.id} value={r.id}>
                        <span className="flex items-center gap-2">
                          {r.name}
                          {r.builtIn ? (
                            <Badge variant="outline" className="px-1 py-0 text-[10px]">
                              built-in
                            </Badge>
                          ) : null}
                        </span>
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
              )}
            />
          </Field>
          <Field label="Name" htmlFor="scan-name" error={errors.name?.message}>
            <Input id="scan-name" aria-invalid={!!errors.name} {...form.register('name')} />
          </Field>
          <Field
            label="Schedule (optional)"
            htmlFor="scan-schedule"
            error={errors.schedule?.message}
            hint={<span data-testid="cron-hint">{cronHint(schedule)}</span>}
          >
            <Input
              id="scan-schedule"
              placeholder="0 2 * * *"
              className="font-mono"
              aria-invalid={!!errors.schedule}
              {...form.register('schedule', { setValueAs: emptyToNull })}
            />
            <div className="flex flex-wrap gap-1.5">
              {cronPresets.map((p) => (
                <Button
                  key={p.value}
                  variant="outline"
                  size="sm"
                  className="h-6 px-2 text-[11px]"
                  onClick={() => form.setValue('schedule', p.value, { shouldValidate: true })}
                >
                  {p.label}
                </Button>
              ))}
              {schedule ? (
                <Button
                  variant="ghost"
                  size="sm"
                  className="h-6 px-2 text-[11px]"
                  onClick={() => form.setValue('schedule', null, { shouldValidate: true })}
                >
                  Manual only
                </Button>
              ) : null}
            </div>
          </Field>
          <Controller
            control={form.control}
            name="enabled"
            render={({ field }) => (
              <label className="flex items-center gap-2 text-sm">
                <Switch checked={!!field.value} onCheckedChange={field.onChange} />
                Enabled{' '}
                <span className="text-muted-foreground">
                  (a disabled scan never runs on its schedule)
                </span>
              </label>
            )}
          />
          <DialogFooter>
            <Button variant="outline" onClick={() => onOpenChange(false)} disabled={pending}>
              Cancel
            </Button>
            <Button type="submit" disabled={pending} data-testid="scan-dialog-submit">
              {pending ? <Spinner /> : null}
              {scan ? 'Save scan' : 'Create scan'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
