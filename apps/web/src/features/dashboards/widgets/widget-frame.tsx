'use client';
import * as React from 'react';
import Link from 'next/link';
import { CircleSlash, GripVertical, Settings2, TriangleAlert, X } from 'lucide-react';
import { Button, Card, cn, Skeleton } from '@racine/ui';
import type { Widget, WidgetState } from '../types';

/** The card every widget sits in: its title, the edit controls, and the shared loading, empty and error states. */
export function WidgetFrame({
  widget,
  state,
  editing,
  onConfigure,
  onRemove,
  children,
  isEmpty,
  subtitle,
}: {
  widget: Widget;
  state: WidgetState;
  editing?: boolean;
  onConfigure?: () => void;
  onRemove?: () => void;
  children: React.ReactNode;
  /** Whether the result has nothing to show (no rows, no points…). */
  isEmpty: boolean;
  subtitle?: React.ReactNode;
}) {
  let body: React.ReactNode;
  if (state.error) body = <WidgetError message={state.error} />;
  else if (!state.result) body = <WidgetSkeleton type={widget.type} />;
  else if (isEmpty) body = <WidgetEmpty metric={widget.metric} />;
  else body = children;
  return (
    <Card
      className={cn('flex h-full min-h-0 flex-col overflow-hidden', editing && 'ring-1 ring-primary/30')}
      data-testid="widget"
      data-widget-id={widget.id}
      data-widget-type={widget.type}
      data-state={state.error ? 'error' : !state.result ? 'loading' : isEmpty ? 'empty' : 'ready'}
    >
      <div className="flex items-start gap-1 px-4 pb-1 pt-3">
        {editing ? (
          <span className="widget-drag-handle -ml-1 cursor-grab text-muted-foreground active:cursor-grabbing" aria-label="Drag to move" title="Drag to move">
            <GripVertical className="size-4" />
          </span>
        ) : null}
        <div className="min-w-0 flex-1">
          <h3 className="truncate text-sm font-semibold" title={widget.title}>
            {widget.title}
          </h3>
          {subtitle ? <p className="truncate text-xs text-muted-foreground">{subtitle}</p> : null}
        </div>
        {editing ? (
          <div className="widget-no-drag -mr-2 -mt-1 flex items-center">
            <Button variant="ghost" size="icon" className="size-7" onClick={onConfigure} aria-label={`Configure ${widget.title}`} data-testid="configure-widget">
              <Settings2 className="size-4" />
            </Button>
            <Button variant="ghost" size="icon" className="size-7" onClick={onRemove} aria-label={`Remove ${widget.title}`} data-testid="remove-widget">
              <X className="size-4" />
            </Button>
          </div>
        ) : null}
      </div>
      <div className="@container min-h-0 flex-1 overflow-auto px-4 pb-3">{body}</div>
    </Card>
  );
}

export function WidgetSkeleton({ type }: { type: Widget['type'] }) {
  if (type === 'kpi')
    return (
      <div className="grid gap-2 pt-1" data-testid="widget-skeleton">
        <Skeleton className="h-8 w-28" />
        <Skeleton className="h-4 w-20" />
      </div>
    );
  if (['table', 'topN', 'findings', 'insights'].includes(type))
    return (
      <div className="grid gap-2 pt-1" data-testid="widget-skeleton">
        {[0, 1, 2, 3].map((i) => (
          <Skeleton key={i} className="h-6 w-full" />
        ))}
      </div>
    );
  return <Skeleton className="h-full min-h-24 w-full" data-testid="widget-skeleton" />;
}

/** Nothing to show yet: most metrics start at the first scan. */
export function WidgetEmpty({ metric }: { metric: string }) {
  const hint =
    metric.startsWith('workflow.') || metric.startsWith('pipeline.') || metric.startsWith('runs.')
      ? { text: 'No runs in this range', href: '/workflows', link: 'Workflows' }
      : metric.startsWith('activity.')
        ? { text: 'No activity in this range', href: '/activity', link: 'Activity' }
        : metric.endsWith('.mine') || metric.startsWith('insights.')
          ? { text: 'Nothing here right now', href: null, link: null }
          : { text: 'No scans yet — run one from', href: '/scans', link: 'Scans' };
  return (
    <div className="flex h-full min-h-16 flex-col items-center justify-center gap-1 text-center text-sm text-muted-foreground" data-testid="widget-empty">
      <CircleSlash className="size-4" />
      <p>
        {hint.text}
        {hint.href ? (
          <>
            {' '}
            <Link href={hint.href} className="font-medium text-foreground underline-offset-2 hover:underline">
              {hint.link}
            </Link>
          </>
        ) : null}
      </p>
    </div>
  );
}

export function WidgetError({ message }: { message: string }) {
  return (
    <div role="alert" className="flex h-full min-h-16 flex-col items-center justify-center gap-1 text-center text-sm" data-testid="widget-error">
      <TriangleAlert className="size-4 text-destructive" />
      <p className="font-medium">This widget could not load</p>
      <p className="line-clamp-2 max-w-xs text-xs text-muted-foreground">{message}</p>
    </div>
  );
}
