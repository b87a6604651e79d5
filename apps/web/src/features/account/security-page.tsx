'use client';
import { useQuery } from '@tanstack/react-query';
import { ErrorState, PageHeader, Skeleton } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { MfaCard } from './mfa-card';
import { PasswordCard } from './password-card';

export function SecurityPage() {
  const trpc = useTRPC();
  const profile = useQuery(trpc.user.profile.queryOptions());
  return (
    <>
      <PageHeader breadcrumb="Settings" title="Security" description="Your password and two-factor authentication." />
      {profile.isPending ? (
        <div className="grid gap-6">
          <Skeleton className="h-56 w-full" />
          <Skeleton className="h-40 w-full" />
        </div>
      ) : profile.error ? (
        <ErrorState error={profile.error} onRetry={() => void profile.refetch()} />
      ) : (
        <div className="grid gap-6">
          <MfaCard profile={profile.data} />
          <PasswordCard changedAt={profile.data.passwordChangedAt} hasPassword={profile.data.hasPassword} />
        </div>
      )}
    </>
  );
}
