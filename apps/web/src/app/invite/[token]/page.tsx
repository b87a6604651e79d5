import type { Metadata } from 'next';
import { AcceptInvite } from '~/features/guests/accept-invite';

export const metadata: Metadata = { title: 'Invitation' };
export const dynamic = 'force-dynamic';

/** Public (outside the app shell, let through by the proxy): the invitee has no account yet. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <main className="flex min-h-dvh items-center justify-center bg-sidebar p-4">
      <AcceptInvite token={token} />
    </main>
  );
}
