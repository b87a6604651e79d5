import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RuleSetEditorPage } from '~/features/rulesets/ruleset-editor-page';

export const metadata: Metadata = { title: 'New scan rule set' };

export default function Page() {
  return (
    <Suspense>
      <RuleSetEditorPage />
    </Suspense>
  );
}
