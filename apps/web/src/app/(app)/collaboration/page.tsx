import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DiscussionsPage } from '~/features/collab/discussions-page';

export const metadata: Metadata = { title: 'Discussions' };

export default function Page() {
  return (
    <Suspense>
      <DiscussionsPage />
    </Suspense>
  );
}
