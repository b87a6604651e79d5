'use client';
import * as React from 'react';
import { ArrowDown, ScrollText } from 'lucide-react';
import {
  Button,
  EmptyState,
  Input,
  Select,
  SelectContent,
  SelectItem,
  SelectTrigger,
  SelectValue,
  Skeleton,
  StatusDot,
  cn,
} from '@racine/ui';
import type { LogLike } from './execution-model';

const levelClass: Record<string, string> = {
  debug: 'text-muted-foreground',
  info: 'text-info',
  warn: 'text-amber-600 dark:text-amber-400',
  warning: 'text-amber-600 dark:text-amber-400',
  error: 'text-destructive',
};
const LEVELS = ['all', 'info', 'warn', 'error'] as const;
type LevelFilter = (typeof LEVELS)[number];
const rank: Record<string, number> = { debug: 0, info: 1, warn: 2, warning: 2, error: 3 };

const clock = new Intl.DateTimeFormat('en', {
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  fractionalSecondDigits: 3,
  hour12: false,
});

function hasData(data: unknown) {
  if (data === null || data === undefined) return false;
  if (typeof data === 'object' && Object.keys(data as object).length === 0) return false;
  return true;
}

/**
 * An execution's log lines, oldest first, in a monospace pane. While `live`, it follows the
 * tail unless the reader scrolled up (then a "latest" button brings it back). Lines can be
 * narrowed by level and text; lines with data expand to show it.
 */
export function StepLogs({
  logs,
  loading,
  live,
  stepLabel,
  showStep = true,
  emptyText = 'No log line yet.',
  className,
}: {
  logs: readonly LogLike[];
  loading?: boolean;
  live?: boolean;
  /** Step id → display name, for the step column. */
  stepLabel?: (stepId: string) => string;
  showStep?: boolean;
  emptyText?: string;
  className?: string;
}) {
  const [level, setLevel] = React.useState<LevelFilter>('all');
  const [text, setText] = React.useState('');
  const [follow, setFollow] = React.useState(true);
  const pane = React.useRef<HTMLDivElement>(null);

  const needle = text.trim().toLowerCase();
  const shown = React.useMemo(
    () =>
      logs.filter(
        (l) =>
          (level === 'all' || (rank[l.level] ?? 1) >= rank[level]!) &&
          (!needle ||
            l.message.toLowerCase().includes(needle) ||
            (l.stepId ?? '').toLowerCase().includes(needle)),
      ),
    [logs, level, needle],
  );

  // Follow the tail: after new lines render, scroll to the bottom unless the reader left it.
  React.useLayoutEffect(() => {
    const el = pane.current;
    if (el && follow) el.scrollTop = el.scrollHeight;
  }, [shown.length, follow]);

  const onScroll = () => {
    const el = pane.current;
    if (!el) return;
    const atBottom = el.scrollHeight - el.scrollTop - el.clientHeight < 24;
    if (atBottom !== follow) setFollow(atBottom);
  };

  return (
    <div className={cn('grid gap-2', className)} data-testid="step-logs">
      <div className="flex flex-wrap items-center gap-2">
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder="Filter lines…"
          aria-label="Filter log lines"
          className="h-8 w-56"
        />
        <Select value={level} onValueChange={(v) => setLevel(v as LevelFilter)}>
          <SelectTrigger className="h-8 w-32" aria-label="Minimum level">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {LEVELS.map((l) => (
              <SelectItem key={l} value={l}>
                {l === 'all' ? 'All levels' : `${l} and up`}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
        <span className="ml-auto flex items-center gap-2 text-xs text-muted-foreground tabular-nums">
          {live ? (
            <span className="inline-flex items-center gap-1.5" title="New lines arrive live">
              <StatusDot status="healthy" pulse />
              live
            </span>
          ) : null}
          {shown.length === logs.length ? logs.length : `${shown.length} of ${logs.length}`} lines
        </span>
      </div>
      <div className="relative">
        <div
          ref={pane}
          onScroll={onScroll}
          className="max-h-[420px] min-h-24 overflow-auto rounded-md border bg-muted/30 p-2 font-mono text-xs leading-relaxed"
          role="log"
          aria-live={live ? 'polite' : 'off'}
          aria-label="Log lines"
        >
          {loading && !logs.length ? (
            <div className="grid gap-1.5">
              <Skeleton className="h-3.5 w-3/4" />
              <Skeleton className="h-3.5 w-1/2" />
              <Skeleton className="h-3.5 w-2/3" />
            </div>
          ) : !shown.length ? (
            <EmptyState
              icon={<ScrollText />}
              title={logs.length ? 'No line matches' : emptyText}
              className="py-6 font-sans"
            />
          ) : (
            shown.map((l) => (
              <div
                key={l.id}
                className="group grid grid-cols-[auto_auto_1fr] gap-x-2 rounded px-1 hover:bg-accent/50"
                data-testid="log-line"
                data-level={l.level}
              >
                <time
                  className="text-muted-foreground tabular-nums"
                  dateTime={new Date(l.at).toISOString()}
                >
                  {clock.format(new Date(l.at))}
                </time>
                <span className={cn('w-10 uppercase', levelClass[l.level] ?? 'text-foreground')}>
                  {l.level}
                </span>
                <div className="min-w-0">
                  {showStep && l.stepId ? (
                    <span className="mr-1.5 text-primary">
                      [{stepLabel?.(l.stepId) ?? l.stepId}]
                    </span>
                  ) : null}
                  <span className="whitespace-pre-wrap break-words">{l.message}</span>
                  {hasData(l.data) ? (
                    <details className="mt-0.5">
                      <summary className="cursor-pointer text-muted-foreground select-none">
                        data
                      </summary>
                      <pre className="mt-1 overflow-auto rounded bg-background p-1.5">
                        {JSON.stringify(l.data, null, 2)}
                      </pre>
                    </details>
                  ) : null}
                </div>
              </div>
            ))
          )}
        </div>
        {!follow && shown.length ? (
          <Button
            size="sm"
            variant="secondary"
            className="absolute right-3 bottom-3 shadow-md"
            onClick={() => setFollow(true)}
          >
            <ArrowDown />
            Latest
          </Button>
        ) : null}
      </div>
    </div>
  );
}
