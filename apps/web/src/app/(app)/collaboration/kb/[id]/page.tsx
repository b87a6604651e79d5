import type { Metadata } from 'next';
import { Suspense } from 'react';
import { ArticlePage } from '~/features/kb/article-page';

export const metadata: Metadata = { title: 'Article' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <ArticlePage id={id} />
    </Suspense>
  );
}
