import type { Metadata } from 'next';
import { BuilderPage } from '~/components/workflow/builder-page';

export const metadata: Metadata = { title: 'Workflow builder' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return <BuilderPage id={id} />;
}
