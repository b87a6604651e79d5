'use client';
import * as React from 'react';
import { useRouter } from 'next/navigation';
import { signIn } from 'next-auth/react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { KeyRound, TriangleAlert } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Field,
  Input,
  Spinner,
} from '@racine/ui';
import { Logo } from '~/components/logo';

const schema = z.object({
  email: z.email('Enter a valid email address'),
  password: z.string().min(1, 'Enter your password'),
});
type Values = z.infer<typeof schema>;

const errorMessages: Record<string, string> = {
  CredentialsSignin: 'Wrong email or password, or the account is deactivated.',
  MFA_INVALID: 'That code is not right. Enter the current code from your authenticator app, or an unused recovery code.',
  AccessDenied:
    'Your single sign-on account is not linked to an active Racine user. Ask an admin to create one with your email.',
  OAuthSignin: 'Could not reach the single sign-on provider.',
  OAuthCallback: 'The single sign-on provider returned an error.',
  SessionRequired: 'Please sign in to continue.',
  Configuration: 'Sign-in is misconfigured on the server.',
};

export function SignInForm({
  callbackUrl,
  error: initialError,
  oidcName,
}: {
  callbackUrl: string;
  error?: string;
  oidcName: string | null;
}) {
  const router = useRouter();
  const [error, setError] = React.useState<string | null>(
    initialError ? (errorMessages[initialError] ?? 'Sign-in failed. Try again.') : null,
  );
  const [ssoPending, setSsoPending] = React.useState(false);
  const form = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { email: '', password: '' },
  });
  const { errors, isSubmitting } = form.formState;
  // With two-factor authentication on, the right password leads to a second step asking for a code.
  const [secondStep, setSecondStep] = React.useState<Values | null>(null);

  const attempt = async (values: Values, otp?: string) => {
    setError(null);
    try {
      const result = await signIn('credentials', { ...values, ...(otp ? { otp } : {}), redirect: false, callbackUrl });
      if (result?.error === 'MFA_REQUIRED') {
        setSecondStep(values);
        return;
      }
      if (!result || result.error) {
        setError(errorMessages[result?.error ?? ''] ?? errorMessages.CredentialsSignin!);
        if (!otp) form.setFocus('password');
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError('Could not reach the server. Check your connection and try again.');
    }
  };
  const onSubmit = form.handleSubmit((values) => attempt(values));

  const busy = isSubmitting || ssoPending;
  if (secondStep)
    return (
      <Card className="w-full max-w-sm shadow-lg">
        <CardHeader className="items-center gap-3 pb-4 pt-7 text-center">
          <Logo className="size-10" />
          <div className="grid gap-1">
            <CardTitle className="text-xl">Two-factor authentication</CardTitle>
            <CardDescription>Enter the code from your authenticator app for {secondStep.email}</CardDescription>
          </div>
        </CardHeader>
        <CardContent className="grid gap-4 pb-7">
          {error ? <SignInError message={error} /> : null}
          <CodeStep
            onSubmit={(code) => attempt(secondStep, code)}
            onBack={() => {
              setSecondStep(null);
              setError(null);
            }}
          />
        </CardContent>
      </Card>
    );
  return (
    <Card className="w-full max-w-sm shadow-lg">
      <CardHeader className="items-center gap-3 pb-4 pt-7 text-center">
        <Logo className="size-10" />
        <div className="grid gap-1">
          <CardTitle className="text-xl">Sign in to Racine</CardTitle>
          <CardDescription>Data governance control plane</CardDescription>
        </div>
      </CardHeader>
      <CardContent className="grid gap-4 pb-7">
        {error ? <SignInError message={error} /> : null}
        <form className="grid gap-4" onSubmit={onSubmit} noValidate>
          <Field label="Email" htmlFor="email" error={errors.email?.message}>
            <Input
              id="email"
              type="email"
              autoComplete="username"
              autoFocus
              aria-invalid={!!errors.email}
              disabled={busy}
              {...form.register('email')}
            />
          </Field>
          <Field label="Password" htmlFor="password" error={errors.password?.message}>
            <Input
              id="password"
              type="password"
              autoComplete="current-password"
              aria-invalid={!!errors.password}
              disabled={busy}
              {...form.register('password')}
            />
          </Field>
          <Button type="submit" className="w-full" disabled={busy}>
            {isSubmitting ? <Spinner /> : null}
            {isSubmitting ? 'Signing in…' : 'Sign in'}
          </Button>
        </form>
        {oidcName ? (
          <>
            <div className="flex items-center gap-3 text-xs text-muted-foreground">
              <span className="h-px flex-1 bg-border" />
              or
              <span className="h-px flex-1 bg-border" />
            </div>
            <Button
              variant="outline"
              className="w-full"
              disabled={busy}
              onClick={() => {
                setSsoPending(true);
                void signIn('oidc', { callbackUrl });
              }}
            >
              {ssoPending ? <Spinner /> : <KeyRound />}
              Continue with {oidcName}
            </Button>
          </>
        ) : null}
      </CardContent>
    </Card>
  );
}

function SignInError({ message }: { message: string }) {
  return (
    <div
      role="alert"
      data-testid="sign-in-error"
      className="flex gap-2 rounded-md border border-destructive/30 bg-destructive/8 p-3 text-sm text-destructive"
    >
      <TriangleAlert className="mt-0.5 size-4 shrink-0" />
      <span>{message}</span>
    </div>
  );
}

/** The second step: a 6-digit code, or one of the recovery codes shown when MFA was set up. */
function CodeStep({ onSubmit, onBack }: { onSubmit: (code: string) => Promise<void>; onBack: () => void }) {
  const [code, setCode] = React.useState('');
  const [pending, setPending] = React.useState(false);
  const [missing, setMissing] = React.useState(false);
  return (
    <form
      className="grid gap-4"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        if (!code.trim()) return setMissing(true);
        setPending(true);
        void onSubmit(code.trim()).finally(() => setPending(false));
      }}
    >
      <Field
        label="Authentication code"
        htmlFor="otp"
        hint="Lost your phone? Enter one of your recovery codes instead."
        error={missing ? 'Enter the code' : undefined}
      >
        <Input
          id="otp"
          inputMode="text"
          autoComplete="one-time-code"
          autoFocus
          placeholder="123456"
          value={code}
          disabled={pending}
          onChange={(e) => {
            setCode(e.target.value);
            setMissing(false);
          }}
        />
      </Field>
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? <Spinner /> : null}
        {pending ? 'Verifying…' : 'Verify'}
      </Button>
      <Button type="button" variant="ghost" className="w-full" disabled={pending} onClick={onBack}>
        Use another account
      </Button>
    </form>
  );
}
