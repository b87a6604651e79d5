'use client';
import { useSearchParams } from 'next/navigation';
import { PageHeader, Tabs, TabsContent, TabsList, TabsTrigger } from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { DetectorsTab } from './detectors-tab';
import { ReviewQueue } from './review-queue';

export function ClassificationsPage() {
  const searchParams = useSearchParams();
  const setParams = useSearchParamsPatch();
  const tab = searchParams.get('tab') === 'detectors' ? 'detectors' : 'queue';
  return (
    <>
      <PageHeader
        title="Classifications"
        description="Labels the scans suggested for sensitive columns. Review them: every decision is audited and teaches the detectors."
      />
      <Tabs
        value={tab}
        onValueChange={(next) => setParams({ tab: next === 'queue' ? null : next })}
      >
        <TabsList>
          <TabsTrigger value="queue">Review queue</TabsTrigger>
          <TabsTrigger value="detectors">Detectors</TabsTrigger>
        </TabsList>
        <TabsContent value="queue">
          <ReviewQueue />
        </TabsContent>
        <TabsContent value="detectors">
          <DetectorsTab />
        </TabsContent>
      </Tabs>
    </>
  );
}
