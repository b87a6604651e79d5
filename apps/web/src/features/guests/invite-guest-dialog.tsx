'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { MailCheck } from 'lucide-react';
import { inviteGuestInput } from '@racine/services/guests/schemas';
import {
  Button,
  CopyButton,
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
  Spinner,
  Textarea,
  toast,
} from '@racine/ui';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

type FormInput = z.input<typeof inviteGuestInput>;
type FormOutput = z.output<typeof inviteGuestInput>;

const accessOptions = [1, 3, 7, 14, 30, 60, 90].map((d) => ({ value: String(d), label: `${d} day${d === 1 ? '' : 's'}` }));
const linkOptions = [
  { value: '24', label: '1 day' },
  { value: '72', label: '3 days' },
  { value: '168', label: '7 days' },
];
const roleOptions = [
  { value: 'viewer', label: 'Viewer', hint: 'Reads the workspace and what it links to.' },
  { value: 'member', label: 'Member', hint: 'Also runs workflows and works on tasks there.' },
] as const;

interface Created {
  email: string;
  workspaceName: string;
  link: string;
  linkExpiresAt: Date;
}

/** Invite a guest; on success the link is shown once with a copy button (an email with it is on its way too). */
export function InviteGuestDialog({
  open,
  onOpenChange,
  workspaces,
}: {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  workspaces: readonly { id: string; name: string }[];
}) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [created, setCreated] = React.useState<Created | null>(null);
  const defaults = React.useMemo<FormInput>(
    () => ({ workspaceId: workspaces[0]?.id ?? '', email: '', roleKey: 'viewer', accessDays: 14, linkValidHours: 72, message: '' }),
    [workspaces],
  );
  const form = useForm<FormInput, unknown, FormOutput>({ resolver: zodResolver(inviteGuestInput), defaultValues: defaults });
  const { errors } = form.formState;
  React.useEffect(() => {
    if (open && !form.getValues('workspaceId') && workspaces[0]) form.setValue('workspaceId', workspaces[0].id);
  }, [open, workspaces, form]);

  const invite = useMutation(
    trpc.guest.invite.mutationOptions({
      onSuccess: async ({ invite: row, link }) => {
        setCreated({ email: row.email, workspaceName: row.workspaceName, link, linkExpiresAt: row.linkExpiresAt });
        toast.success(`Invitation sent to ${row.email}`);
        await queryClient.invalidateQueries(trpc.guest.list.pathFilter());
      },
      onError: (error) => {
        applyServerFieldErrors(error, form.setError);
        toast.fromError(error, 'Could not invite the guest');
      },
    }),
  );

  const close = () => {
    onOpenChange(false);
    // Forget the link when the dialog closes: it is never shown again.
    setTimeout(() => {
      setCreated(null);
      form.reset(defaults);
    }, 200);
  };

  return (
    <Dialog open={open} onOpenChange={(next) => (next ? onOpenChange(true) : close())}>
      <DialogContent data-testid="invite-guest-dialog">
        {created ? (
          <>
            <DialogHeader>
              <DialogTitle className="flex items-center gap-2">
                <MailCheck className="size-5 text-success" />
                Invitation sent
              </DialogTitle>
              <DialogDescription>
                {created.email} gets an email with this link to {created.workspaceName}. It works once, until{' '}
                {formatDateTime(created.linkExpiresAt)}. This is the only time it is shown here.
              </DialogDescription>
            </DialogHeader>
            <div className="flex items-center gap-2">
              <Input
                readOnly
                value={created.link}
                aria-label="Invitation link"
                data-testid="guest-invite-link"
                className="font-mono text-xs"
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={created.link} />
            </div>
            <DialogFooter>
              <Button onClick={close}>Done</Button>
            </DialogFooter>
          </>
        ) : (
          <form className="grid gap-4" onSubmit={form.handleSubmit((values) => invite.mutate(values))} noValidate>
            <DialogHeader>
              <DialogTitle>Invite a guest</DialogTitle>
              <DialogDescription>
                Someone outside your organisation, for one workspace and a limited time. Their access ends on its own.
              </DialogDescription>
            </DialogHeader>
            <Field label="Workspace" htmlFor="guest-workspace" error={errors.workspaceId?.message}>
              <Controller
                control={form.control}
                name="workspaceId"
                render={({ field }) => (
                  <Select value={field.value} onValueChange={field.onChange}>
                    <SelectTrigger id="guest-workspace" aria-label="Workspace" data-testid="guest-workspace">
                      <SelectValue placeholder="Pick a workspace" />
                    </SelectTrigger>
                    <SelectContent>
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
            <Field label="Email" htmlFor="guest-email" error={errors.email?.message}>
              <Input id="guest-email" type="email" autoFocus aria-invalid={!!errors.email} {...form.register('email')} />
            </Field>
            <div className="grid gap-4 sm:grid-cols-3">
              <Field label="Role" htmlFor="guest-role" error={errors.roleKey?.message}>
                <Controller
                  control={form.control}
                  name="roleKey"
                  render={({ field }) => (
                    <Select value={field.value} onValueChange={field.onChange}>
                      <SelectTrigger id="guest-role" aria-label="Role">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {roleOptions.map((o) => (
                          <SelectItem key={o.value} value={o.value}>
                            {o.label}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </Field>
              <Field label="Access for" htmlFor="guest-access" error={errors.accessDays?.message}>
                <Controller
                  control={form.control}
                  name="accessDays"
                  render={({ field }) => (
                    <Select value={String(field.value ?? 14)} onValueChange={(v) => field.onChange(Number(v))}>
                      <SelectTrigger id="guest-access" aria-label="Access for">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {accessOptions.map((o) => (
                          <SelectItem key={o.value} value={o.value}>
                            {o.label}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </Field>
              <Field label="Link valid for" htmlFor="guest-link" error={errors.linkValidHours?.message}>
                <Controller
                  control={form.control}
                  name="linkValidHours"
                  render={({ field }) => (
                    <Select value={String(field.value ?? 72)} onValueChange={(v) => field.onChange(Number(v))}>
                      <SelectTrigger id="guest-link" aria-label="Link valid for">
                        <SelectValue />
                      </SelectTrigger>
                      <SelectContent>
                        {linkOptions.map((o) => (
                          <SelectItem key={o.value} value={o.value}>
                            {o.label}
                          </SelectItem>
                        ))}
                      </SelectContent>
                    </Select>
                  )}
                />
              </Field>
            </div>
            <p className="-mt-2 text-xs text-muted-foreground">
              {roleOptions.find((o) => o.value === form.watch('roleKey'))?.hint}
            </p>
            <Field label="Message" htmlFor="guest-message" error={errors.message?.message} hint="Optional, included in the email.">
              <Textarea id="guest-message" rows={3} {...form.register('message')} />
            </Field>
            <DialogFooter>
              <Button variant="outline" onClick={close} disabled={invite.isPending}>
                Cancel
              </Button>
              <Button type="submit" disabled={invite.isPending || workspaces.length === 0} data-testid="send-guest-invite">
                {invite.isPending ? <Spinner /> : null}
                Send invitation
              </Button>
            </DialogFooter>
          </form>
        )}
      </DialogContent>
    </Dialog>
  );
}
