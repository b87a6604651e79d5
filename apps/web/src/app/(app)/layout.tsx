import { redirect } from 'next/navigation';
import { getSession } from '~/server/auth';
import { AppShell } from '~/components/shell/app-shell';

export const dynamic = 'force-dynamic';

/** Every page inside needs a session; the proxy already redirected most visitors without one. */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const session = await getSession();
  if (!session?.user?.id) redirect('/sign-in');
  const user = {
    id: session.user.id,
    name: session.user.name ?? session.user.email ?? 'User',
    email: session.user.email ?? '',
  };
  return <AppShell user={user}>{children}</AppShell>;
}
