import type { Metadata } from 'next';
import { Suspense } from 'react';
import { GlossaryPage } from '~/features/glossary/glossary-page';

export const metadata: Metadata = { title: 'Glossary' };

export default function Page() {
  return (
    <Suspense>
      <GlossaryPage />
    </Suspense>
  );
}
