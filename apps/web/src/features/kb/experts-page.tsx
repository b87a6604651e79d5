'use client';
import * as React from 'react';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { LABELS } from '@racine/services/classification/taxonomy';
import { governanceGroups, type GovernanceGroup } from '@racine/services/kb/expert-groups';
import {
  Card,
  CardContent,
  EmptyState,
  ErrorState,
  FilterSelect,
  PageHeader,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { AssetPicker } from '~/features/catalog/asset-picker';
import { ExpertCard } from './expert-card';

type Mode = 'asset' | 'label' | 'group';
const groupNames: Record<GovernanceGroup, string> = {
  datasource: 'Data sources',
  scan: 'Scans',
  classification: 'Classifications',
  catalog: 'Catalog',
  glossary: 'Glossary',
  compliance: 'Compliance',
  workflow: 'Workflows',
  pipeline: 'Pipelines',
  workspace: 'Workspaces',
  collaboration: 'Collaboration',
};
const labelOptions = LABELS.map((l) => ({ value: l.id, label: `${l.displayName} (${l.id})` })).sort((a, b) => a.value.localeCompare(b.value));
const groupOptions = governanceGroups.map((g) => ({ value: g, label: groupNames[g] }));

/** Who knows about an asset, a label or an area, ranked by what they really did, with why. */
export function ExpertsPage() {
  const trpc = useTRPC();
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const assetId = params.get('asset');
  const assetName = params.get('name');
  const label = params.get('label');
  const group = params.get('group') as GovernanceGroup | null;
  const mode: Mode = (params.get('by') as Mode | null) ?? (label ? 'label' : group ? 'group' : 'asset');
  const set = (next: Record<string, string | null>) => {
    const sp = new URLSearchParams(params.toString());
    for (const [k, v] of Object.entries(next)) if (v === null) sp.delete(k);
    else sp.set(k, v);
    router.replace(`${pathname}?${sp.toString()}`, { scroll: false });
  };
  const input = mode === 'asset' && assetId ? { assetId } : mode === 'label' && label ? { label } : mode === 'group' && group ? { group } : null;
  const experts = useQuery({ ...trpc.experts.find.queryOptions(input ?? { group: 'catalog' }), enabled: input !== null });
  const subject = mode === 'asset' ? (assetName ?? 'this asset') : mode === 'label' ? label : group ? groupNames[group] : '';

  return (
    <>
      <PageHeader
        breadcrumb="Collaboration"
        title="Experts"
        description="Who to ask: people ranked by what they really did — curation, label reviews, resolved findings, ownership, articles and comments — with recent work counting most (a 90-day half-life). Only what you may see counts."
      />
      <Tabs value={mode} onValueChange={(v) => set({ by: v })}>
        <TabsList>
          <TabsTrigger value="asset">An asset</TabsTrigger>
          <TabsTrigger value="label">A label</TabsTrigger>
          <TabsTrigger value="group">An area</TabsTrigger>
        </TabsList>
        <div className="mt-4 grid gap-4 lg:grid-cols-[22rem_minmax(0,1fr)]">
          <Card className="self-start">
            <CardContent className="pt-6">
              <TabsContent value="asset" className="mt-0">
                <AssetPicker
                  selected={new Map()}
                  onToggle={(hit) => set({ by: 'asset', asset: hit.id, name: hit.qualifiedName })}
                  label="Find an asset"
                  testId="experts-asset-picker"
                />
              </TabsContent>
              <TabsContent value="label" className="mt-0">
                <FilterSelect value={label} onChange={(v) => set({ by: 'label', label: v })} options={labelOptions} allLabel="Pick a label…" label="Label" className="w-full" data-testid="experts-label" />
              </TabsContent>
              <TabsContent value="group" className="mt-0">
                <FilterSelect value={group} onChange={(v) => set({ by: 'group', group: v })} options={groupOptions} allLabel="Pick an area…" label="Governance area" className="w-full" data-testid="experts-group" />
              </TabsContent>
            </CardContent>
          </Card>
          <section aria-label="Experts" className="grid content-start gap-3">
            {input === null ? (
              <EmptyState icon={<Users />} title="Pick what you need help with" description="An asset, a classification label or a governance area." />
            ) : experts.isPending ? (
              [0, 1, 2].map((i) => <Skeleton key={i} className="h-28" />)
            ) : experts.isError ? (
              <ErrorState error={experts.error} onRetry={() => void experts.refetch()} />
            ) : experts.data.items.length ? (
              <>
                <p className="text-sm text-muted-foreground">
                  {experts.data.items.length} {experts.data.items.length === 1 ? 'person' : 'people'} for <span className="font-medium text-foreground">{subject}</span>
                </p>
                {experts.data.items.map((e, i) => (
                  <ExpertCard key={e.user.id} expert={e} rank={i + 1} />
                ))}
              </>
            ) : (
              <EmptyState icon={<Users />} title="Nobody yet" description={`No one has done anything you can see about ${subject} so far.`} />
            )}
          </section>
        </div>
      </Tabs>
    </>
  );
}
