'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { MessageSquareText } from 'lucide-react';
import { ErrorState, Skeleton, cn } from '@racine/ui';
import { useTRPC } from '~/trpc/react';
import { useAssistant } from './assistant-provider';
import { Composer } from './composer';
import { AssistantTools } from './assistant-tools';
import { turnsFromMessages } from './stored-turns';
import { TurnView } from './turn-view';

/**
 * The current conversation: its stored turns, then the answer streaming now,
 * then the question box. Used by the side panel and the /assistant page.
 */
export function ConversationView({
  onNavigate,
  className,
  autoFocus,
}: {
  onNavigate?: () => void;
  className?: string;
  autoFocus?: boolean;
}) {
  const trpc = useTRPC();
  const { conversationId, live, busy, ask, settle } = useAssistant();
  const stored = useQuery({
    ...trpc.ai.conversation.queryOptions({ id: conversationId ?? '' }),
    enabled: !!conversationId,
  });
  const turns = React.useMemo(() => {
    const fromStore = stored.data ? turnsFromMessages(stored.data.messages) : [];
    if (!live) return fromStore;
    return [...fromStore.filter((t) => !live.messageId || t.messageId !== live.messageId), live];
  }, [stored.data, live]);

  // Follow the answer as it grows, unless the person scrolled up to read.
  const scroller = React.useRef<HTMLDivElement>(null);
  const pinned = React.useRef(true);
  const liveSize = (live?.answer.length ?? 0) + (live?.calls.length ?? 0);
  React.useEffect(() => {
    const el = scroller.current;
    if (el && pinned.current) el.scrollTop = el.scrollHeight;
  }, [turns.length, liveSize]);

  const loading = !!conversationId && stored.isPending && !live;
  return (
    <div
      className={cn('flex min-h-0 flex-1 flex-col', className)}
      data-testid="conversation-view"
      data-busy={busy || undefined}
    >
      <div
        ref={scroller}
        onScroll={(e) => {
          const el = e.currentTarget;
          pinned.current = el.scrollHeight - el.scrollTop - el.clientHeight < 48;
        }}
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4 md:px-6"
      >
        {loading ? (
          <div className="grid gap-4" aria-busy="true">
            <Skeleton className="ml-auto h-9 w-2/3 rounded-2xl" />
            <Skeleton className="h-20 w-5/6" />
            <Skeleton className="ml-auto h-9 w-1/2 rounded-2xl" />
            <Skeleton className="h-16 w-4/6" />
          </div>
        ) : stored.isError && !live ? (
          <ErrorState
            title="Could not load this conversation"
            error={stored.error}
            onRetry={() => void stored.refetch()}
          />
        ) : !turns.length ? (
          <div
            className="flex flex-col items-center gap-3 px-2 py-10 text-center"
            data-testid="assistant-empty"
          >
            <div className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
              <MessageSquareText className="size-5" />
            </div>
            <p className="text-sm font-medium">Ask about your catalog, posture, failures…</p>
            <p className="max-w-sm text-sm text-muted-foreground">
              Answers come from Racine&apos;s own data, looked up with your permissions; every
              lookup is listed under the answer.
            </p>
            <AssistantTools />
          </div>
        ) : (
          <div className="grid gap-6">
            {turns.map((turn) => (
              <TurnView
                key={turn.key}
                turn={turn}
                conversationId={conversationId}
                onAsk={ask}
                onNavigate={onNavigate}
                onSettled={settle}
                busy={busy}
              />
            ))}
          </div>
        )}
      </div>
      <div className="border-t bg-background px-4 py-3 md:px-6">
        <Composer onAsk={ask} busy={busy} autoFocus={autoFocus} />
      </div>
    </div>
  );
}
