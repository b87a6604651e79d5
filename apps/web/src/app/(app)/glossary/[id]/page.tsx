import type { Metadata } from 'next';
import { Suspense } from 'react';
import { TermPage } from '~/features/glossary/term-page';

export const metadata: Metadata = { title: 'Glossary term' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <TermPage id={id} />
    </Suspense>
  );
}
