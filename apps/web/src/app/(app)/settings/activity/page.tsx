import type { Metadata } from 'next';
import { OwnActivityPage } from '~/features/account/own-activity-page';

export const metadata: Metadata = { title: 'My activity' };

export default function Page() {
  return <OwnActivityPage />;
}
