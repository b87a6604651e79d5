'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import { Avatar, Card, CardContent, CardHeader, CardTitle, ErrorState, Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { reasonText } from './expert-card';

/** The asset page's "Experts" panel: the top three people for it and their main reason. */
export function AssetExperts({ assetId, qualifiedName }: { assetId: string; qualifiedName: string }) {
  const trpc = useTRPC();
  const experts = useQuery(trpc.experts.find.queryOptions({ assetId, limit: 3 }));
  const more = `/collaboration/experts?by=asset&asset=${assetId}&name=${encodeURIComponent(qualifiedName)}`;
  return (
    <Card data-testid="asset-experts">
      <CardHeader className="flex flex-row items-center justify-between space-y-0">
        <CardTitle className="flex items-center gap-2">
          <Users className="size-4" />
          Experts
        </CardTitle>
        <Link href={more} className="text-xs text-primary hover:underline">
          Why?
        </Link>
      </CardHeader>
      <CardContent>
        {experts.isPending ? (
          <div className="grid gap-2">
            <Skeleton className="h-8" />
            <Skeleton className="h-8" />
          </div>
        ) : experts.isError ? (
          <ErrorState title="Could not load the experts" error={experts.error} onRetry={() => void experts.refetch()} />
        ) : experts.data.items.length ? (
          <ul className="grid gap-2.5">
            {experts.data.items.map((e) => (
              <li key={e.user.id} className="flex items-start gap-2" data-testid="asset-expert">
                <Avatar name={e.user.name} className="size-7" />
                <div className="min-w-0">
                  <div className="truncate text-sm font-medium">{e.user.name}</div>
                  {e.reasons[0] ? <div className="line-clamp-2 text-xs text-muted-foreground">{reasonText(e.reasons[0])}</div> : null}
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <p className="text-sm text-muted-foreground">No one has worked on it yet.</p>
        )}
      </CardContent>
    </Card>
  );
}
