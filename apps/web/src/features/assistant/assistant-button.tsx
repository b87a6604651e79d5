'use client';
import { Bot } from 'lucide-react';
import { Tooltip } from '@racine/ui';
import { assistantShortcut, useAssistant } from './assistant-provider';

/** The header's way into the assistant (also Ctrl-J and the command palette). */
export function AssistantButton() {
  const { open, setOpen, busy } = useAssistant();
  return (
    <Tooltip content={`Assistant (${assistantShortcut.label})`}>
      <button
        type="button"
        aria-label="Open the assistant"
        aria-expanded={open}
        data-testid="assistant-trigger"
        data-busy={busy || undefined}
        onClick={() => setOpen(!open)}
        className="relative flex size-8 cursor-pointer items-center justify-center rounded-md text-muted-foreground outline-none hover:bg-accent hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40"
      >
        <Bot className="size-4" />
        {busy ? (
          <span className="absolute right-1 top-1 size-1.5 animate-pulse rounded-full bg-primary" />
        ) : null}
      </button>
    </Tooltip>
  );
}
