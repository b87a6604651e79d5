'use client';
import * as React from 'react';
import { Progress as ProgressPrimitive } from 'radix-ui';
import { cn } from './cn';

/** A bar from 0 to max; turns amber past 80 % and red at 100 % when `quota` is set. */
export function Progress({
  value,
  max = 100,
  quota = false,
  className,
  ...props
}: { value: number; max?: number; quota?: boolean; className?: string } & Omit<
  React.ComponentProps<typeof ProgressPrimitive.Root>,
  'value' | 'max'
>) {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const tone = !quota
    ? 'bg-primary'
    : ratio >= 1
      ? 'bg-destructive'
      : ratio >= 0.8
        ? 'bg-warning'
        : 'bg-primary';
  return (
    <ProgressPrimitive.Root
      value={Math.min(value, max)}
      max={max}
      className={cn('relative h-2 w-full overflow-hidden rounded-full bg-muted', className)}
      {...props}
    >
      <ProgressPrimitive.Indicator
        className={cn('h-full transition-all', tone)}
        style={{ width: `${ratio * 100}%` }}
      />
    </ProgressPrimitive.Root>
  );
}
