'use client';
import {
  Ban,
  CheckCircle2,
  CircleDashed,
  CircleHelp,
  Loader2,
  PauseCircle,
  TriangleAlert,
  XCircle,
} from 'lucide-react';
import { Badge, type BadgeProps, Tooltip } from '@racine/ui';
import type { HealthStatus, RunStatus, StageCounts } from './types';

export const isRunActive = (status: RunStatus | null | undefined) =>
  status === 'queued' || status === 'running' || status === 'paused';

const runMeta: Record<RunStatus, { variant: BadgeProps['variant']; icon: React.ReactNode }> = {
  queued: { variant: 'secondary', icon: <CircleDashed /> },
  running: { variant: 'info', icon: <Loader2 className="animate-spin" /> },
  paused: { variant: 'warning', icon: <PauseCircle /> },
  succeeded: { variant: 'success', icon: <CheckCircle2 /> },
  failed: { variant: 'destructive', icon: <XCircle /> },
  cancelled: { variant: 'warning', icon: <Ban /> },
};

export function PipelineRunStatusBadge({ status }: { status: RunStatus }) {
  const meta = runMeta[status] ?? runMeta.queued;
  return (
    <Badge variant={meta.variant} data-testid="pipeline-run-status" data-status={status}>
      {meta.icon}
      {status}
    </Badge>
  );
}

const healthMeta: Record<
  HealthStatus,
  { variant: BadgeProps['variant']; icon: React.ReactNode; label: string }
> = {
  healthy: { variant: 'success', icon: <CheckCircle2 />, label: 'Healthy' },
  degraded: { variant: 'warning', icon: <TriangleAlert />, label: 'Degraded' },
  failing: { variant: 'destructive', icon: <XCircle />, label: 'Failing' },
  unknown: { variant: 'secondary', icon: <CircleHelp />, label: 'Unknown' },
};

/** Health against the SLA; the reasons (why it is not healthy) in a tooltip. */
export function HealthBadge({
  status,
  reasons = [],
}: {
  status: HealthStatus;
  reasons?: readonly string[];
}) {
  const meta = healthMeta[status] ?? healthMeta.unknown;
  const badge = (
    <Badge
      variant={meta.variant}
      data-testid="pipeline-health"
      data-health={status}
      tabIndex={reasons.length ? 0 : undefined}
      aria-label={reasons.length ? `${meta.label}: ${reasons.join('; ')}` : meta.label}
    >
      {meta.icon}
      {meta.label}
    </Badge>
  );
  if (!reasons.length) return badge;
  return (
    <Tooltip
      side="bottom"
      content={
        <ul className="grid gap-0.5">
          {reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      }
    >
      {badge}
    </Tooltip>
  );
}

/** Items a stage is done with (whatever the outcome). */
export const stageDone = (s: Pick<StageCounts, 'succeeded' | 'failed' | 'dead'>) =>
  s.succeeded + s.failed + s.dead;

export const percent = (ratio: number | null | undefined, digits = 1) =>
  ratio == null || Number.isNaN(ratio) ? '—' : `${(ratio * 100).toFixed(digits)}%`;

export const formatMs = (ms: number | null | undefined) =>
  ms == null
    ? '—'
    : ms < 1000
      ? `${Math.round(ms)} ms`
      : `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export const formatRate = (perSec: number | null | undefined) =>
  perSec == null ? '—' : `${perSec >= 10 ? perSec.toFixed(0) : perSec.toFixed(1)}/s`;
