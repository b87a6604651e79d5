'use client';
import * as React from 'react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { UserPlus } from 'lucide-react';
import {
  Avatar,
  Button,
  Input,
  Label,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useDebounced } from '~/lib/use-debounced';
import type { WorkspaceDetail } from './use-workspace';
import { useInvalidateWorkspace } from './use-workspace';
import { workspaceRoles, type WorkspaceRole } from './roles';

/** Add a person by email; the directory (user.list) suggests matches as you type. */
export function AddMemberForm({ workspace: ws }: { workspace: WorkspaceDetail }) {
  const trpc = useTRPC();
  const invalidate = useInvalidateWorkspace();
  const [email, setEmail] = React.useState('');
  const [role, setRole] = React.useState<WorkspaceRole>('member');
  const [suggestOpen, setSuggestOpen] = React.useState(false);
  const [fieldError, setFieldError] = React.useState<string | null>(null);
  const query = useDebounced(email.trim(), 200);
  const memberIds = React.useMemo(() => new Set(ws.members.map((m) => m.id)), [ws.members]);

  // Directory lookups need user.read; without it the suggestions simply stay empty.
  const directory = useQuery({
    ...trpc.user.list.queryOptions({ query, limit: 6 }),
    enabled: suggestOpen && query.length >= 2,
    retry: false,
  });
  const suggestions = (directory.data?.items ?? []).filter(
    (u) => !memberIds.has(u.id) && u.isActive,
  );

  const add = useMutation(
    trpc.workspace.addMember.mutationOptions({
      onSuccess: async (member) => {
        toast.success(`${member.name} added as ${member.role}`);
        setEmail('');
        setFieldError(null);
        await invalidate();
      },
      onError: (error) => {
        setFieldError(error.message);
        toast.fromError(error, 'Could not add the member');
      },
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const value = email.trim();
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value)) {
      setFieldError('Enter a valid email address');
      return;
    }
    setSuggestOpen(false);
    add.mutate({ workspaceId: ws.id, email: value.toLowerCase(), role });
  };

  return (
    <form onSubmit={submit} className="grid gap-1.5" noValidate data-testid="add-member-form">
      <Label htmlFor="member-email">Add a member</Label>
      <div className="flex flex-col gap-2 sm:flex-row">
        <div className="relative flex-1">
          <Input
            id="member-email"
            type="email"
            autoComplete="off"
            placeholder="name@company.com"
            value={email}
            aria-invalid={!!fieldError}
            aria-describedby={fieldError ? 'member-email-error' : undefined}
            onChange={(e) => {
              setEmail(e.target.value);
              setFieldError(null);
              setSuggestOpen(true);
            }}
            onBlur={() => setTimeout(() => setSuggestOpen(false), 150)}
            onFocus={() => setSuggestOpen(true)}
          />
          {suggestOpen && query.length >= 2 && suggestions.length > 0 ? (
            <ul
              role="listbox"
              aria-label="Matching people"
              className="absolute inset-x-0 top-full z-20 mt-1 overflow-hidden rounded-md border bg-popover p-1 shadow-md"
            >
              {suggestions.map((u) => (
                <li key={u.id} role="option" aria-selected={false}>
                  <button
                    type="button"
                    className="flex w-full items-center gap-2 rounded-sm px-2 py-1.5 text-left text-sm hover:bg-accent cursor-pointer"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => {
                      setEmail(u.email);
                      setSuggestOpen(false);
                    }}
                  >
                    <Avatar name={u.name} className="size-6" />
                    <span className="truncate font-medium">{u.name}</span>
                    <span className="ml-auto truncate text-xs text-muted-foreground">
                      {u.email}
                    </span>
                  </button>
                </li>
              ))}
            </ul>
          ) : null}
        </div>
        <Select value={role} onValueChange={(v) => setRole(v as WorkspaceRole)}>
          <SelectTrigger className="sm:w-32" aria-label="Role for the new member">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {workspaceRoles.map((r) => (
              <SelectItem key={r.key} value={r.key}>
                {r.label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <Button type="submit" disabled={add.isPending}>
          {add.isPending ? <Spinner /> : <UserPlus />}
          Add
        </Button>
      </div>
      {fieldError ? (
        <p id="member-email-error" role="alert" className="text-xs text-destructive">
          {fieldError}
        </p>
      ) : null}
    </form>
  );
}
