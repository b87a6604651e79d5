'use client';
import * as React from 'react';
import { ArrowDown, ArrowUp, Trash2 } from 'lucide-react';
import {
  Button,
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Switch,
  TagInput,
} from '@racine/ui';
import { stageKinds } from './stage-kinds';
import type { StageDraft, StageKind } from './types';

type Config = Record<string, unknown>;

/** A number input: empty means "not set" (undefined); anything else is passed on for the server to judge. */
function NumberInput({
  id,
  value,
  onChange,
  invalid,
  step,
  min,
  max,
}: {
  id: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
  invalid?: boolean;
  step?: number;
  min?: number;
  max?: number;
}) {
  const [text, setText] = React.useState(value === undefined ? '' : String(value));
  // Follow outside changes (reset, reorder) without fighting the user's typing.
  React.useEffect(() => {
    setText((t) =>
      Number(t) === value || (t === '' && value === undefined) ? t : String(value ?? ''),
    );
  }, [value]);
  return (
    <Input
      id={id}
      type="number"
      inputMode="decimal"
      step={step}
      min={min}
      max={max}
      value={text}
      aria-invalid={invalid || undefined}
      onChange={(e) => {
        setText(e.target.value);
        onChange(e.target.value === '' ? undefined : Number(e.target.value));
      }}
    />
  );
}

