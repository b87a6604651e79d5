import type { Metadata } from 'next';
import { Suspense } from 'react';
import { PipelineDetailPage } from '~/components/pipeline/pipeline-detail-page';

export const metadata: Metadata = { title: 'Pipeline' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <PipelineDetailPage id={id} />
    </Suspense>
  );
}
