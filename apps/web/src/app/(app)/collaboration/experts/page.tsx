import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExpertsPage } from '~/features/kb/experts-page';

export const metadata: Metadata = { title: 'Experts' };

export default function Page() {
  return (
    <Suspense>
      <ExpertsPage />
    </Suspense>
  );
}
