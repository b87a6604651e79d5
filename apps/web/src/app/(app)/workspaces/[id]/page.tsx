import type { Metadata } from 'next';
import { Suspense } from 'react';
import { WorkspaceDetailPage } from '~/features/workspaces/workspace-detail-page';

export const metadata: Metadata = { title: 'Workspace' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <WorkspaceDetailPage id={id} />
    </Suspense>
  );
}
