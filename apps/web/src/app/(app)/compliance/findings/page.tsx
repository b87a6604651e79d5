import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FindingsPage } from '~/features/compliance/findings-page';

export const metadata: Metadata = { title: 'Findings' };

export default function Page() {
  return (
    <Suspense>
      <FindingsPage />
    </Suspense>
  );
}
