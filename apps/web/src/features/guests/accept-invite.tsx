'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useMutation, useQuery } from '@tanstack/react-query';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { CalendarClock, Link2Off, TriangleAlert } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  Input,
  Skeleton,
  Spinner,
} from '@racine/ui';
import { Logo } from '~/components/logo';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

const schema = z
  .object({
    name: z.string().trim().min(1, 'Enter your name').max(200, 'A name is at most 200 characters'),
    password: z.string().min(12, 'At least 12 characters').max(200, 'At most 200 characters'),
    confirm: z.string(),
  })
  .refine((v) => v.password === v.confirm, { message: 'The passwords differ', path: ['confirm'] });
type Values = z.infer<typeof schema>;

/**
 * The invitee's page: what they are invited to, then a name and a password.
 * Accepting creates the guest account; the page then signs them in with the
 * credentials provider (as the sign-in form does) and opens the workspace.
 */
export function AcceptInvite({ token }: { token: string }) {
  const trpc = useTRPC();
  const router = useRouter();
  const preview = useQuery(trpc.guest.preview.queryOptions({ token }, { staleTime: Infinity, retry: false }));
  const [error, setError] = React.useState<string | null>(null);
  const form = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { name: '', password: '', confirm: '' } });
  const { errors, isSubmitting } = form.formState;
  const accept = useMutation(trpc.guest.accept.mutationOptions());

  const onSubmit = form.handleSubmit(async (values) => {
    setError(null);
    try {
      const accepted = await accept.mutateAsync({ token, name: values.name, password: values.password });
      const result = await signIn('credentials', { email: accepted.email, password: values.password, redirect: false });
      const target = `/workspaces/${accepted.workspaceId}`;
      if (!result || result.error) {
        // The account exists; only the automatic sign-in failed. Let them sign in by hand.
        router.replace(`/sign-in?callbackUrl=${encodeURIComponent(target)}`);
        return;
      }
      router.replace(target);
      router.refresh();
    } catch (e) {
      setError(e instanceof Error ? e.message : 'Could not accept the invitation. Try again.');
    }
  });

  const data = preview.data;
  return (
    <Card className="w-full max-w-md shadow-lg" data-testid="accept-invite">
      <CardHeader className="items-center gap-3 pb-4 pt-7 text-center">
        <Logo className="size-10" />
        {preview.isPending ? (
          <div className="grid w-full justify-items-center gap-2">
            <Skeleton className="h-6 w-56" />
            <Skeleton className="h-4 w-72" />
          </div>
        ) : data?.usable ? (
          <div className="grid gap-1">
            <CardTitle className="text-xl">Join {data.workspaceName}</CardTitle>
            <CardDescription>
              {data.inviterName} invited you as a guest {data.roleName.toLowerCase()}.
            </CardDescription>
          </div>
        ) : (
          <CardTitle className="text-xl">This invitation cannot be used</CardTitle>
        )}
      </CardHeader>
      <CardContent className="grid gap-4 pb-7">
        {preview.isPending ? (
          <Skeleton className="h-40 w-full" />
        ) : preview.error ? (
          <Notice icon={<TriangleAlert />} tone="destructive">
            Could not check this invitation. Check your connection and reload the page.
          </Notice>
        ) : !data?.usable ? (
          <Notice icon={<Link2Off />} tone="muted" testId="invite-unusable">
            {data?.reason}
          </Notice>
        ) : (
          <>
            <div className="grid gap-1 rounded-md border bg-muted/40 p-3 text-sm">
              <span className="flex items-center gap-2 font-medium">
                <CalendarClock className="size-4 text-muted-foreground" />
                Access until {formatDateTime(data.accessEndsAt)}
              </span>
              <span className="text-muted-foreground">
                {data.roleDescription || `A ${data.roleName} in this workspace only.`} This link works once, until{' '}
                {formatDateTime(data.linkExpiresAt)}.
              </span>
              {data.message ? (
                <blockquote className="mt-1 whitespace-pre-wrap border-l-2 pl-3 text-muted-foreground">{data.message}</blockquote>
              ) : null}
            </div>
            {error ? (
              <Notice icon={<TriangleAlert />} tone="destructive" testId="accept-invite-error">
                {error}
              </Notice>
            ) : null}
            <form className="grid gap-4" onSubmit={onSubmit} noValidate>
              <Field label="Email" htmlFor="invite-email" hint={data.returningGuest ? 'You were a guest before: this sets a new name and password.' : undefined}>
                <Input id="invite-email" value={data.email} readOnly autoComplete="username" />
              </Field>
              <Field label="Your name" htmlFor="invite-name" error={errors.name?.message}>
                <Input id="invite-name" autoFocus autoComplete="name" aria-invalid={!!errors.name} disabled={isSubmitting} {...form.register('name')} />
              </Field>
              <Field label="Password" htmlFor="invite-password" error={errors.password?.message} hint="At least 12 characters.">
                <Input id="invite-password" type="password" autoComplete="new-password" aria-invalid={!!errors.password} disabled={isSubmitting} {...form.register('password')} />
              </Field>
              <Field label="Repeat the password" htmlFor="invite-confirm" error={errors.confirm?.message}>
                <Input id="invite-confirm" type="password" autoComplete="new-password" aria-invalid={!!errors.confirm} disabled={isSubmitting} {...form.register('confirm')} />
              </Field>
              <Button type="submit" className="w-full" disabled={isSubmitting} data-testid="accept-invite-submit">
                {isSubmitting ? <Spinner /> : null}
                {isSubmitting ? 'Joining…' : `Join ${data.workspaceName}`}
              </Button>
            </form>
          </>
        )}
      </CardContent>
    </Card>
  );
}

function Notice({ icon, tone, testId, children }: { icon: React.ReactNode; tone: 'destructive' | 'muted'; testId?: string; children: React.ReactNode }) {
  return (
    <div
      role={tone === 'destructive' ? 'alert' : 'status'}
      data-testid={testId}
      className={
        tone === 'destructive'
          ? 'flex gap-2 rounded-md border border-destructive/30 bg-destructive/8 p-3 text-sm text-destructive [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0'
          : 'flex gap-2 rounded-md border bg-muted/40 p-3 text-sm text-muted-foreground [&>svg]:mt-0.5 [&>svg]:size-4 [&>svg]:shrink-0'
      }
    >
      {icon}
      <span>{children}</span>
    </div>
  );
}
