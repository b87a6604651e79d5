'use client';
import { Ban, CheckCircle2, CircleAlert, Clock, LoaderCircle } from 'lucide-react';
import { Badge, type BadgeProps } from '@racine/ui';
import type { ToolCallStatus } from './types';

const statusView: Record<
  ToolCallStatus,
  { label: string; variant: BadgeProps['variant']; Icon: typeof Clock }
> = {
  running: { label: 'running', variant: 'info', Icon: LoaderCircle },
  done: { label: 'done', variant: 'success', Icon: CheckCircle2 },
  failed: { label: 'failed', variant: 'destructive', Icon: CircleAlert },
  awaiting_confirmation: { label: 'needs your confirmation', variant: 'warning', Icon: Clock },
  declined: { label: 'declined', variant: 'secondary', Icon: Ban },
};

export function CallStatusBadge({ status }: { status: ToolCallStatus }) {
  const view = statusView[status] ?? statusView.done;
  const { Icon } = view;
  return (
    <Badge variant={view.variant} data-testid="call-status" data-status={status}>
      <Icon className={status === 'running' ? 'animate-spin' : undefined} />
      {view.label}
    </Badge>
  );
}

/** Tool names are snake_case for models; people read "search catalog". */
export const toolLabel = (name: string) => name.replace(/_/g, ' ');

export function formatMs(ms?: number) {
  if (ms === undefined) return null;
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
