'use client';
import Link from 'next/link';
import { ArrowUpRight, Bot, RotateCcw, TriangleAlert } from 'lucide-react';
import { Badge, Button, cn } from '@racine/ui';
import { AnswerMarkdown } from './answer-markdown';
import { toolLabel } from './bits';
import { CallsMade } from './calls-made';
import { ConfirmCard } from './confirm-card';
import { awaiting } from './turn';
import type { Turn } from './types';

export interface TurnActions {
  conversationId: string | null;
  /** Ask a question (a suggestion chip, a retry). */
  onAsk?: (question: string) => void;
  /** A link inside Racine was followed (the side panel closes). */
  onNavigate?: () => void;
  /** A confirmation was answered: show the stored message from now on. */
  onSettled?: (messageId: string) => void;
  busy?: boolean;
}

/** One question and its answer: text, links, calls made, confirmations, suggestions or an error. */
export function TurnView({
  turn,
  conversationId,
  onAsk,
  onNavigate,
  onSettled,
  busy,
}: { turn: Turn } & TurnActions) {
  const running = turn.calls.find((c) => c.status === 'running');
  const pending = awaiting(turn);
  return (
    <article
      className="grid gap-3"
      data-testid="assistant-turn"
      data-status={turn.status}
      data-message-id={turn.messageId}
    >
      <div className="flex justify-end">
        <p
          className="max-w-[85%] whitespace-pre-wrap rounded-2xl rounded-br-sm bg-primary px-3.5 py-2 text-sm text-primary-foreground"
          data-testid="turn-question"
        >
          {turn.question}
        </p>
      </div>
      <div className="flex gap-2.5">
        <div className="mt-0.5 flex size-7 shrink-0 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <Bot className="size-4" />
        </div>
        <div className="grid min-w-0 flex-1 gap-2.5" data-testid="turn-answer">
          {turn.status === 'thinking' || (turn.status === 'streaming' && !turn.answer) ? (
            <Thinking label={running ? `Calling ${toolLabel(running.tool)}…` : 'Thinking…'} />
          ) : null}
          {turn.answer ? (
            <AnswerMarkdown onNavigate={onNavigate}>{turn.answer}</AnswerMarkdown>
          ) : null}
          {turn.status === 'streaming' && turn.answer ? (
            <span
              className="inline-block h-4 w-1.5 animate-pulse rounded-sm bg-foreground/60"
              aria-hidden
            />
          ) : null}
          {turn.links.length ? (
            <ul
              className="flex flex-wrap gap-1.5"
              data-testid="answer-links"
              aria-label="Links in this answer"
            >
              {turn.links.map((link) => (
                <li key={link.href}>
                  <Link
                    href={link.href}
                    onClick={onNavigate}
                    className="inline-flex max-w-72 items-center gap-1 truncate rounded-md border bg-background px-2 py-1 text-xs hover:bg-accent"
                    data-testid="answer-link-chip"
                  >
                    <span className="truncate">{link.label}</span>
                    <ArrowUpRight className="size-3 shrink-0 text-muted-foreground" />
                  </Link>
                </li>
              ))}
            </ul>
          ) : null}
          {turn.messageId
            ? pending.map((call) => (
                <ConfirmCard
                  key={call.id}
                  messageId={turn.messageId!}
                  call={call}
                  conversationId={conversationId}
                  onSettled={() => onSettled?.(turn.messageId!)}
                />
              ))
            : null}
          {turn.status === 'error' ? (
            <div
              role="alert"
              className="flex flex-wrap items-center gap-2 rounded-md border border-destructive/40 bg-destructive/5 px-3 py-2 text-sm"
              data-testid="turn-error"
            >
              <TriangleAlert className="size-4 shrink-0 text-destructive" />
              <span className="min-w-0 flex-1 break-words">
                {turn.error ?? 'The answer did not finish.'}
              </span>
              {onAsk ? (
                <Button
                  size="sm"
                  variant="outline"
                  disabled={busy}
                  onClick={() => onAsk(turn.question)}
                  data-testid="turn-retry"
                >
                  <RotateCcw /> Try again
                </Button>
              ) : null}
            </div>
          ) : null}
          {turn.suggestions.length ? (
            <div className="grid gap-1.5" data-testid="answer-suggestions">
              <p className="text-xs text-muted-foreground">Questions I can answer:</p>
              <SuggestionChips questions={turn.suggestions} onAsk={onAsk} disabled={busy} />
            </div>
          ) : null}
          <CallsMade calls={turn.calls} />
          {turn.mode === 'model' ? (
            <Badge variant="outline" className="w-fit text-[10px] text-muted-foreground">
              model
            </Badge>
          ) : null}
        </div>
      </div>
    </article>
  );
}

export function SuggestionChips({
  questions,
  onAsk,
  disabled,
  className,
}: {
  questions: string[];
  onAsk?: (question: string) => void;
  disabled?: boolean;
  className?: string;
}) {
  return (
    <div className={cn('flex flex-wrap gap-1.5', className)}>
      {questions.map((q) => (
        <button
          key={q}
          type="button"
          disabled={disabled || !onAsk}
          onClick={() => onAsk?.(q)}
          className="cursor-pointer rounded-full border bg-background px-3 py-1 text-left text-xs hover:bg-accent disabled:cursor-default disabled:opacity-60"
          data-testid="suggestion-chip"
        >
          {q}
        </button>
      ))}
    </div>
  );
}

function Thinking({ label }: { label: string }) {
  return (
    <div
      className="flex items-center gap-2 text-sm text-muted-foreground"
      data-testid="assistant-thinking"
      role="status"
    >
      <span className="flex gap-1" aria-hidden>
        <span className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.3s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-current [animation-delay:-0.15s]" />
        <span className="size-1.5 animate-bounce rounded-full bg-current" />
      </span>
      {label}
    </div>
  );
}
