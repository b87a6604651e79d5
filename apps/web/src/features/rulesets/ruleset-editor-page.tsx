'use client';
import * as React from 'react';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { Copy, ListChecks, Lock, Save, Trash2 } from 'lucide-react';
import { scanRuleSetInput } from '@racine/services/rulesets/schemas';
import {
  Badge,
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  ConfirmDialog,
  Field,
  Input,
  PageHeader,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  Slider,
  Spinner,
  Switch,
  TagInput,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { PageLoadError } from '~/components/page-load-error';
import { useCurrentUser } from '~/components/shell/current-user';
import {
  type RuleSetFormInput,
  type RuleSetFormOutput,
  type RuleSetRow,
  ruleSetValues,
} from './bits';
import { CustomRulesField } from './custom-rules-field';
import { DetectorPicker } from './detector-picker';
import { DuplicateRuleSetDialog } from './duplicate-dialog';
import { applyServerIssues } from './server-issues';
import { RuleSetTestPanel } from './test-panel';

const blank: RuleSetFormInput = {
  name: '',
  description: '',
  includeSchemas: [],
  excludeSchemas: [],
  includeTables: [],
  excludeTables: [],
  includeColumns: [],
  excludeColumns: [],
  sampleSize: 100,
  sampleStrategy: 'random',
  minNonNull: 10,
  detectors: [],
  customRules: [],
  autoAcceptThreshold: null,
};

const toNumber = (v: unknown) =>
  v === '' || v === null || v === undefined ? undefined : Number(v);

type PatternField =
  | 'includeSchemas'
  | 'excludeSchemas'
  | 'includeTables'
  | 'excludeTables'
  | 'includeColumns'
  | 'excludeColumns';

const scopeRows: {
  level: string;
  include: PatternField;
  exclude: PatternField;
  example: string;
}[] = [
  {
    level: 'Schemas',
    include: 'includeSchemas',
    exclude: 'excludeSchemas',
    example: 'sales, pg_*',
  },
  {
    level: 'Tables',
    include: 'includeTables',
    exclude: 'excludeTables',
    example: 'orders, audit_*, sales.tmp_*',
  },
  {
    level: 'Columns',
    include: 'includeColumns',
    exclude: 'excludeColumns',
    example: '*.id, *.created_at',
  },
];

export function RuleSetEditorPage({ id }: { id?: string }) {
  const trpc = useTRPC();
  const searchParams = useSearchParams();
  const from = id ? null : searchParams.get('from');
  const existing = useQuery({
    ...trpc.scanRuleSet.get.queryOptions({ id: id ?? from ?? '' }),
    enabled: !!(id ?? from),
  });
  // A new rule set starts from the built-in "All detectors" scope (system schemas left out), or from ?from=<id>.
  const list = useQuery({ ...trpc.scanRuleSet.list.queryOptions(), enabled: !id && !from });
  const breadcrumb = (
    <Link href="/rule-sets" className="hover:underline">
      Scan rule sets
    </Link>
  );
  if ((id || from) && existing.isPending) return <EditorSkeleton />;
  if (!id && !from && list.isPending) return <EditorSkeleton />;
  if (existing.isError)
    return (
      <PageLoadError
        error={existing.error}
        onRetry={() => void existing.refetch()}
        title="Scan rule set"
        breadcrumb={breadcrumb}
        icon={<ListChecks />}
        notFound="Rule set not found"
        forbidden="You cannot open this rule set"
        back={{ href: '/rule-sets', label: 'Back to rule sets' }}
      />
    );
  const template = from ? existing.data : list.data?.find((r) => r.key === 'all');
  const initial = id
    ? ruleSetValues(existing.data!)
    : template
      ? ruleSetValues(template, {
          name: from && template ? `${template.name} (copy)`.slice(0, 100) : '',
          description: from ? template.description : '',
          detectors: template.detectors,
          customRules: from ? ruleSetValues(template).customRules : [],
          autoAcceptThreshold: from ? template.autoAcceptThreshold : null,
        })
      : blank;
  return (
    <RuleSetEditor
      key={id ?? `new:${from ?? ''}`}
      row={id ? existing.data : undefined}
      initial={initial}
      breadcrumb={breadcrumb}
    />
  );
}

function EditorSkeleton() {
  return (
    <div aria-busy="true" className="grid gap-4">
      <Skeleton className="h-4 w-24" />
      <Skeleton className="h-8 w-72" />
      <Skeleton className="h-48" />
      <Skeleton className="h-64" />
    </div>
  );
}

function RuleSetEditor({
  row,
  initial,
  breadcrumb,
}: {
  row?: RuleSetRow;
  initial: RuleSetFormInput;
  breadcrumb: React.ReactNode;
}) {
  const trpc = useTRPC();
  const router = useRouter();
  const queryClient = useQueryClient();
  const { canCreateWorkspace: canManage } = useCurrentUser();
  const readOnly = !!row?.builtIn || !canManage;
  const [duplicating, setDuplicating] = React.useState(false);
  const [deleting, setDeleting] = React.useState(false);
  const form = useForm<RuleSetFormInput, unknown, RuleSetFormOutput>({
    resolver: zodResolver(scanRuleSetInput),
    defaultValues: initial,
  });
  const { errors, isDirty } = form.formState;
  const threshold = useWatch({ control: form.control, name: 'autoAcceptThreshold' });

  // Follow changes made elsewhere unless the user is editing.
  const initialKey = JSON.stringify(initial);
  const initialRef = React.useRef(initial);
  initialRef.current = initial;
  React.useEffect(() => {
    if (!form.formState.isDirty) form.reset(initialRef.current);
  }, [initialKey, form]);

  const invalidate = () => queryClient.invalidateQueries(trpc.scanRuleSet.pathFilter());
  const onServerError = (prefix: string, title: string) => (error: unknown) => {
    if (!applyServerIssues(error, form.setError, prefix)) toast.fromError(error, title);
    else toast.error(title, { description: 'See the highlighted fields.' });
  };
  const create = useMutation(
    trpc.scanRuleSet.create.mutationOptions({
      onSuccess: async (created) => {
        toast.success(`Rule set “${created.name}” created`);
        form.reset(form.getValues());
        router.replace(`/rule-sets/${created.id}`);
        await invalidate();
      },
      onError: onServerError('', 'Could not create the rule set'),
    }),
  );
  const update = useMutation(
    trpc.scanRuleSet.update.mutationOptions({
      onSuccess: async (updated) => {
        toast.success(`Rule set “${updated.name}” saved`);
        form.reset(form.getValues());
        await invalidate();
      },
      onError: onServerError('ruleSet.', 'Could not save the rule set'),
    }),
  );
  const remove = useMutation(
    trpc.scanRuleSet.delete.mutationOptions({
      onSuccess: async () => {
        toast.success(`Rule set “${row?.name}” deleted`);
        setDeleting(false);
        if (row) queryClient.removeQueries(trpc.scanRuleSet.get.queryFilter({ id: row.id }));
        router.push('/rule-sets');
        await invalidate();
      },
      onError: (error) => toast.fromError(error, 'Could not delete the rule set'),
    }),
  );
  const saving = create.isPending || update.isPending;

  const onSubmit = form.handleSubmit(
    (values) => {
      if (row) update.mutate({ id: row.id, ruleSet: values });
      else create.mutate(values);
    },
    () => toast.error('Some fields need attention', { description: 'See the highlighted fields.' }),
  );

  const getDraft = async () => {
    const ok = await form.trigger();
    if (!ok) {
      toast.error('Fix the highlighted fields to test your changes');
      return null;
    }
    const parsed = scanRuleSetInput.safeParse(form.getValues());
    return parsed.success ? parsed.data : null;
  };

  const patternError = (name: PatternField) => {
    const e = errors[name];
    if (!e) return undefined;
    if (e.message) return e.message;
    const items = Array.isArray(e) ? e : Object.values(e as object);
    const first = items.find((x) => x && typeof x === 'object' && 'message' in x) as
      { message?: string } | undefined;
    return first?.message;
  };

  return (
    <>
      <PageHeader
        breadcrumb={breadcrumb}
        title={
          <span className="flex items-center gap-3">
            <span className="truncate">{row ? row.name : 'New rule set'}</span>
            {row?.builtIn ? (
              <Badge variant="outline">
                <Lock />
                built-in
              </Badge>
            ) : null}
          </span>
        }
        description={
          row?.builtIn
            ? 'Built-in rule sets follow Racine’s releases and cannot be changed. Duplicate one to make it your own.'
            : row
              ? `Used by ${row._count.scans} ${row._count.scans === 1 ? 'scan' : 'scans'}. Changes apply to their next run.`
              : 'Scope, sampling, detectors and custom rules. Test it against a real table before saving.'
        }
        actions={
          <>
            {row && canManage ? (
              <Button
                variant="outline"
                onClick={() => setDuplicating(true)}
                data-testid="duplicate-ruleset"
              >
                <Copy />
                Duplicate
              </Button>
            ) : null}
            {row && !row.builtIn && canManage ? (
              <Button
                variant="outline"
                className="text-destructive hover:text-destructive"
                onClick={() => setDeleting(true)}
              >
                <Trash2 />
                Delete
              </Button>
            ) : null}
            {readOnly ? null : (
              <Button
                onClick={() => void onSubmit()}
                disabled={saving || (!!row && !isDirty)}
                data-testid="save-ruleset"
              >
                {saving ? <Spinner /> : <Save />}
                {row ? 'Save changes' : 'Create rule set'}
              </Button>
            )}
          </>
        }
      />
      <form onSubmit={onSubmit} noValidate className="grid gap-4">
        <fieldset disabled={readOnly || saving} className="grid gap-4">
          <Card>
            <CardHeader>
              <CardTitle>General</CardTitle>
            </CardHeader>
            <CardContent className="grid items-start gap-4 md:grid-cols-[1fr_2fr]">
              <Field label="Name" htmlFor="rs-name" error={errors.name?.message}>
                <Input id="rs-name" aria-invalid={!!errors.name} {...form.register('name')} />
              </Field>
              <Field
                label="Description"
                htmlFor="rs-description"
                error={errors.description?.message}
              >
                <Textarea id="rs-description" rows={2} {...form.register('description')} />
              </Field>
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Scope</CardTitle>
              <CardDescription>
                Glob patterns (<code>*</code>, <code>?</code>), case-insensitive, on whole names.
                Exclude beats include; an empty include list means everything.
              </CardDescription>
            </CardHeader>
            <CardContent className="grid gap-4">
              {scopeRows.map((r) => (
                <div
                  key={r.level}
                  className="grid gap-3 md:grid-cols-[6rem_1fr_1fr] md:items-start"
                >
                  <div className="pt-1 text-sm font-medium md:pt-7">{r.level}</div>
                  {([r.include, r.exclude] as const).map((name) => (
                    <Field
                      key={name}
                      label={name.startsWith('include') ? 'Include' : 'Exclude'}
                      htmlFor={`rs-${name}`}
                      error={patternError(name)}
                    >
                      <Controller
                        control={form.control}
                        name={name}
                        render={({ field }) => (
                          <TagInput
                            id={`rs-${name}`}
                            value={field.value ?? []}
                            onChange={field.onChange}
                            disabled={readOnly}
                            invalid={!!errors[name]}
                            placeholder={name.startsWith('include') ? 'everything' : r.example}
                            data-testid={`rs-${name}`}
                          />
                        )}
                      />
                    </Field>
                  ))}
                </div>
              ))}
            </CardContent>
          </Card>

          <div className="grid gap-4 lg:grid-cols-2">
            <Card>
              <CardHeader>
                <CardTitle>Sampling</CardTitle>
                <CardDescription>How many values each column gives the detectors.</CardDescription>
              </CardHeader>
              <CardContent className="grid items-start gap-4 sm:grid-cols-3">
                <Field
                  label="Sample size"
                  htmlFor="rs-sample-size"
                  error={errors.sampleSize?.message}
                >
                  <Input
                    id="rs-sample-size"
                    type="number"
                    min={1}
                    max={10000}
                    aria-invalid={!!errors.sampleSize}
                    {...form.register('sampleSize', { setValueAs: toNumber })}
                  />
                </Field>
                <Field label="Strategy" htmlFor="rs-strategy">
                  <Controller
                    control={form.control}
                    name="sampleStrategy"
                    render={({ field }) => (
                      <Select
                        value={field.value}
                        onValueChange={field.onChange}
                        disabled={readOnly}
                      >
                        <SelectTrigger id="rs-strategy" aria-label="Sampling strategy">
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          <SelectItem value="random">Random rows</SelectItem>
                          <SelectItem value="first">First rows</SelectItem>
                        </SelectContent>
                      </Select>
                    )}
                  />
                </Field>
                <Field
                  label="Min non-null"
                  htmlFor="rs-min-non-null"
                  error={errors.minNonNull?.message}
                  hint="Values needed before they count as evidence."
                >
                  <Input
                    id="rs-min-non-null"
                    type="number"
                    min={0}
                    aria-invalid={!!errors.minNonNull}
                    {...form.register('minNonNull', { setValueAs: toNumber })}
                  />
                </Field>
              </CardContent>
            </Card>
            <Card>
              <CardHeader>
                <CardTitle>Review</CardTitle>
                <CardDescription>
                  Confident value matches can skip the review queue. They are still recorded and can
                  be rejected later.
                </CardDescription>
              </CardHeader>
              <CardContent className="grid gap-3">
                <label className="flex items-center gap-2 text-sm">
                  <Switch
                    checked={threshold !== null && threshold !== undefined}
                    disabled={readOnly}
                    onCheckedChange={(on) =>
                      form.setValue('autoAcceptThreshold', on ? 0.95 : null, {
                        shouldDirty: true,
                        shouldValidate: true,
                      })
                    }
                    aria-label="Auto-accept confident matches"
                  />
                  Auto-accept confident matches
                </label>
                {threshold !== null && threshold !== undefined ? (
                  <div className="flex items-center gap-3">
                    <Slider
                      aria-label="Auto-accept threshold"
                      min={0.55}
                      max={1}
                      step={0.01}
                      disabled={readOnly}
                      value={[threshold]}
                      onValueChange={([v]) =>
                        form.setValue('autoAcceptThreshold', v ?? 0.95, {
                          shouldDirty: true,
                          shouldValidate: true,
                        })
                      }
                    />
                    <span className="w-24 shrink-0 text-sm tabular-nums">
                      ≥ {Math.round(threshold * 100)}%
                    </span>
                  </div>
                ) : (
                  <p className="text-sm text-muted-foreground">
                    Every suggestion waits for a person.
                  </p>
                )}
                {errors.autoAcceptThreshold?.message ? (
                  <p className="text-xs text-destructive">{errors.autoAcceptThreshold.message}</p>
                ) : null}
              </CardContent>
            </Card>
          </div>

          <Card>
            <CardHeader>
              <CardTitle>Detectors</CardTitle>
              <CardDescription>
                The built-in detectors to run, with the precision reviews measured for each.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <Controller
                control={form.control}
                name="detectors"
                render={({ field }) => (
                  <DetectorPicker
                    value={field.value ?? []}
                    onChange={(v) => field.onChange(v)}
                    disabled={readOnly}
                    error={errors.detectors?.message}
                  />
                )}
              />
            </CardContent>
          </Card>

          <Card>
            <CardHeader>
              <CardTitle>Custom rules</CardTitle>
              <CardDescription>
                Rules in a small, safe expression language over the column’s metadata and sampled
                values. Errors show where they are, as the server reports them.
              </CardDescription>
            </CardHeader>
            <CardContent>
              <CustomRulesField
                control={form.control}
                register={form.register}
                errors={errors}
                disabled={readOnly}
              />
            </CardContent>
          </Card>
        </fieldset>
        {readOnly ? null : (
          <div className="sticky bottom-0 z-10 -mx-1 flex items-center justify-end gap-2 rounded-md border bg-background/95 px-3 py-2 shadow-sm backdrop-blur">
            <span className="mr-auto text-xs text-muted-foreground">
              {isDirty ? 'Unsaved changes' : row ? 'All changes saved' : ''}
            </span>
            {row ? (
              <Button
                variant="outline"
                disabled={!isDirty || saving}
                onClick={() => form.reset(initial)}
              >
                Discard
              </Button>
            ) : null}
            <Button type="submit" disabled={saving || (!!row && !isDirty)}>
              {saving ? <Spinner /> : <Save />}
              {row ? 'Save changes' : 'Create rule set'}
            </Button>
          </div>
        )}
      </form>
      <div className="mt-6">
        <RuleSetTestPanel ruleSetId={row?.id} getDraft={getDraft} usesDraft={!row || isDirty} />
      </div>
      <DuplicateRuleSetDialog
        ruleSet={duplicating && row ? row : null}
        onOpenChange={setDuplicating}
      />
      <ConfirmDialog
        open={deleting}
        onOpenChange={setDeleting}
        title={`Delete ${row?.name ?? ''}?`}
        description={
          row?._count.scans
            ? `${row._count.scans} scan(s) use it: point them at another rule set first.`
            : 'Scans no longer use it; the labels it produced stay.'
        }
        confirmLabel="Delete rule set"
        destructive
        pending={remove.isPending}
        confirmDisabled={!!row?._count.scans}
        onConfirm={() => row && remove.mutate({ id: row.id })}
      />
    </>
  );
}
