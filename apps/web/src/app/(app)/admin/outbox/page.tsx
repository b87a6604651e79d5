import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getMe, getServiceDeps } from '@racine/services';
import { getSession } from '~/server/auth';
import { OutboxPage } from '~/features/notifications/outbox-page';
import { Forbidden } from '~/components/forbidden';

export const metadata: Metadata = { title: 'Email outbox' };

export default async function Page() {
  const session = await getSession();
  if (!session?.user?.id) redirect('/sign-in?callbackUrl=/admin/outbox');
  // The API refuses non-admins anyway; checking here avoids rendering a page of errors.
  const me = await getMe(getServiceDeps(), session.user.id);
  if (!me.roles.includes('admin')) return <Forbidden what="The email outbox" />;
  return <OutboxPage />;
}
