'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { ruleInput } from '@racine/services/compliance/schemas';
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
import { TRPCClientError } from '@trpc/client';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { ruleTargets, severities } from './bits';
import {
  checkCondition,
  type ConditionProblem,
  ConditionField,
  FieldReference,
} from './condition-field';
import { RuleTestPanel } from './rule-test-panel';
import type { Rule } from './types';

type FormInput = z.input<typeof ruleInput>;
type FormOutput = z.output<typeof ruleInput>;
type ConditionKey = 'appliesWhen' | 'requires';

const blank: FormInput = {
  code: '',
  title: '',
  description: '',
  severity: 'medium',
  target: 'column',
  appliesWhen: 'true',
  requires: '',
  remediation: '',
};

/**
 * The server's BAD_REQUEST for a condition names the field in its details
 * (or its message starts with the field's name); it goes under that condition.
 */
function serverConditionProblem(
  error: unknown,
): { field: ConditionKey; problem: ConditionProblem } | null {
  if (!(error instanceof TRPCClientError)) return null;
  const details = (error.data as { details?: { field?: unknown; position?: unknown } } | undefined)
    ?.details;
  const field =
    details?.field === 'appliesWhen' || details?.field === 'requires'
      ? details.field
      : /applies/i.test(error.message)
        ? 'appliesWhen'
        : /requires/i.test(error.message)
          ? 'requires'
          : null;
  if (!field) return null;
  const pos = details?.position as { line?: number; column?: number } | undefined;
  const at = /at (\d+):(\d+)/.exec(error.message);
  const position =
    pos?.line && pos.column
      ? { line: pos.line, column: pos.column }
      : at
        ? { line: Number(at[1]), column: Number(at[2]) }
        : undefined;
  return { field, problem: { message: error.message, ...(position ? { position } : {}) } };
}

/**
 * Creates a rule in a custom framework or edits one; with `readOnly` (a
 * built-in rule) it shows the rule and lets one test it, nothing more.
 */
