import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AssistantPage } from '~/features/assistant/assistant-page';

export const metadata: Metadata = { title: 'Assistant' };

export default function Page() {
  return (
    <Suspense>
      <AssistantPage />
    </Suspense>
  );
}
