import { redirect } from 'next/navigation';
import { getLiveSession } from '~/server/auth';
import { AppShell } from '~/components/shell/app-shell';

export const dynamic = 'force-dynamic';

/**
 * Every page inside needs a live session; the proxy already redirected most
 * visitors without a cookie, and a cookie whose session was signed out
 * elsewhere lands here.
 */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getLiveSession();
  if (!session?.user?.id) redirect('/sign-in');
  const user = {
    id: session.user.id,
    name: session.user.name ?? session.user.email ?? 'User',
    email: session.user.email ?? '',
  };
  return <AppShell user={user}>{children}</AppShell>;
}
