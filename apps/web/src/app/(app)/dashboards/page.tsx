import type { Metadata } from 'next';
import { Suspense } from 'react';
import { DashboardsPage } from '~/features/dashboards/dashboards-page';

export const metadata: Metadata = { title: 'Dashboards' };

export default function Page() {
  return (
    <Suspense>
      <DashboardsPage />
    </Suspense>
  );
}
