import type { Metadata } from 'next';
import { Suspense } from 'react';
import { NewWorkflowPage } from '~/components/workflow/builder-new-page';

export const metadata: Metadata = { title: 'New workflow' };

export default function Page() {
  return (
    <Suspense>
      <NewWorkflowPage />
    </Suspense>
  );
}
