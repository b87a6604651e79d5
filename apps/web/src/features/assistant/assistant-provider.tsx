'use client';
import * as React from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { useTRPC, useTRPCClient } from '~/trpc/react';
import { type PageSubject, usePageSubject } from './page-context';
import { applyEvent, unwrapEvent } from './turn';
import type { Turn } from './types';

interface AssistantState {
  open: boolean;
  setOpen: (open: boolean) => void;
  /** Opens the panel; with a question, asks it in a new conversation. */
  openWith: (question?: string) => void;
  conversationId: string | null;
  /** Switch conversation (null: a new one, started by the next question). */
  select: (conversationId: string | null) => void;
  /** The answer being streamed, or the last one streamed in this conversation. */
  live: Turn | null;
  busy: boolean;
  ask: (question: string) => void;
  /** Forget the live turn of a message, so its stored version (e.g. after a confirmation) shows. */
  settle: (messageId: string) => void;
  subject: PageSubject;
}

const AssistantContext = React.createContext<AssistantState | null>(null);

export function useAssistant(): AssistantState {
  const value = React.useContext(AssistantContext);
  if (!value) throw new Error('useAssistant needs an <AssistantProvider> (the app shell has one)');
  return value;
}

/** Ctrl-J / Cmd-J: the assistant, from anywhere. */
export const assistantShortcut = { key: 'j', label: 'Ctrl J' };

/**
 * The assistant's state for the whole app: the panel, the current
 * conversation and the one answer being streamed. One ask at a time, app-wide:
 * each is an SSE connection, the bell already holds one, and a browser allows
 * six per host over HTTP/1.1; a new question ends the previous stream.
 */
export function AssistantProvider({ children }: { children: React.ReactNode }) {
  const trpc = useTRPC();
  const client = useTRPCClient();
  const queryClient = useQueryClient();
  const subject = usePageSubject();
  const [open, setOpen] = React.useState(false);
  const [conversationId, setConversationId] = React.useState<string | null>(null);
  const [live, setLive] = React.useState<Turn | null>(null);
  const subscription = React.useRef<{ unsubscribe: () => void } | null>(null);
  const conversationRef = React.useRef(conversationId);
  conversationRef.current = conversationId;
  const pageRef = React.useRef(subject.context);
  pageRef.current = subject.context;

  const stop = React.useCallback(() => {
    subscription.current?.unsubscribe();
    subscription.current = null;
  }, []);
  React.useEffect(() => stop, [stop]);

  const refresh = React.useCallback(
    (id: string | null) => {
      void queryClient.invalidateQueries(trpc.ai.conversations.pathFilter());
      if (id)
        void queryClient.invalidateQueries({ queryKey: trpc.ai.conversation.queryKey({ id }) });
    },
    [queryClient, trpc],
  );

  const askIn = React.useCallback(
    (question: string, inConversation: string | null) => {
      stop();
      const key = `local-${Date.now()}`;
      // This ask's turn, folded from its events; the state mirrors it while it is the live one.
      let turn: Turn = {
        key,
        question,
        answer: '',
        calls: [],
        links: [],
        suggestions: [],
        status: 'thinking',
        at: new Date(),
      };
      setLive(turn);
      let current = inConversation;
      const show = () => setLive((shown) => (shown && shown.key === key ? turn : shown));
      subscription.current = client.ai.ask.subscribe(
        { conversationId: inConversation ?? undefined, question, page: pageRef.current },
        {
          onData(raw) {
            const event = unwrapEvent(raw);
            if (event.type === 'start') {
              current = event.conversationId;
              setConversationId(event.conversationId);
              // The conversation exists now: the list can show it while the answer streams.
              void queryClient.invalidateQueries(trpc.ai.conversations.pathFilter());
            }
            turn = applyEvent(turn, event);
            show();
            if (turn.status === 'done' || turn.status === 'error') {
              stop();
              refresh(current);
            }
          },
          onError(error) {
            turn = { ...turn, status: 'error', error: error.message };
            show();
            subscription.current = null;
            refresh(current);
          },
        },
      );
    },
    [client, queryClient, refresh, stop, trpc],
  );

  const ask = React.useCallback(
    (question: string) => askIn(question, conversationRef.current),
    [askIn],
  );

  const select = React.useCallback(
    (id: string | null) => {
      if (id === conversationRef.current) return;
      stop();
      setLive(null);
      setConversationId(id);
    },
    [stop],
  );

  const openWith = React.useCallback(
    (question?: string) => {
      setOpen(true);
      const text = question?.trim();
      if (!text) return;
      setConversationId(null);
      askIn(text, null);
    },
    [askIn],
  );

  const settle = React.useCallback((messageId: string) => {
    setLive((turn) => (turn?.messageId === messageId && turn.status !== 'streaming' ? null : turn));
  }, []);

  React.useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if ((event.metaKey || event.ctrlKey) && event.key.toLowerCase() === assistantShortcut.key) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const busy = live?.status === 'thinking' || live?.status === 'streaming';
  const value = React.useMemo<AssistantState>(
    () => ({
      open,
      setOpen,
      openWith,
      conversationId,
      select,
      live,
      busy,
      ask,
      settle,
      subject,
    }),
    [open, openWith, conversationId, select, live, busy, ask, settle, subject],
  );
  return <AssistantContext.Provider value={value}>{children}</AssistantContext.Provider>;
}
