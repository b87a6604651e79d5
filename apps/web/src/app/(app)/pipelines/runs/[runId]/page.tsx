import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PipelineRunPage } from '~/components/pipeline/run-page';

export const metadata: Metadata = { title: 'Pipeline run' };

export default async function Page({ params }: { params: Promise<{ runId: string }> }) {
  const { runId } = await params;
  return (
    <Suspense>
      <PipelineRunPage runId={runId} />
    </Suspense>
  );
}
