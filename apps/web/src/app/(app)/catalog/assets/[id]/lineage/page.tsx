import type { Metadata } from 'next';
import { Suspense } from 'react';
import { LineagePage } from '~/features/catalog/lineage-page';

export const metadata: Metadata = { title: 'Lineage' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <LineagePage id={id} />
    </Suspense>
  );
}
