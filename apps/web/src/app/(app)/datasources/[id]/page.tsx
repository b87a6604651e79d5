import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataSourceDetailPage } from '~/features/datasources/datasource-detail-page';

export const metadata: Metadata = { title: 'Data source' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DataSourceDetailPage id={id} />
    </Suspense>
  );
}
