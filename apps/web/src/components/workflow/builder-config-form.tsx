'use client';
import * as React from 'react';
import {
  Input,
  Label,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Switch,
  TagInput,
  Textarea,
  cn,
} from '@racine/ui';
import { PickerField } from './builder-pickers';
import { type FieldSpec, parseNumberInput, TEMPLATE } from './builder-schema';
import type { DraftParameter } from './builder-types';

const NONE = '__none__';

export interface ConfigFormContext {
  workspaceId: string | undefined;
  parameters: readonly DraftParameter[];
  /** Validation messages by config path (`dataSourceId`, `step.config.title`). */
  errors: ReadonlyMap<string, string[]>;
  readOnly: boolean;
  /** Prefix of input ids, unique per step. */
  idPrefix: string;
}

function FieldShell({
  field,
  htmlFor,
  errors,
  children,
  inline,
}: {
  field: FieldSpec;
  htmlFor: string;
  errors: string[] | undefined;
  children: React.ReactNode;
  inline?: boolean;
}) {
  const label = (
    <Label htmlFor={htmlFor} className="flex items-center gap-1">
      {field.label}
      {field.required ? (
        <span className="text-destructive" aria-label="required">
          *
        </span>
      ) : null}
    </Label>
  );
  return (
    <div className="grid gap-1.5" data-testid="config-field" data-field={field.name} data-invalid={errors?.length ? true : undefined}>
      {inline ? (
        <div className="flex items-center justify-between gap-3">
          {label}
          {children}
        </div>
      ) : (
        <>
          {label}
          {children}
        </>
      )}
      {errors?.length ? (
        <p role="alert" className="text-xs text-destructive">
          {errors.join(' · ')}
        </p>
      ) : field.description ? (
        <p className="text-xs text-muted-foreground">{field.description}</p>
      ) : null}
    </div>
  );
}

const defaultHint = (d: unknown) => (d === undefined ? undefined : `Default: ${typeof d === 'string' ? d : JSON.stringify(d)}`);

/** A JSON field that keeps the text while it does not parse yet. */
function JsonInput({ id, value, onChange, invalid, disabled }: { id: string; value: unknown; onChange: (v: unknown) => void; invalid: boolean; disabled: boolean }) {
  const [text, setText] = React.useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const [bad, setBad] = React.useState(false);
  return (
    <>
      <Textarea
        id={id}
        value={text}
        rows={4}
        className="font-mono text-xs"
        aria-invalid={invalid || bad || undefined}
        disabled={disabled}
        onChange={(e) => {
          setText(e.target.value);
          if (!e.target.value.trim()) {
            setBad(false);
            onChange(undefined);
            return;
          }
          try {
            onChange(JSON.parse(e.target.value));
            setBad(false);
          } catch {
            // A template string is a valid value too (e.g. `{{ steps.list.items }}`).
            if (TEMPLATE.test(e.target.value)) {
              onChange(e.target.value.trim());
              setBad(false);
            } else setBad(true);
          }
        }}
      />
      {bad ? <p className="text-xs text-destructive">Not valid JSON yet</p> : null}
    </>
  );
}

