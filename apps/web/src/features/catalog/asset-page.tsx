'use client';
import Link from 'next/link';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Library } from 'lucide-react';
import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  Skeleton,
  Tabs,
  TabsContent,
  TabsList,
  TabsTrigger,
} from '@racine/ui';
import { PageLoadError } from '~/components/page-load-error';
import { AssetHeader } from './asset-header';
import { ColumnClassifications } from './column-classifications';
import { ColumnsTable } from './columns-table';
import { DescriptionEditor } from './description-editor';
import { DriftCard } from './drift-list';
import { LineageGraph } from './lineage-graph';
import { StewardsCard } from './stewards-card';
import { TagsCard } from './tags-card';
import { TermsCard } from './terms-card';
import { isColumnChild } from './types';
import { useAsset, useUpdateAsset } from './use-asset';
import { CommentThread } from '~/features/collab';
import { ResourceTasks } from '~/features/tasks/resource-tasks';
import { AssetExperts, RelatedArticles } from '~/features/kb';

const tabs = ['overview', 'lineage'] as const;
type Tab = (typeof tabs)[number];

/** One asset of the catalog: what it is, who owns it, how it is labelled and where it flows. */
export function AssetPage({ id }: { id: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const asset = useAsset(id);
  const update = useUpdateAsset();
  const requested = searchParams.get('tab');
  const tab: Tab = tabs.includes(requested as Tab) ? (requested as Tab) : 'overview';
  const setTab = (next: string) =>
    router.replace(next === 'overview' ? pathname : `${pathname}?tab=${next}`, { scroll: false });

  if (asset.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-64" />
        <Skeleton className="mb-2 h-8 w-80" />
        <Skeleton className="mb-8 h-4 w-96" />
        <div className="grid gap-4 lg:grid-cols-[1fr_20rem]">
          <Skeleton className="h-64" />
          <div className="grid gap-4">
            <Skeleton className="h-24" />
            <Skeleton className="h-32" />
          </div>
        </div>
      </div>
    );
  if (asset.isError)
    return (
      <PageLoadError
        error={asset.error}
        onRetry={() => void asset.refetch()}
        title="Asset"
        breadcrumb={
          <Link href="/catalog" className="hover:underline">
            Catalog
          </Link>
        }
        icon={<Library />}
        notFound="Asset not found"
        forbidden="You cannot open this asset"
        back={{ href: '/catalog', label: 'Back to the catalog' }}
      />
    );

  const a = asset.data;
  const save = (patch: Omit<Parameters<typeof update.mutateAsync>[0], 'id'>) =>
    update.mutateAsync({ id: a.id, ...patch });
  const quietly = (p: Promise<unknown>) => void p.catch(() => undefined);
  const isContainer = a.type === 'table' || a.type === 'view';
  const { upstream, downstream } = a.lineageCounts;

  return (
    <>
      <AssetHeader
        asset={a}
        saving={update.isPending}
        onCertify={(certification) => quietly(save({ certification }))}
      />
      <Tabs value={tab} onValueChange={setTab}>
        <TabsList>
          <TabsTrigger value="overview">Overview</TabsTrigger>
          <TabsTrigger value="lineage" data-testid="lineage-tab">
            Lineage{' '}
            <span className="text-xs tabular-nums text-muted-foreground">
              {upstream} ↑ {downstream} ↓
            </span>
          </TabsTrigger>
        </TabsList>
        <TabsContent value="overview">
          <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
            <div className="grid min-w-0 content-start gap-4">
              {a.type === 'column' ? (
                <TagsCard
                  tags={a.tags}
                  canCurate={a.canCurate}
                  saving={update.isPending}
                  onSave={(tags) => quietly(save({ tags }))}
                />
              ) : null}
              <DescriptionEditor
                value={a.description}
                fallback={a.comment}
                canCurate={a.canCurate}
                saving={update.isPending}
                onSave={(description) => save({ description })}
              />
              {isContainer ? (
                <Card>
                  <CardHeader>
                    <CardTitle>Columns ({a.children.length})</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ColumnsTable
                      columns={a.children.filter(isColumnChild)}
                      dataSourceId={a.dataSource.id}
                    />
                  </CardContent>
                </Card>
              ) : null}
              {a.type === 'column' ? (
                <Card>
                  <CardHeader>
                    <CardTitle>Classifications</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ColumnClassifications asset={a} />
                  </CardContent>
                </Card>
              ) : null}
              {!isContainer && a.type !== 'column' && a.children.length ? (
                <Card>
                  <CardHeader>
                    <CardTitle>Contains</CardTitle>
                  </CardHeader>
                  <CardContent>
                    <ul className="grid gap-1 text-sm">
                      {a.children.map((c) => (
                        <li key={c.id}>
                          <Link href={`/catalog/assets/${c.id}`} className="hover:underline">
                            {c.name}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  </CardContent>
                </Card>
              ) : null}
              <CommentThread resourceType="asset" resourceId={a.id} />
            </div>
            <div className="grid content-start gap-4">
              {a.type !== 'column' ? (
                <TagsCard
                  tags={a.tags}
                  canCurate={a.canCurate}
                  saving={update.isPending}
                  onSave={(tags) => quietly(save({ tags }))}
                />
              ) : null}
              <StewardsCard
                stewards={a.stewards}
                canCurate={a.canCurate}
                saving={update.isPending}
                onSave={(change) => quietly(save(change))}
              />
              <TermsCard
                terms={a.terms}
                canCurate={a.canCurate}
                saving={update.isPending}
                onSave={(termIds) => quietly(save({ termIds }))}
              />
              <ResourceTasks resourceType="asset" resourceId={a.id} />
              <RelatedArticles targetType="asset" targetId={a.id} />
              <AssetExperts assetId={a.id} qualifiedName={a.qualifiedName} />
              <DriftCard
                drift={a.drift}
                lastScannedAt={a.lastScannedAt}
                qualifiedName={a.qualifiedName}
              />
            </div>
          </div>
        </TabsContent>
        <TabsContent value="lineage">
          {tab === 'lineage' ? <LineageGraph assetId={a.id} canCurate={a.canCurate} /> : null}
        </TabsContent>
      </Tabs>
    </>
  );
}
