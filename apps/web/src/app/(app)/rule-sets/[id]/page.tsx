import type { Metadata } from 'next';
import { Suspense } from 'react';
import { RuleSetEditorPage } from '~/features/rulesets/ruleset-editor-page';

export const metadata: Metadata = { title: 'Scan rule set' };

export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return (
    <Suspense>
      <RuleSetEditorPage id={id} />
    </Suspense>
  );
}
