'use client';
import { useQuery } from '@tanstack/react-query';
import { Users } from 'lucide-react';
import {
  EmptyState,
  ErrorState,
  Sheet,
  SheetBody,
  SheetContent,
  SheetDescription,
  SheetHeader,
  SheetTitle,
  Skeleton,
} from '@racine/ui';
import { formatDate } from '~/lib/format';
import { useTRPC } from '~/trpc/react';
import { StandingBadge } from './standing-badge';

/** Everyone a policy applies to: when they last attested, when it is due, whether they are overdue. */
export function PolicyStatusSheet({
  policyId,
  onOpenChange,
}: {
  policyId: string | null;
  onOpenChange: (open: boolean) => void;
}) {
  const trpc = useTRPC();
  const status = useQuery({
    ...trpc.attestation.status.queryOptions({ policyId: policyId ?? '' }),
    enabled: !!policyId,
  });
  const data = status.data;
  return (
    <Sheet open={!!policyId} onOpenChange={onOpenChange}>
      <SheetContent className="max-w-xl" data-testid="policy-status-sheet">
        <SheetHeader>
          <SheetTitle>{data ? data.policy.title : 'Policy status'}</SheetTitle>
          <SheetDescription>
            {data
              ? `Version ${data.policy.version} · ${data.people.length} people must attest`
              : 'Loading…'}
          </SheetDescription>
        </SheetHeader>
        <SheetBody>
          {status.isPending ? (
            <div className="grid gap-2">
              <Skeleton className="h-8" />
              <Skeleton className="h-8" />
              <Skeleton className="h-8" />
            </div>
          ) : status.isError ? (
            <ErrorState error={status.error} onRetry={() => void status.refetch()} />
          ) : !data?.people.length ? (
            <EmptyState
              icon={<Users />}
              title="Nobody yet"
              description={
                data?.policy.publishedAt
                  ? 'Nobody holds the roles this policy applies to.'
                  : 'Publish the policy to ask people to attest.'
              }
            />
          ) : (
            <table className="w-full text-sm">
              <thead className="text-left text-xs text-muted-foreground">
                <tr className="border-b">
                  <th className="py-2 pr-2 font-medium">Person</th>
                  <th className="py-2 pr-2 font-medium">Last attested</th>
                  <th className="py-2 pr-2 font-medium">Due</th>
                  <th className="py-2 font-medium">Status</th>
                </tr>
              </thead>
              <tbody>
                {data.people.map((p) => (
                  <tr key={p.userId} className="border-b last:border-0" data-testid="status-person">
                    <td className="py-2 pr-2">
                      <div className="font-medium">{p.name}</div>
                      <div className="text-xs text-muted-foreground">{p.email}</div>
                    </td>
                    <td className="py-2 pr-2 whitespace-nowrap">
                      {p.lastAttestedAt ? formatDate(p.lastAttestedAt) : 'never'}
                    </td>
                    <td className="py-2 pr-2 whitespace-nowrap">{formatDate(p.dueAt)}</td>
                    <td className="py-2">
                      <StandingBadge standing={p.standing} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </SheetBody>
      </SheetContent>
    </Sheet>
  );
}
