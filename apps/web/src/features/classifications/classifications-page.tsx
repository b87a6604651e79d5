'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { PageHeader, Tabs, TabsContent, TabsList, TabsTrigger } from '@racine/ui';
import { DetectorsTab } from './detectors-tab';
import { ReviewQueue } from './review-queue';

export function ClassificationsPage() {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const tab = searchParams.get('tab') === 'detectors' ? 'detectors' : 'queue';
  return (
    <>
      <PageHeader
        title="Classifications"
        description="Labels the scans suggested for sensitive columns. Review them: every decision is audited and teaches the detectors."
      />
      <Tabs
        value={tab}
        onValueChange={(next) => {
          const params = new URLSearchParams(searchParams);
          if (next === 'queue') params.delete('tab');
          else params.set('tab', next);
          router.replace(`${pathname}${params.size ? `?${params}` : ''}`, { scroll: false });
        }}
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
