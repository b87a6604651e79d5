'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Braces, List } from 'lucide-react';
import {
  Button,
  Input,
  Select,
  SelectContent,
  SelectGroup,
  SelectItem,
  SelectLabel,
  SelectTrigger,
  SelectValue,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';
import type { PickerKind } from './builder-schema';
import type { DraftParameter, ParameterType } from './builder-types';

const NONE = '__none__';

export interface Choice {
  value: string;
  label: string;
  hint?: string;
}

/** Which parameter types can fill a picker of this kind, as `{{ params.x }}`. */
const paramTypeFor: Record<PickerKind, ParameterType[]> = {
  dataSource: ['dataSource', 'string'],
  user: ['user', 'string'],
  users: ['user'],
  framework: ['string'],
  frameworkId: ['string'],
  workspace: ['workspace', 'string'],
};

/** The choices of a picker: data sources of the workflow's workspace, users, frameworks, workspaces. */
export function usePickerChoices(kind: PickerKind, workspaceId: string | undefined): { choices: Choice[]; loading: boolean } {
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const sources = useQuery({
    ...trpc.datasource.list.queryOptions({ limit: 100, ...(workspaceId ? { workspaceId } : {}) }),
    enabled: kind === 'dataSource',
    staleTime: 60_000,
  });
  const users = useQuery({
    ...trpc.user.list.queryOptions({ limit: 100 }),
    enabled: kind === 'user' || kind === 'users',
    staleTime: 5 * 60_000,
    retry: false,
  });
  const frameworks = useQuery({
    ...trpc.compliance.frameworks.queryOptions({}),
    enabled: kind === 'framework' || kind === 'frameworkId',
    staleTime: 5 * 60_000,
  });
  const workspaces = useQuery({
    ...trpc.workspace.list.queryOptions({ limit: 100 }),
    enabled: kind === 'workspace',
    staleTime: 60_000,
  });
  return React.useMemo(() => {
    switch (kind) {
      case 'dataSource':
        return {
          loading: sources.isPending,
          choices: (sources.data?.items ?? []).map((s) => ({ value: s.id, label: s.name, hint: s.engine })),
        };
      case 'user':
      case 'users': {
        // Without user.read the directory is refused: the signed-in user is still a choice.
        const list = (users.data?.items ?? []).filter((u) => u.isActive).map((u) => ({ value: u.id, label: u.name, hint: u.email }));
        if (!list.some((u) => u.value === user.id)) list.unshift({ value: user.id, label: `${user.name} (me)`, hint: '' });
        return { loading: users.isPending && !users.isError, choices: list };
      }
      case 'framework':
      case 'frameworkId':
        return {
          loading: frameworks.isPending,
          choices: (frameworks.data ?? []).flatMap((f) => {
            const value = kind === 'framework' ? f.key : f.id;
            return value ? [{ value, label: f.name, hint: f.key ?? undefined }] : [];
          }),
        };
      case 'workspace':
        return {
          loading: workspaces.isPending,
          choices: (workspaces.data?.items ?? []).map((w) => ({ value: w.id, label: w.name })),
        };
    }
  }, [kind, sources.data, sources.isPending, users.data, users.isPending, users.isError, user.id, user.name, frameworks.data, frameworks.isPending, workspaces.data, workspaces.isPending]);
}

/**
 * A select over the picker's choices and the workflow parameters that fit
 * (as `{{ params.x }}`), with a switch to free text for any other template
 * (e.g. `{{ item.id }}` inside a forEach, `{{ steps.scan.runId }}`).
 */
export function PickerField({
  kind,
  id,
  value,
  onChange,
  workspaceId,
  parameters,
  invalid,
  disabled,
  placeholder,
}: {
  kind: PickerKind;
  id: string;
  value: string | undefined;
  onChange: (value: string | undefined) => void;
  workspaceId: string | undefined;
  parameters: readonly DraftParameter[];
  invalid?: boolean;
  disabled?: boolean;
  placeholder?: string;
}) {
  const { choices, loading } = usePickerChoices(kind, workspaceId);
  const paramChoices = parameters
    .filter((p) => paramTypeFor[kind].includes(p.type))
    .map((p) => ({ value: `{{ params.${p.name} }}`, label: p.label || p.name }));
  const known = !value || choices.some((c) => c.value === value) || paramChoices.some((c) => c.value === value);
  const [freeText, setFreeText] = React.useState(!known && !loading);
  React.useEffect(() => {
    if (!known && !loading) setFreeText(true);
  }, [known, loading]);

  const toggle = (
    <Button
      type="button"
      variant="ghost"
      size="icon-sm"
      onClick={() => setFreeText((f) => !f)}
      title={freeText ? 'Pick from the list' : 'Type a value or a {{ template }}'}
      aria-label={freeText ? 'Pick from the list' : 'Type a value or a template'}
      disabled={disabled}
    >
      {freeText ? <List /> : <Braces />}
    </Button>
  );

  if (freeText)
    return (
      <div className="flex items-center gap-1">
        <Input
          id={id}
          value={value ?? ''}
          onChange={(e) => onChange(e.target.value || undefined)}
          placeholder={placeholder ?? '{{ params.… }}'}
          aria-invalid={invalid || undefined}
          disabled={disabled}
          className="font-mono text-xs"
        />
        {toggle}
      </div>
    );
  return (
    <div className="flex items-center gap-1">
      <Select value={value ?? NONE} onValueChange={(v) => onChange(v === NONE ? undefined : v)} disabled={disabled}>
        <SelectTrigger id={id} aria-invalid={invalid || undefined} data-testid={`picker-${id}`}>
          <SelectValue placeholder={loading ? 'Loading…' : 'Choose…'} />
        </SelectTrigger>
        <SelectContent>
          <SelectItem value={NONE}>
            <span className="text-muted-foreground">{placeholder ?? 'None'}</span>
          </SelectItem>
          {paramChoices.length ? (
            <SelectGroup>
              <SelectLabel>Parameters</SelectLabel>
              {paramChoices.map((c) => (
                <SelectItem key={c.value} value={c.value}>
                  <span className="font-mono text-xs">{c.value}</span>
                </SelectItem>
              ))}
            </SelectGroup>
          ) : null}
          <SelectGroup>
            {paramChoices.length ? <SelectLabel>Choose one</SelectLabel> : null}
            {choices.map((c) => (
              <SelectItem key={c.value} value={c.value}>
                {c.label}
                {c.hint ? <span className="ml-1 text-xs text-muted-foreground">{c.hint}</span> : null}
              </SelectItem>
            ))}
          </SelectGroup>
        </SelectContent>
      </Select>
      {toggle}
    </div>
  );
}
