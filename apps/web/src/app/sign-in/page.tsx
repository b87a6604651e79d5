import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getLiveSession, oidcConfig } from '~/server/auth';
import { safeCallbackUrl } from '~/lib/callback-url';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in' };
export const dynamic = 'force-dynamic';

export default async function SignInPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(
    typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined,
  );
  // Only a live session skips the form: one signed out elsewhere must be able to sign in again.
  if (await getLiveSession()) redirect(callbackUrl);
  const oidc = oidcConfig();
  return (
    <main className="flex min-h-dvh items-center justify-center bg-sidebar p-4">
      <SignInForm
        callbackUrl={callbackUrl}
        error={typeof params.error === 'string' ? params.error : undefined}
        oidcName={oidc?.name ?? null}
      />
    </main>
  );
}
