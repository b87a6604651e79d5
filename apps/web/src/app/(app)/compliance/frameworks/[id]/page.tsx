import type { Metadata } from 'next';
import { Suspense } from 'react';
import { FrameworkPage } from '~/features/compliance/framework-page';

export const metadata: Metadata = { title: 'Framework' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <FrameworkPage id={id} />
    </Suspense>
  );
}
