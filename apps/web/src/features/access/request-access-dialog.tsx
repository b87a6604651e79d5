'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Boxes, Database, Search, Send } from 'lucide-react';
import {
  Badge,
  Button,
  cn,
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
  Skeleton,
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterInputs, RouterOutputs } from '~/trpc/types';

type Scope = RouterOutputs['accessRequest']['scopes']['items'][number];

const presets = [
  { value: '60', label: '1 hour' },
  { value: '480', label: '8 hours' },
  { value: '1440', label: '1 day' },
  { value: '10080', label: '7 days' },
  { value: '43200', label: '30 days' },
  { value: 'custom', label: 'Custom (minutes)' },
] as const;
const MAX_MINUTES = 129_600;

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = React.useState(value);
  React.useEffect(() => {
    const id = setTimeout(() => setV(value), ms);
    return () => clearTimeout(id);
  }, [value, ms]);
  return v;
}

/** Ask for a role on a workspace or data source, for a while, saying why. */
export function RequestAccessDialog({
  open,
  onOpenChange,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [q, setQ] = React.useState('');
  const search = useDebounced(q.trim(), 250);
  const [scope, setScope] = React.useState<Scope | null>(null);
  const [roleKey, setRoleKey] = React.useState('');
  const [preset, setPreset] = React.useState<string>('60');
  const [custom, setCustom] = React.useState('30');
  const [justification, setJustification] = React.useState('');
  const [submitted, setSubmitted] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setQ('');
    setScope(null);
    setRoleKey('');
    setPreset('60');
    setCustom('30');
    setJustification('');
    setSubmitted(false);
  }, [open]);

  const scopes = useQuery({
    ...trpc.accessRequest.scopes.queryOptions(search ? { q: search } : {}),
    enabled: open,
  });
  const minutes = preset === 'custom' ? Number(custom) : Number(preset);
  const errors = {
    scope: !scope ? 'Pick a workspace or data source' : undefined,
    role: !roleKey ? 'Pick a role' : undefined,
    duration:
      !Number.isInteger(minutes) || minutes < 1 || minutes > MAX_MINUTES
        ? 'Between 1 minute and 90 days (129,600 minutes)'
        : undefined,
    justification:
      justification.trim().length < 10
        ? 'Say why, in at least 10 characters'
        : justification.trim().length > 2_000
          ? 'At most 2,000 characters'
          : undefined,
  };
  const invalid = Object.values(errors).some(Boolean);

  const create = useMutation(
    trpc.accessRequest.create.mutationOptions({
      onSuccess: (r) => {
        toast.success(
          `Request sent: ${r.approvers} approver${r.approvers === 1 ? '' : 's'} notified`,
        );
        void queryClient.invalidateQueries(trpc.accessRequest.pathFilter());
        onOpenChange(false);
      },
      onError: (error) => toast.fromError(error, 'Could not send the request'),
    }),
  );

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (invalid || !scope) return;
    create.mutate({
      roleKey: roleKey as RouterInputs['accessRequest']['create']['roleKey'],
      scopeType: scope.scopeType,
      scopeId: scope.id,
      justification: justification.trim(),
      durationMinutes: minutes,
    });
  };
  const show = (e: string | undefined) => (submitted ? e : undefined);

  return (
    <Dialog open={open} onOpenChange={(next) => !create.isPending && onOpenChange(next)}>
      <DialogContent className="max-w-xl" data-testid="request-access-dialog">
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>Request access</DialogTitle>
            <DialogDescription>
              The scope’s admins are notified and decide. Approved access ends on its own.
            </DialogDescription>
          </DialogHeader>
          <Field label="Workspace or data source" htmlFor="scope-search" error={show(errors.scope)}>
            <div className="relative">
              <Search className="pointer-events-none absolute left-2.5 top-2.5 size-4 text-muted-foreground" />
              <Input
                id="scope-search"
                className="pl-8"
                placeholder="Search by name"
                value={q}
                autoFocus
                onChange={(e) => setQ(e.target.value)}
              />
            </div>
            <div
              className="mt-2 grid max-h-48 gap-1 overflow-y-auto rounded-md border p-1"
              role="listbox"
              aria-label="Scopes"
            >
              {scopes.isPending ? (
                <>
                  <Skeleton className="h-8" />
                  <Skeleton className="h-8" />
                </>
              ) : scopes.data?.items.length ? (
                scopes.data.items.map((s) => {
                  const selected = scope?.id === s.id;
                  return (
                    <button
                      type="button"
                      role="option"
                      aria-selected={selected}
                      key={`${s.scopeType}:${s.id}`}
                      data-testid="scope-option"
                      data-name={s.name}
                      onClick={() => {
                        setScope(s);
                        setRoleKey(s.roles[0]?.key ?? '');
                      }}
                      className={cn(
                        'flex items-center gap-2 rounded px-2 py-1.5 text-left text-sm hover:bg-accent',
                        selected && 'bg-accent font-medium',
                      )}
                    >
                      {s.scopeType === 'workspace' ? (
                        <Boxes className="size-4 text-muted-foreground" />
                      ) : (
                        <Database className="size-4 text-muted-foreground" />
                      )}
                      <span className="truncate">{s.name}</span>
                      <span className="ml-auto flex shrink-0 gap-1">
                        <Badge variant="outline">
                          {s.scopeType === 'workspace' ? 'workspace' : s.kind}
                        </Badge>
                        <Badge variant="secondary">{s.environment}</Badge>
                      </span>
                    </button>
                  );
                })
              ) : (
                <p className="px-2 py-3 text-sm text-muted-foreground">
                  {scopes.isError ? 'Could not search.' : 'Nothing by that name.'}
                </p>
              )}
            </div>
          </Field>
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Role" htmlFor="request-role" error={show(errors.role)}>
              <Select value={roleKey} onValueChange={setRoleKey} disabled={!scope}>
                <SelectTrigger id="request-role" aria-label="Role">
                  <SelectValue placeholder="Pick a scope first" />
                </SelectTrigger>
                <SelectContent>
                  {scope?.roles.map((r) => (
                    <SelectItem key={r.key} value={r.key}>
                      {r.name}
                    </SelectItem>
                  ))}
                </SelectContent>
              </Select>
            </Field>
            <Field label="For" htmlFor="request-duration" error={show(errors.duration)}>
              <div className="flex gap-2">
                <Select value={preset} onValueChange={setPreset}>
                  <SelectTrigger id="request-duration" aria-label="Duration">
                    <SelectValue />
                  </SelectTrigger>
                  <SelectContent>
                    {presets.map((p) => (
                      <SelectItem key={p.value} value={p.value}>
                        {p.label}
                      </SelectItem>
                    ))}
                  </SelectContent>
                </Select>
                {preset === 'custom' ? (
                  <Input
                    aria-label="Minutes"
                    type="number"
                    min={1}
                    max={MAX_MINUTES}
                    className="w-24"
                    value={custom}
                    onChange={(e) => setCustom(e.target.value)}
                    data-testid="custom-minutes"
                  />
                ) : null}
              </div>
            </Field>
          </div>
          {scope && roleKey ? (
            <p className="text-xs text-muted-foreground">
              {scope.roles.find((r) => r.key === roleKey)?.description}
            </p>
          ) : null}
          <Field
            label="Justification"
            htmlFor="request-justification"
            error={show(errors.justification)}
          >
            <Textarea
              id="request-justification"
              rows={3}
              value={justification}
              onChange={(e) => setJustification(e.target.value)}
              placeholder="What you need it for; approvers and auditors read this."
            />
          </Field>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={create.isPending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={create.isPending} data-testid="send-request">
              {create.isPending ? <Spinner /> : <Send />}
              Send request
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
