'use client';
import * as React from 'react';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';

export type NotificationItem = RouterOutputs['notification']['list']['items'][number];

/** A link stored on a notification, when it points inside the app (never elsewhere). */
export function internalLink(link: string | null | undefined): string | null {
  if (!link) return null;
  return link.startsWith('/') && !link.startsWith('//') ? link : null;
}

/** Mark read (some ids, or all): the count and every list refresh afterwards. */
export function useMarkRead() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const invalidate = React.useCallback(
    () => queryClient.invalidateQueries(trpc.notification.pathFilter()),
    [queryClient, trpc],
  );
  const mark = useMutation(
    trpc.notification.markRead.mutationOptions({
      onSuccess: (_res, input) => {
        if (input.all) toast.success('All notifications marked read');
        void invalidate();
      },
      onError: (error) => {
        toast.fromError(error, 'Could not mark as read');
        void invalidate();
      },
    }),
  );
  return {
    markOne: (id: string) => mark.mutate({ ids: [id] }),
    markAll: () => mark.mutate({ all: true }),
    pending: mark.isPending,
  };
}
