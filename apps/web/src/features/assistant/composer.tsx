'use client';
import * as React from 'react';
import { ArrowUp } from 'lucide-react';
import { Button, cn, Textarea } from '@racine/ui';

/** The question box: Enter asks, Shift-Enter starts a new line. */
export function Composer({
  onAsk,
  busy,
  autoFocus,
  className,
}: {
  onAsk: (question: string) => void;
  busy: boolean;
  autoFocus?: boolean;
  className?: string;
}) {
  const [text, setText] = React.useState('');
  const submit = () => {
    const question = text.trim();
    if (!question || busy) return;
    onAsk(question);
    setText('');
  };
  return (
    <form
      className={cn('flex items-end gap-2', className)}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Textarea
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) {
            e.preventDefault();
            submit();
          }
        }}
        rows={1}
        maxLength={2000}
        autoFocus={autoFocus}
        placeholder="Ask about your catalog, posture, failures…"
        aria-label="Question"
        className="max-h-40 min-h-10 resize-none"
        data-testid="assistant-input"
      />
      <Button
        type="submit"
        size="icon"
        disabled={busy || !text.trim()}
        aria-label="Ask"
        data-testid="assistant-send"
      >
        <ArrowUp />
      </Button>
    </form>
  );
}
