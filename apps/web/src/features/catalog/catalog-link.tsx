'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Library } from 'lucide-react';
import { useTRPC } from '~/trpc/react';
import { assetHref } from './bits';

/**
 * "Open in the catalog" for something a live discovery shows (which has no
 * asset id): finds the scanned asset by name in that source. Nothing is shown
 * until a scan has put it in the catalog.
 */
export function CatalogLink({
  dataSourceId,
  type,
  name,
  path,
}: {
  dataSourceId: string;
  type: 'table' | 'view' | 'column';
  name: string;
  /** The end of its qualified name: "schema.table" or "schema.table.column". */
  path: string;
}) {
  const trpc = useTRPC();
  const search = useQuery({
    ...trpc.catalog.search.queryOptions({
      q: name,
      dataSourceIds: [dataSourceId],
      types: type === 'column' ? ['column'] : ['table', 'view'],
      limit: 50,
    }),
    staleTime: 60_000,
    retry: false,
  });
  const hit = search.data?.items.find(
    (h) => h.qualifiedName === path || h.qualifiedName.endsWith(`.${path}`),
  );
  if (!hit) return null;
  return (
    <Link
      href={assetHref(hit.id)}
      className="inline-flex items-center gap-1 text-xs font-normal text-primary hover:underline"
      data-testid="open-in-catalog"
    >
      <Library className="size-3.5" />
      Open in the catalog
    </Link>
  );
}
