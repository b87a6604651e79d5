'use client';
import * as React from 'react';
import { MessagesSquare } from 'lucide-react';
import {
  Card,
  CardContent,
  CardHeader,
  CardTitle,
  EmptyState,
  ErrorState,
  Skeleton,
  StatusDot,
} from '@racine/ui';
import { CommentItem } from './comment-item';
import { MentionComposer } from './mention-composer';
import type { ResourceProps } from './types';
import { type CommentThreadItem, useCommentThread } from './use-comment-thread';

/** The comment a notification linked to (`#comment-<id>`), scrolled to once it has loaded. */
function useLinkedComment(loaded: boolean) {
  const [linked, setLinked] = React.useState<string | null>(null);
  React.useEffect(() => {
    const read = () =>
      setLinked(/^#comment-([0-9a-f-]{36})$/i.exec(window.location.hash)?.[1] ?? null);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  React.useEffect(() => {
    if (loaded && linked)
      document.getElementById(`comment-${linked}`)?.scrollIntoView({ block: 'center' });
  }, [loaded, linked]);
  return linked;
}

function namesIn(items: CommentThreadItem[]) {
  const names = new Map<string, string>();
  for (const c of items.flatMap((t) => [t, ...t.replies]))
    for (const m of c.mentions) names.set(m.id, m.name);
  return names;
}

/**
 * Threaded comments on any resource, live: markdown, @mentions, one level of
 * replies, reactions, edit and delete. Someone else's comment appears
 * without a reload (comment.stream).
 */
export function CommentThread({
  resourceType,
  resourceId,
  className,
}: ResourceProps & { className?: string }) {
  const resource = { resourceType, resourceId };
  const thread = useCommentThread(resource);
  const [replyingTo, setReplyingTo] = React.useState<string | null>(null);
  const items = thread.list.data?.items;
  const linked = useLinkedComment(!!items);
  const names = React.useMemo(() => namesIn(items ?? []), [items]);
  const total = thread.list.data?.total;

  return (
    <Card className={className} data-testid="comment-thread" data-live={thread.live || undefined}>
      <CardHeader className="flex-row items-center justify-between">
        <CardTitle className="flex items-center gap-2 text-base">
          <MessagesSquare className="size-4 text-muted-foreground" />
          Discussion
          {total ? (
            <span className="text-sm font-normal text-muted-foreground">{total}</span>
          ) : null}
        </CardTitle>
        {thread.live ? (
          <span
            className="flex items-center gap-1.5 text-xs text-muted-foreground"
            title="New comments appear as they are written"
          >
            <StatusDot status="healthy" className="size-1.5" /> live
          </span>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {thread.list.isPending ? (
          <div className="grid gap-3" aria-busy>
            <Skeleton className="h-14" />
            <Skeleton className="h-14" />
          </div>
        ) : thread.list.error ? (
          <ErrorState
            title="Could not load the discussion"
            error={thread.list.error}
            onRetry={() => void thread.list.refetch()}
          />
        ) : !items?.length ? (
          <EmptyState
            className="py-6"
            icon={<MessagesSquare />}
            title="No comments yet"
            description="Ask a question or leave a note; @mention someone to bring them in."
          />
        ) : (
          <ol className="grid gap-3" data-testid="comment-list">
            {items.map((top) => (
              <li key={top.id} className="grid gap-1" data-testid="comment-thread-item">
                <CommentItem
                  comment={top}
                  thread={thread}
                  resource={resource}
                  names={names}
                  highlighted={linked === top.id}
                  onReply={() => setReplyingTo(top.id)}
                />
                {top.replies.length || replyingTo === top.id ? (
                  <ol className="ml-10 grid gap-1 border-l pl-3" data-testid="comment-replies">
                    {top.replies.map((r) => (
                      <li key={r.id}>
                        <CommentItem
                          comment={r}
                          thread={thread}
                          resource={resource}
                          names={names}
                          highlighted={linked === r.id}
                          onReply={() => setReplyingTo(top.id)}
                        />
                      </li>
                    ))}
                    {replyingTo === top.id ? (
                      <li className="py-1">
                        <MentionComposer
                          {...resource}
                          autoFocus
                          submitLabel="Reply"
                          placeholder={`Reply to ${top.author.name}…`}
                          pending={thread.create.isPending}
                          testId="reply-composer"
                          onCancel={() => setReplyingTo(null)}
                          onSubmit={async (body) => {
                            await thread.create.mutateAsync({
                              ...resource,
                              body,
                              parentId: top.id,
                            });
                            setReplyingTo(null);
                          }}
                        />
                      </li>
                    ) : null}
                  </ol>
                ) : null}
              </li>
            ))}
          </ol>
        )}
        {thread.list.error ? null : (
          <MentionComposer
            {...resource}
            submitLabel="Comment"
            pending={thread.create.isPending}
            onSubmit={(body) => thread.create.mutateAsync({ ...resource, body })}
          />
        )}
      </CardContent>
    </Card>
  );
}
