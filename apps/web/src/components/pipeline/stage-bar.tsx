'use client';
import { cn } from '@racine/ui';
import type { StageCounts } from './types';

const segments = [
  { key: 'succeeded', className: 'bg-success', label: 'succeeded' },
  { key: 'failed', className: 'bg-warning', label: 'failed, waiting for a retry' },
  { key: 'dead', className: 'bg-destructive', label: 'dead' },
  { key: 'running', className: 'bg-info animate-pulse', label: 'running' },
] as const;

/**
 * A stage's items as one stacked bar over the run's item count: succeeded,
 * failed (to be retried), dead, then running; the rest is pending.
 */
export function StageBar({
  stage,
  total,
  className,
}: {
  stage: StageCounts;
  total: number;
  className?: string;
}) {
  const max = Math.max(total, 1);
  return (
    <div
      className={cn('flex h-2 w-full overflow-hidden rounded-full bg-muted', className)}
      role="img"
      aria-label={segments.map((s) => `${stage[s.key]} ${s.label}`).join(', ') + ` of ${total}`}
    >
      {segments.map((s) =>
        stage[s.key] ? (
          <div
            key={s.key}
            className={cn('h-full transition-all', s.className)}
            style={{ width: `${(Math.min(stage[s.key], max) / max) * 100}%` }}
          />
        ) : null,
      )}
    </div>
  );
}
