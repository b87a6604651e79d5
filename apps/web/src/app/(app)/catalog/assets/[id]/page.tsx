import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AssetPage } from '~/features/catalog/asset-page';

export const metadata: Metadata = { title: 'Asset' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <AssetPage id={id} />
    </Suspense>
  );
}
