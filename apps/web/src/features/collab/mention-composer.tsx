'use client';
import * as React from 'react';
import { useQuery } from '@tanstack/react-query';
import { Avatar, Button, cn, Spinner, Textarea } from '@racine/ui';
import { useDebounced } from '~/lib/use-debounced';
import { useTRPC } from '~/trpc/react';
import type { ResourceProps } from './types';

/** The token the server reads as a mention (collab/mentions.ts). */
const tokenFor = (u: { id: string; name: string }) =>
  `@[${u.name.replace(/[[\]\n]/g, '')}](user:${u.id})`;

/** The "@query" being typed just before the caret, if any. */
function mentionAt(text: string, caret: number): { start: number; query: string } | null {
  const before = text.slice(0, caret);
  const m = /(^|[^\w@])@([^\s@[\]()]{0,40})$/.exec(before);
  return m ? { start: caret - m[2]!.length - 1, query: m[2]! } : null;
}

interface Props extends ResourceProps {
  initial?: string;
  placeholder?: string;
  submitLabel: string;
  pending: boolean;
  autoFocus?: boolean;
  onSubmit: (body: string) => Promise<unknown> | void;
  onCancel?: () => void;
  testId?: string;
}

/**
 * A markdown textarea with @-mention autocomplete: typing "@al" offers people
 * who may read the resource (comment.mentionable), choosing one inserts their
 * mention token. Ctrl/⌘+Enter sends.
 */
export function MentionComposer({
  resourceType,
  resourceId,
  initial = '',
  placeholder,
  submitLabel,
  pending,
  autoFocus,
  onSubmit,
  onCancel,
  testId = 'comment-composer',
}: Props) {
  const trpc = useTRPC();
  const [text, setText] = React.useState(initial);
  const [mention, setMention] = React.useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = React.useState(0);
  const ref = React.useRef<HTMLTextAreaElement>(null);
  const query = useDebounced(mention?.query ?? '', 150);
  const people = useQuery({
    ...trpc.comment.mentionable.queryOptions({ resourceType, resourceId, q: query }),
    enabled: mention !== null,
    staleTime: 30_000,
  });
  const options = mention ? (people.data?.items ?? []) : [];

  const track = (el: HTMLTextAreaElement) => {
    setMention(mentionAt(el.value, el.selectionStart));
    setActive(0);
  };

  const choose = (u: { id: string; name: string }) => {
    if (!mention) return;
    const caret = mention.start + 1 + mention.query.length;
    const token = `${tokenFor(u)} `;
    const next = text.slice(0, mention.start) + token + text.slice(caret);
    setText(next);
    setMention(null);
    requestAnimationFrame(() => {
      const el = ref.current;
      if (!el) return;
      el.focus();
      el.setSelectionRange(mention.start + token.length, mention.start + token.length);
    });
  };

  const submit = async () => {
    if (!text.trim() || pending) return;
    try {
      await onSubmit(text.trim());
      setText('');
    } catch {
      // The caller toasts; the text stays so nothing typed is lost.
    }
  };

  return (
    <div className="relative grid gap-2" data-testid={testId}>
      <Textarea
        ref={ref}
        value={text}
        autoFocus={autoFocus}
        placeholder={placeholder ?? 'Write a comment… Markdown works; type @ to mention someone.'}
        aria-label="Comment"
        maxLength={10_000}
        className="min-h-16"
        data-testid="comment-input"
        onChange={(e) => {
          setText(e.target.value);
          track(e.target);
        }}
        onClick={(e) => track(e.currentTarget)}
        onBlur={() => setTimeout(() => setMention(null), 150)}
        onKeyDown={(e) => {
          if (options.length && mention) {
            if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
              e.preventDefault();
              setActive(
                (i) => (i + (e.key === 'ArrowDown' ? 1 : options.length - 1)) % options.length,
              );
              return;
            }
            if (e.key === 'Enter' || e.key === 'Tab') {
              e.preventDefault();
              choose(options[active] ?? options[0]!);
              return;
            }
          }
          if (e.key === 'Escape' && mention) {
            e.preventDefault();
            setMention(null);
            return;
          }
          if (e.key === 'Enter' && (e.metaKey || e.ctrlKey)) {
            e.preventDefault();
            void submit();
          }
        }}
      />
      {mention ? (
        <div
          className="absolute top-full left-0 z-20 mt-1 w-72 rounded-md border bg-popover p-1 text-popover-foreground shadow-md"
          role="listbox"
          aria-label="People to mention"
          data-testid="mention-options"
        >
          {people.isPending ? (
            <div className="flex items-center gap-2 px-2 py-1.5 text-xs text-muted-foreground">
              <Spinner className="size-3" /> Looking…
            </div>
          ) : options.length === 0 ? (
            <div className="px-2 py-1.5 text-xs text-muted-foreground">
              Nobody who can see this matches “{mention.query}”
            </div>
          ) : (
            options.map((u, i) => (
              <button
                key={u.id}
                type="button"
                role="option"
                aria-selected={i === active}
                className={cn(
                  'flex w-full items-center gap-2 rounded px-2 py-1.5 text-left text-sm',
                  i === active ? 'bg-accent text-accent-foreground' : 'hover:bg-accent/60',
                )}
                onMouseDown={(e) => e.preventDefault()}
                onClick={() => choose(u)}
                data-testid="mention-option"
              >
                <Avatar name={u.name} className="size-6" />
                <span className="grid min-w-0">
                  <span className="truncate">{u.name}</span>
                  <span className="truncate text-xs text-muted-foreground">{u.email}</span>
                </span>
              </button>
            ))
          )}
        </div>
      ) : null}
      <div className="flex items-center justify-end gap-2">
        {onCancel ? (
          <Button size="sm" variant="ghost" onClick={onCancel}>
            Cancel
          </Button>
        ) : null}
        <Button
          size="sm"
          onClick={() => void submit()}
          disabled={!text.trim() || pending}
          data-testid="comment-submit"
        >
          {pending ? <Spinner className="size-3" /> : null}
          {submitLabel}
        </Button>
      </div>
    </div>
  );
}
