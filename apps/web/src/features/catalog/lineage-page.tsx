'use client';
import Link from 'next/link';
import { ArrowLeft } from 'lucide-react';
import { Button, ErrorState, PageHeader, Skeleton } from '@racine/ui';
import { AssetBreadcrumbs } from './asset-header';
import { AssetTypeIcon } from './bits';
import { LineageGraph } from './lineage-graph';
import { useAsset } from './use-asset';

/** The lineage graph on its own page, as large as the window. */
export function LineagePage({ id }: { id: string }) {
  const asset = useAsset(id);
  if (asset.isPending)
    return (
      <div aria-busy="true">
        <Skeleton className="mb-2 h-4 w-64" />
        <Skeleton className="mb-6 h-8 w-80" />
        <Skeleton className="h-[60vh] w-full" />
      </div>
    );
  if (asset.isError)
    return <ErrorState error={asset.error} onRetry={() => void asset.refetch()} />;
  const a = asset.data;
  return (
    <>
      <PageHeader
        className="mb-3"
        breadcrumb={<AssetBreadcrumbs asset={a} />}
        title={
          <span className="flex items-center gap-2" data-testid="asset-title">
            <AssetTypeIcon type={a.type} className="size-5" />
            Lineage of {a.name}
          </span>
        }
        actions={
          <Button variant="outline" asChild>
            <Link href={`/catalog/assets/${a.id}`}>
              <ArrowLeft />
              Back to the asset
            </Link>
          </Button>
        }
      />
      <LineageGraph assetId={a.id} canCurate={a.canCurate} fullScreen />
    </>
  );
}
