'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useCurrentUser } from '~/components/shell/current-user';

const NONE = '__none__';

/**
 * Picks a person from the user directory (user.list; roles without
 * user.read only get "me"). `value` null means unassigned.
 */
export function AssigneePicker({
  value,
  current,
  onChange,
  disabled,
  id,
}: {
  value: string | null;
  /** The assignee as the finding names them, so they show before the directory loads. */
  current?: { id: string; name: string } | null;
  onChange: (userId: string | null) => void;
  disabled?: boolean;
  id?: string;
}) {
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const directory = useQuery({
    ...trpc.user.list.queryOptions({ limit: 100 }),
    staleTime: 5 * 60_000,
    retry: false,
  });
  const people = React.useMemo(() => {
    const list = (directory.data?.items ?? [])
      .filter((u) => u.isActive)
      .map((u) => ({ id: u.id, name: u.name }));
    for (const extra of [current, { id: user.id, name: user.name }])
      if (extra && !list.some((u) => u.id === extra.id)) list.push(extra);
    return list.sort((a, b) =>
      a.id === user.id ? -1 : b.id === user.id ? 1 : a.name.localeCompare(b.name),
    );
  }, [directory.data, current, user.id, user.name]);

  return (
    <Select
      value={value ?? NONE}
      onValueChange={(v) => onChange(v === NONE ? null : v)}
      disabled={disabled}
    >
      <SelectTrigger id={id} aria-label="Assignee" className="w-full" data-testid="assignee-picker">
        <SelectValue />
      </SelectTrigger>
      <SelectContent>
        <SelectItem value={NONE}>Unassigned</SelectItem>
        {people.map((p) => (
          <SelectItem key={p.id} value={p.id}>
            {p.id === user.id ? `${p.name} (me)` : p.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );
}
