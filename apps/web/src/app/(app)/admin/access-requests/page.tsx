import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AccessRequestsPage } from '~/features/access/access-requests-page';

export const metadata: Metadata = { title: 'Access requests' };

export default function Page() {
  return (
    <Suspense>
      <AccessRequestsPage />
    </Suspense>
  );
}
