'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Plus, User, Users } from 'lucide-react';
import {
  Button,
  Input,
  Popover,
  PopoverContent,
  PopoverTrigger,
  Spinner,
  cn,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';

export interface PickedPrincipal {
  type: 'user' | 'team';
  id: string;
  name: string;
  email?: string;
}

/**
 * Pick a person (from the user directory, user.list) or a team (a workspace
 * of kind "team"). Without user.read the people list stays empty and says so.
 */
export function PrincipalPicker({
  onPick,
  exclude,
  label = 'Add',
  disabled,
  testId,
  usersOnly = false,
}: {
  onPick: (p: PickedPrincipal) => void;
  /** Only people (e.g. a glossary term's owner), no teams. */
  usersOnly?: boolean;
  exclude?: ReadonlySet<string>;
  label?: string;
  disabled?: boolean;
  testId?: string;
}) {
  const trpc = useTRPC();
  const [open, setOpen] = React.useState(false);
  const [text, setText] = React.useState('');
  const query = useDebounced(text.trim(), 200);
  const users = useQuery({
    ...trpc.user.list.queryOptions({ ...(query ? { query } : {}), limit: 8 }),
    enabled: open,
    retry: false,
  });
  const teams = useQuery({
    ...trpc.workspace.list.queryOptions({ ...(query ? { query } : {}), limit: 20 }),
    enabled: open && !usersOnly,
    retry: false,
  });
  const options: PickedPrincipal[] = [
    ...(users.data?.items ?? [])
      .filter((u) => u.isActive)
      .map((u) => ({ type: 'user' as const, id: u.id, name: u.name, email: u.email })),
    ...(teams.data?.items ?? [])
      .filter((w) => w.kind === 'team')
      .map((w) => ({ type: 'team' as const, id: w.id, name: w.name })),
  ].filter((p) => !exclude?.has(`${p.type}:${p.id}`));
  const pick = (p: PickedPrincipal) => {
    onPick(p);
    setOpen(false);
    setText('');
  };
  return (
    <Popover open={open} onOpenChange={setOpen}>
      <PopoverTrigger asChild>
        <Button variant="outline" size="sm" disabled={disabled} data-testid={testId}>
          <Plus />
          {label}
        </Button>
      </PopoverTrigger>
      <PopoverContent align="start" className="w-80 p-2">
        <Input
          autoFocus
          aria-label="Find a person or team"
          placeholder="Name, email or team…"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        <div className="mt-2 max-h-64 overflow-y-auto" role="listbox" aria-label="People and teams">
          {users.isFetching || teams.isFetching ? (
            <div className="flex justify-center py-3">
              <Spinner className="size-4" />
            </div>
          ) : null}
          {options.map((p) => (
            <button
              key={`${p.type}:${p.id}`}
              type="button"
              role="option"
              aria-selected={false}
              onClick={() => pick(p)}
              className={cn(
                'flex w-full cursor-pointer items-center gap-2 rounded-md px-2 py-1.5 text-left text-sm hover:bg-accent',
              )}
            >
              {p.type === 'user' ? (
                <User className="size-4 text-muted-foreground" />
              ) : (
                <Users className="size-4 text-muted-foreground" />
              )}
              <span className="min-w-0 flex-1 truncate">{p.name}</span>
              <span className="truncate text-xs text-muted-foreground">
                {p.type === 'team' ? 'team' : p.email}
              </span>
            </button>
          ))}
          {!users.isFetching && !teams.isFetching && !options.length ? (
            <p className="px-2 py-3 text-center text-xs text-muted-foreground">
              {users.isError
                ? usersOnly
                  ? 'You cannot look people up in the directory.'
                  : 'You cannot look people up in the directory; teams only.'
                : 'No one matches.'}
            </p>
          ) : null}
        </div>
      </PopoverContent>
    </Popover>
  );
}