/** One stage of the editor: kind, id, limits, per-kind settings, and move/remove. */
export function StageFields({
  stage,
  index,
  count,
  errors,
  disabled,
  onChange,
  onMove,
  onRemove,
}: {
  stage: StageDraft;
  index: number;
  count: number;
  /** Server messages for this stage, keyed by path under it ("batchSize", "config.maxNullRatio"). */
  errors: Record<string, string>;
  disabled?: boolean;
  onChange: (next: StageDraft) => void;
  onMove: (delta: -1 | 1) => void;
  onRemove: () => void;
}) {
  const key = `stage-${index}`;
  const config = (stage.config ?? {}) as Config;
  const set = (patch: Partial<StageDraft>) => onChange({ ...stage, ...patch } as StageDraft);
  const setConfig = (patch: Config) => {
    const next: Config = { ...config, ...patch };
    for (const k of Object.keys(next)) if (next[k] === undefined) delete next[k];
    set({ config: next } as Partial<StageDraft>);
  };
  const kindMeta = stageKinds.find((k) => k.kind === stage.kind);
  const unplaced = Object.entries(errors).filter(
    ([path]) =>
      ![
        'id',
        'name',
        'kind',
        'concurrency',
        'batchSize',
        'maxAttempts',
        'config.maxNullRatio',
        'config.minUniqueRatio',
        'config.uniqueColumns',
        'config.freshnessColumn',
        'config.maxAgeHours',
        'config.tag',
        'config.certify',
      ].includes(path),
  );

  return (
    <li
      className="grid gap-4 rounded-lg border bg-card p-4"
      data-testid="stage-editor"
      data-stage-id={stage.id}
      data-kind={stage.kind}
    >
      <div className="flex flex-wrap items-start gap-3">
        <span className="mt-1.5 flex size-6 shrink-0 items-center justify-center rounded-full bg-primary/12 text-xs font-semibold text-primary tabular-nums">
          {index + 1}
        </span>
        <div className="grid min-w-0 flex-1 items-start gap-3 sm:grid-cols-3 xl:grid-cols-[11rem_minmax(0,1fr)_minmax(0,1fr)_7rem_7rem_7rem]">
          <Field label="Kind" error={errors.kind}>
            <Select
              value={stage.kind}
              disabled={disabled}
              onValueChange={(kind) =>
                // Settings belong to a kind: a new kind starts with none.
                onChange({ ...stage, kind: kind as StageKind, config: {} } as StageDraft)
              }
            >
              <SelectTrigger aria-label={`Stage ${index + 1} kind`}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {stageKinds.map((k) => (
                  <SelectItem key={k.kind} value={k.kind}>
                    {k.label}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </Field>
          <Field label="Id" htmlFor={`${key}-id`} error={errors.id}>
            <Input
              id={`${key}-id`}
              value={stage.id}
              disabled={disabled}
              aria-invalid={!!errors.id || undefined}
              className="font-mono"
              onChange={(e) => set({ id: e.target.value })}
            />
          </Field>
          <Field label="Name (optional)" htmlFor={`${key}-name`} error={errors.name}>
            <Input
              id={`${key}-name`}
              value={stage.name ?? ''}
              disabled={disabled}
              placeholder={kindMeta?.label}
              onChange={(e) => set({ name: e.target.value || undefined })}
            />
          </Field>
          <Field
            label="Concurrency"
            htmlFor={`${key}-concurrency`}
            hint="1–16 at once"
            error={errors.concurrency}
          >
            <NumberInput
              id={`${key}-concurrency`}
              value={stage.concurrency}
              min={1}
              max={16}
              invalid={!!errors.concurrency}
              onChange={(v) => set({ concurrency: v })}
            />
          </Field>
          <Field
            label="Batch size"
            htmlFor={`${key}-batch`}
            hint="1–500 a claim"
            error={errors.batchSize}
          >
            <NumberInput
              id={`${key}-batch`}
              value={stage.batchSize}
              min={1}
              max={500}
              invalid={!!errors.batchSize}
              onChange={(v) => set({ batchSize: v })}
            />
          </Field>
          <Field
            label="Attempts"
            htmlFor={`${key}-attempts`}
            hint="1–10, then dead"
            error={errors.maxAttempts}
          >
            <NumberInput
              id={`${key}-attempts`}
              value={stage.maxAttempts}
              min={1}
              max={10}
              invalid={!!errors.maxAttempts}
              onChange={(v) => set({ maxAttempts: v })}
            />
          </Field>
        </div>
        <div className="flex shrink-0 gap-1">
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Move stage ${index + 1} up`}
            disabled={disabled || index === 0}
            onClick={() => onMove(-1)}
          >
            <ArrowUp />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Move stage ${index + 1} down`}
            disabled={disabled || index === count - 1}
            onClick={() => onMove(1)}
          >
            <ArrowDown />
          </Button>
          <Button
            variant="ghost"
            size="icon-sm"
            aria-label={`Remove stage ${index + 1}`}
            className="text-destructive hover:text-destructive"
            disabled={disabled || count <= 1}
            onClick={onRemove}
          >
            <Trash2 />
          </Button>
        </div>
      </div>
      {kindMeta ? (
        <p className="-mt-2 pl-9 text-xs text-muted-foreground">{kindMeta.description}</p>
      ) : null}
      {stage.kind === 'quality' ? (
        <div className="grid items-start gap-3 border-t pt-3 pl-9 sm:grid-cols-3">
          <Field
            label="Max null ratio"
            htmlFor={`${key}-null`}
            hint="0–1, per column"
            error={errors['config.maxNullRatio']}
          >
            <NumberInput
              id={`${key}-null`}
              value={config.maxNullRatio as number | undefined}
              step={0.05}
              min={0}
              max={1}
              invalid={!!errors['config.maxNullRatio']}
              onChange={(v) => setConfig({ maxNullRatio: v })}
            />
          </Field>
          <Field
            label="Min unique ratio"
            htmlFor={`${key}-unique`}
            hint="0–1, of key columns"
            error={errors['config.minUniqueRatio']}
          >
            <NumberInput
              id={`${key}-unique`}
              value={config.minUniqueRatio as number | undefined}
              step={0.05}
              min={0}
              max={1}
              invalid={!!errors['config.minUniqueRatio']}
              onChange={(v) => setConfig({ minUniqueRatio: v })}
            />
          </Field>
          <Field
            label="Unique columns"
            htmlFor={`${key}-ucols`}
            hint="default: id and *_id keys"
            error={errors['config.uniqueColumns']}
          >
            <TagInput
              id={`${key}-ucols`}
              value={(config.uniqueColumns as string[] | undefined) ?? []}
              disabled={disabled}
              placeholder="column, Enter"
              onChange={(v) => setConfig({ uniqueColumns: v.length ? v : undefined })}
            />
          </Field>
          <Field
            label="Freshness column"
            htmlFor={`${key}-fcol`}
            hint="a timestamp column"
            error={errors['config.freshnessColumn']}
          >
            <Input
              id={`${key}-fcol`}
              value={(config.freshnessColumn as string | undefined) ?? ''}
              disabled={disabled}
              placeholder="updated_at"
              className="font-mono"
              onChange={(e) => setConfig({ freshnessColumn: e.target.value || undefined })}
            />
          </Field>
          <Field
            label="Max age (hours)"
            htmlFor={`${key}-age`}
            error={errors['config.maxAgeHours']}
          >
            <NumberInput
              id={`${key}-age`}
              value={config.maxAgeHours as number | undefined}
              min={0}
              invalid={!!errors['config.maxAgeHours']}
              onChange={(v) => setConfig({ maxAgeHours: v })}
            />
          </Field>
          <div className="flex items-center gap-2 self-end pb-2 text-sm">
            <Switch
              id={`${key}-fail`}
              checked={config.failOnViolation === true}
              disabled={disabled}
              onCheckedChange={(v) => setConfig({ failOnViolation: v })}
            />
            <label htmlFor={`${key}-fail`}>A breach fails the item</label>
          </div>
        </div>
      ) : null}
      {stage.kind === 'publish' ? (
        <div className="grid items-start gap-3 border-t pt-3 pl-9 sm:grid-cols-3">
          <Field
            label="Tag"
            htmlFor={`${key}-tag`}
            hint="added to each published table"
            error={errors['config.tag']}
          >
            <Input
              id={`${key}-tag`}
              value={(config.tag as string | undefined) ?? ''}
              disabled={disabled}
              placeholder="pipeline-checked"
              onChange={(e) => setConfig({ tag: e.target.value || undefined })}
            />
          </Field>
          <Field label="Certification" error={errors['config.certify']}>
            <Select
              value={(config.certify as string | undefined) ?? 'none'}
              disabled={disabled}
              onValueChange={(v) => setConfig({ certify: v === 'none' ? undefined : v })}
            >
              <SelectTrigger aria-label={`Stage ${index + 1} certification`}>
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                <SelectItem value="none">Leave as is</SelectItem>
                <SelectItem value="draft">Draft</SelectItem>
                <SelectItem value="certified">Certified</SelectItem>
                <SelectItem value="deprecated">Deprecated</SelectItem>
              </SelectContent>
            </Select>
          </Field>
        </div>
      ) : null}
      {unplaced.length ? (
        <ul className="grid gap-0.5 pl-9 text-xs text-destructive" role="alert">
          {unplaced.map(([path, message]) => (
            <li key={path}>
              {path ? <code className="font-mono">{path}</code> : null} {message}
            </li>
          ))}
        </ul>
      ) : null}
    </li>
  );
}
