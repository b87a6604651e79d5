import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PipelinesPage } from '~/components/pipeline/pipelines-page';

export const metadata: Metadata = { title: 'Pipelines' };

export default function Page() {
  return (
    <Suspense>
      <PipelinesPage />
    </Suspense>
  );
}
