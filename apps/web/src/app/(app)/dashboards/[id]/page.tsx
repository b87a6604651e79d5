import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardPage } from '~/features/dashboards/dashboard-page';

export const metadata: Metadata = { title: 'Dashboard' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <DashboardPage id={id} />
    </Suspense>
  );
}