function ConfigField({
  field,
  value,
  onChange,
  path,
  ctx,
}: {
  field: FieldSpec;
  value: unknown;
  onChange: (v: unknown) => void;
  path: string;
  ctx: ConfigFormContext;
}) {
  const id = `${ctx.idPrefix}-${path.replace(/\./g, '-')}`;
  const errors = ctx.errors.get(path);
  const invalid = !!errors?.length;
  const disabled = ctx.readOnly;
  switch (field.kind) {
    case 'string':
      return (
        <FieldShell field={field} htmlFor={id} errors={errors}>
          {field.picker ? (
            <PickerField
              kind={field.picker}
              id={id}
              value={typeof value === 'string' ? value : undefined}
              onChange={onChange}
              workspaceId={ctx.workspaceId}
              parameters={ctx.parameters}
              invalid={invalid}
              disabled={disabled}
            />
          ) : field.multiline ? (
            <Textarea
              id={id}
              rows={3}
              value={typeof value === 'string' ? value : ''}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
              placeholder={defaultHint(field.default)}
              aria-invalid={invalid || undefined}
              disabled={disabled}
            />
          ) : (
            <Input
              id={id}
              value={typeof value === 'string' ? value : value === undefined ? '' : String(value)}
              onChange={(e) => onChange(e.target.value === '' ? undefined : e.target.value)}
              placeholder={defaultHint(field.default) ?? (field.format === 'uri' ? 'https://…' : undefined)}
              aria-invalid={invalid || undefined}
              disabled={disabled}
            />
          )}
        </FieldShell>
      );
    case 'number':
    case 'integer':
      return (
        <FieldShell field={field} htmlFor={id} errors={errors}>
          {/* Text, not type=number: a number field may hold a {{ template }}. */}
          <Input
            id={id}
            inputMode="decimal"
            value={value === undefined ? '' : String(value)}
            onChange={(e) => onChange(parseNumberInput(e.target.value))}
            placeholder={
              defaultHint(field.default) ??
              (field.minimum !== undefined || field.maximum !== undefined
                ? `${field.minimum ?? '…'} to ${field.maximum ?? '…'}`
                : undefined)
            }
            aria-invalid={invalid || undefined}
            disabled={disabled}
          />
        </FieldShell>
      );
    case 'boolean': {
      const checked = typeof value === 'boolean' ? value : field.default === true;
      return (
        <FieldShell field={field} htmlFor={id} errors={errors} inline>
          <Switch id={id} checked={checked} onCheckedChange={(c) => onChange(c)} disabled={disabled} />
        </FieldShell>
      );
    }
    case 'enum':
      return (
        <FieldShell field={field} htmlFor={id} errors={errors}>
          <Select
            value={value === undefined ? NONE : String(value)}
            onValueChange={(v) => {
              if (v === NONE) return onChange(undefined);
              const option = field.options.find((o) => String(o) === v);
              onChange(option ?? v);
            }}
            disabled={disabled}
          >
            <SelectTrigger id={id} aria-invalid={invalid || undefined}>
              <SelectValue />
            </SelectTrigger>
            <SelectContent>
              <SelectItem value={NONE}>
                <span className="text-muted-foreground">
                  {field.default !== undefined ? `Default (${String(field.default)})` : 'Not set'}
                </span>
              </SelectItem>
              {field.options.map((o) => (
                <SelectItem key={String(o)} value={String(o)}>
                  {String(o)}
                </SelectItem>
              ))}
            </SelectContent>
          </Select>
        </FieldShell>
      );
    case 'stringArray':
      return (
        <FieldShell field={field} htmlFor={id} errors={errors}>
          {typeof value === 'string' ? (
            // A template that stands for the whole list.
            <Input id={id} value={value} onChange={(e) => onChange(e.target.value || undefined)} className="font-mono text-xs" disabled={disabled} />
          ) : (
            <TagInput
              id={id}
              value={Array.isArray(value) ? (value as string[]) : []}
              onChange={(next) => onChange(next.length ? next : undefined)}
              placeholder="Type and press Enter"
              invalid={invalid}
              disabled={disabled}
            />
          )}
        </FieldShell>
      );
    case 'object': {
      const obj = value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
      return (
        <fieldset className="grid gap-3 rounded-md border p-3" data-testid="config-field" data-field={field.name}>
          <legend className="px-1 text-sm font-medium">
            {field.label}
            {field.required ? <span className="text-destructive"> *</span> : null}
          </legend>
          {field.description ? <p className="-mt-1 text-xs text-muted-foreground">{field.description}</p> : null}
          {errors?.length ? (
            <p role="alert" className="text-xs text-destructive">
              {errors.join(' · ')}
            </p>
          ) : null}
          <ConfigFields
            fields={field.fields}
            value={obj}
            onChange={(next) => onChange(Object.keys(next).length ? next : undefined)}
            pathPrefix={`${path}.`}
            ctx={ctx}
          />
        </fieldset>
      );
    }
    case 'json':
      return (
        <FieldShell field={field} htmlFor={id} errors={errors}>
          <JsonInput id={id} value={value} onChange={onChange} invalid={invalid} disabled={disabled} />
        </FieldShell>
      );
  }
}

/** The form of a step's config, generated from its type's schema. */
export function ConfigFields({
  fields,
  value,
  onChange,
  pathPrefix = '',
  ctx,
  className,
}: {
  fields: FieldSpec[];
  value: Record<string, unknown>;
  onChange: (next: Record<string, unknown>) => void;
  pathPrefix?: string;
  ctx: ConfigFormContext;
  className?: string;
}) {
  if (fields.length === 0) return <p className="text-sm text-muted-foreground">This step has nothing to configure.</p>;
  return (
    <div className={cn('grid gap-4', className)}>
      {fields.map((f) => (
        <ConfigField
          key={f.name}
          field={f}
          value={value[f.name]}
          path={`${pathPrefix}${f.name}`}
          ctx={ctx}
          onChange={(v) => {
            const next = { ...value };
            if (v === undefined) delete next[f.name];
            else next[f.name] = v;
            onChange(next);
          }}
        />
      ))}
    </div>
  );
}
