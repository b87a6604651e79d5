'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useQuery } from '@tanstack/react-query';
import { ShieldAlert } from 'lucide-react';
import { Button, Card, CardContent } from '@racine/ui';
import { useTRPC } from '~/trpc/react';

/**
 * When a role of the user requires two-factor authentication they have not
 * set up, the API refuses everything but their own account. So outside
 * Settings this replaces the page (which could only show errors); inside
 * Settings it sits above it.
 */
export function MfaRequiredGate({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const pathname = usePathname();
  const me = useQuery(trpc.user.me.queryOptions(undefined, { staleTime: 60_000 }));
  const role = me.data?.mfaRequiredBy;
  if (!role) return <>{children}</>;
  const inSettings = pathname.startsWith('/settings');
  return (
    <>
      <Card role="alert" data-testid="mfa-required-banner" className="mb-6 border-warning/40 bg-warning/10">
        <CardContent className="flex flex-col gap-3 py-4 sm:flex-row sm:items-center">
          <ShieldAlert className="size-5 shrink-0 text-warning" />
          <div className="flex-1 text-sm">
            <div className="font-medium">Set up two-factor authentication to continue</div>
            <div className="text-muted-foreground">
              Your role {role} requires it. Until then you can only use your own account settings.
            </div>
          </div>
          {pathname !== '/settings/security' ? (
            <Button asChild size="sm">
              <Link href="/settings/security">Set it up in Settings → Security</Link>
            </Button>
          ) : null}
        </CardContent>
      </Card>
      {inSettings ? children : null}
    </>
  );
}
