import type { Metadata } from 'next';
import { Suspense } from 'react';
import { KbPage } from '~/features/kb/kb-page';

export const metadata: Metadata = { title: 'Knowledge base' };

export default function Page() {
  return (
    <Suspense>
      <KbPage />
    </Suspense>
  );
}
