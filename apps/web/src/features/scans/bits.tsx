'use client';
import { Ban, CheckCircle2, CircleDashed, Loader2, XCircle } from 'lucide-react';
import { Badge, type BadgeProps } from '@racine/ui';
import type { RouterOutputs } from '~/trpc/types';

export type ScanView = RouterOutputs['scan']['list']['items'][number];
export type RunView = RouterOutputs['scan']['listRuns']['items'][number];
export type RunDetail = RouterOutputs['scan']['getRun'];
export type RunStatus = RunView['status'];

export const runStatuses: RunStatus[] = ['queued', 'running', 'succeeded', 'failed', 'cancelled'];
export const isActive = (status: RunStatus | null | undefined) =>
  status === 'queued' || status === 'running';

const statusMeta: Record<RunStatus, { variant: BadgeProps['variant']; icon: React.ReactNode }> = {
  queued: { variant: 'secondary', icon: <CircleDashed /> },
  running: { variant: 'info', icon: <Loader2 className="animate-spin" /> },
  succeeded: { variant: 'success', icon: <CheckCircle2 /> },
  failed: { variant: 'destructive', icon: <XCircle /> },
  cancelled: { variant: 'warning', icon: <Ban /> },
};

export function RunStatusBadge({ status }: { status: RunStatus }) {
  const meta = statusMeta[status];
  return (
    <Badge variant={meta.variant} data-testid="run-status" data-status={status}>
      {meta.icon}
      {status}
    </Badge>
  );
}

/** "1.2 s", "3 min 4 s"; a running run counts up to now. */
export function formatDuration(
  start: Date | string | null | undefined,
  end: Date | string | null | undefined,
  now = Date.now(),
): string {
  if (!start) return '—';
  const from = new Date(start).getTime();
  const to = end ? new Date(end).getTime() : now;
  const ms = Math.max(0, to - from);
  if (ms < 1000) return `${ms} ms`;
  const s = ms / 1000;
  if (s < 60) return `${s.toFixed(s < 10 ? 1 : 0)} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min ${Math.round(s % 60)} s`;
  return `${Math.floor(m / 60)} h ${m % 60} min`;
}

/** "+3 −1 ~2", muted when nothing changed. */
export function DriftCounts({
  run,
}: {
  run: Pick<RunView, 'driftAdded' | 'driftRemoved' | 'driftChanged'>;
}) {
  const none = !run.driftAdded && !run.driftRemoved && !run.driftChanged;
  if (none) return <span className="text-xs text-muted-foreground">no drift</span>;
  return (
    <span
      className="inline-flex gap-1.5 font-mono text-xs tabular-nums"
      title="added · removed · changed"
    >
      <span className="text-success">+{run.driftAdded}</span>
      <span className="text-destructive">−{run.driftRemoved}</span>
      <span className="text-amber-600 dark:text-amber-400">~{run.driftChanged}</span>
    </span>
  );
}
