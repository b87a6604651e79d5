import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GuestsPage } from '~/features/guests/guests-page';

export const metadata: Metadata = { title: 'Guests' };

export default function Page() {
  return (
    <Suspense>
      <GuestsPage />
    </Suspense>
  );
}
