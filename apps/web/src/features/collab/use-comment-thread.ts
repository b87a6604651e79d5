'use client';
import * as React from 'react';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSubscription } from '@trpc/tanstack-react-query';
import { toast } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import type { RouterOutputs } from '~/trpc/types';
import type { ResourceProps } from './types';

export type CommentThreadItem = RouterOutputs['comment']['list']['items'][number];
export type CommentView = Omit<CommentThreadItem, 'replies'>;

const PAGE = 100;

/** Warns about mentions that notified nobody: people who cannot see this, or addresses that match no one. */
function warnUnreached(result: { unreachableMentions: string[]; unknownMentions: string[] }) {
  if (result.unreachableMentions.length)
    toast.warning(`Not notified: ${result.unreachableMentions.join(', ')} cannot see this`, {
      id: 'unreachable-mentions',
    });
  if (result.unknownMentions.length)
    toast.warning(`No user for ${result.unknownMentions.join(', ')}`, { id: 'unknown-mentions' });
}

/**
 * A resource's threads, kept live: comment.stream says when anything changed
 * (someone else's comment, edit or reaction) and the list is refetched; a
 * reconnect resumes from the last change seen.
 */
export function useCommentThread({ resourceType, resourceId }: ResourceProps) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ref = { resourceType, resourceId };
  const list = useQuery(trpc.comment.list.queryOptions({ ...ref, limit: PAGE }));
  const refresh = React.useCallback(
    () =>
      queryClient.invalidateQueries({
        queryKey: trpc.comment.list.queryKey({ resourceType, resourceId, limit: PAGE }),
      }),
    [queryClient, trpc, resourceType, resourceId],
  );
  const stream = useSubscription(
    trpc.comment.stream.subscriptionOptions(ref, { onData: () => void refresh() }),
  );

  const onError = (error: unknown) => toast.fromError(error);
  const create = useMutation(
    trpc.comment.create.mutationOptions({
      onSuccess: (r) => {
        warnUnreached(r);
        void refresh();
      },
      onError,
    }),
  );
  const update = useMutation(
    trpc.comment.update.mutationOptions({
      onSuccess: (r) => {
        warnUnreached(r);
        toast.success('Comment updated');
        void refresh();
      },
      onError,
    }),
  );
  const remove = useMutation(
    trpc.comment.delete.mutationOptions({
      onSuccess: () => {
        toast.success('Comment deleted');
        void refresh();
      },
      onError,
    }),
  );
  const react = useMutation(
    trpc.comment.react.mutationOptions({ onSuccess: () => void refresh(), onError }),
  );
  const unreact = useMutation(
    trpc.comment.unreact.mutationOptions({ onSuccess: () => void refresh(), onError }),
  );

  return {
    list,
    live: stream.status === 'pending',
    streamError: stream.error,
    create,
    update,
    remove,
    react,
    unreact,
  };
}
