'use client';
import type * as React from 'react';
import Link from 'next/link';
import { Button, EmptyState, ErrorState, PageHeader } from '@racine/ui';
import { trpcErrorCode } from '~/trpc/react';

/**
 * What a detail page shows when its record cannot be loaded. A missing record,
 * a malformed id or a refusal is an answer, not a failure: it gets an empty
 * state saying so, with a way back to the list. Anything else (the server or
 * the network failed) gets the error state with a retry.
 */
export function PageLoadError({
  error,
  onRetry,
  title,
  breadcrumb,
  icon,
  notFound,
  forbidden,
  back,
}: {
  error: unknown;
  onRetry: () => void;
  /** The page header's title while the record's own name is unknown ("Workspace"). */
  title: string;
  breadcrumb?: React.ReactNode;
  icon: React.ReactNode;
  /** "Workspace not found" */
  notFound: string;
  /** "You cannot open this workspace" */
  forbidden: string;
  back: { href: string; label: string };
}) {
  const code = trpcErrorCode(error);
  const answered = code === 'NOT_FOUND' || code === 'FORBIDDEN' || code === 'BAD_REQUEST';
  return (
    <>
      <PageHeader title={title} breadcrumb={breadcrumb} />
      {answered ? (
        <EmptyState
          icon={icon}
          title={code === 'FORBIDDEN' ? forbidden : notFound}
          description={error instanceof Error ? error.message : undefined}
          action={
            <Button asChild variant="outline">
              <Link href={back.href}>{back.label}</Link>
            </Button>
          }
        />
      ) : (
        <ErrorState error={error} onRetry={onRetry} />
      )}
    </>
  );
}
