'use client';
import Link from 'next/link';
import { useQuery } from '@tanstack/react-query';
import { UserRoundCheck } from 'lucide-react';
import { formatDateTime } from '~/lib/format';
import { useTRPC } from '~/trpc/react';

/**
 * A strip above every page for an external collaborator: where they are a
 * guest and until when. Their access is that, and nothing global, so most
 * of the app shows them little; this says why.
 */
export function GuestBanner() {
  const trpc = useTRPC();
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const guest = me.data?.guest;
  if (!guest) return null;
  const [first, ...rest] = guest.workspaces;
  return (
    <div
      role="status"
      className="mb-4 flex flex-wrap items-center gap-2 rounded-md border border-primary/30 bg-primary/5 px-3 py-2 text-sm"
      data-testid="guest-banner"
    >
      <UserRoundCheck className="size-4 text-primary" />
      {first ? (
        <span>
          You are a guest in{' '}
          <Link href={`/workspaces/${first.workspaceId}`} className="font-medium text-primary hover:underline">
            {first.workspaceName}
          </Link>{' '}
          until {formatDateTime(first.accessEndsAt)}
          {rest.length ? ` (and ${rest.length} more workspace${rest.length === 1 ? '' : 's'})` : ''}. What you do here is recorded as a
          guest&apos;s.
        </span>
      ) : (
        <span>Your guest access has ended. Ask the person who invited you for a new invitation.</span>
      )}
    </div>
  );
}
