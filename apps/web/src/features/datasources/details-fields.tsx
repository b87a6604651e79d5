'use client';
import { Controller, type FieldErrors, type UseFormReturn } from 'react-hook-form';
import {
  Field,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  TagInput,
  Textarea,
} from '@racine/ui';
import {
  type Criticality,
  criticalityLabel,
  criticalityOptions,
  type Environment,
  environmentOptions,
} from './bits';

/** The descriptive fields a data source has, whether being created or edited. */
export interface DetailsValues {
  name: string;
  description?: string;
  workspaceId?: string | null;
  environment?: Environment;
  criticality?: Criticality;
  tags?: string[];
}

const NO_WORKSPACE = '__none__';

/**
 * Name, workspace, description, environment, criticality and tags: one block
 * shared by the create and edit dialogs. `idPrefix` keeps label/field ids
 * unique when both dialogs are mounted; `noWorkspace` is what "No workspace"
 * stores (the create schema wants it absent, the update schema wants null).
 */
export function DetailsFields({
  form,
  idPrefix,
  workspaces,
  noWorkspace,
  namePlaceholder,
  tagsPlaceholder,
  tagsHint,
}: {
  form: UseFormReturn<DetailsValues>;
  idPrefix: string;
  workspaces: { id: string; name: string }[];
  noWorkspace: undefined | null;
  namePlaceholder?: string;
  tagsPlaceholder?: string;
  tagsHint?: string;
}) {
  const errors: FieldErrors<DetailsValues> = form.formState.errors;
  const id = (field: string) => `${idPrefix}-${field}`;
  return (
    <section className="grid gap-4 border-t pt-4" aria-labelledby={id('details-heading')}>
      <h3 id={id('details-heading')} className="text-sm font-semibold">
        Details
      </h3>
      <div className="grid items-start gap-4 sm:grid-cols-2">
        <Field label="Name" htmlFor={id('name')} error={errors.name?.message}>
          <Input
            id={id('name')}
            aria-invalid={!!errors.name}
            placeholder={namePlaceholder}
            {...form.register('name')}
          />
        </Field>
        <Field label="Workspace" htmlFor={id('workspace')} error={errors.workspaceId?.message}>
          <Controller
            control={form.control}
            name="workspaceId"
            render={({ field }) => (
              <Select
                value={field.value ?? NO_WORKSPACE}
                onValueChange={(v) => field.onChange(v === NO_WORKSPACE ? noWorkspace : v)}
              >
                <SelectTrigger id={id('workspace')} aria-label="Workspace">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  <SelectItem value={NO_WORKSPACE}>No workspace</SelectItem>
                  {workspaces.map((w) => (
                    <SelectItem key={w.id} value={w.id}>
                      {w.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          />
        </Field>
      </div>
      <Field label="Description" htmlFor={id('description')} error={errors.description?.message}>
        <Textarea id={id('description')} rows={2} {...form.register('description')} />
      </Field>
      <div className="grid items-start gap-4 sm:grid-cols-3">
        <Field label="Environment" htmlFor={id('environment')}>
          <Controller
            control={form.control}
            name="environment"
            render={({ field }) => (
              <Select value={field.value} onValueChange={field.onChange}>
                <SelectTrigger id={id('environment')} aria-label="Environment">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {environmentOptions.map((e) => (
                    <SelectItem key={e.value} value={e.value}>
                      {e.label}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          />
        </Field>
        <Field label="Criticality" htmlFor={id('criticality')}>
          <Controller
            control={form.control}
            name="criticality"
            render={({ field }) => (
              <Select value={field.value} onValueChange={field.onChange}>
                <SelectTrigger id={id('criticality')} aria-label="Criticality">
                  <SelectValue />
                </SelectTrigger>
                <SelectContent>
                  {criticalityOptions.map((c) => (
                    <SelectItem key={c} value={c}>
                      {criticalityLabel[c]}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            )}
          />
        </Field>
        <Field
          label="Tags"
          htmlFor={id('tags')}
          error={errors.tags?.message ?? errors.tags?.[0]?.message}
          hint={tagsHint}
        >
          <Controller
            control={form.control}
            name="tags"
            render={({ field }) => (
              <TagInput
                id={id('tags')}
                value={field.value ?? []}
                onChange={field.onChange}
                placeholder={tagsPlaceholder}
              />
            )}
          />
        </Field>
      </div>
    </section>
  );
}
