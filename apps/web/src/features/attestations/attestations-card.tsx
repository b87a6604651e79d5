'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { ArrowRight, FileCheck } from 'lucide-react';
import {
  Button,
  Card,
  CardContent,
  CardDescription,
  CardHeader,
  CardTitle,
  Skeleton,
} from '@racine/ui';
import { useCurrentUser } from '~/components/shell/current-user';
import { useTRPC } from '~/trpc/react';

/**
 * The Overview's "Attestations due" card: the caller's due and overdue
 * policies, and for attestation managers how many people are overdue.
 * Nothing at all for someone no published policy applies to.
 */
export function AttestationsCard() {
  const trpc = useTRPC();
  const { isAdmin } = useCurrentUser();
  const mine = useQuery(trpc.attestation.mine.queryOptions({}));
  const policies = useQuery({
    ...trpc.attestation.policies.queryOptions({ includeArchived: false }),
    enabled: isAdmin,
  });
  if (mine.isPending) return <Skeleton className="mt-4 h-28" />;
  if (mine.isError) return null;
  const peopleOverdue = policies.data?.reduce((n, p) => n + p.overdue, 0) ?? 0;
  if (!mine.data.items.length && !(isAdmin && policies.data?.length)) return null;
  const open = mine.data.due + mine.data.overdue;
  return (
    <Card className="mt-4" data-testid="overview-attestations">
      <CardHeader className="flex-row items-center justify-between gap-4">
        <div className="grid gap-1">
          <CardDescription className="flex items-center gap-1.5">
            <FileCheck className="size-4" /> Attestations due
          </CardDescription>
          <CardTitle
            className={mine.data.overdue ? 'text-xl text-destructive' : 'text-xl'}
            data-testid="attestations-open"
          >
            {open === 0
              ? 'All attested'
              : `${open} to attest${mine.data.overdue ? ` · ${mine.data.overdue} overdue` : ''}`}
          </CardTitle>
        </div>
        <Button asChild variant={open ? 'default' : 'outline'} size="sm">
          <Link href="/settings/attestations">
            {open ? 'Attest now' : 'My attestations'} <ArrowRight />
          </Link>
        </Button>
      </CardHeader>
      {isAdmin && policies.data?.length ? (
        <CardContent className="text-sm text-muted-foreground">
          <Link href="/admin/attestations" className="hover:underline" data-testid="people-overdue">
            {peopleOverdue === 0
              ? 'Nobody is overdue on a policy'
              : `${peopleOverdue} ${peopleOverdue === 1 ? 'person is' : 'people are'} overdue across ${policies.data.length} ${policies.data.length === 1 ? 'policy' : 'policies'}`}
          </Link>
        </CardContent>
      ) : null}
    </Card>
  );
}
