import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ExecutionPage } from '~/features/executions/execution-page';

export const metadata: Metadata = { title: 'Execution' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <ExecutionPage id={id} />
    </Suspense>
  );
}
