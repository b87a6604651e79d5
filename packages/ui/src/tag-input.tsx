'use client';
import * as React from 'react';
import { X } from 'lucide-react';
import { cn } from './cn';

/**
 * A list of short strings edited as chips: type and press Enter (or comma) to
 * add, Backspace on an empty field or the chip's × to remove. Pasting a
 * comma- or newline-separated list adds each item.
 */
export function TagInput({
  value,
  onChange,
  placeholder,
  id,
  disabled,
  invalid,
  className,
  chipClassName,
  'aria-label': ariaLabel,
  'data-testid': testId,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
  placeholder?: string;
  id?: string;
  disabled?: boolean;
  invalid?: boolean;
  className?: string;
  chipClassName?: string;
  'aria-label'?: string;
  'data-testid'?: string;
}) {
  const [draft, setDraft] = React.useState('');
  const inputRef = React.useRef<HTMLInputElement>(null);
  const add = (raw: string) => {
    const items = raw
      .split(/[,\n]/)
      .map((s) => s.trim())
      .filter(Boolean);
    if (!items.length) return;
    const next = [...value];
    for (const item of items) if (!next.includes(item)) next.push(item);
    onChange(next);
    setDraft('');
  };
  const removeAt = (index: number) => onChange(value.filter((_, i) => i !== index));
  return (
    <div
      data-testid={testId}
      aria-invalid={invalid || undefined}
      className={cn(
        'flex min-h-9 w-full flex-wrap items-center gap-1 rounded-md border border-input bg-background px-1.5 py-1 text-sm shadow-xs transition-colors focus-within:border-ring focus-within:ring-2 focus-within:ring-ring/30 aria-invalid:border-destructive',
        disabled && 'cursor-not-allowed opacity-50',
        className,
      )}
      onClick={() => inputRef.current?.focus()}
    >
      {value.map((item, i) => (
        <span
          key={`${item}-${i}`}
          className={cn(
            'inline-flex max-w-full items-center gap-1 rounded bg-secondary px-1.5 py-0.5 font-mono text-xs text-secondary-foreground',
            chipClassName,
          )}
        >
          <span className="truncate">{item}</span>
          {disabled ? null : (
            <button
              type="button"
              aria-label={`Remove ${item}`}
              className="rounded-sm opacity-60 hover:opacity-100 cursor-pointer"
              onClick={(e) => {
                e.stopPropagation();
                removeAt(i);
              }}
            >
              <X className="size-3" />
            </button>
          )}
        </span>
      ))}
      <input
        ref={inputRef}
        id={id}
        aria-label={ariaLabel}
        disabled={disabled}
        value={draft}
        placeholder={value.length ? undefined : placeholder}
        className="h-6 min-w-24 flex-1 bg-transparent px-1 outline-none placeholder:text-muted-foreground"
        onChange={(e) => setDraft(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' || e.key === ',') {
            if (draft.trim()) {
              e.preventDefault();
              add(draft);
            } else if (e.key === 'Enter') e.preventDefault();
          } else if (e.key === 'Backspace' && !draft && value.length) {
            removeAt(value.length - 1);
          }
        }}
        onBlur={() => add(draft)}
        onPaste={(e) => {
          const text = e.clipboardData.getData('text');
          if (/[,\n]/.test(text)) {
            e.preventDefault();
            add(draft + text);
          }
        }}
      />
    </div>
  );
}
