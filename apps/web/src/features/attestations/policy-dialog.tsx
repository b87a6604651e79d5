'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  Button,
  Checkbox,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Field,
  Input,
  Label,
  Spinner,
  Switch,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
  Textarea,
  toast,
} from '@racine/ui';
import { Markdown } from '~/features/catalog/markdown';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

type Policy = RouterOutputs['attestation']['policies'][number];
type RoleKey = 'admin' | 'steward' | 'analyst' | 'viewer';
const roleKeys: RoleKey[] = ['admin', 'steward', 'analyst', 'viewer'];

/** Create a draft policy, or edit one (a published policy's new text becomes a new version). */
export function PolicyDialog({
  open,
  policy,
  onOpenChange,
}: {
  open: boolean;
  policy: Policy | null;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [title, setTitle] = React.useState('');
  const [body, setBody] = React.useState('');
  const [periodDays, setPeriodDays] = React.useState('365');
  const [graceDays, setGraceDays] = React.useState('14');
  const [roles, setRoles] = React.useState<RoleKey[]>([]);
  const [blockRoles, setBlockRoles] = React.useState(false);
  const [submitted, setSubmitted] = React.useState(false);

  React.useEffect(() => {
    if (!open) return;
    setTitle(policy?.title ?? '');
    setBody(policy?.body ?? '');
    setPeriodDays(String(policy?.periodDays ?? 365));
    setGraceDays(String(policy?.graceDays ?? 14));
    setRoles((policy?.requiredRoleKeys as RoleKey[] | undefined) ?? []);
    setBlockRoles(policy?.blockRoles ?? false);
    setSubmitted(false);
  }, [open, policy]);

  const period = Number(periodDays);
  const grace = Number(graceDays);
  const errors = {
    title: title.trim().length < 3 ? 'A title of at least 3 characters' : undefined,
    body: !body.trim() ? 'Write the policy people attest to' : undefined,
    period:
      !Number.isInteger(period) || period < 1 || period > 3650 ? '1 to 3,650 days' : undefined,
    grace: !Number.isInteger(grace) || grace < 0 || grace > 365 ? '0 to 365 days' : undefined,
    block: blockRoles
      ? !roles.length
        ? 'Name the roles to block'
        : roles.includes('admin')
          ? 'The admin role cannot be blocked: nobody could fix a lock-out'
          : undefined
      : undefined,
  };
  const invalid = Object.values(errors).some(Boolean);
  const bumps =
    !!policy?.publishedAt && (title.trim() !== policy.title || body.trim() !== policy.body);

  const done = (message: string) => {
    toast.success(message);
    void queryClient.invalidateQueries(trpc.attestation.pathFilter());
    onOpenChange(false);
  };
  const create = useMutation(
    trpc.attestation.createPolicy.mutationOptions({
      onSuccess: (p) => done(`Draft “${p.title}” saved; publish it when ready`),
      onError: (error) => toast.fromError(error, 'Could not save the policy'),
    }),
  );
  const update = useMutation(
    trpc.attestation.updatePolicy.mutationOptions({
      onSuccess: (p) =>
        done(
          bumps
            ? `“${p.title}” is now version ${p.version}: everyone attests again`
            : `“${p.title}” saved`,
        ),
      onError: (error) => toast.fromError(error, 'Could not save the policy'),
    }),
  );
  const pending = create.isPending || update.isPending;

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    setSubmitted(true);
    if (invalid) return;
    const values = {
      title: title.trim(),
      body: body.trim(),
      periodDays: period,
      graceDays: grace,
      requiredRoleKeys: roles,
      blockRoles,
    };
    if (policy) update.mutate({ id: policy.id, ...values });
    else create.mutate(values);
  };
  const show = (e: string | undefined) => (submitted ? e : undefined);

  return (
    <Dialog open={open} onOpenChange={(next) => !pending && onOpenChange(next)}>
      <DialogContent className="max-w-2xl" data-testid="policy-dialog">
        <form className="grid gap-4" onSubmit={submit} noValidate>
          <DialogHeader>
            <DialogTitle>
              {policy ? `Edit “${policy.title}”` : 'New attestation policy'}
            </DialogTitle>
            <DialogDescription>
              People holding the chosen roles (everyone, if none) read it and attest, again every
              period.
            </DialogDescription>
          </DialogHeader>
          <Field label="Title" htmlFor="policy-title" error={show(errors.title)}>
            <Input
              id="policy-title"
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              autoFocus
            />
          </Field>
          <Tabs defaultValue="write">
            <TabsList>
              <TabsTrigger value="write">Write</TabsTrigger>
              <TabsTrigger value="preview">Preview</TabsTrigger>
            </TabsList>
            <TabsContent value="write">
              <Field label="Policy (markdown)" htmlFor="policy-body" error={show(errors.body)}>
                <Textarea
                  id="policy-body"
                  rows={10}
                  value={body}
                  onChange={(e) => setBody(e.target.value)}
                  className="font-mono text-xs"
                />
              </Field>
            </TabsContent>
            <TabsContent value="preview">
              <div className="max-h-72 overflow-y-auto rounded-md border p-3">
                {body.trim() ? (
                  <Markdown>{body}</Markdown>
                ) : (
                  <p className="text-sm text-muted-foreground">Nothing written yet.</p>
                )}
              </div>
            </TabsContent>
          </Tabs>
          {bumps ? (
            <p
              className="rounded-md border border-warning/40 bg-warning/10 p-2 text-sm"
              data-testid="version-bump-warning"
            >
              This policy is published: changing its title or text makes version{' '}
              {(policy?.version ?? 1) + 1}, and everyone must attest again.
            </p>
          ) : null}
          <div className="grid gap-4 sm:grid-cols-2">
            <Field label="Attest every (days)" htmlFor="policy-period" error={show(errors.period)}>
              <Input
                id="policy-period"
                type="number"
                min={1}
                max={3650}
                value={periodDays}
                onChange={(e) => setPeriodDays(e.target.value)}
              />
            </Field>
            <Field
              label="Grace (days)"
              htmlFor="policy-grace"
              error={show(errors.grace)}
              hint="Due, but not yet overdue, for this long."
            >
              <Input
                id="policy-grace"
                type="number"
                min={0}
                max={365}
                value={graceDays}
                onChange={(e) => setGraceDays(e.target.value)}
              />
            </Field>
          </div>
          <Field
            label="Who must attest"
            error={show(errors.block)}
            hint="No role chosen: everyone."
          >
            <div className="flex flex-wrap gap-4" role="group" aria-label="Required roles">
              {roleKeys.map((k) => (
                <div key={k} className="flex items-center gap-2">
                  <Checkbox
                    id={`policy-role-${k}`}
                    checked={roles.includes(k)}
                    onCheckedChange={(c) =>
                      setRoles((r) => (c === true ? [...r, k] : r.filter((x) => x !== k)))
                    }
                  />
                  <Label htmlFor={`policy-role-${k}`}>{k}</Label>
                </div>
              ))}
            </div>
          </Field>
          <div className="flex items-start gap-3 rounded-md border p-3">
            <Switch id="policy-block" checked={blockRoles} onCheckedChange={setBlockRoles} />
            <div className="grid gap-0.5">
              <Label htmlFor="policy-block">Block roles while overdue</Label>
              <span className="text-xs text-muted-foreground">
                An overdue person’s chosen roles stop granting anything until they attest. Not
                allowed for admin.
              </span>
            </div>
          </div>
          <DialogFooter>
            <Button
              type="button"
              variant="outline"
              onClick={() => onOpenChange(false)}
              disabled={pending}
            >
              Cancel
            </Button>
            <Button type="submit" disabled={pending} data-testid="save-policy">
              {pending ? <Spinner /> : null}
              {policy ? 'Save' : 'Save draft'}
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
