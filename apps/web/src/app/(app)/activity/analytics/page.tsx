import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ActivityAnalyticsPage } from '~/features/activity-analytics/analytics-page';

export const metadata: Metadata = { title: 'Activity analytics & reports' };

export default function Page() {
  return (
    <Suspense>
      <ActivityAnalyticsPage />
    </Suspense>
  );
}
