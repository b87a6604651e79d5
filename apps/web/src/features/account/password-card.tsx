'use client';
import { useMutation } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { Button, Card, CardContent, CardDescription, CardHeader, CardTitle, Field, Input, Spinner, toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { applyServerFieldErrors } from '~/lib/form-errors';
import { formatRelative } from '~/lib/format';

interface Values {
  currentPassword: string;
  newPassword: string;
  confirm: string;
}
const empty: Values = { currentPassword: '', newPassword: '', confirm: '' };

export function PasswordCard({ changedAt, hasPassword }: { changedAt: Date | null; hasPassword: boolean }) {
  const trpc = useTRPC();
  const form = useForm<Values>({ defaultValues: empty });
  const { errors } = form.formState;
  const change = useMutation(
    trpc.user.changePassword.mutationOptions({
      onSuccess: (r) => {
        form.reset(empty);
        toast.success(
          r.sessionsRevoked
            ? `Password changed; ${r.sessionsRevoked} other session${r.sessionsRevoked === 1 ? ' was' : 's were'} signed out`
            : 'Password changed',
        );
      },
      onError: (error) => {
        if (!applyServerFieldErrors(error, form.setError)) toast.fromError(error, 'Could not change the password');
      },
    }),
  );
  const onSubmit = form.handleSubmit((v) => {
    if (v.newPassword !== v.confirm) return form.setError('confirm', { message: 'The two new passwords differ' });
    change.mutate({ currentPassword: v.currentPassword, newPassword: v.newPassword });
  });

  return (
    <Card>
      <CardHeader>
        <CardTitle>Password</CardTitle>
        <CardDescription>
          {hasPassword
            ? `Changing it signs out your other sessions. ${changedAt ? `Last changed ${formatRelative(changedAt)}.` : ''}`
            : 'You sign in through single sign-on, so there is no Racine password to change.'}
        </CardDescription>
      </CardHeader>
      {hasPassword ? (
        <CardContent>
          <form className="grid gap-4" onSubmit={onSubmit} noValidate data-testid="password-form">
            <Field label="Current password" htmlFor="current-password" error={errors.currentPassword?.message}>
              <Input
                id="current-password"
                type="password"
                autoComplete="current-password"
                aria-invalid={!!errors.currentPassword}
                {...form.register('currentPassword', { required: 'Enter your current password' })}
              />
            </Field>
            <div className="grid items-start gap-4 sm:grid-cols-2">
              <Field label="New password" htmlFor="new-password" error={errors.newPassword?.message} hint="At least 12 characters.">
                <Input
                  id="new-password"
                  type="password"
                  autoComplete="new-password"
                  aria-invalid={!!errors.newPassword}
                  {...form.register('newPassword', { minLength: { value: 12, message: 'The new password needs at least 12 characters' } })}
                />
              </Field>
              <Field label="Repeat the new password" htmlFor="confirm-password" error={errors.confirm?.message}>
                <Input id="confirm-password" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} {...form.register('confirm')} />
              </Field>
            </div>
            <div className="flex justify-end">
              <Button type="submit" disabled={change.isPending}>
                {change.isPending ? <Spinner /> : null}
                Change password
              </Button>
            </div>
          </form>
        </CardContent>
      ) : null}
    </Card>
  );
}
