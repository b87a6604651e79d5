'use client';
import {
  Controller,
  type Control,
  type FieldErrors,
  type UseFormRegister,
  useFieldArray,
  useWatch,
} from 'react-hook-form';
import { Plus, Trash2 } from 'lucide-react';
import {
  Button,
  EmptyState,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Textarea,
} from '@racine/ui';
import { LABELS, SENSITIVITY_LEVELS } from '@racine/services/classification/taxonomy';
import { FIELD_NAMES } from '@racine/services/rulesets/expression/fields';
import type { RuleSetFormInput } from './bits';

const toNumber = (v: unknown) =>
  v === '' || v === null || v === undefined ? undefined : Number(v);
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);

function RuleSensitivity({
  control,
  index,
  disabled,
  error,
}: {
  control: Control<RuleSetFormInput>;
  index: number;
  disabled?: boolean;
  error?: string;
}) {
  const label = useWatch({ control, name: `customRules.${index}.label` }) ?? '';
  if (!label.startsWith('Custom.')) {
    const level = LABELS.find((l) => l.id === label)?.sensitivity;
    return (
      <Field label="Sensitivity" htmlFor={`rule-${index}-sensitivity`} error={error}>
        <Input
          id={`rule-${index}-sensitivity`}
          readOnly
          disabled
          value={level ?? 'from the taxonomy'}
        />
      </Field>
    );
  }
  return (
    <Field label="Sensitivity" htmlFor={`rule-${index}-sensitivity`} error={error}>
      <Controller
        control={control}
        name={`customRules.${index}.sensitivity`}
        render={({ field }) => (
          <Select value={field.value ?? ''} onValueChange={field.onChange} disabled={disabled}>
            <SelectTrigger
              id={`rule-${index}-sensitivity`}
              aria-label="Sensitivity"
              aria-invalid={!!error}
            >
              <SelectValue placeholder="Pick a level" />
            </SelectTrigger>
            <SelectContent>
              {SENSITIVITY_LEVELS.map((l) => (
                <SelectItem key={l} value={l}>
                  {l}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        )}
      />
    </Field>
  );
}

/** The rule set's custom rules: a label, an expression over column metadata, an optional value pattern. */
export function CustomRulesField({
  control,
  register,
  errors,
  disabled,
}: {
  control: Control<RuleSetFormInput>;
  register: UseFormRegister<RuleSetFormInput>;
  errors: FieldErrors<RuleSetFormInput>;
  disabled?: boolean;
}) {
  const { fields, append, remove } = useFieldArray({ control, name: 'customRules' });
  const ruleErrors = errors.customRules;
  return (
    <div className="grid gap-4" data-testid="custom-rules">
      {fields.length === 0 ? (
        <EmptyState
          className="rounded-md border border-dashed py-6"
          title="No custom rules"
          description="Rules label columns the detectors cannot know about, from their names, types and values."
        />
      ) : null}
      {fields.map((f, i) => {
        const e = Array.isArray(ruleErrors) ? ruleErrors[i] : undefined;
        return (
          <fieldset
            key={f.id}
            className="grid gap-3 rounded-md border p-3"
            data-testid="custom-rule"
          >
            <legend className="px-1 text-xs font-semibold">Rule {i + 1}</legend>
            <div className="grid gap-3 sm:grid-cols-[1fr_10rem_7rem_auto] sm:items-start">
              <Field label="Label" htmlFor={`rule-${i}-label`} error={e?.label?.message}>
                <Input
                  id={`rule-${i}-label`}
                  list="rule-labels"
                  placeholder="PII.NationalId or Custom.LoyaltyNumber"
                  className="font-mono text-xs"
                  aria-invalid={!!e?.label}
                  {...register(`customRules.${i}.label`)}
                />
              </Field>
              <RuleSensitivity
                control={control}
                index={i}
                disabled={disabled}
                error={e?.sensitivity?.message}
              />
              <Field
                label="Confidence"
                htmlFor={`rule-${i}-confidence`}
                error={e?.confidence?.message}
              >
                <Input
                  id={`rule-${i}-confidence`}
                  type="number"
                  step={0.05}
                  min={0}
                  max={1}
                  aria-invalid={!!e?.confidence}
                  {...register(`customRules.${i}.confidence`, { setValueAs: toNumber })}
                />
              </Field>
              {disabled ? null : (
                <Button
                  variant="ghost"
                  size="icon"
                  className="sm:mt-[1.375rem]"
                  aria-label={`Remove rule ${i + 1}`}
                  onClick={() => remove(i)}
                >
                  <Trash2 />
                </Button>
              )}
            </div>
            <Field
              label="Expression"
              htmlFor={`rule-${i}-expression`}
              error={e?.expression?.message}
              hint='e.g. column.name matches "(?i)loyalty" and sample.matchRate >= 0.9'
            >
              <Textarea
                id={`rule-${i}-expression`}
                rows={2}
                spellCheck={false}
                className="font-mono text-xs"
                aria-invalid={!!e?.expression}
                data-testid="rule-expression"
                {...register(`customRules.${i}.expression`)}
              />
            </Field>
            <div className="grid gap-3 sm:grid-cols-2 sm:items-start">
              <Field
                label="Value pattern (optional)"
                htmlFor={`rule-${i}-pattern`}
                error={e?.valuePattern?.message}
                hint="RE2, matched against whole values; gives sample.matchRate."
              >
                <Input
                  id={`rule-${i}-pattern`}
                  placeholder="LY-[0-9]{8}"
                  className="font-mono text-xs"
                  aria-invalid={!!e?.valuePattern}
                  {...register(`customRules.${i}.valuePattern`, { setValueAs: emptyToUndefined })}
                />
              </Field>
              <Field
                label="Description (optional)"
                htmlFor={`rule-${i}-description`}
                error={e?.description?.message}
              >
                <Input id={`rule-${i}-description`} {...register(`customRules.${i}.description`)} />
              </Field>
            </div>
            {e?.id?.message ? <p className="text-xs text-destructive">{e.id.message}</p> : null}
          </fieldset>
        );
      })}
      <datalist id="rule-labels">
        {LABELS.map((l) => (
          <option key={l.id} value={l.id}>
            {l.displayName}
          </option>
        ))}
        <option value="Custom.">A label of your own</option>
      </datalist>
      {disabled ? null : (
        <div className="flex flex-wrap items-center gap-3">
          <Button
            variant="outline"
            size="sm"
            onClick={() =>
              append(
                { label: '', expression: '', confidence: 0.8, description: '' },
                { shouldFocus: true },
              )
            }
            data-testid="add-rule"
          >
            <Plus />
            Add rule
          </Button>
          <details className="text-xs text-muted-foreground">
            <summary className="cursor-pointer">Fields you can use</summary>
            <p className="mt-1 font-mono">{FIELD_NAMES.join(' · ')}</p>
            <p className="mt-1">
              Operators: == != &lt; &lt;= &gt; &gt;= · in [..] · matches · contains · startsWith ·
              endsWith · and · or · not
            </p>
          </details>
        </div>
      )}
    </div>
  );
}
