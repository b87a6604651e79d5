'use client';
import * as React from 'react';
import Link from 'next/link';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link2, Unlink } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Dialog,
  DialogContent,
  DialogDescription,
  DialogFooter,
  DialogHeader,
  DialogTitle,
  Skeleton,
  Spinner,
  toast,
} from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { AssetPicker } from '~/features/catalog/asset-picker';
import { AssetTypeIcon, assetHref, SensitivityBadge } from '~/features/catalog/bits';
import type { SearchHit } from '~/features/catalog/types';
import type { TermView } from './types';

interface AssetBrief {
  id: string;
  type: string;
  name: string;
  qualifiedName: string;
  sensitivity: string | null;
  dataSource: { name: string } | null;
}

function AssetLine({ a, action }: { a: AssetBrief; action?: React.ReactNode }) {
  return (
    <li className="flex items-center gap-2 border-b py-1.5 text-sm last:border-0" data-testid="term-asset" data-name={a.name}>
      <AssetTypeIcon type={a.type} />
      <span className="min-w-0 flex-1">
        <Link href={assetHref(a.id)} className="font-medium hover:underline">
          {a.name}
        </Link>
        <span className="ml-2 truncate font-mono text-[11px] text-muted-foreground">
          {a.dataSource ? `${a.dataSource.name} · ` : ''}
          {a.qualifiedName}
        </span>
      </span>
      {a.sensitivity ? <SensitivityBadge sensitivity={a.sensitivity} /> : null}
      {action}
    </li>
  );
}

/** The assets linked to a term (link and unlink), and the ones carrying its labels. */
export function TermAssets({ term, canManage }: { term: TermView; canManage: boolean }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [picking, setPicking] = React.useState(false);
  const [picked, setPicked] = React.useState<Map<string, SearchHit>>(new Map());
  const linked = new Set(term.assets.map((a) => a.id));
  const link = useMutation(
    trpc.glossary.link.mutationOptions({
      onSuccess: async (_, v) => {
        toast.success(
          v.assetIds?.length
            ? `${v.assetIds.length === 1 ? '1 asset' : `${v.assetIds.length} assets`} linked to ${term.name}`
            : `Unlinked from ${term.name}`,
        );
        setPicking(false);
        setPicked(new Map());
        await queryClient.invalidateQueries(trpc.glossary.pathFilter());
        await queryClient.invalidateQueries(trpc.catalog.pathFilter());
      },
      onError: (e) => toast.fromError(e, 'Could not change the term’s assets'),
    }),
  );
  const carrying = useQuery({
    ...trpc.catalog.search.queryOptions({ labels: term.labels, types: ['column', 'table', 'view'], limit: 20 }),
    enabled: term.labels.length > 0,
  });
  return (
    <>
      <Card data-testid="term-linked-assets">
        <CardHeader className="flex-row items-start justify-between">
          <div className="grid gap-1">
            <CardTitle>Linked assets ({term.assets.length})</CardTitle>
            <CardDescription>Assets people said this term names.</CardDescription>
          </div>
          {canManage ? (
            <Button size="sm" variant="outline" onClick={() => setPicking(true)} data-testid="link-assets">
              <Link2 />
              Link assets
            </Button>
          ) : null}
        </CardHeader>
        <CardContent>
          {term.assets.length ? (
            <ul>
              {term.assets.map((a) => (
                <AssetLine
                  key={a.id}
                  a={a}
                  action={
                    canManage ? (
                      <Button
                        size="icon-sm"
                        variant="ghost"
                        aria-label={`Unlink ${a.name}`}
                        disabled={link.isPending}
                        onClick={() => link.mutate({ termId: term.id, unlinkAssetIds: [a.id] })}
                      >
                        <Unlink />
                      </Button>
                    ) : null
                  }
                />
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted-foreground">
              No asset linked yet.{canManage ? ' Link the tables and columns this term names.' : ''}
            </p>
          )}
        </CardContent>
      </Card>
      {term.labels.length ? (
        <Card data-testid="term-label-assets">
          <CardHeader>
            <CardTitle>Carrying its labels</CardTitle>
            <CardDescription>
              Assets labelled <span className="font-mono">{term.labels.join(', ')}</span>
              {carrying.data ? ` — ${carrying.data.total} in all` : ''}.
            </CardDescription>
          </CardHeader>
          <CardContent>
            {carrying.isPending ? (
              <div className="grid gap-2">
                <Skeleton className="h-5 w-full" />
                <Skeleton className="h-5 w-2/3" />
              </div>
            ) : carrying.isError ? (
              <p className="text-sm text-destructive">{carrying.error.message}</p>
            ) : carrying.data.items.length ? (
              <ul>
                {carrying.data.items.map((h) => (
                  <AssetLine key={h.id} a={h} />
                ))}
              </ul>
            ) : (
              <p className="text-sm text-muted-foreground">No asset carries these labels yet.</p>
            )}
            {carrying.data && carrying.data.total > carrying.data.items.length ? (
              <Link
                href={`/catalog?${term.labels.map((l) => `label=${encodeURIComponent(l)}`).join('&')}`}
                className="mt-2 inline-block text-sm text-primary hover:underline"
              >
                See all {carrying.data.total} in the catalog
              </Link>
            ) : null}
          </CardContent>
        </Card>
      ) : null}
      <Dialog open={picking} onOpenChange={(o) => !link.isPending && setPicking(o)}>
        <DialogContent className="sm:max-w-xl" data-testid="link-assets-dialog">
          <DialogHeader>
            <DialogTitle>Link assets to {term.name}</DialogTitle>
            <DialogDescription>Pick one or more tables, views or columns.</DialogDescription>
          </DialogHeader>
          <AssetPicker
            selected={picked}
            exclude={linked}
            onToggle={(h) =>
              setPicked((m) => {
                const next = new Map(m);
                if (next.has(h.id)) next.delete(h.id);
                else next.set(h.id, h);
                return next;
              })
            }
          />
          <DialogFooter>
            <Button variant="outline" onClick={() => setPicking(false)} disabled={link.isPending}>
              Cancel
            </Button>
            <Button
              disabled={!picked.size || link.isPending}
              onClick={() => link.mutate({ termId: term.id, assetIds: [...picked.keys()] })}
              data-testid="link-assets-submit"
            >
              {link.isPending ? <Spinner /> : null}
              Link {picked.size || ''}
            </Button>
          </DialogFooter>
        </DialogContent>
      </Dialog>
    </>
  );
}
