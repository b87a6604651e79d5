import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RuleSetsPage } from '~/features/rulesets/rulesets-page';

export const metadata: Metadata = { title: 'Scan rule sets' };

export default function Page() {
  return (
    <Suspense>
      <RuleSetsPage />
    </Suspense>
  );
}
