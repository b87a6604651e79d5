import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DocumentPage } from '~/features/documents/document-page';

export const metadata: Metadata = { title: 'Document' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DocumentPage id={id} />
    </Suspense>
  );
}
