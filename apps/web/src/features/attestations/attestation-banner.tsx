'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { TriangleAlert } from 'lucide-react';
import { useTRPC } from '~/trpc/react';

/** A strip above every page while the caller is overdue on an attestation (not on the page where they attest). */
export function AttestationBanner() {
  const trpc = useTRPC();
  const pathname = usePathname();
  const mine = useQuery({
    ...trpc.attestation.mine.queryOptions({}),
    refetchInterval: 5 * 60_000,
    refetchOnWindowFocus: true,
  });
  const overdue = mine.data?.items.filter((i) => i.standing === 'overdue') ?? [];
  if (!overdue.length || pathname === '/settings/attestations') return null;
  const blocking = overdue.some((i) => i.blocks.length);
  return (
    <div
      role="alert"
      className="mb-4 flex flex-wrap items-center gap-2 rounded-md border border-destructive/40 bg-destructive/10 px-3 py-2 text-sm"
      data-testid="attestation-banner"
    >
      <TriangleAlert className="size-4 text-destructive" />
      <span>
        {overdue.length === 1 ? `“${overdue[0]!.title}” is` : `${overdue.length} policies are`}{' '}
        overdue for your attestation
        {blocking ? '; some of your roles are suspended until you attest' : ''}.
      </span>
      <Link
        href="/settings/attestations"
        className="ml-auto font-medium text-primary hover:underline"
      >
        Attest now
      </Link>
    </div>
  );
}
