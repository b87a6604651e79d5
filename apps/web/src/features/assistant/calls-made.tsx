'use client';
import * as React from 'react';
import { ChevronRight, Wrench } from 'lucide-react';
import { cn, CopyButton } from '@racine/ui';
import { CallStatusBadge, formatMs, toolLabel } from './bits';
import { summarize } from './summarize';
import type { ToolCallRecord } from './types';

/**
 * "Calls made": every tool the answer ran, with what went in, what came out
 * (a readable line, and the raw JSON on request), its status and its time.
 * Closed by default; the answer is what people read first.
 */
export function CallsMade({ calls }: { calls: ToolCallRecord[] }) {
  const [open, setOpen] = React.useState(false);
  if (!calls.length) return null;
  const total = calls.reduce((sum, c) => sum + (c.ms ?? 0), 0);
  return (
    <div
      className="rounded-md border bg-muted/20"
      data-testid="calls-made"
      data-open={open || undefined}
    >
      <button
        type="button"
        onClick={() => setOpen((o) => !o)}
        aria-expanded={open}
        className="flex w-full cursor-pointer items-center gap-2 px-3 py-2 text-left text-xs text-muted-foreground outline-none hover:text-foreground focus-visible:ring-2 focus-visible:ring-ring/40"
        data-testid="calls-made-toggle"
      >
        <ChevronRight className={cn('size-3.5 transition-transform', open && 'rotate-90')} />
        <Wrench className="size-3.5" />
        <span className="font-medium">Calls made ({calls.length})</span>
        <span className="ml-auto tabular-nums">{formatMs(total)}</span>
      </button>
      {open ? (
        <ol className="grid gap-2 border-t p-2">
          {calls.map((call) => (
            <CallRow key={call.id} call={call} />
          ))}
        </ol>
      ) : null}
    </div>
  );
}

function CallRow({ call }: { call: ToolCallRecord }) {
  const [raw, setRaw] = React.useState(false);
  const json = React.useMemo(
    () => JSON.stringify({ input: call.input, output: call.output, error: call.error }, null, 2),
    [call],
  );
  return (
    <li
      className="grid gap-1.5 rounded-md border bg-background p-2.5 text-xs"
      data-testid="tool-call"
      data-tool={call.tool}
    >
      <div className="flex flex-wrap items-center gap-2">
        <code className="font-mono text-[12px] font-semibold">{toolLabel(call.tool)}</code>
        <CallStatusBadge status={call.status} />
        <span className="ml-auto tabular-nums text-muted-foreground">{formatMs(call.ms)}</span>
      </div>
      <dl className="grid grid-cols-[4rem_1fr] gap-x-2 gap-y-1">
        <dt className="text-muted-foreground">Input</dt>
        <dd className="min-w-0 break-words" data-testid="call-input">
          {summarize(call.input)}
        </dd>
        {call.error ? (
          <>
            <dt className="text-destructive">Error</dt>
            <dd className="min-w-0 break-words text-destructive" data-testid="call-error">
              {call.error}
            </dd>
          </>
        ) : call.output !== undefined ? (
          <>
            <dt className="text-muted-foreground">Output</dt>
            <dd className="min-w-0 break-words" data-testid="call-output">
              {summarize(call.output)}
            </dd>
          </>
        ) : null}
      </dl>
      <div className="flex items-center gap-2">
        <button
          type="button"
          className="cursor-pointer text-primary hover:underline"
          onClick={() => setRaw((r) => !r)}
          aria-expanded={raw}
        >
          {raw ? 'Hide raw JSON' : 'Raw JSON'}
        </button>
      </div>
      {raw ? (
        <div className="relative">
          <pre
            className="max-h-72 overflow-auto rounded-md border bg-muted/50 p-2 font-mono text-[11px] leading-relaxed"
            data-testid="call-json"
          >
            {json}
          </pre>
          <CopyButton value={json} label="Copy" className="absolute right-1.5 top-1.5 h-6 px-2" />
        </div>
      ) : null}
    </li>
  );
}
