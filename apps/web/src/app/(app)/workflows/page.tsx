import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WorkflowsListPage } from '~/components/workflow/builder-list-page';

export const metadata: Metadata = { title: 'Workflows' };

export default function Page() {
  return (
    <Suspense>
      <WorkflowsListPage />
    </Suspense>
  );
}
