import * as React from 'react';
import { cn } from './cn';

/**
 * A compact horizontal bar for a ratio (0…1) with its value as text, e.g. a
 * confidence or a null ratio. `tone` picks the colour; `auto` goes from
 * amber (low) to the primary colour (high).
 */
export function Meter({
  value,
  label,
  tone = 'primary',
  showValue = true,
  format = (v) => `${Math.round(v * 100)}%`,
  className,
  barClassName,
}: {
  value: number | null | undefined;
  label?: string;
  tone?: 'primary' | 'auto' | 'muted' | 'warning' | 'destructive' | 'success' | 'info';
  showValue?: boolean;
  format?: (value: number) => string;
  className?: string;
  barClassName?: string;
}) {
  const v = value == null || Number.isNaN(value) ? null : Math.min(1, Math.max(0, value));
  const color =
    tone === 'auto'
      ? v === null
        ? 'bg-muted-foreground/40'
        : v >= 0.8
          ? 'bg-primary'
          : v >= 0.5
            ? 'bg-info'
            : 'bg-warning'
      : {
          primary: 'bg-primary',
          muted: 'bg-muted-foreground/50',
          warning: 'bg-warning',
          destructive: 'bg-destructive',
          success: 'bg-success',
          info: 'bg-info',
        }[tone];
  return (
    <div
      className={cn('flex min-w-0 items-center gap-2', className)}
      role="meter"
      aria-label={label}
      aria-valuemin={0}
      aria-valuemax={1}
      aria-valuenow={v ?? undefined}
      aria-valuetext={v === null ? 'unknown' : format(v)}
    >
      <div
        className={cn('h-1.5 w-16 shrink-0 overflow-hidden rounded-full bg-muted', barClassName)}
      >
        <div className={cn('h-full rounded-full', color)} style={{ width: `${(v ?? 0) * 100}%` }} />
      </div>
      {showValue ? (
        <span className="w-10 shrink-0 text-xs tabular-nums text-muted-foreground">
          {v === null ? '—' : format(v)}
        </span>
      ) : null}
    </div>
  );
}