export function RuleDialog({
  open,
  onOpenChange,
  frameworkId,
  rule,
  readOnly,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  frameworkId: string;
  /** Absent: a new rule. */
  rule?: Rule;
  readOnly?: boolean;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const defaults = React.useMemo<FormInput>(
    () =>
      rule
        ? {
            code: rule.code,
            title: rule.title,
            description: rule.description,
            severity: rule.severity,
            target: rule.target as FormInput['target'],
            appliesWhen: rule.appliesWhen,
            requires: rule.requires,
            remediation: rule.remediation,
          }
        : blank,
    [rule],
  );
  const form = useForm<FormInput, unknown, FormOutput>({
    resolver: zodResolver(ruleInput),
    defaultValues: defaults,
  });
  React.useEffect(() => {
    if (open) form.reset(defaults);
  }, [open, defaults, form]);
  const { errors } = form.formState;
  const [serverProblem, setServerProblem] = React.useState<{
    field: ConditionKey;
    problem: ConditionProblem;
    value: string;
  } | null>(null);

  const values = form.watch();
  const problemOf = (key: ConditionKey): ConditionProblem | null => {
    const value = values[key] ?? '';
    const local = checkCondition(value);
    if (local) return local;
    // A server message holds until the text it was about changes.
    if (serverProblem?.field === key && serverProblem.value === value) return serverProblem.problem;
    return null;
  };
  const appliesProblem = problemOf('appliesWhen');
  const requiresProblem = problemOf('requires');

  const onError = (error: unknown) => {
    const cond = serverConditionProblem(error);
    if (cond) {
      setServerProblem({ ...cond, value: form.getValues(cond.field) ?? '' });
      return;
    }
    if (!applyServerFieldErrors(error, form.setError))
      toast.fromError(error, 'Could not save the rule');
  };
  const onSaved = async (saved: { code: string }) => {
    toast.success(rule ? `Rule ${saved.code} saved` : `Rule ${saved.code} added`);
    await queryClient.invalidateQueries(trpc.compliance.pathFilter());
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.compliance.createRule.mutationOptions({ onSuccess: onSaved, onError }),
  );
  const update = useMutation(
    trpc.compliance.updateRule.mutationOptions({ onSuccess: onSaved, onError }),
  );
  const pending = create.isPending || update.isPending;
  const submit = form.handleSubmit((v) => {
    if (appliesProblem || requiresProblem) return;
    if (rule) update.mutate({ id: rule.id, ...v });
    else create.mutate({ frameworkId, ...v });
  });

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent className="max-w-5xl" data-testid="rule-dialog">
        <form className="grid gap-4" noValidate onSubmit={submit}>
          <DialogHeader>
            <DialogTitle>
              {readOnly ? rule?.code : rule ? `Edit ${rule.code}` : 'New rule'}
            </DialogTitle>
            <DialogDescription>
              {readOnly
                ? 'A built-in rule: it can be enabled or disabled, not changed. Test it against the catalog below.'
                : 'A rule selects assets (applies when) and says what each must satisfy (requires). Test it before saving.'}
            </DialogDescription>
          </DialogHeader>
          <div className="grid max-h-[70vh] gap-5 overflow-y-auto pr-1 lg:grid-cols-[minmax(0,1fr)_minmax(0,22rem)]">
            <fieldset className="grid content-start gap-4" disabled={readOnly}>
              <div className="grid gap-4 sm:grid-cols-[10rem_minmax(0,1fr)]">
                <Field label="Code" htmlFor="rule-code" error={errors.code?.message}>
                  <Input
                    id="rule-code"
                    className="font-mono"
                    aria-invalid={!!errors.code}
                    {...form.register('code')}
                  />
                </Field>
                <Field label="Title" htmlFor="rule-title" error={errors.title?.message}>
                  <Input
                    id="rule-title"
                    aria-invalid={!!errors.title}
                    {...form.register('title')}
                  />
                </Field>
              </div>
              <div className="grid gap-4 sm:grid-cols-2">
                <Field label="Severity" htmlFor="rule-severity">
                  <Controller
                    control={form.control}
                    name="severity"
                    render={({ field }) => (
                      <Select
                        value={field.value}
                        onValueChange={field.onChange}
                        disabled={readOnly}
                      >
                        <SelectTrigger
                          id="rule-severity"
                          aria-label="Severity"
                          className="capitalize"
                        >
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          {severities.map((s) => (
                            <SelectItem key={s} value={s} className="capitalize">
                              {s}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    )}
                  />
                </Field>
                <Field label="Checks each" htmlFor="rule-target">
                  <Controller
                    control={form.control}
                    name="target"
                    render={({ field }) => (
                      <Select
                        value={field.value}
                        onValueChange={field.onChange}
                        disabled={readOnly}
                      >
                        <SelectTrigger id="rule-target" aria-label="Target" className="capitalize">
                          <SelectValue />
                        </SelectTrigger>
                        <SelectContent>
                          {ruleTargets.map((t) => (
                            <SelectItem key={t} value={t} className="capitalize">
                              {t}
                            </SelectItem>
                          ))}
                        </SelectContent>
                      </Select>
                    )}
                  />
                </Field>
              </div>
              <Controller
                control={form.control}
                name="appliesWhen"
                render={({ field }) => (
                  <ConditionField
                    id="rule-applies-when"
                    label="Applies when"
                    hint='Which assets the rule is about, e.g. asset.labels has "PCI.CardNumber".'
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    problem={appliesProblem}
                    disabled={readOnly}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="requires"
                render={({ field }) => (
                  <ConditionField
                    id="rule-requires"
                    label="Requires"
                    hint='What each of them must satisfy, e.g. asset.tags has_any ["masked", "tokenized"].'
                    value={field.value ?? ''}
                    onChange={field.onChange}
                    onBlur={field.onBlur}
                    problem={requiresProblem}
                    disabled={readOnly}
                  />
                )}
              />
              <FieldReference />
              <Field
                label="Description (optional)"
                htmlFor="rule-description"
                error={errors.description?.message}
              >
                <Textarea id="rule-description" rows={2} {...form.register('description')} />
              </Field>
              <Field
                label="Remediation (optional)"
                htmlFor="rule-remediation"
                error={errors.remediation?.message}
                hint="Shown on every finding of this rule: what to do about it."
              >
                <Textarea id="rule-remediation" rows={2} {...form.register('remediation')} />
              </Field>
            </fieldset>
            <RuleTestPanel
              target={values.target ?? 'column'}
              appliesWhen={values.appliesWhen ?? ''}
              requires={values.requires ?? ''}
              valid={!appliesProblem && !requiresProblem}
            />
          </div>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={pending}
            >
              {readOnly ? 'Close' : 'Cancel'}
            </Button>
            {readOnly ? null : (
              <Button
                type="submit"
                disabled={pending || !!appliesProblem || !!requiresProblem}
                data-testid="save-rule"
              >
                {pending ? <Spinner /> : null}
                {rule ? 'Save rule' : 'Add rule'}
              </Button>
            )}
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
