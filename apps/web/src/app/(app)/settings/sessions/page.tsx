import type { Metadata } from 'next';
import { SessionsPage } from '~/features/account/sessions-page';

export const metadata: Metadata = { title: 'Sessions' };

export default function Page() {
  return <SessionsPage />;
}
