import * as React from 'react';
import { cn } from './cn';

export type Status = 'healthy' | 'degraded' | 'down' | 'unknown';

const tone: Record<Status, string> = {
  healthy: 'bg-success',
  degraded: 'bg-warning',
  down: 'bg-destructive',
  unknown: 'bg-muted-foreground/50',
};

export function StatusDot({
  status,
  pulse = false,
  className,
}: {
  status: Status;
  pulse?: boolean;
  className?: string;
}) {
  return (
    <span className={cn('relative inline-flex size-2.5 shrink-0', className)} aria-hidden>
      {pulse ? (
        <span
          className={cn(
            'absolute inline-flex size-full animate-ping rounded-full opacity-60',
            tone[status],
          )}
        />
      ) : null}
      <span className={cn('relative inline-flex size-2.5 rounded-full', tone[status])} />
    </span>
  );
}
