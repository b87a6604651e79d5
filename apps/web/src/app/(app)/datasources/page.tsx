import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DataSourcesPage } from '~/features/datasources/datasources-page';

export const metadata: Metadata = { title: 'Data sources' };

export default function Page() {
  return (
    <Suspense>
      <DataSourcesPage />
    </Suspense>
  );
}
