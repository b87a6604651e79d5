'use client';
import Link from 'next/link';
import { ChevronRight, ShieldAlert } from 'lucide-react';
import {
  Badge,
  PageHeader,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
} from '@racine/ui';
import { EnvironmentBadge } from '~/components/environment-badge';
import { assetHref, AssetTypeIcon, certificationLabel, SensitivityBadge } from './bits';
import { CurateGate } from './curate-gate';
import type { AssetView, Certification } from './types';
import { PresenceAvatars } from '~/features/collab';

const certifications = Object.keys(certificationLabel) as Certification[];

export function AssetBreadcrumbs({ asset }: { asset: AssetView }) {
  const trail = asset.breadcrumbs.filter((b) => b.id !== asset.id);
  return (
    <nav aria-label="Breadcrumb" className="flex flex-wrap items-center gap-1" data-testid="asset-breadcrumbs">
      <Link href="/catalog" className="hover:underline">
        Catalog
      </Link>
      <ChevronRight className="size-3" />
      <Link href={`/datasources/${asset.dataSource.id}`} className="hover:underline">
        {asset.dataSource.name}
      </Link>
      {trail.map((b) => (
        <span key={b.id} className="inline-flex items-center gap-1">
          <ChevronRight className="size-3" />
          <Link href={assetHref(b.id)} className="hover:underline" title={b.type}>
            {b.name}
          </Link>
        </span>
      ))}
    </nav>
  );
}

/** Name, where it lives, how sensitive it is, and its certification (changeable by curators). */
export function AssetHeader({
  asset,
  saving,
  onCertify,
}: {
  asset: AssetView;
  saving: boolean;
  onCertify: (c: Certification) => void;
}) {
  return (
    <PageHeader
      breadcrumb={<AssetBreadcrumbs asset={asset} />}
      title={
        <span className="flex items-center gap-3" data-testid="asset-title">
          <span className="inline-flex size-8 shrink-0 items-center justify-center rounded-md border bg-muted/50">
            <AssetTypeIcon type={asset.type} className="size-4 text-foreground" />
          </span>
          <span className="truncate">{asset.name}</span>
          {asset.sensitivity ? <SensitivityBadge sensitivity={asset.sensitivity} /> : null}
        </span>
      }
      description={
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <code className="font-mono text-xs">{asset.qualifiedName}</code>
          <Badge variant="outline" className="capitalize">
            {asset.type}
          </Badge>
          <EnvironmentBadge environment={asset.dataSource.environment} />
          {asset.removedAt ? (
            <Badge variant="destructive">no longer found by scans</Badge>
          ) : null}
        </span>
      }
      actions={
        <>
          <PresenceAvatars resourceType="asset" resourceId={asset.id} />
          <Link
            href={`/compliance/findings?assetId=${asset.id}`}
            className="inline-flex h-9 items-center gap-1.5 rounded-md border px-3 text-sm hover:bg-accent"
            data-testid="open-findings"
          >
            <ShieldAlert className={asset.openFindings ? 'size-4 text-destructive' : 'size-4 text-muted-foreground'} />
            <span className="tabular-nums font-medium">{asset.openFindings}</span>
            open {asset.openFindings === 1 ? 'finding' : 'findings'}
          </Link>
          <CurateGate canCurate={asset.canCurate}>
            <Select
              value={asset.certification}
              onValueChange={(v) => onCertify(v as Certification)}
              disabled={!asset.canCurate || saving}
            >
              <SelectTrigger className="w-40" aria-label="Certification" data-testid="certification-select">
                <SelectValue />
              </SelectTrigger>
              <SelectContent>
                {certifications.map((c) => (
                  <SelectItem key={c} value={c}>
                    {certificationLabel[c]}
                  </SelectItem>
                ))}
              </SelectContent>
            </Select>
          </CurateGate>
        </>
      }
    />
  );
}
