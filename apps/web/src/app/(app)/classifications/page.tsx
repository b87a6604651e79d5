import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ClassificationsPage } from '~/features/classifications/classifications-page';

export const metadata: Metadata = { title: 'Classifications' };

export default function Page() {
  return (
    <Suspense>
      <ClassificationsPage />
    </Suspense>
  );
}
