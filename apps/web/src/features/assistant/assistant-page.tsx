'use client';
import * as React from 'react';
import { useSearchParams } from 'next/navigation';
import { SquarePen } from 'lucide-react';
import { Button, Card, PageHeader } from '@racine/ui';
import { useSearchParamsPatch } from '~/lib/use-search-params-patch';
import { useAssistant } from './assistant-provider';
import { ConversationList } from './conversation-list';
import { ConversationView } from './conversation-view';
import { RecommendationsPanel } from './recommendations-panel';

/**
 * /assistant: your conversations, the current one full width, and what
 * Racine recommends doing next. The conversation is the app-wide one (the
 * side panel shows the same), kept in the URL as ?c= so it can be linked.
 */
export function AssistantPage() {
  const { conversationId, select, busy } = useAssistant();
  const fromUrl = useSearchParams().get('c');
  const patch = useSearchParamsPatch();
  const mounted = React.useRef(false);

  // URL → conversation (this effect follows the URL only): on arrival with ?c=,
  // and on back/forward. Arriving without one keeps the conversation already
  // open (the panel's) and puts it in the URL.
  React.useEffect(() => {
    if (fromUrl === conversationId) return;
    if (!mounted.current && !fromUrl) patch({ c: conversationId });
    else select(fromUrl);
  }, [fromUrl]);
  // Conversation → URL (follows the conversation only, after arrival): one a
  // question started, one picked from the list.
  React.useEffect(() => {
    if (mounted.current && conversationId !== fromUrl) patch({ c: conversationId });
    mounted.current = true;
  }, [conversationId]);

  return (
    <div className="grid gap-8">
      <div>
        <PageHeader
          title="Assistant"
          description="Questions answered from Racine's own data, looked up with your permissions; every lookup is shown."
          actions={
            <Button
              variant="outline"
              disabled={busy || !conversationId}
              onClick={() => select(null)}
              data-testid="new-conversation"
            >
              <SquarePen /> New conversation
            </Button>
          }
        />
        <div className="grid gap-4 lg:grid-cols-[16rem_minmax(0,1fr)]">
          <Card className="flex max-h-72 flex-col overflow-hidden py-0 lg:max-h-none lg:h-[min(44rem,calc(100dvh-13rem))]">
            <div className="border-b px-3 py-2.5 text-sm font-medium">Conversations</div>
            <div className="min-h-0 flex-1 overflow-y-auto">
              <ConversationList selectedId={conversationId} onSelect={select} />
            </div>
          </Card>
          <Card
            className="flex h-[min(44rem,calc(100dvh-13rem))] min-h-96 flex-col overflow-hidden py-0"
            data-testid="assistant-main"
          >
            <ConversationView />
          </Card>
        </div>
      </div>
      <RecommendationsPanel />
    </div>
  );
}
